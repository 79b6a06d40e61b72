// The calculator's display text: field names and form labels, hints, the example workflows' names and
// the scenarios' names. The form, the results, the page and the booking summary all read them here.
import { formatNumber } from '../text/numbers.ts';
import type { ScenarioAdjustment, ScenarioName } from './scenarios.ts';
import type { FieldName, PresetId, WorkUnit } from './fields.ts';

/** An example workflow's name and its one line for the preset picker. */
export interface PresetText {
  label: string;
  /** One line for the preset picker. */
  description: string;
}

/** The example workflows' names and descriptions, and the visitor's own ('custom'). */
export const PRESET_TEXT: Record<PresetId, PresetText> = {
  'lead-routing': {
    label: 'Lead routing and first reply',
    description: 'Enrich, route and draft the first reply to new leads: 8 h a week by hand, 2 h with automation.',
  },
  'crm-cleanup': {
    label: 'CRM cleanup',
    description: 'Find duplicates, enrich and standardize records: 10 h a month by hand, 3 h with automation.',
  },
  'document-intake': {
    label: 'Document intake',
    description: 'Extract invoice and onboarding data into the right system: 15 min a file by hand, 5 min with automation.',
  },
  'renewal-prep': {
    label: 'Renewal prep',
    description: 'Summarize account history and churn signals before each renewal: 45 min an account by hand, 15 min with automation.',
  },
  custom: { label: 'Your own workflow', description: 'Selected as soon as you change a figure of the workflow below.' },
};

/** A preset's name for people, e.g. 'CRM cleanup', or 'Your own workflow' for 'custom'. */
export function presetLabel(preset: PresetId): string {
  return PRESET_TEXT[preset].label;
}

/** The scenarios' names, in the table, the CSV and the method on the page. */
export const SCENARIO_LABELS: Record<ScenarioName, string> = { low: 'Cautious', expected: 'Expected', high: 'Optimistic' };

// A field's name: the label in the form and the prefix of a rejected-value notice.
const FIELD_LABELS: Record<FieldName, string> = {
  preset: 'Workflow',
  unit: 'Unit of work',
  unitsPerMonth: 'Files or accounts per month',
  timeUnit: 'Time unit',
  manualTimePerUnit: 'Time by hand',
  assistedTimePerUnit: 'Time with automation',
  coverageShare: 'Share of the work automated',
  costPerHour: 'Cost per hour',
  errorRate: 'Error rate by hand',
  costPerError: 'Cost per error',
  errorReduction: 'Errors avoided',
  revenuePerMonth: 'Revenue effect per month',
  implementationCost: 'Implementation cost',
  runningCostPerMonth: 'Running cost per month',
  rampUpMonths: 'Ramp-up',
  horizonMonths: 'Horizon',
  annualDiscountRate: 'Discount rate per year',
  currency: 'Currency',
  weeksPerMonth: 'Weeks per month',
};

// Where the form's label says more than the field's name.
const FORM_LABELS: Partial<Record<FieldName, string>> = {
  assistedTimePerUnit: 'Time with AI assistance',
  coverageShare: 'Share of the volume the workflow handles',
  costPerHour: 'Loaded cost per hour',
  revenuePerMonth: 'Revenue effect per month (optional)',
  implementationCost: 'One-off implementation cost',
};

/** A field's label in the form, e.g. 'Loaded cost per hour'. */
export function formLabel(name: FieldName): string {
  return FORM_LABELS[name] ?? FIELD_LABELS[name];
}

/** The line under a form field; the error rate's depends on the unit (errorRateHint). */
export const FORM_HINTS: Partial<Record<FieldName, string>> = {
  assistedTimePerUnit: 'Include the time a person spends reviewing.',
  coverageShare: 'The rest stays manual: exceptions, edge cases.',
  costPerHour: 'Salary plus overheads, per hour worked.',
  revenuePerMonth: 'Only if you can defend it, for example faster replies that win deals.',
  implementationCost: 'The figure filled in is an example, not a quote.',
  runningCostPerMonth: 'Tools, upkeep and review time.',
  rampUpMonths: 'Benefits grow evenly to full over these months.',
  annualDiscountRate: 'Your cost of capital, for NPV.',
  weeksPerMonth: '4 matches the example table; 4.33 is the calendar average.',
};

/** The options of the unit-of-work select. */
export const UNIT_OPTIONS = [
  { value: 'week', label: 'Time per week' },
  { value: 'month', label: 'Time per month' },
  { value: 'file', label: 'Time per file' },
  { value: 'account', label: 'Time per account' },
] as const satisfies readonly { value: WorkUnit; label: string }[];

/** The options of the time-unit select. */
export const TIME_UNIT_OPTIONS = [
  { value: 'minutes', label: 'Minutes' },
  { value: 'hours', label: 'Hours' },
] as const;

/** Whether the unit is one item (file, account) counted per month, rather than a period of the workflow. */
export const countsItems = (unit: string): boolean => unit === 'file' || unit === 'account';

/** The items a unit counts: 'files', 'accounts', or 'files or accounts' when the unit is a period. */
export function itemNoun(unit: string | undefined): string {
  return unit === 'file' ? 'files' : unit === 'account' ? 'accounts' : 'files or accounts';
}

/** The label of an item count, e.g. 'Files per month'. */
export function itemsPerMonthLabel(unit: string): string {
  const noun = itemNoun(unit);
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} per month`;
}

/** The error rate's hint, in the workflow's unit. */
export function errorRateHint(unit: string): string {
  return countsItems(unit) ? `Share of ${unit}s that need rework.` : `Share of ${unit}s with an error that needs rework.`;
}

/** A time unit in short: 'h' or 'min'. */
export const timeUnitShort = (timeUnit: string) => (timeUnit === 'hours' ? 'h' : 'min');

/** A time's unit in short, e.g. 'h/week' or 'min/file'; 'unit' stands in for a unit the form does not know. */
export function timePerUnitLabel(unit: string, timeUnit: string): string {
  const per = UNIT_OPTIONS.some((option) => option.value === unit) ? unit : 'unit';
  return `${timeUnitShort(timeUnit)}/${per}`;
}

const signedPercent = (change: number) => `${change > 0 ? '+' : '-'}${formatNumber(Math.abs(change) * 100)}%`;

/** What a scenario moves, one printable line each, e.g. ['Time saved per unit -25%', 'Ramp-up +1 month']. */
export function describeScenario(adjustment: ScenarioAdjustment): string[] {
  const lines: string[] = [];
  if (adjustment.timeSavedChange) lines.push(`Time saved per unit ${signedPercent(adjustment.timeSavedChange)}`);
  if (adjustment.volumeChange) lines.push(`Volume ${signedPercent(adjustment.volumeChange)}`);
  if (adjustment.implementationCostChange) {
    lines.push(`Implementation cost ${signedPercent(adjustment.implementationCostChange)}`);
  }
  const ramp = adjustment.rampUpMonthsChange;
  if (ramp) lines.push(`Ramp-up ${ramp > 0 ? '+' : '-'}${Math.abs(ramp)} month${Math.abs(ramp) === 1 ? '' : 's'}`);
  return lines;
}
