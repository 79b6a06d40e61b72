import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/_lib/chromium.ts';

// Playwright's headless Chromium hides scrollbars (--hide-scrollbars); a visitor's desktop browser on
// Windows or Linux does not, and the scrollbar takes room from the page. Desktop only (playwright.config):
// phones overlay their scrollbars.
test.use({ launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] } });

// /book-audit paints its first screen before the rest of its HTML has arrived. When that screen was
// shorter than the window, the scrollbar came with the rest and moved the centred page 7 px sideways:
// Lighthouse counted it as a layout shift on one desktop run in three.
test('the page does not move sideways when it grows past the window', async ({ page }) => {
  await page.goto('/book-audit');
  const logo = page.getByRole('banner').getByRole('link', { name: 'AI Operator', exact: true });
  const logoLeft = async () => (await logo.boundingBox())!.x;
  const whole = await logoLeft();
  expect(await page.evaluate(() => document.documentElement.clientWidth), 'the scrollbar takes room, so this test can see it move the page').toBeLessThan(page.viewportSize()!.width);
  // The first screen alone (header and heading), as the first paint may show it: shorter than the window.
  // (Through the CSSOM: the site's CSP refuses an added style sheet.)
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('main > * > :not(:first-child), footer').forEach((el) => el.style.setProperty('display', 'none', 'important')));
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight), 'the page is now shorter than the window').toBe(true);
  expect(await logoLeft(), 'the centred header keeps its place').toBe(whole);
});
