// The example workflows as pages quote them (the home page, the calculator's table, the sample audit):
// time per unit by hand and with AI, and the hours a month the model gives back, all worked out from
// the presets, so no page can state a figure the calculator does not show.
import { formatNumber } from '../text/numbers.ts';
import { countsItems, itemNoun, timeUnitShort } from './labels.ts';
import { computeRoi } from './model.ts';
import { PRESETS } from './presets.ts';
import type { PresetId } from './schema.ts';

export interface ExampleWorkflow {
  preset: Exclude<PresetId, 'custom'>;
  /** "Lead routing and first reply". */
  label: string;
  /** Time by hand for one unit, e.g. "8 h" or "15 min". */
  manual: string;
  /** Time with AI assistance, in the same unit. */
  assisted: string;
  /** What one unit is: "week", "month", "file", "account". */
  per: string;
  /** Hours given back a month at the preset's volume (the model's figure, unrounded). */
  hoursSavedPerMonth: number;
  /** The volume behind that figure when it is counted in items, labelled as ours (the brief gives no volume): " (at an illustrative 300 files a month)"; else "". */
  volumeNote: string;
}

/** One example workflow's figures. */
export function exampleWorkflow(preset: ExampleWorkflow['preset']): ExampleWorkflow {
  const { inputs, label } = PRESETS[preset];
  const time = timeUnitShort(inputs.timeUnit);
  return {
    preset,
    label,
    manual: `${formatNumber(inputs.manualTimePerUnit)} ${time}`,
    assisted: `${formatNumber(inputs.assistedTimePerUnit)} ${time}`,
    per: inputs.unit,
    hoursSavedPerMonth: computeRoi(inputs).hoursSavedPerMonth,
    volumeNote: countsItems(inputs.unit) ? ` (at an illustrative ${formatNumber(inputs.unitsPerMonth)} ${itemNoun(inputs.unit)} a month)` : '',
  };
}

/** The example workflows in the calculator's order. */
export const exampleWorkflows = (): ExampleWorkflow[] => (Object.keys(PRESETS) as ExampleWorkflow['preset'][]).map(exampleWorkflow);

/**
 * One example workflow's figures as prose quotes them, each a formatted number without its unit, so a
 * sentence reads "from {x.manual} minutes a file to {x.assisted}" and the number is the preset's own.
 * MDX pages import EXAMPLE_FIGURES below; no page types an example figure.
 */
export interface ExampleFigures {
  /** Time by hand for one unit: "8" (hours a week), "15" (minutes a file). */
  manual: string;
  /** Time with AI assistance for one unit, same unit. */
  assisted: string;
  /** Time saved per unit, same unit: "6", "10", "30". */
  savedPerUnit: string;
  /** Units a month the model counts: "4" weeks, "1" month, "300" files, "40" accounts. */
  unitsPerMonth: string;
  /** Minutes given back a month: "3,000" for document intake. */
  minutesSavedPerMonth: string;
  /** Hours given back a month: "24", "7", "50", "20". */
  hoursSavedPerMonth: string;
}

/** The figures of one example workflow for prose (see ExampleFigures). */
export function exampleFigures(preset: ExampleWorkflow['preset']): ExampleFigures {
  const { inputs } = PRESETS[preset];
  const saved = inputs.manualTimePerUnit - inputs.assistedTimePerUnit;
  const units = inputs.unit === 'week' ? inputs.weeksPerMonth : inputs.unit === 'month' ? 1 : inputs.unitsPerMonth;
  const hours = computeRoi(inputs).hoursSavedPerMonth;
  return {
    manual: formatNumber(inputs.manualTimePerUnit),
    assisted: formatNumber(inputs.assistedTimePerUnit),
    savedPerUnit: formatNumber(saved),
    unitsPerMonth: formatNumber(units),
    minutesSavedPerMonth: formatNumber(hours * 60, 0),
    hoursSavedPerMonth: formatNumber(hours, 0),
  };
}

/**
 * The rough baseline of the site's lead example (the sample audit's answers and the checklist's example
 * of a good baseline answer): volume a month, share with an error, hours from request to first reply.
 * The hours by hand are the lead-routing preset's, so every page tells the same story.
 */
export const EXAMPLE_LEAD_BASELINE = {
  itemsPerMonth: 120,
  manualHoursPerWeek: PRESETS['lead-routing'].inputs.manualTimePerUnit,
  errorRatePercent: 10,
  cycleTimeHours: 22,
} as const;

/** Every example figure prose may quote, by workflow: `EXAMPLE_FIGURES.renewalPrep.hoursSavedPerMonth` is "20". */
export const EXAMPLE_FIGURES = {
  leadRouting: exampleFigures('lead-routing'),
  crmCleanup: exampleFigures('crm-cleanup'),
  documentIntake: exampleFigures('document-intake'),
  renewalPrep: exampleFigures('renewal-prep'),
  leadBaseline: {
    itemsPerMonth: formatNumber(EXAMPLE_LEAD_BASELINE.itemsPerMonth),
    manualHoursPerWeek: formatNumber(EXAMPLE_LEAD_BASELINE.manualHoursPerWeek),
    errorRatePercent: formatNumber(EXAMPLE_LEAD_BASELINE.errorRatePercent),
    cycleTimeHours: formatNumber(EXAMPLE_LEAD_BASELINE.cycleTimeHours),
  },
} as const;
