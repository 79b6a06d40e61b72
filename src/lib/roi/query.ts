// The query string that carries a whole scenario in a shareable URL: short, stable keys, every field
// written, so a shared link reproduces the page exactly; and read back without ever throwing.
import { formatNumber } from '../text/numbers.ts';
import { formLabel, presetLabel } from './labels.ts';
import { ASSISTED_OVER_MANUAL_MESSAGE, MANUAL_UNDER_ASSISTED_MESSAGE, PRESET_USED_MESSAGE } from './messages.ts';
import { DEFAULT_INPUTS, presetInputs } from './presets.ts';
import { isPercentField } from './fields.ts';
import { roiInputsSchema, type FieldName, type PresetId, type RoiInputs, type TimeUnit, type WorkUnit } from './schema.ts';
import { validateField } from './validate.ts';

/** Each field's key in the query string. Renaming one breaks every link already shared. */
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

/** Every field, units and time unit first, so the number checks after them can name files, accounts, minutes or hours. */
export const FIELD_ORDER = Object.keys(QUERY_KEYS) as FieldName[];
const KEYS = new Set<string>(Object.values(QUERY_KEYS));

/** The scenario as a query string, every field under its key. */
export function toQuery(inputs: RoiInputs): URLSearchParams {
  const params = new URLSearchParams();
  // String(number) is the shortest text that parses back to the same double, so the round trip is exact.
  for (const field of FIELD_ORDER) params.set(QUERY_KEYS[field], String(inputs[field]));
  return params;
}

/** Only the calculator's keys of `params` (links may carry tracking parameters), or null when it has none. */
export function scenarioParams(params: URLSearchParams): URLSearchParams | null {
  const scenario = new URLSearchParams([...params].filter(([key]) => KEYS.has(key)));
  return [...scenario.keys()].length === 0 ? null : scenario;
}

/** A value from a link that could not be used. */
interface RejectedValue {
  /** The query-string key, e.g. 'n'. */
  key: string;
  /** The field the key stands for. */
  field: FieldName;
  /** Says what was wrong and what was used instead, e.g. "Cost per hour: Must be 0 or more. Used 55 instead." */
  message: string;
}

// Up to 6 decimals: the value used instead is stated exactly, not rounded to 2.
function shown(field: FieldName, value: RoiInputs[FieldName]): string {
  if (field === 'preset') return presetLabel(value as PresetId);
  if (typeof value !== 'number') return value;
  // A share is in the link as a fraction and in the form as a percentage: the notice names both.
  return isPercentField(field) ? `${formatNumber(value, 6)} (${formatNumber(value * 100, 4)}%)` : formatNumber(value, 6);
}

/**
 * Reads a scenario from a query string without ever throwing. Starts from the named preset (or the default),
 * takes each known key that is valid on its own and keeps the preset's value for any other, listing it in
 * `rejected`. Unknown keys are ignored: links may carry tracking parameters.
 */
export function fromQuery(params: URLSearchParams): { inputs: RoiInputs; rejected: RejectedValue[] } {
  const rejected: RejectedValue[] = [];
  const reject = (field: FieldName, message: string, base: RoiInputs) => {
    // Named as the form labels the field, beside which the notice is read.
    rejected.push({ key: QUERY_KEYS[field], field, message: `${formLabel(field)}: ${message}. Used ${shown(field, base[field])} instead.` });
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
    reject(field, field === 'assistedTimePerUnit' ? ASSISTED_OVER_MANUAL_MESSAGE : MANUAL_UNDER_ASSISTED_MESSAGE, base);
  }

  const parsed = roiInputsSchema.safeParse(inputs);
  if (parsed.success) return { inputs: parsed.data, rejected };
  // Unreachable while every field is checked above; kept so a future rule can never make the page throw.
  return { inputs: base, rejected: [...rejected, { key: '', field: 'preset', message: PRESET_USED_MESSAGE }] };
}
