// A screen reader lists a page's regions by name and jumps between them: two regions with the same
// name, or one called only "Table", leave the listener guessing which is which. Checked on the built
// HTML, where each name is final: an aria-label, or the text of the element aria-labelledby names.
import { escapeRegExp } from '../../src/lib/text/regexp.ts';

const REGION_TAG = /<(?:section|[a-z]+(?=[^>]*\srole="region"))\b[^>]*>/g;
const GENERIC_NAMES = new Set(['table', 'scrollable table', 'region', 'section']);

const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/** The text of the element with this id: its content up to its closing tag, tags and spacing removed. */
function textOfId(html: string, id: string): string | undefined {
  const match = html.match(new RegExp(`<([a-z0-9]+)\\b[^>]*\\sid="${escapeRegExp(id)}"[^>]*>([\\s\\S]*?)</\\1>`));
  return match ? match[2]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() : undefined;
}

/** Each named region of the page with its name: a section without a name is no region and is skipped. */
export function regionNames(html: string): string[] {
  const names: string[] = [];
  for (const [tag] of html.matchAll(REGION_TAG)) {
    const isRegion = / role="region"/.test(tag);
    const label = attribute(tag, 'aria-label');
    const labelledBy = attribute(tag, 'aria-labelledby');
    const name = label ?? (labelledBy ? labelledBy.split(/\s+/).map((id) => textOfId(html, id) ?? '').join(' ').trim() : undefined);
    if (name !== undefined) names.push(name);
    else if (isRegion) names.push('');
  }
  return names;
}

/** What is wrong with the page's region names: a region without one, a generic one, or one used twice. */
export function regionNameProblems(html: string): string[] {
  const names = regionNames(html);
  const problems: string[] = [];
  if (names.includes('')) problems.push('a region has no name');
  for (const name of new Set(names.filter((n) => GENERIC_NAMES.has(n.toLowerCase())))) problems.push(`a region is named only "${name}": name it after what it holds`);
  for (const name of new Set(names.filter((n, i) => n && names.indexOf(n) !== i))) problems.push(`two regions are named "${name}"`);
  return problems;
}
