// Every page ends with one clear next step, and no page asks for a newsletter sign-up twice. The
// page's last call to action (a primary button, or the element marked data-cta) must lead to a
// booking, the calculator, the checklist or an article; the newsletter's own result pages may lead
// back to its sign-up form, and two pages are the step themselves (the booking page, the newsletter).
import { expect, test } from '@playwright/test';
import { pageRoutes } from './_site.ts';
import { routes } from '../../src/config/site.ts';

const LEADS_ON: string[] = [routes.bookAudit, routes.roiCalculator, routes.checklist, routes.readinessCheck, routes.hub, routes.sampleAudit];
const ARTICLE = /^\/blog\/[\w-]+$/;
/** Pages that are the step they would point to. */
const THE_STEP_ITSELF = new Map<string, string>([
  [routes.bookAudit, '[aria-labelledby="bk-heading"]'],
  [routes.newsletter, `main form[action="${routes.newsletterApi}"]`],
]);

for (const route of pageRoutes) {
  test(`${route}: ends with one relevant next step and has at most one newsletter form`, async ({ page }) => {
    await page.goto(route);
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
    const allowed = LEADS_ON.includes(href) || ARTICLE.test(href) || (route.startsWith(`${routes.newsletter}/`) && href === routes.newsletter);
    expect(allowed, `the last call to action on ${route} leads to ${href}`).toBe(true);
    // It is the last thing the visitor is asked to do: no other button or form follows it in main.
    const after = await last.evaluate((el) => {
      const all = [...document.querySelectorAll('main a.btn-primary, main a.btn-secondary, main form')];
      return all.filter((other) => other !== el && el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING && !el.parentElement?.contains(other)).length;
    });
    expect(after, `actions after the last next step on ${route}`).toBe(0);
  });
}
