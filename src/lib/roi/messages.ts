// What the calculator's checks say when a value is not usable. Each number message is written from the
// field's bounds (schema.ts), so changing a bound can never leave a message stating the old one.
import { formatNumber } from '../text/numbers.ts';
import { itemNoun } from './labels.ts';
import type { NumberBounds, NumberFieldName, TimeUnit, WorkUnit } from './fields.ts';

/** What a message may mention to be specific ("files", "minutes per file"), and how it writes figures. */
export interface FieldContext {
  unit?: WorkUnit;
  timeUnit?: TimeUnit;
  /** The number format the visitor chose ('de-DE' writes 1.000); en-US when left out, as links are read. */
  locale?: string;
}

/** The messages of one number field, each written from its bounds. */
interface NumberMessages {
  /** The schema's message: what to enter and the allowed range. */
  message: (bounds: NumberBounds) => string;
  /** Inline message below the minimum, when the generic "Must be N or more" would mislead. */
  tooSmall?: (bounds: NumberBounds, context: FieldContext) => string;
  /** Inline message above the maximum: such figures are nearly always typos. */
  tooLarge: (bounds: NumberBounds, context: FieldContext) => string;
}

// Figures in the visitor's number format when the context names it (the form), else en-US (schema, links).
const n = (value: number, context?: FieldContext) => formatNumber(value, 2, context?.locale);
const perUnit = (context: FieldContext) => `${context.timeUnit ?? 'minutes or hours'} per ${context.unit ?? 'unit'}`;

/** The common pair: "Enter {what} between min and max" and "That is more than max{per}: check the figure". */
const range = (what: string, per = ''): NumberMessages => ({
  message: (b) => `Enter ${what} between ${n(b.min)} and ${n(b.max)}`,
  tooLarge: (b, c) => `That is more than ${n(b.max, c)}${per}: check the figure`,
});
const share = (what: string): NumberMessages => ({
  message: (b) => `Enter ${what} as a share between ${n(b.min)} and ${n(b.max)} (0.25 is 25%)`,
  tooLarge: (b, c) => `That is more than ${n(b.max, c)} (${n(b.max * 100, c)}%): enter a share between ${n(b.min, c)} and ${n(b.max, c)}`,
});

/** Every number field's messages. */
export const NUMBER_MESSAGES: Record<NumberFieldName, NumberMessages> = {
  unitsPerMonth: {
    ...range('a number of files or accounts per month'),
    tooLarge: (b, c) => `That is more than ${n(b.max, c)} ${itemNoun(c.unit)} a month: check the figure`,
  },
  manualTimePerUnit: {
    message: (b) => `Enter the time by hand per unit: more than ${n(b.min)} and at most ${n(b.max)}`,
    tooSmall: (b, c) => `Must be more than ${n(b.min, c)}`,
    tooLarge: (b, c) => `That is more than ${n(b.max, c)} ${perUnit(c)}: check the figure`,
  },
  assistedTimePerUnit: {
    ...range('the time with automation per unit'),
    tooLarge: (b, c) => `That is more than ${n(b.max, c)} ${perUnit(c)}: check the figure`,
  },
  coverageShare: share('the share of the work automated'),
  costPerHour: range('a loaded cost per hour', ' an hour'),
  errorRate: share('the error rate by hand'),
  costPerError: range('a cost per error', ' per error'),
  errorReduction: share('the share of errors avoided'),
  revenuePerMonth: range('a revenue effect per month', ' a month'),
  implementationCost: range('a one-off implementation cost'),
  runningCostPerMonth: range('a running cost per month', ' a month'),
  rampUpMonths: {
    message: (b) => `Enter a ramp-up of ${n(b.min)} to ${n(b.max)} whole months`,
    tooLarge: (b, c) => `That is more than ${n(b.max, c)} months of ramp-up: enter ${n(b.min, c)} to ${n(b.max, c)}`,
  },
  annualDiscountRate: {
    message: (b) => `Enter a yearly discount rate between ${n(b.min)} and ${n(b.max)} (0.08 is 8%)`,
    tooLarge: (b, c) => `That is more than ${n(b.max, c)} (${n(b.max * 100, c)}% a year): enter a rate between ${n(b.min, c)} and ${n(b.max, c)}`,
  },
  weeksPerMonth: {
    message: (b) => `Enter weeks per month between ${n(b.min)} and ${n(b.max)} (4.33 is the calendar average)`,
    tooSmall: (b, c) => `Use at least ${n(b.min, c)} weeks a month`,
    tooLarge: (b, c) => `That is more than ${n(b.max, c)} weeks a month: the calendar average is ${n(4.33, c)}`,
  },
};

/** The generic message below a field's minimum, e.g. "Must be 0 or more". */
export const belowMinimum = (min: number, context?: FieldContext) => `Must be ${n(min, context)} or more`;

/** Messages of the choice fields, and of the currency code. */
export const CHOICE_MESSAGES = {
  preset: 'Choose one of the listed workflows or your own',
  unit: 'Choose week, month, file or account',
  timeUnit: 'Choose minutes or hours',
  horizonMonths: 'Choose a horizon of 12, 24 or 36 months',
  currency: 'Enter a three-letter currency code, like USD',
} as const;

/** Text that is not a plain number at all. */
export const NOT_A_NUMBER = 'Enter a number';
/**
 * A decimal comma (4,5) where the chosen number format writes a point, with an example the field accepts:
 * 4.5 when it is within the bounds, else their middle to one decimal (4.2 weeks a month, 0.5 for a share).
 */
export const decimalPointExpected = ({ min, max }: NumberBounds) =>
  `Write decimals with a point, like ${min < 4.5 && 4.5 <= max ? 4.5 : Math.round((min + max) * 5) / 10}, or pick a number format that uses a comma`;
/** A fraction where the field takes whole numbers. */
export const NOT_WHOLE = 'Enter a whole number';
/** The one cross-field rule, shown on the assisted time. */
export const ASSISTED_OVER_MANUAL_MESSAGE = 'Cannot be more than the time by hand';
/** The same rule from the other side, when a link's manual time is what has to go. */
export const MANUAL_UNDER_ASSISTED_MESSAGE = 'Less than the time with automation';
/** The form's percentage fields (form.ts): typed as 25 for a share of 0.25. */
export const PERCENT_MESSAGES = {
  notAPercentage: 'Enter a percentage, like 25',
  belowMinimum: (minPercent: number, context?: FieldContext) => `Must be ${n(minPercent, context)}% or more`,
  aboveMaximum: (maxPercent: number, context?: FieldContext) => `Must be at most ${n(maxPercent, context)}%`,
};
/** fromQuery's last resort, should a future rule reject inputs that passed every field check. */
export const PRESET_USED_MESSAGE = 'Some values did not fit together, so the preset was used.';
