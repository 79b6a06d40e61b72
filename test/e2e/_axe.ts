// One axe scan, the same in every spec: WCAG 2.0, 2.1 and 2.2, levels A and AA.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * The page's violations (or those inside `include`), one line each: rule, impact, help and up to three
 * elements. axe-core goes into a document once and runs in one call; only violations come back.
 * @axe-core/playwright's builder put the 650 kB script into the page again for every scan and brought
 * back every pass: 0.7-1.0 s a scan of the checklist's wizard, against 0.03-0.05 s here (0.27 s for the
 * first scan of a document, its injection), with the same rules and the same violations.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };
  const violations = await page.evaluate(
    async ([selector, runOptions]) => {
      const { axe } = window as unknown as { axe: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> } };
      const results = await axe.run(selector ? { include: [selector] } : document, runOptions);
      return results.violations.map((v): Violation => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    },
    [include, options] as const,
  );
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`);
}
