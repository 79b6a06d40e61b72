// Every page at both widths: accessible (axe, WCAG 2.2 A/AA), no console errors, and no JavaScript
// on content pages.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { islandRoutes, pageRoutes } from './_site.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const route of [...pageRoutes, '/no-such-page']) {
  test(`${route}: accessible, error-free${islandRoutes.has(route) ? '' : ', no JavaScript'}`, async ({ page }) => {
    const consoleErrors: string[] = [];
    const scriptRequests: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !(route === '/no-such-page' && msg.text().includes('404'))) consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scriptRequests.push(req.url());
    });

    await page.goto(route, { waitUntil: 'networkidle' });
    // Islands are checked as a visitor meets them: hydrated (astro-island drops `ssr` when it is).
    if (islandRoutes.has(route)) {
      // client:visible: an island hydrates when a visitor scrolls to it.
      for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    }

    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
    expect(violations, `axe violations on ${route}`).toEqual([]);
    expect(consoleErrors, `console errors on ${route}`).toEqual([]);

    // Typography survives the per-page CSS prune: article headings and paragraphs keep their styles.
    const prose = page.locator('.prose-site');
    if ((await prose.count()) > 0 && (await prose.first().locator('h2').count()) > 0) {
      const [h2Size, pSize, pMargin] = await prose.first().evaluate((el) => {
        const h2 = getComputedStyle(el.querySelector('h2')!);
        const p = getComputedStyle(el.querySelector('p')!);
        return [parseFloat(h2.fontSize), parseFloat(p.fontSize), parseFloat(p.marginBottom)];
      });
      expect(h2Size, `prose h2 on ${route} is larger than its text`).toBeGreaterThan(pSize * 1.2);
      expect(pMargin, `prose paragraphs on ${route} are spaced`).toBeGreaterThan(0);
    }

    if (!islandRoutes.has(route)) {
      expect(scriptRequests, `script requests on content page ${route}`).toEqual([]);
      const executableScripts = await page.locator('script:not([type="application/ld+json"])').count();
      expect(executableScripts, `inline or external <script> elements on ${route}`).toBe(0);
    }
  });
}
