// The calculator form's text state: what the visitor typed per field, parsed into inputs with one
// specific message per field. Shares are typed as percentages; the model works in shares (0..1).
// Numbers are typed with the decimal mark of the visitor's number format: 4,5 and 4.500 in German.
import { formLabel, itemsPerMonthLabel } from './labels.ts';
import { PERCENT_MESSAGES, type FieldContext } from './messages.ts';
import { PRESETS } from './presets.ts';
import { FIELD_ORDER } from './query.ts';
import { isPercentField, type PercentField } from './fields.ts';
import { NUMBER_FIELDS, roiInputsSchema, type FieldName, type PresetId, type RoiInputs } from './schema.ts';
import { decimalCommaMessage, plainNumberText, validateField, type FieldCheck } from './validate.ts';
import type { DecimalMark } from './format.ts';

/** The text of every field, as typed. */
export type Draft = Record<FieldName, string>;
/** One message per field that is not usable. */
export type FieldErrors = Partial<Record<FieldName, string>>;


const PERCENT_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Percent text for a share, without float noise: 0.07 -> "7", 0.125 -> "12.5". */
const toPercentText = (share: number) => String(Math.round(share * 100 * 1e6) / 1e6);

/** A field's text for a value, written with the visitor's decimal mark (4.33 or 4,33). */
function fieldText(name: FieldName, value: RoiInputs[FieldName], mark: DecimalMark): string {
  const text = isPercentField(name) ? toPercentText(value as number) : String(value);
  return typeof value === 'number' && mark === ',' ? text.replace('.', ',') : text;
}

/** The form's text for a scenario, decimals written with `mark`. */
export function draftFromInputs(inputs: RoiInputs, mark: DecimalMark = '.'): Draft {
  const draft = {} as Draft;
  for (const name of FIELD_ORDER) draft[name] = fieldText(name, inputs[name], mark);
  return draft;
}

/**
 * The draft after the visitor picks a number format with another decimal mark: each number that reads
 * as one is written again with the new mark (4.33 becomes 4,33); text that is not a number stays as typed.
 */
export function restyleDraft(draft: Draft, from: DecimalMark, to: DecimalMark): Draft {
  if (from === to) return draft;
  const next = { ...draft };
  for (const name of FIELD_ORDER) {
    const check = isPercentField(name) ? checkPercent(name, draft[name], from) : validateField(name, draft[name], {}, from);
    if (check.ok && typeof check.value === 'number') next[name] = fieldText(name, check.value, to);
  }
  return next;
}

function checkPercent(name: PercentField, raw: string, mark: DecimalMark, context: FieldContext = {}): FieldCheck<number> {
  const text = plainNumberText(raw.trim().replace(/\s*%$/, ''), mark);
  const { min, max } = NUMBER_FIELDS[name];
  // The bounds as the field is typed: percentages (0 to 100), not shares.
  const bounds = { min: min * 100, max: max * 100 };
  if (text === '' || !PERCENT_TEXT.test(text)) return { ok: false, message: decimalCommaMessage(text, mark, bounds) ?? PERCENT_MESSAGES.notAPercentage };
  const percent = Number(text);
  if (percent < bounds.min) return { ok: false, message: PERCENT_MESSAGES.belowMinimum(bounds.min, context) };
  if (percent > bounds.max) return { ok: false, message: PERCENT_MESSAGES.aboveMaximum(bounds.max, context) };
  return { ok: true, value: percent / 100 };
}

/**
 * Parses every field; `inputs` is set only when all fields are valid together (the assisted time may
 * not exceed the time by hand). The form shows `errors` inline and keeps the last good results. `locale`
 * is the visitor's number format: the messages write their figures in it ("more than 1.000 an hour").
 */
export function parseDraft(draft: Draft, mark: DecimalMark = '.', locale?: string): { inputs: RoiInputs | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  const unitCheck = validateField('unit', draft.unit);
  const timeUnitCheck = validateField('timeUnit', draft.timeUnit);
  const context: FieldContext = { unit: unitCheck.ok ? unitCheck.value : undefined, timeUnit: timeUnitCheck.ok ? timeUnitCheck.value : undefined, locale };
  for (const name of FIELD_ORDER) {
    const check = isPercentField(name) ? checkPercent(name, draft[name], mark, context) : validateField(name, draft[name], context, mark);
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

// Conventions of the visitor's, not figures of the workflow: changing one keeps the preset.
const CONVENTIONS: readonly FieldName[] = ['currency', 'weeksPerMonth', 'horizonMonths', 'annualDiscountRate'];

/** The draft with one field retyped; editing a preset's workflow figures makes it the visitor's own workflow. */
export function editDraft(draft: Draft, name: FieldName, raw: string): Draft {
  const next = { ...draft, [name]: raw };
  if (draft.preset !== 'custom' && !CONVENTIONS.includes(name)) next.preset = 'custom';
  return next;
}

/**
 * The draft after picking a preset: its workflow figures, with the visitor's conventions (currency, month,
 * horizon and discount rate, from `current`, the last valid inputs) kept. Picking 'custom' brings back
 * `own`, the visitor's own figures as they were left (keptOwn), with today's conventions; without them it
 * changes nothing but the choice. Arrow keys pick as they move through the radio group, so a keyboard
 * user passes a preset on the way back: nothing typed may be lost there.
 */
export function presetDraft(draft: Draft, current: RoiInputs, id: PresetId, mark: DecimalMark = '.', own?: Draft): Draft {
  if (id === 'custom') {
    if (!own) return { ...draft, preset: 'custom' };
    const next = restyleDraft(own, '.', mark);
    return { ...next, ...Object.fromEntries(CONVENTIONS.map((name) => [name, draft[name]])) };
  }
  const { currency, weeksPerMonth, horizonMonths, annualDiscountRate } = current;
  return draftFromInputs({ ...PRESETS[id].inputs, currency, weeksPerMonth, horizonMonths, annualDiscountRate }, mark);
}

/**
 * What to keep of the visitor's own workflow as they pick another option: the draft they leave, if it was
 * theirs, written with a point (a number format picked meanwhile reads it back: presetDraft); else `own`.
 */
export const keptOwn = (draft: Draft, own: Draft | undefined, mark: DecimalMark): Draft | undefined =>
  draft.preset === 'custom' ? restyleDraft(draft, mark, '.') : own;

/**
 * The draft once the island runs, when the visitor used the server-rendered form before its script arrived
 * (on a slow line the form shows for a while before it works). `changed` holds the text of each field the
 * visitor changed meanwhile; it wins over `start` (the defaults or a shared link's scenario, `startInputs`):
 * an example picked first, then each figure as editDraft takes it, so a figure of the workflow typed makes
 * it the visitor's own. Null when nothing was changed, or only to an example that does not exist.
 */
export function draftChangedBeforeHydration(start: Draft, startInputs: RoiInputs, changed: Partial<Draft>, mark: DecimalMark = '.'): Draft | null {
  let next = start;
  const preset = changed.preset === undefined ? undefined : validateField('preset', changed.preset);
  if (preset?.ok) next = presetDraft(next, startInputs, preset.value, mark);
  for (const name of FIELD_ORDER) {
    const raw = changed[name];
    if (name !== 'preset' && raw !== undefined) next = editDraft(next, name, raw);
  }
  return next === start ? null : next;
}

/** How many fields need a fix, as the results say it: "1 field needs a fix." */
export const needsFix = (count: number) => `${count} field${count === 1 ? ' needs' : 's need'} a fix.`;

/**
 * The fields that need a fix, as the live region says them: the first as the form labels it and its message
 * ("Time by hand: Enter a number."), after the count when there are several; '' when none does. `unit` is
 * the draft's: the item count's label follows it ("Files per month").
 */
export function fixesSpoken(errors: FieldErrors, unit: string): string {
  const all = Object.entries(errors);
  if (!all[0]) return '';
  const [name, message] = all[0];
  const first = `${name === 'unitsPerMonth' ? itemsPerMonthLabel(unit) : formLabel(name as FieldName)}: ${message}.`;
  return all[1] ? `${needsFix(all.length)} First, ${first}` : first;
}
