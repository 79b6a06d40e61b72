// The page-view counter as a browser meets it: the image at the end of a content page loads (it is not
// hidden in a way that stops the load), takes no space, and its request carries the page's own URL as
// Referer, so a campaign's utm_source is counted; a browser that sends Global Privacy Control or Do Not
// Track loads the image and is not counted. Each test names its own utm_source, so views that other
// tests cause on the same page never change what it reads.
import { expect, test, type Page } from '@playwright/test';
import { storedRow } from './_served-data.ts';

const today = () => new Date().toISOString().slice(0, 10);
const viewsOf = async (page: string, utmSource: string) =>
  Number((await storedRow(`SELECT SUM(views) AS n FROM page_views WHERE day = ? AND page = ? AND utm_source = ?`, [today(), page, utmSource]))?.n ?? 0);

/** Opens `path` and waits until the counter image has loaded (the count is committed before it answers). */
async function openAndLoadCounter(page: Page, path: string) {
  const counter = page.locator('img[src^="/api/views"]');
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/views?')), page.goto(path)]);
  expect(response.status()).toBe(200);
  await expect.poll(() => counter.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  return { counter, request: response.request() };
}

test('a content page counts one view under its own utm_source, with an image that takes no space', async ({ page }, testInfo) => {
  const utm = `e2e-${testInfo.project.name}-${Date.now()}`;
  const { counter, request } = await openAndLoadCounter(page, `/privacy?utm_source=${utm}&utm_medium=email`);
  expect(new URL(request.url()).searchParams.get('page')).toBe('/privacy');
  expect(await request.headerValue('referer')).toContain(`utm_source=${utm}`);
  expect(await request.headerValue('cookie')).toBeNull();
  expect(await viewsOf('/privacy', utm)).toBe(1);

  // Loaded, yet out of sight and out of the flow: removing it changes no box on the page.
  const style = await counter.evaluate((img) => {
    const s = getComputedStyle(img);
    return { display: s.display, visibility: s.visibility, position: s.position, opacity: s.opacity, alt: img.getAttribute('alt'), loading: img.getAttribute('loading') };
  });
  expect(style).toEqual({ display: 'block', visibility: 'visible', position: 'absolute', opacity: '0', alt: '', loading: null });
  const box = await counter.boundingBox();
  expect(box && box.width <= 1 && box.height <= 1).toBe(true);
  const layout = () => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight, document.querySelector('footer')!.getBoundingClientRect().bottom].join(','));
  const before = await layout();
  await counter.evaluate((img) => img.remove());
  expect(await layout()).toBe(before);
});

for (const [name, headers] of [['Global Privacy Control', { 'Sec-GPC': '1' }], ['Do Not Track', { DNT: '1' }]] as const) {
  test(`a browser that sends ${name} loads the image and is not counted`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ extraHTTPHeaders: headers, baseURL: testInfo.project.use.baseURL });
    try {
      const page = await context.newPage();
      const utm = `e2e-optout-${testInfo.project.name}-${Date.now()}`;
      await openAndLoadCounter(page, `/privacy?utm_source=${utm}`);
      expect(await viewsOf('/privacy', utm)).toBe(0);
    } finally {
      await context.close();
    }
  });
}
