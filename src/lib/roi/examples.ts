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
  /** The volume behind that figure when it is counted in items: " (300 files a month)"; else "". */
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
    volumeNote: countsItems(inputs.unit) ? ` (${formatNumber(inputs.unitsPerMonth)} ${itemNoun(inputs.unit)} a month)` : '',
  };
}

/** The example workflows in the calculator's order. */
export const exampleWorkflows = (): ExampleWorkflow[] => (Object.keys(PRESETS) as ExampleWorkflow['preset'][]).map(exampleWorkflow);
