// Every page at 1280 px and one page of each template at 390 px (templateRoutes: the layouts a phone can
// break are the templates', and an axe scan costs seconds on a shared 2-core machine), one visit each:
// accessible (axe, WCAG 2.2 A/AA), no console errors, no JavaScript on content pages, and one clear next
// step. The page's last call to action (a primary button, or the element marked data-cta) must lead to a
// booking, the calculator, the checklist or an article; the newsletter's own result pages may lead back
// to its sign-up form (and the broken-unsubscribe page to an email to us), two pages are the step themselves (the booking page, the newsletter), and no page
// asks for a newsletter sign-up twice.
import { expect, test as base, type Page } from '@playwright/test';
import { axeViolations } from './_axe.ts';
import { islandRoutes, pageRoutes, templateRoutes } from './_site.ts';
import { routes } from '../../src/config/site.ts';

const LEADS_ON: string[] = [routes.bookAudit, routes.roiCalculator, routes.checklist, routes.readinessCheck, routes.hub, routes.sampleAudit];
const ARTICLE = /^\/blog\/[\w-]+$/;
/** Pages that are the step they would point to. */
const THE_STEP_ITSELF = new Map<string, string>([
  [routes.bookAudit, '[aria-labelledby="bk-heading"]'],
  [routes.newsletter, `main form[action="${routes.newsletterApi}"]`],
]);

/** The page ends with one relevant next step, and has at most one newsletter form. */
async function expectOneNextStep(page: Page, route: string) {
  expect(await page.locator(`form[action="${routes.newsletterApi}"]`).count(), 'newsletter forms').toBeLessThanOrEqual(1);
  const itself = THE_STEP_ITSELF.get(route);
  if (itself) {
    await expect(page.locator(itself)).toHaveCount(1);
    return;
  }
  const actions = page.locator('main a.btn-primary, main [data-cta]');
  expect(await actions.count(), 'calls to action in main').toBeGreaterThan(0);
  const last = actions.last();
  const target = new URL((await last.getAttribute('href'))!, page.url());
  const href = target.pathname + target.hash;
  // A reader who wants out is asked to write to us, not to read or book anything.
  const writesToUs = route === routes.newsletterUnsubscribeLinkInvalid && target.protocol === 'mailto:';
  const allowed = writesToUs || LEADS_ON.includes(href) || ARTICLE.test(href) || (route.startsWith(`${routes.newsletter}/`) && href === routes.newsletter);
  expect(allowed, `the last call to action on ${route} leads to ${href}`).toBe(true);
  // It is the last thing the visitor is asked to do: no other button or form follows it in main.
  const after = await last.evaluate((el) => {
    const all = [...document.querySelectorAll('main a.btn-primary, main a.btn-secondary, main form')];
    return all.filter((other) => other !== el && el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING && !el.parentElement?.contains(other)).length;
  });
  expect(after, `actions after the last next step on ${route}`).toBe(0);
}

/**
 * One tab per worker for these read-only visits: a new context for each of ~50 visits cost 0.5 s to open,
 * and its first load and axe scan ran about 1.5 s slower than in a warm tab (measured: 2.9 s against 1.3 s
 * an article). Each visit listens on its own and clears the origin's storage when it leaves.
 */
const test = base.extend<{ page: Page }, { visitTab: Page }>({
  visitTab: [
    async ({ browser }, use, workerInfo) => {
      const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = workerInfo.project.use;
      const context = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL });
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ visitTab }, use) => {
    await use(visitTab);
    visitTab.removeAllListeners();
    await visitTab.context().clearCookies();
    await visitTab.evaluate(() => { localStorage.clear(); sessionStorage.clear(); }).catch(() => {});
  },
});

for (const route of [...pageRoutes, '/no-such-page']) {
  test(`${route}: accessible, error-free${islandRoutes.has(route) ? '' : ', no JavaScript'}${route === '/no-such-page' ? '' : ', one next step'}`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'mobile' && route !== '/no-such-page' && !templateRoutes.has(route), 'at 390 px one page of each template runs (templateRoutes); this one runs at 1280 px');
    const consoleErrors: string[] = [];
    const scriptRequests: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !(route === '/no-such-page' && msg.text().includes('404'))) consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scriptRequests.push(req.url());
    });

    await page.goto(route);
    // Islands are checked as a visitor meets them: hydrated (astro-island drops `ssr` when it is).
    if (islandRoutes.has(route)) {
      // client:visible: an island hydrates when a visitor scrolls to it.
      for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
      await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
      // client:after-paint / client:visible: no island module is requested before the page has painted.
      const { firstContentfulPaint, scripts } = await page.evaluate(() => ({
        firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
        scripts: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
      }));
      expect(firstContentfulPaint, `first contentful paint on ${route}`).toBeGreaterThan(0);
      const early = scripts.filter((s) => s.start < firstContentfulPaint);
      expect(early, `scripts requested before the first contentful paint (${Math.round(firstContentfulPaint)} ms) on ${route}`).toEqual([]);
    }

    expect(await axeViolations(page), `axe violations on ${route}`).toEqual([]);
    expect(consoleErrors, `console errors on ${route}`).toEqual([]);

    // The first paint waits for one element (<link rel="expect">): the end of the page, an island's
    // container, or an element below the first screen, so that paint holds all of the first screen.
    const paintTarget = await page.evaluate(() => {
      const id = document.querySelector('link[rel="expect"]')?.getAttribute('href')?.slice(1);
      const element = id ? document.getElementById(id) : null;
      if (!element) return { id, found: false };
      return { id, found: true, holdsIsland: !!element.querySelector('astro-island'), top: element.getBoundingClientRect().top + scrollY, screen: innerHeight };
    });
    expect(paintTarget.found, `the element the first paint waits for (#${paintTarget.id}) on ${route}`).toBe(true);
    if (paintTarget.id !== 'end-of-page' && !paintTarget.holdsIsland) {
      expect(paintTarget.top, `#${paintTarget.id}, which the first paint waits for, starts below the first screen on ${route}`).toBeGreaterThanOrEqual(paintTarget.screen!);
    }

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
    if (route !== '/no-such-page') await expectOneNextStep(page, route);
  });
}

// A screen reader hears a scrolling table's region by name: each is named after the heading above it
// (scripts/_lib/table-region-names.ts), so the guide's four example tables are four different regions.
test('an article’s tables are regions named after their headings', async ({ page }) => {
  await page.goto('/blog/approval-rules-for-ai-workflows');
  for (const heading of ['The template: one line per action', 'Sales: replies to new inquiries', 'CRM and revenue operations (RevOps): cleaning duplicate records', 'Documents: supplier invoice intake', 'Customer success: renewal preparation']) {
    await expect(page.getByRole('region', { name: heading, exact: true }).getByRole('table')).toHaveCount(1);
  }
});
