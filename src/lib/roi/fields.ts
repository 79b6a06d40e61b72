// What the labels (labels.ts), the messages (messages.ts) and the schema (schema.ts) are all written
// against: the example workflows' ids, the units, every number field's bounds and the inputs' names.
// Below all three, so none of them imports another for these.

/** The example workflows' ids, then 'custom' for the visitor's own. */
export const PRESET_IDS = ['lead-routing', 'crm-cleanup', 'document-intake', 'renewal-prep', 'custom'] as const;
/** 'week' and 'month' time the whole workflow per period; 'file' and 'account' time one item. */
export const WORK_UNITS = ['week', 'month', 'file', 'account'] as const;
/** The unit the two times are typed in. */
export const TIME_UNITS = ['minutes', 'hours'] as const;

/** What one unit of work is: a period of the whole workflow, or one item. */
export type WorkUnit = (typeof WORK_UNITS)[number];
/** Minutes or hours. */
export type TimeUnit = (typeof TIME_UNITS)[number];

/** The allowed range of one number field. */
export interface NumberBounds {
  /** Smallest allowed value (or the value just below it, with minExclusive). */
  min: number;
  /** Largest allowed value: above it a figure is nearly always a typo. */
  max: number;
  /** The minimum itself is not allowed: a manual time of 0 describes no work. */
  minExclusive?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
}

const share = { min: 0, max: 1 } as const;

/** Bounds of every number field, shared by the schema, the one-field checks and the form's percentages. */
export const NUMBER_FIELDS = {
  unitsPerMonth: { min: 1, max: 1_000_000 },
  manualTimePerUnit: { min: 0, max: 10_000, minExclusive: true },
  assistedTimePerUnit: { min: 0, max: 10_000 },
  coverageShare: share,
  costPerHour: { min: 0, max: 1_000 },
  errorRate: share,
  costPerError: { min: 0, max: 1_000_000 },
  errorReduction: share,
  revenuePerMonth: { min: 0, max: 10_000_000 },
  implementationCost: { min: 0, max: 10_000_000 },
  runningCostPerMonth: { min: 0, max: 1_000_000 },
  rampUpMonths: { min: 0, max: 12, integer: true },
  annualDiscountRate: share,
  weeksPerMonth: { min: 4, max: 4.35 },
} satisfies Record<string, NumberBounds>;

/** The name of a number field, e.g. 'costPerHour'. */
export type NumberFieldName = keyof typeof NUMBER_FIELDS;

/** The shares (0..1): a link carries them as fractions, the form shows them as percentages (80 for 0.8). */
export const PERCENT_FIELDS = ['coverageShare', 'errorRate', 'errorReduction', 'annualDiscountRate'] as const satisfies readonly NumberFieldName[];
export type PercentField = (typeof PERCENT_FIELDS)[number];
export const isPercentField = (name: string): name is PercentField => (PERCENT_FIELDS as readonly string[]).includes(name);
// PresetId and FieldName are spelled out here rather than read off the schema, which sits above this
// module; schema.ts checks at compile time that they match its inputs.
/** An example workflow's id, or 'custom'. */
export type PresetId = (typeof PRESET_IDS)[number];
/** The name of any input, e.g. 'unit' or 'costPerHour'. */
export type FieldName = 'preset' | 'unit' | 'timeUnit' | 'horizonMonths' | 'currency' | NumberFieldName;
