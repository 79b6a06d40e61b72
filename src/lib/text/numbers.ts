// Numbers in the site's own sentences (messages, the spec, the sample audit), which are written in
// US English. Figures a visitor enters or reads in the calculator use their locale instead
// (src/lib/roi/format.ts; its input messages pass the locale here).

const formatters = new Map<string, Intl.NumberFormat>();

/** '1,000,000', '2.5': grouped, at most `maxFractionDigits` decimals, no trailing zeros; '1.000.000' for locale 'de-DE'. */
export function formatNumber(value: number, maxFractionDigits = 2, locale = 'en-US'): string {
  const key = locale + maxFractionDigits;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits })));
  return format.format(value);
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A count as the site's sentences write it: a word up to ten ('eight'), digits above. */
export const countWord = (count: number): string => WORDS[count] ?? formatNumber(count);
