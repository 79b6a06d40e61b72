// What a valid calculator scenario is: the choices, the bounds of every number and the zod schema that
// checks them together. zod/mini: the same schema at a fifth of the size in the calculator's browser bundle.
import * as z from 'zod/mini';
import { ASSISTED_OVER_MANUAL_MESSAGE, CHOICE_MESSAGES, NUMBER_MESSAGES } from './messages.ts';

/** The example workflows' ids, then 'custom' for the visitor's own. */
export const PRESET_IDS = ['lead-routing', 'crm-cleanup', 'document-intake', 'renewal-prep', 'custom'] as const;
/** 'week' and 'month' time the whole workflow per period; 'file' and 'account' time one item. */
export const WORK_UNITS = ['week', 'month', 'file', 'account'] as const;
/** The unit the two times are typed in. */
export const TIME_UNITS = ['minutes', 'hours'] as const;
/** The horizons on offer, in months. */
export const HORIZON_MONTHS = [12, 24, 36] as const;

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

function numberSchema(name: NumberFieldName) {
  const spec: NumberBounds = NUMBER_FIELDS[name];
  const error = { error: NUMBER_MESSAGES[name].message(spec) };
  const base = spec.integer ? z.int(error) : z.number(error);
  return base.check(spec.minExclusive ? z.gt(spec.min, error) : z.gte(spec.min, error), z.lte(spec.max, error));
}

/** An ISO 4217 code as the calculator stores it: three capital letters. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;
const currencyError = { error: CHOICE_MESSAGES.currency };

/** Every input of the calculator, checked together; the island, the page and the booking summary parse with it. */
export const roiInputsSchema = z.object({
  preset: z.enum(PRESET_IDS, { error: CHOICE_MESSAGES.preset }),
  unit: z.enum(WORK_UNITS, { error: CHOICE_MESSAGES.unit }),
  /** Only read for 'file' and 'account'; a week-based workflow has weeksPerMonth units a month. */
  unitsPerMonth: numberSchema('unitsPerMonth'),
  timeUnit: z.enum(TIME_UNITS, { error: CHOICE_MESSAGES.timeUnit }),
  manualTimePerUnit: numberSchema('manualTimePerUnit'),
  assistedTimePerUnit: numberSchema('assistedTimePerUnit'),
  coverageShare: z._default(numberSchema('coverageShare'), 1),
  /** Loaded: wage plus overheads, per hour of the people doing the work today. */
  costPerHour: numberSchema('costPerHour'),
  /** Share of units with an error when done by hand. */
  errorRate: numberSchema('errorRate'),
  costPerError: numberSchema('costPerError'),
  /** Share of those errors the workflow prevents. */
  errorReduction: numberSchema('errorReduction'),
  revenuePerMonth: z._default(numberSchema('revenuePerMonth'), 0),
  implementationCost: numberSchema('implementationCost'),
  /** Tools, upkeep and the review time the workflow still needs. */
  runningCostPerMonth: numberSchema('runningCostPerMonth'),
  rampUpMonths: numberSchema('rampUpMonths'),
  horizonMonths: z.literal(HORIZON_MONTHS, { error: CHOICE_MESSAGES.horizonMonths }),
  annualDiscountRate: numberSchema('annualDiscountRate'),
  currency: z._default(z.string(currencyError).check(z.regex(CURRENCY_CODE, currencyError)), 'USD'),
  /** The brief counts 4 weeks a month ("6 h/week x 4 weeks"); 52/12 = 4.33 is the calendar average. */
  weeksPerMonth: z._default(numberSchema('weeksPerMonth'), 4),
}).check(
  z.refine((inputs) => inputs.assistedTimePerUnit <= inputs.manualTimePerUnit, {
    error: ASSISTED_OVER_MANUAL_MESSAGE,
    path: ['assistedTimePerUnit'],
  }),
);

/** One valid scenario: what the model computes from and the query string carries. */
export type RoiInputs = z.infer<typeof roiInputsSchema>;
/** An example workflow's id, or 'custom'. */
export type PresetId = RoiInputs['preset'];
/** The name of any input, e.g. 'unit' or 'costPerHour'. */
export type FieldName = keyof RoiInputs;
