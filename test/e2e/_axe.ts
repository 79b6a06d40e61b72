// One axe scan, the same in every spec: WCAG 2.0, 2.1 and 2.2, levels A and AA.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * The page's violations (or those inside `include`), one line each: rule, impact, help and up to three
 * elements. Legacy mode runs axe in the page in one call. The default mode finishes every scan in a new
 * blank tab, for cross-origin frames, which no page here has; it took twice as long (an article at
 * 1280 px: 2.5 s against 1.0 s, measured, with the same passes and violations).
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
}
