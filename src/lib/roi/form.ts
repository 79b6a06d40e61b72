// The calculator form's text state: what the visitor typed per field, parsed into inputs with one
// specific message per field. Shares are typed as percentages; the model works in shares (0..1).
import {
  NUMBER_FIELDS,
  QUERY_KEYS,
  roiInputsSchema,
  validateField,
  type FieldName,
  type RoiInputs,
} from './inputs.ts';

export type Draft = Record<FieldName, string>;
export type FieldErrors = Partial<Record<FieldName, string>>;

/** Fields shown as percentages: the visitor types 80 for 0.8. */
export const PERCENT_FIELDS = ['coverageShare', 'errorRate', 'errorReduction', 'annualDiscountRate'] as const satisfies readonly FieldName[];
type PercentField = (typeof PERCENT_FIELDS)[number];
const isPercentField = (name: FieldName): name is PercentField => (PERCENT_FIELDS as readonly string[]).includes(name);

const FIELDS = Object.keys(QUERY_KEYS) as FieldName[];
const PERCENT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Percent text for a share, without float noise: 0.07 -> "7", 0.125 -> "12.5". */
const toPercentText = (share: number) => String(Math.round(share * 100 * 1e6) / 1e6);

export function draftFromInputs(inputs: RoiInputs): Draft {
  const draft = {} as Draft;
  for (const name of FIELDS) draft[name] = isPercentField(name) ? toPercentText(inputs[name]) : String(inputs[name]);
  return draft;
}

function checkPercent(name: PercentField, raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const text = raw.trim().replace(/\s*%$/, '');
  if (text === '' || !PERCENT_TEXT.test(text)) return { ok: false, message: 'Enter a percentage, like 25' };
  const percent = Number(text);
  const { min, max } = NUMBER_FIELDS[name];
  if (percent < min * 100) return { ok: false, message: `Must be ${min * 100}% or more` };
  if (percent > max * 100) return { ok: false, message: `Must be at most ${max * 100}%` };
  return { ok: true, value: percent / 100 };
}

/**
 * Parses every field; `inputs` is set only when all fields are valid together (the assisted time may
 * not exceed the time by hand). The form shows `errors` inline and keeps the last good results.
 */
export function parseDraft(draft: Draft): { inputs: RoiInputs | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  const unitCheck = validateField('unit', draft.unit);
  const timeUnitCheck = validateField('timeUnit', draft.timeUnit);
  const context = { unit: unitCheck.ok ? unitCheck.value : undefined, timeUnit: timeUnitCheck.ok ? timeUnitCheck.value : undefined };
  for (const name of FIELDS) {
    const check = isPercentField(name) ? checkPercent(name, draft[name]) : validateField(name, draft[name], context);
    if (check.ok) values[name] = check.value;
    else errors[name] = check.message;
  }
  if (Object.keys(errors).length > 0) return { inputs: null, errors };
  const parsed = roiInputsSchema.safeParse(values);
  if (parsed.success) return { inputs: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FieldName | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { inputs: null, errors };
}
