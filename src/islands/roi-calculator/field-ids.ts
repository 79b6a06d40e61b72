// Each form field's id (also its `name`): what the labels point at, what the e2e tests find a field by, and
// how the island finds what was typed into the server-rendered form before it ran.
import type { FieldName } from '../../lib/roi/schema.ts';

export const FIELD_IDS = {
  unit: 'roi-unit',
  timeUnit: 'roi-time-unit',
  unitsPerMonth: 'roi-units',
  manualTimePerUnit: 'roi-manual',
  assistedTimePerUnit: 'roi-assisted',
  coverageShare: 'roi-coverage',
  costPerHour: 'roi-cost-hour',
  errorRate: 'roi-error-rate',
  costPerError: 'roi-cost-error',
  errorReduction: 'roi-error-reduction',
  revenuePerMonth: 'roi-revenue',
  implementationCost: 'roi-implementation',
  runningCostPerMonth: 'roi-running',
  rampUpMonths: 'roi-ramp',
  horizonMonths: 'roi-horizon',
  annualDiscountRate: 'roi-discount',
  weeksPerMonth: 'roi-weeks',
  currency: 'roi-currency',
} as const satisfies Record<Exclude<FieldName, 'preset'>, string>;

/** The number format's select: not a field of the scenario. */
export const LOCALE_ID = 'roi-locale';
/** The example workflows' radio group. */
export const PRESET_NAME = 'preset';
/** A slider's name, beside the text box it sets. */
export const sliderName = (id: string) => `${id}-slider`;
