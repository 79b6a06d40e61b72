// Where a booking came from, end to end in Chromium: a visitor lands on an article from a campaign
// (utm_source=news; the page's view is counted for that source, with no script and no cookie), follows
// its link to the calculator, lands there again from a campaign link, picks a preset and books. The
// booking stores the calculator as its page and the campaign's utm values, and the operator's funnel
// report (`npm run leads -- funnel`) lists the article's view, the calculator page, the preset and the
// utm_source against the booking.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { storedRow } from './_served-data.ts';
import { routes } from '../../src/config/site.ts';

const ARTICLE = routes.checklist;
const CALCULATOR = routes.roiCalculator;
const MIN_FILL_MS = 1500;

const freeDays = (page: Page) => page.locator('[data-date]:not([aria-disabled])');
const viewsOf = async (page: string, utmSource: string) =>
  Number((await storedRow(`SELECT COALESCE(SUM(views), 0) AS n FROM page_views WHERE page = ? AND utm_source = ?`, [page, utmSource]))?.n ?? 0);

/** The funnel report as the operator runs it (CSV: section,name,views,signups,bookings,rate), against the served build's database. */
function funnel(): (section: string, name: string) => { views: number; bookings: number } {
  const csv = execFileSync(process.execPath, ['scripts/leads.ts', 'funnel', '--csv'], { env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR }, encoding: 'utf8' });
  const rows = csv.trim().split('\n').slice(1).map((line) => line.split(','));
  return (section, name) => {
    const row = rows.find(([s, n]) => s === section && n === name);
    return { views: Number(row?.[2] || 0), bookings: Number(row?.[4] || 0) };
  };
}

// Desktop only (playwright.config.ts): this follows data through the server, and the pages' layouts at
// both widths are covered by pages.spec and the booking-*.spec files.
test('a campaign visit to an article, then the calculator, then a booking: the funnel report tells the story', async ({ page }) => {
  test.setTimeout(90_000);
  const campaign = `funnel-e2e-${Date.now()}`;
  const email = `${campaign}@example.com`;
  // Other tests run meanwhile (and view the same pages): only utm_source=news is this test's alone.
  const before = funnel();

  // 1. The article, from a campaign: its view is counted for utm_source=news (the image request).
  const articleViews = await viewsOf(ARTICLE, 'news');
  const counted = page.waitForResponse((r) => r.url().includes('/api/views?') && r.url().includes(encodeURIComponent(ARTICLE)));
  await page.goto(`${ARTICLE}?utm_source=news&utm_campaign=${campaign}`);
  expect((await counted).status()).toBe(200);
  await expect.poll(() => viewsOf(ARTICLE, 'news')).toBe(articleViews + 1);
  expect(await page.evaluate(() => document.cookie)).toBe('');

  // 2. Its link to the calculator (in the article's text).
  await page.locator('main').getByRole('link', { name: 'AI automation ROI calculator' }).first().click();
  await expect(page).toHaveURL(new RegExp(`${CALCULATOR}$`));

  // 3. Back on the calculator from a campaign link; the preset is picked, and the booking link carries
  // the calculator page and the campaign on to the booking page.
  await page.goto(`${CALCULATOR}?utm_source=news&utm_medium=email&utm_campaign=${campaign}`);
  for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.locator('label').filter({ has: page.getByText('Document intake', { exact: true }) }).click();
  const book = page.getByRole('link', { name: 'Book an audit with these numbers' });
  await expect(book).toHaveAttribute('href', new RegExp(`[?&]from=${encodeURIComponent(CALCULATOR)}(&|$)`));
  const handedOn = new URL((await book.getAttribute('href'))!, 'http://x').searchParams;
  expect([handedOn.get('utm_source'), handedOn.get('utm_medium'), handedOn.get('utm_campaign'), handedOn.get('p')]).toEqual(['news', 'email', campaign, 'document-intake']);
  await book.click();
  await expect(page).toHaveURL(/\/book-audit\?p=document-intake/);

  // 4. Book the first free time.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await freeDays(page).first().click();
  await page.locator('[data-start]').first().click();
  const touchedBy = Date.now();
  const form = page.getByRole('form', { name: 'Your details' });
  await form.getByLabel('Your name').fill('Funnel Visitor');
  await form.getByLabel('Work email').fill(email);
  await form.getByLabel('Company', { exact: true }).fill('Funnel Example Co');
  await form.getByLabel('Company size').selectOption('11-50');
  await form.getByLabel('Workflow area').selectOption('documents');
  await form.getByLabel(/What do you want to fix/).fill('Supplier invoices are keyed in by hand every morning.');
  await form.getByRole('checkbox').check();
  await page.waitForTimeout(Math.max(0, touchedBy + MIN_FILL_MS + 300 - Date.now()));
  const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Book the call' }).click()]);
  expect(answer.status()).toBe(201);

  // 5. Stored: the calculator as the page, the campaign's values, no referring site (typed-in visits).
  expect(await storedRow('SELECT source_page, source_referrer, utm_source, utm_medium, utm_campaign FROM bookings WHERE email = ?', [email])).toEqual({
    source_page: CALCULATOR, source_referrer: null, utm_source: 'news', utm_medium: 'email', utm_campaign: campaign,
  });

  // The footer's promise, "No cookies": nothing on the way set one, HttpOnly included.
  expect(await page.context().cookies()).toEqual([]);

  // 6. The operator's funnel report: the article's view, the calculator page and the preset with the
  // booking, and the campaign with three views (the article, the calculator, the booking page) and the booking.
  const after = funnel();
  expect(after('pages', ARTICLE).views).toBeGreaterThan(before('pages', ARTICLE).views);
  expect(after('pages', CALCULATOR).bookings).toBeGreaterThan(before('pages', CALCULATOR).bookings);
  expect(after('preset', 'Document intake').bookings).toBeGreaterThan(before('preset', 'Document intake').bookings);
  expect(after('utm_source', 'news')).toEqual({ views: before('utm_source', 'news').views + 3, bookings: before('utm_source', 'news').bookings + 1 });
});
