// The brief's example workflows, the figures a fresh calculator starts from, and the cautious and
// optimistic scenarios every result is shown beside.
import { PRESET_TEXT, SCENARIO_LABELS, type PresetText } from './labels.ts';
import type { ScenarioAdjustment, ScenarioName } from './scenarios.ts';
import type { PresetId, RoiInputs } from './schema.ts';

// The scenarios' names and shape live below this module and labels.ts (scenarios.ts); imported from here too.
export { SCENARIO_NAMES, type ScenarioAdjustment, type ScenarioName } from './scenarios.ts';

/** An example workflow: its name and description (labels.ts) and its figures. */
interface Preset extends PresetText {
  inputs: RoiInputs;
}

// Shared SMB assumptions, stated once so the page can say what they are: a loaded cost of 55 an hour,
// a month of ramp-up, two years at 8% a year, the brief's 4-week month and the whole volume automated.
const common = {
  coverageShare: 1,
  costPerHour: 55,
  revenuePerMonth: 0,
  rampUpMonths: 1,
  horizonMonths: 24,
  annualDiscountRate: 0.08,
  currency: 'USD',
  weeksPerMonth: 4,
} as const;

/** The brief's example workflows. Each reproduces its "hours saved per month" figure and pays back. */
export const PRESETS: Record<Exclude<PresetId, 'custom'>, Preset> = {
  'lead-routing': {
    ...PRESET_TEXT['lead-routing'],
    inputs: {
      ...common,
      preset: 'lead-routing',
      unit: 'week',
      // Not read for a weekly workflow; kept valid so switching the unit to 'file' starts somewhere sensible.
      unitsPerMonth: 100,
      timeUnit: 'hours',
      manualTimePerUnit: 8,
      assistedTimePerUnit: 2,
      // A lead left unanswered in one week out of four, worth 400 in lost margin; half of those avoided.
      errorRate: 0.25,
      costPerError: 400,
      errorReduction: 0.5,
      implementationCost: 4_500,
      runningCostPerMonth: 300,
    },
  },
  'crm-cleanup': {
    ...PRESET_TEXT['crm-cleanup'],
    inputs: {
      ...common,
      preset: 'crm-cleanup',
      unit: 'month',
      unitsPerMonth: 100,
      timeUnit: 'hours',
      manualTimePerUnit: 10,
      assistedTimePerUnit: 3,
      // A bad merge or duplicate outreach every other month, costing 300 to put right; 60% avoided.
      errorRate: 0.5,
      costPerError: 300,
      errorReduction: 0.6,
      implementationCost: 2_500,
      runningCostPerMonth: 120,
    },
  },
  'document-intake': {
    ...PRESET_TEXT['document-intake'],
    inputs: {
      ...common,
      preset: 'document-intake',
      unit: 'file',
      unitsPerMonth: 300,
      timeUnit: 'minutes',
      manualTimePerUnit: 15,
      assistedTimePerUnit: 5,
      // 4% of files keyed wrong, 60 of rework each; review catches half of them.
      errorRate: 0.04,
      costPerError: 60,
      errorReduction: 0.5,
      implementationCost: 6_000,
      runningCostPerMonth: 450,
    },
  },
  'renewal-prep': {
    ...PRESET_TEXT['renewal-prep'],
    inputs: {
      ...common,
      preset: 'renewal-prep',
      unit: 'account',
      unitsPerMonth: 40,
      timeUnit: 'minutes',
      manualTimePerUnit: 45,
      assistedTimePerUnit: 15,
      // One renewal in ten goes in underprepared, costing 250 in discount or churn; 40% avoided.
      errorRate: 0.1,
      costPerError: 250,
      errorReduction: 0.4,
      implementationCost: 4_000,
      runningCostPerMonth: 250,
    },
  },
};

/** What the page renders first and a link without a preset starts from: the lead-routing example. */
export const DEFAULT_INPUTS: RoiInputs = PRESETS['lead-routing'].inputs;

/** Starting values for a preset; 'custom' starts from the default workflow's figures. */
export function presetInputs(preset: PresetId): RoiInputs {
  return preset === 'custom' ? { ...DEFAULT_INPUTS, preset: 'custom' } : { ...PRESETS[preset].inputs };
}

// Scenarios: the same workflow under cautious and optimistic assumptions, so one figure is never read as a promise.
/** The scenarios' adjustments; 'expected' moves nothing, so it is the main result. */
export const SCENARIO_ADJUSTMENTS: Record<ScenarioName, ScenarioAdjustment> = {
  low: { label: SCENARIO_LABELS.low, timeSavedChange: -0.25, volumeChange: -0.2, implementationCostChange: 0.25, rampUpMonthsChange: 1 },
  expected: { label: SCENARIO_LABELS.expected, timeSavedChange: 0, volumeChange: 0, implementationCostChange: 0, rampUpMonthsChange: 0 },
  high: { label: SCENARIO_LABELS.high, timeSavedChange: 0.15, volumeChange: 0.1, implementationCostChange: -0.1, rampUpMonthsChange: 0 },
};
