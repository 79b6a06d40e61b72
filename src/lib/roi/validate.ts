// One field checked on its own, from the text a form or a query string holds, with a specific message
// when it is not usable. The assisted-versus-manual rule needs both fields: the schema and fromQuery check it.
import {
  belowMinimum,
  CHOICE_MESSAGES,
  decimalPointExpected,
  NOT_A_NUMBER,
  NOT_WHOLE,
  NUMBER_MESSAGES,
  type FieldContext,
} from './messages.ts';
import {
  CURRENCY_CODE,
  HORIZON_MONTHS,
  NUMBER_FIELDS,
  PRESET_IDS,
  TIME_UNITS,
  WORK_UNITS,
  type FieldName,
  type NumberBounds,
  type NumberFieldName,
  type RoiInputs,
} from './schema.ts';
import type { DecimalMark } from './format.ts';

/** A usable value, or the message that says why the text is not one. */
export type FieldCheck<T> = { ok: true; value: T } | { ok: false; message: string };

// Plain decimals, optionally with an exponent. Rejects what Number() would quietly accept: '', ' ', '0x1f',
// 'Infinity', 'NaN'. Thousands separators are allowed only in correct groups ('1,200', not '1,2').
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
// Where the decimal mark is a comma: 4.500 is four thousand five hundred (points group, in threes), 4,5 is
// four and a half, and a space may group too (fr: 4 500). A point that is not a group (4.33) stays a decimal.
const POINT_GROUPED = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d*,\d*$/;

/**
 * The text as the plain decimal DECIMAL reads, or as typed when it is neither (DECIMAL then refuses it).
 * `mark` is the visitor's decimal mark, from the number format they chose.
 */
export function plainNumberText(text: string, mark: DecimalMark = '.'): string {
  if (mark === '.') return GROUPED.test(text) ? text.replaceAll(',', '') : text;
  const compact = text.replace(/[ \u00a0\u202f]/g, '');
  if (POINT_GROUPED.test(compact)) return compact.replaceAll('.', '').replace(',', '.');
  if (COMMA_DECIMAL.test(compact)) return compact.replace(',', '.');
  return compact;
}

/**
 * What to say about text that does not read as a number, when it has a decimal comma (4,5) and the number
 * format writes a point: how to write it, with an example within `bounds` (or "Enter a whole number").
 * Undefined for any other text. The form's percentages use it too.
 */
export function decimalCommaMessage(text: string, mark: DecimalMark, bounds: NumberBounds): string | undefined {
  if (mark === '.' && COMMA_DECIMAL.test(text)) return bounds.integer ? NOT_WHOLE : decimalPointExpected(bounds);
}

function parseNumberField(name: NumberFieldName, raw: string, context: FieldContext, mark: DecimalMark): FieldCheck<number> {
  const bounds: NumberBounds = NUMBER_FIELDS[name];
  const messages = NUMBER_MESSAGES[name];
  const text = raw.trim();
  if (text === '') return { ok: false, message: NOT_A_NUMBER };
  const plain = plainNumberText(text, mark);
  if (!DECIMAL.test(plain)) return { ok: false, message: decimalCommaMessage(text, mark, bounds) ?? NOT_A_NUMBER };
  // `+ 0` turns '-0' into 0, so the value prints and round-trips as typed.
  const value = Number(plain) + 0;
  if (bounds.minExclusive ? value <= bounds.min : value < bounds.min) {
    return { ok: false, message: messages.tooSmall?.(bounds, context) ?? belowMinimum(bounds.min, context) };
  }
  // 1e309 parses to Infinity: it is "more than the maximum", which is the useful thing to say.
  if (value > bounds.max) return { ok: false, message: messages.tooLarge(bounds, context) };
  if (bounds.integer && !Number.isInteger(value)) return { ok: false, message: NOT_WHOLE };
  return { ok: true, value };
}

function parseChoice<T extends string | number>(options: readonly T[], raw: string, message: string): FieldCheck<T> {
  const text = raw.trim();
  const found = options.find((option) => String(option) === text);
  return found === undefined ? { ok: false, message } : { ok: true, value: found };
}

/**
 * Checks one field on its own. Number fields get specific messages ("Must be 0 or more", "That is more than
 * 1,000,000 files a month: check the figure"), which `context` makes name the workflow's units; choices
 * accept only the listed values. A query string is always written with a point (`mark` '.'); the form
 * reads what the visitor types with the decimal mark of the number format they chose, and passes its
 * locale in `context`, so the messages write their figures as the visitor does (1.000 in German).
 */
export function validateField<K extends FieldName>(name: K, raw: string, context: FieldContext = {}, mark: DecimalMark = '.'): FieldCheck<RoiInputs[K]> {
  return checkField(name, raw, context, mark) as FieldCheck<RoiInputs[K]>;
}

function checkField(name: FieldName, raw: string, context: FieldContext, mark: DecimalMark): FieldCheck<RoiInputs[FieldName]> {
  switch (name) {
    case 'preset':
      return parseChoice(PRESET_IDS, raw, CHOICE_MESSAGES.preset);
    case 'unit':
      return parseChoice(WORK_UNITS, raw, CHOICE_MESSAGES.unit);
    case 'timeUnit':
      return parseChoice(TIME_UNITS, raw, CHOICE_MESSAGES.timeUnit);
    case 'horizonMonths':
      return parseChoice(HORIZON_MONTHS, raw, CHOICE_MESSAGES.horizonMonths);
    case 'currency': {
      // Lower case is a harmless slip ('usd'); anything else is not a currency code.
      const code = raw.trim().toUpperCase();
      return CURRENCY_CODE.test(code) ? { ok: true, value: code } : { ok: false, message: CHOICE_MESSAGES.currency };
    }
    default:
      return parseNumberField(name, raw, context, mark);
  }
}
