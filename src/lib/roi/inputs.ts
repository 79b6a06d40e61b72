// The ROI calculator's inputs: schema, presets, scenario definitions and the query string that carries a
// whole scenario in a shareable URL. Pure: the form island, the page and the tests all use it as is.
// zod/mini: the same schemas at a fifth of the size in the calculator's browser bundle.
import * as z from 'zod/mini';

export const PRESET_IDS = ['lead-routing', 'crm-cleanup', 'document-intake', 'renewal-prep', 'custom'] as const;
/** 'week' and 'month' time the whole workflow per period; 'file' and 'account' time one item. */
export const WORK_UNITS = ['week', 'month', 'file', 'account'] as const;
export const TIME_UNITS = ['minutes', 'hours'] as const;
export const HORIZON_MONTHS = [12, 24, 36] as const;

export type WorkUnit = (typeof WORK_UNITS)[number];
export type TimeUnit = (typeof TIME_UNITS)[number];

/** What a message may mention to be specific ("files", "minutes per file"). */
export interface FieldContext {
  unit?: WorkUnit;
  timeUnit?: TimeUnit;
}

interface NumberFieldSpec {
  label: string;
  min: number;
  max: number;
  /** The minimum itself is not allowed: a manual time of 0 describes no work. */
  minExclusive?: boolean;
  integer?: boolean;
  /** The schema's message: what to enter and the allowed range. */
  message: string;
  /** Inline message below the minimum, when the generic "Must be N or more" would mislead. */
  tooSmall?: string;
  /** Inline message above the maximum: such figures are nearly always typos. */
  tooLarge: (context: FieldContext) => string;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
/** '1,000,000': for messages; the query string keeps plain JavaScript numbers. */
const fmt = (value: number) => grouped.format(value);

const unitNoun = (unit: WorkUnit | undefined) =>
  unit === 'file' ? 'files' : unit === 'account' ? 'accounts' : 'files or accounts';
const perUnit = (context: FieldContext) =>
  `${context.timeUnit ?? 'minutes or hours'} per ${context.unit ?? 'unit'}`;
const share = (what: string): Pick<NumberFieldSpec, 'min' | 'max' | 'message' | 'tooLarge'> => ({
  min: 0,
  max: 1,
  message: `Enter ${what} as a share between 0 and 1 (0.25 is 25%)`,
  tooLarge: () => 'That is more than 1 (100%): enter a share between 0 and 1',
});

/** Bounds and messages of every number field, shared by the schema and the inline checks. */
export const NUMBER_FIELDS = {
  unitsPerMonth: {
    label: 'Files or accounts per month',
    min: 1,
    max: 1_000_000,
    message: 'Enter a number of files or accounts per month between 1 and 1,000,000',
    tooLarge: (c) => `That is more than 1,000,000 ${unitNoun(c.unit)} a month: check the figure`,
  },
  manualTimePerUnit: {
    label: 'Time by hand',
    min: 0,
    max: 10_000,
    minExclusive: true,
    message: 'Enter the time by hand per unit: more than 0 and at most 10,000',
    tooSmall: 'Must be more than 0',
    tooLarge: (c) => `That is more than 10,000 ${perUnit(c)}: check the figure`,
  },
  assistedTimePerUnit: {
    label: 'Time with automation',
    min: 0,
    max: 10_000,
    message: 'Enter the time with automation per unit between 0 and 10,000',
    tooLarge: (c) => `That is more than 10,000 ${perUnit(c)}: check the figure`,
  },
  coverageShare: { label: 'Share of the work automated', ...share('the share of the work automated') },
  costPerHour: {
    label: 'Cost per hour',
    min: 0,
    max: 1_000,
    message: 'Enter a loaded cost per hour between 0 and 1,000',
    tooLarge: () => 'That is more than 1,000 an hour: check the figure',
  },
  errorRate: { label: 'Error rate by hand', ...share('the error rate by hand') },
  costPerError: {
    label: 'Cost per error',
    min: 0,
    max: 1_000_000,
    message: 'Enter a cost per error between 0 and 1,000,000',
    tooLarge: () => 'That is more than 1,000,000 per error: check the figure',
  },
  errorReduction: { label: 'Errors avoided', ...share('the share of errors avoided') },
  revenuePerMonth: {
    label: 'Revenue effect per month',
    min: 0,
    max: 10_000_000,
    message: 'Enter a revenue effect per month between 0 and 10,000,000',
    tooLarge: () => 'That is more than 10,000,000 a month: check the figure',
  },
  implementationCost: {
    label: 'Implementation cost',
    min: 0,
    max: 10_000_000,
    message: 'Enter a one-off implementation cost between 0 and 10,000,000',
    tooLarge: () => 'That is more than 10,000,000: check the figure',
  },
  runningCostPerMonth: {
    label: 'Running cost per month',
    min: 0,
    max: 1_000_000,
    message: 'Enter a running cost per month between 0 and 1,000,000',
    tooLarge: () => 'That is more than 1,000,000 a month: check the figure',
  },
  rampUpMonths: {
    label: 'Ramp-up',
    min: 0,
    max: 12,
    integer: true,
    message: 'Enter a ramp-up of 0 to 12 whole months',
    tooLarge: () => 'That is more than 12 months of ramp-up: enter 0 to 12',
  },
  annualDiscountRate: {
    label: 'Discount rate per year',
    min: 0,
    max: 1,
    message: 'Enter a yearly discount rate between 0 and 1 (0.08 is 8%)',
    tooLarge: () => 'That is more than 1 (100% a year): enter a rate between 0 and 1',
  },
  weeksPerMonth: {
    label: 'Weeks per month',
    min: 4,
    max: 4.35,
    message: 'Enter weeks per month between 4 and 4.35 (4.33 is the calendar average)',
    tooSmall: 'Use at least 4 weeks a month',
    tooLarge: () => 'That is more than 4.35 weeks a month: the calendar average is 4.33',
  },
} satisfies Record<string, NumberFieldSpec>;

export type NumberFieldName = keyof typeof NUMBER_FIELDS;

function numberSchema(spec: NumberFieldSpec) {
  const error = { error: spec.message };
  const base = spec.integer ? z.int(error) : z.number(error);
  return base.check(spec.minExclusive ? z.gt(spec.min, error) : z.gte(spec.min, error), z.lte(spec.max, error));
}

const f = NUMBER_FIELDS;
export const ASSISTED_OVER_MANUAL_MESSAGE = 'Cannot be more than the time by hand';

export const roiInputsSchema = z.object({
  preset: z.enum(PRESET_IDS, { error: 'Choose one of the listed workflows or Custom' }),
  unit: z.enum(WORK_UNITS, { error: 'Choose week, month, file or account' }),
  /** Only read for 'file' and 'account'; a week-based workflow has weeksPerMonth units a month. */
  unitsPerMonth: numberSchema(f.unitsPerMonth),
  timeUnit: z.enum(TIME_UNITS, { error: 'Choose minutes or hours' }),
  manualTimePerUnit: numberSchema(f.manualTimePerUnit),
  assistedTimePerUnit: numberSchema(f.assistedTimePerUnit),
  coverageShare: z._default(numberSchema(f.coverageShare), 1),
  /** Loaded: wage plus overheads, per hour of the people doing the work today. */
  costPerHour: numberSchema(f.costPerHour),
  /** Share of units with an error when done by hand. */
  errorRate: numberSchema(f.errorRate),
  costPerError: numberSchema(f.costPerError),
  /** Share of those errors the workflow prevents. */
  errorReduction: numberSchema(f.errorReduction),
  revenuePerMonth: z._default(numberSchema(f.revenuePerMonth), 0),
  implementationCost: numberSchema(f.implementationCost),
  /** Tools, upkeep and the review time the workflow still needs. */
  runningCostPerMonth: numberSchema(f.runningCostPerMonth),
  rampUpMonths: numberSchema(f.rampUpMonths),
  horizonMonths: z.literal(HORIZON_MONTHS, { error: 'Choose a horizon of 12, 24 or 36 months' }),
  annualDiscountRate: numberSchema(f.annualDiscountRate),
  currency: z._default(
    z.string({ error: 'Enter a three-letter currency code, like USD' }).check(z.regex(/^[A-Z]{3}$/, { error: 'Enter a three-letter currency code, like USD' })),
    'USD',
  ),
  /** The brief counts 4 weeks a month ("6 h/week x 4 weeks"); 52/12 = 4.33 is the calendar average. */
  weeksPerMonth: z._default(numberSchema(f.weeksPerMonth), 4),
}).check(
  z.refine((inputs) => inputs.assistedTimePerUnit <= inputs.manualTimePerUnit, {
    error: ASSISTED_OVER_MANUAL_MESSAGE,
    path: ['assistedTimePerUnit'],
  }),
);

export type RoiInputs = z.infer<typeof roiInputsSchema>;
export type PresetId = RoiInputs['preset'];
export type FieldName = keyof RoiInputs;

export interface Preset {
  label: string;
  /** One line for the preset picker. */
  description: string;
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
    label: 'Lead routing and first reply',
    description: 'Enrich, route and draft the first reply to new leads: 8 h a week by hand, 2 h with automation.',
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
    label: 'CRM cleanup',
    description: 'Find duplicates, enrich and standardise records: 10 h a month by hand, 3 h with automation.',
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
    label: 'Document intake',
    description: 'Extract invoice and onboarding data into the right system: 15 min a file by hand, 5 min with automation.',
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
    label: 'Renewal prep',
    description: 'Summarise account history and churn signals before each renewal: 45 min an account by hand, 15 min with automation.',
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

export const DEFAULT_INPUTS: RoiInputs = PRESETS['lead-routing'].inputs;

/** Starting values for a preset; 'custom' starts from the default workflow's figures. */
export function presetInputs(preset: PresetId): RoiInputs {
  return preset === 'custom' ? { ...DEFAULT_INPUTS, preset: 'custom' } : { ...PRESETS[preset].inputs };
}

// Scenarios: the same workflow under cautious and optimistic assumptions, so one figure is never read as a promise.
export const SCENARIO_NAMES = ['low', 'expected', 'high'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface ScenarioAdjustment {
  label: string;
  /** Relative change to time saved per unit (manual minus assisted), moved through the assisted time. */
  timeSavedChange: number;
  /** Relative change to the volume of work per month. */
  volumeChange: number;
  implementationCostChange: number;
  /** Months added to the ramp-up. */
  rampUpMonthsChange: number;
}

export const SCENARIO_ADJUSTMENTS: Record<ScenarioName, ScenarioAdjustment> = {
  low: { label: 'Cautious', timeSavedChange: -0.25, volumeChange: -0.2, implementationCostChange: 0.25, rampUpMonthsChange: 1 },
  expected: { label: 'Expected', timeSavedChange: 0, volumeChange: 0, implementationCostChange: 0, rampUpMonthsChange: 0 },
  high: { label: 'Optimistic', timeSavedChange: 0.15, volumeChange: 0.1, implementationCostChange: -0.1, rampUpMonthsChange: 0 },
};

const signedPercent = (change: number) => `${change > 0 ? '+' : '-'}${fmt(Math.abs(change) * 100)}%`;

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

// The query string: short, stable keys, every field written, so a shared link reproduces the page exactly.
export const QUERY_KEYS = {
  preset: 'p',
  unit: 'u',
  timeUnit: 'tu',
  unitsPerMonth: 'n',
  manualTimePerUnit: 'tm',
  assistedTimePerUnit: 'ta',
  coverageShare: 'cov',
  costPerHour: 'ch',
  errorRate: 'er',
  costPerError: 'ce',
  errorReduction: 'erd',
  revenuePerMonth: 'rev',
  implementationCost: 'impl',
  runningCostPerMonth: 'run',
  rampUpMonths: 'ramp',
  horizonMonths: 'h',
  annualDiscountRate: 'dr',
  currency: 'cur',
  weeksPerMonth: 'wpm',
} as const satisfies Record<FieldName, string>;

// Units and time unit first, so the number checks after them can name files, accounts, minutes or hours.
const FIELD_ORDER = Object.keys(QUERY_KEYS) as FieldName[];

export function toQuery(inputs: RoiInputs): URLSearchParams {
  const params = new URLSearchParams();
  // String(number) is the shortest text that parses back to the same double, so the round trip is exact.
  for (const field of FIELD_ORDER) params.set(QUERY_KEYS[field], String(inputs[field]));
  return params;
}

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; message: string };

const FIELD_LABELS: Record<Exclude<FieldName, NumberFieldName>, string> = {
  preset: 'Workflow',
  unit: 'Unit of work',
  timeUnit: 'Time unit',
  horizonMonths: 'Horizon',
  currency: 'Currency',
};

/** The label a form or a rejected-value notice shows for a field. */
export function fieldLabel(name: FieldName): string {
  return name in NUMBER_FIELDS ? NUMBER_FIELDS[name as NumberFieldName].label : FIELD_LABELS[name as keyof typeof FIELD_LABELS];
}

// Plain decimals, optionally with an exponent. Rejects what Number() would quietly accept: '', ' ', '0x1f',
// 'Infinity', 'NaN'. Thousands separators are allowed only in correct groups ('1,200', not '1,2').
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Parses what a person typed into a number field, with a specific message when it is not a usable number. */
export function parseNumberField(name: NumberFieldName, raw: string, context: FieldContext = {}): FieldCheck<number> {
  const spec: NumberFieldSpec = NUMBER_FIELDS[name];
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter a number' };
  const plain = GROUPED.test(text) ? text.replaceAll(',', '') : text;
  if (!DECIMAL.test(plain)) return { ok: false, message: 'Enter a number' };
  // `+ 0` turns '-0' into 0, so the value prints and round-trips as typed.
  const value = Number(plain) + 0;
  if (spec.minExclusive ? value <= spec.min : value < spec.min) {
    return { ok: false, message: spec.tooSmall ?? `Must be ${fmt(spec.min)} or more` };
  }
  // 1e309 parses to Infinity: it is "more than the maximum", which is the useful thing to say.
  if (value > spec.max) return { ok: false, message: spec.tooLarge(context) };
  if (spec.integer && !Number.isInteger(value)) return { ok: false, message: 'Enter a whole number' };
  return { ok: true, value };
}

function parseChoice<T extends string | number>(options: readonly T[], raw: string, message: string): FieldCheck<T> {
  const text = raw.trim();
  const found = options.find((option) => String(option) === text);
  return found === undefined ? { ok: false, message } : { ok: true, value: found };
}

/**
 * Checks one field on its own, from the text a form or the query string holds. Number fields get the
 * specific messages of parseNumberField; choices accept only the listed values. The assisted-versus-manual
 * rule needs both fields and is checked by the schema (and by fromQuery).
 */
export function validateField<K extends FieldName>(name: K, raw: string, context: FieldContext = {}): FieldCheck<RoiInputs[K]> {
  return checkField(name, raw, context) as FieldCheck<RoiInputs[K]>;
}

function checkField(name: FieldName, raw: string, context: FieldContext): FieldCheck<RoiInputs[FieldName]> {
  switch (name) {
    case 'preset':
      return parseChoice(PRESET_IDS, raw, 'Choose one of the listed workflows or Custom');
    case 'unit':
      return parseChoice(WORK_UNITS, raw, 'Choose week, month, file or account');
    case 'timeUnit':
      return parseChoice(TIME_UNITS, raw, 'Choose minutes or hours');
    case 'horizonMonths':
      return parseChoice(HORIZON_MONTHS, raw, 'Choose a horizon of 12, 24 or 36 months');
    case 'currency': {
      // Lower case is a harmless slip ('usd'); anything else is not a currency code.
      const code = raw.trim().toUpperCase();
      return /^[A-Z]{3}$/.test(code) ? { ok: true, value: code } : { ok: false, message: 'Enter a three-letter currency code, like USD' };
    }
    default:
      return parseNumberField(name, raw, context);
  }
}

export interface RejectedValue {
  /** The query-string key, e.g. 'n'. */
  key: string;
  field: FieldName;
  /** Says what was wrong and what was used instead, e.g. "Cost per hour: Must be 0 or more. Used 55 instead." */
  message: string;
}

/** A preset's name for people: its label, or 'Custom'. */
export function presetLabel(preset: PresetId): string {
  return preset === 'custom' ? 'Custom' : PRESETS[preset].label;
}

const shown = (field: FieldName, value: RoiInputs[FieldName]) =>
  field === 'preset' ? presetLabel(value as PresetId) : typeof value === 'number' ? fmt(value) : value;

/**
 * Reads a scenario from a query string without ever throwing. Starts from the named preset (or the default),
 * takes each known key that is valid on its own and keeps the preset's value for any other, listing it in
 * `rejected`. Unknown keys are ignored: links may carry tracking parameters.
 */
export function fromQuery(params: URLSearchParams): { inputs: RoiInputs; rejected: RejectedValue[] } {
  const rejected: RejectedValue[] = [];
  const reject = (field: FieldName, message: string, base: RoiInputs) => {
    rejected.push({ key: QUERY_KEYS[field], field, message: `${fieldLabel(field)}: ${message}. Used ${shown(field, base[field])} instead.` });
  };

  const presetRaw = params.get(QUERY_KEYS.preset);
  const presetCheck = presetRaw === null ? null : validateField('preset', presetRaw);
  const base = presetInputs(presetCheck?.ok ? presetCheck.value : DEFAULT_INPUTS.preset);
  if (presetCheck && !presetCheck.ok) reject('preset', presetCheck.message, base);

  const inputs: Record<FieldName, unknown> = { ...base };
  const fromParams = new Set<FieldName>();
  for (const field of FIELD_ORDER) {
    const raw = params.get(QUERY_KEYS[field]);
    if (field === 'preset' || raw === null) continue;
    const check = validateField(field, raw, { unit: inputs.unit as WorkUnit, timeUnit: inputs.timeUnit as TimeUnit });
    if (check.ok) {
      inputs[field] = check.value;
      fromParams.add(field);
    } else {
      reject(field, check.message, base);
    }
  }

  // The one cross-field rule: fall back the assisted time first, then the manual time if still needed.
  for (const field of ['assistedTimePerUnit', 'manualTimePerUnit'] as const) {
    if ((inputs.assistedTimePerUnit as number) <= (inputs.manualTimePerUnit as number)) break;
    if (!fromParams.has(field)) continue;
    inputs[field] = base[field];
    reject(field, field === 'assistedTimePerUnit' ? ASSISTED_OVER_MANUAL_MESSAGE : 'Less than the time with automation', base);
  }

  const parsed = roiInputsSchema.safeParse(inputs);
  if (parsed.success) return { inputs: parsed.data, rejected };
  // Unreachable while every field is checked above; kept so a future rule can never make the page throw.
  return { inputs: base, rejected: [...rejected, { key: '', field: 'preset', message: 'Some values did not fit together, so the preset was used.' }] };
}
