// Numbers in the site's own sentences (messages, the spec, the sample audit), which are written in
// US English. Figures a visitor enters or reads in the calculator use their locale instead
// (src/lib/roi/format.ts).

const formatters = new Map<number, Intl.NumberFormat>();

/** '1,000,000', '2.5': grouped, at most `maxFractionDigits` decimals, no trailing zeros. */
export function formatNumber(value: number, maxFractionDigits = 2): string {
  let format = formatters.get(maxFractionDigits);
  if (!format) formatters.set(maxFractionDigits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFractionDigits })));
  return format.format(value);
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A count as the site's sentences write it: a word up to ten ('eight'), digits above. */
export const countWord = (count: number): string => WORDS[count] ?? formatNumber(count);
