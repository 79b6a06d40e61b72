// What a valid calculator scenario is: the choices, the bounds of every number and the zod schema that
// checks them together. zod/mini: the same schema at a fifth of the size in the calculator's browser bundle.
import * as z from 'zod/mini';
import { NUMBER_FIELDS, PRESET_IDS, TIME_UNITS, WORK_UNITS, type FieldName, type NumberBounds, type NumberFieldName, type PresetId } from './fields.ts';
import { ASSISTED_OVER_MANUAL_MESSAGE, CHOICE_MESSAGES, NUMBER_MESSAGES } from './messages.ts';

// The choices, bounds and field names live below this module and messages.ts (fields.ts); imported from here too.
export { NUMBER_FIELDS, PRESET_IDS, TIME_UNITS, WORK_UNITS } from './fields.ts';
export type { FieldName, NumberBounds, NumberFieldName, PresetId, TimeUnit, WorkUnit } from './fields.ts';

/** The horizons on offer, in months. */
export const HORIZON_MONTHS = [12, 24, 36] as const;

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

// PresetId and FieldName are spelled out in fields.ts, below the labels and messages that need them:
// these fail to compile if they and the schema's inputs ever drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<PresetId, RoiInputs['preset']>;
true satisfies Same<FieldName, keyof RoiInputs>;
