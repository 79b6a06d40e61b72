// The sign-up form as a visitor meets it: a plain HTML form that works on a content page with
// JavaScript off, and on a page whose islands have hydrated with JavaScript on. Each run checks the
// row the server stored, not only the page it lands on.
import { expect, test, type Page } from '@playwright/test';
import { storedRow } from './_served-data.ts';

/** The subscriber row the served build stored for `email`. */
const storedSubscriber = (email: string) => storedRow('SELECT email, status, source, consent_text_version FROM subscribers WHERE email = ?', [email]);

async function signUpInFooter(page: Page, email: string, heading = 'One AI workflow per email') {
  const footer = page.getByRole('region', { name: heading });
  await footer.getByLabel('Work email').fill(email);
  await footer.getByLabel(/Send me the AI Operator newsletter/).check();
  await footer.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page).toHaveURL(/\/newsletter\/check-your-inbox$/);
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
}

test('with JavaScript off, the footer form on a content page signs up and stores a pending subscriber', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: testInfo.project.use.viewport ?? undefined });
  const page = await context.newPage();
  await page.goto('/blog');
  const email = `no-js-${testInfo.project.name}@example.com`;
  await signUpInFooter(page, email);
  expect(await storedSubscriber(email)).toMatchObject({ email, status: 'pending', source: 'footer' });
  await context.close();
});

test('at the end of an article the footer sign-up speaks to a reader who got there, and stores the article as its page', async ({ page }, testInfo) => {
  await page.goto('/blog/approval-rules-for-ai-workflows');
  await expect(page.getByRole('region', { name: 'One AI workflow per email' })).toHaveCount(0);
  const email = `article-${testInfo.project.name}@example.com`;
  await signUpInFooter(page, email, 'Made it this far? Get the next one by email');
  expect(await storedRow('SELECT source, source_page FROM subscribers WHERE email = ?', [email])).toMatchObject({ source: 'footer', source_page: '/blog/approval-rules-for-ai-workflows' });
});

test('with JavaScript on, the footer form still posts natively from a page whose islands have hydrated', async ({ page }, testInfo) => {
  await page.goto('/resources/ai-automation-roi-calculator');
  // The calculator island is live: typing recomputes. The form below it must be unaffected.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelectorAll('astro-island').length)).toBeGreaterThan(0);
  const email = `js-${testInfo.project.name}@example.com`;
  await signUpInFooter(page, email);
  expect(await storedSubscriber(email)).toMatchObject({ email, status: 'pending', source: 'footer' });
});

test('a keyboard reaches the consent box before Subscribe, which sits below it at 390 and 1280 px, and signs up with keys alone', async ({ page }, testInfo) => {
  // This file runs at desktop width only (playwright.config.ts): the phone's layout is set here.
  for (const [width, path, heading] of [[390, '/blog', 'One AI workflow per email'], [1280, '/blog', 'One AI workflow per email'], [390, '/newsletter', 'Subscribe'], [1280, '/newsletter', 'Subscribe']] as const) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto(path);
    const form = page.getByRole('region', { name: heading });
    const consent = form.getByLabel(/Send me the AI Operator newsletter/);
    const subscribe = form.getByRole('button', { name: 'Subscribe' });
    await form.getByLabel('Work email').fill(`keys-${width}-${path.slice(1)}-${testInfo.project.name}@example.com`);
    await page.keyboard.press('Tab');
    await expect(consent).toBeFocused();
    await page.keyboard.press('Space');
    await expect(consent).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(form.getByRole('link', { name: 'privacy policy' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(subscribe).toBeFocused();
    // What a keyboard reaches first is also what the eye meets first: the box above the button, not beside it.
    const [box, button] = await Promise.all([consent.boundingBox(), subscribe.boundingBox()]);
    expect(box!.y + box!.height).toBeLessThanOrEqual(button!.y);
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/newsletter\/check-your-inbox$/);
});

test('the browser stops a sign-up without consent before it is sent, and nothing is stored', async ({ page }, testInfo) => {
  await page.goto('/newsletter');
  const form = page.getByRole('region', { name: 'Subscribe' });
  const email = `no-consent-${testInfo.project.name}@example.com`;
  await form.getByLabel('Work email').fill(email);
  await form.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page).toHaveURL(/\/newsletter$/);
  expect(await form.getByLabel(/Send me the AI Operator newsletter/).evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
  expect(await storedSubscriber(email)).toBeNull();
});

test('the browser stops an address the server would refuse at the field, keeps what was typed, and nothing is sent', async ({ browser }, testInfo) => {
  // Without script, as a content page is: the field's own pattern is all that stands before the server.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: testInfo.project.use.viewport ?? undefined });
  const page = await context.newPage();
  await page.goto('/blog');
  const footer = page.getByRole('region', { name: 'One AI workflow per email' });
  const field = footer.getByLabel('Work email');
  let posted = false;
  page.on('request', (request) => (posted ||= request.method() === 'POST'));
  // Both pass the browser's own email rule; the server refuses both (no dot in the domain; two dots in a row).
  for (const typed of ['jane@example', `jane..${testInfo.project.name}@example.com`]) {
    await field.fill(typed);
    await footer.getByLabel(/Send me the AI Operator newsletter/).check();
    await footer.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/blog$/);
    expect(await field.evaluate((el: HTMLInputElement) => ({ value: el.value, patternMismatch: el.validity.patternMismatch }))).toEqual({ value: typed, patternMismatch: true });
  }
  await field.fill(`jane.${testInfo.project.name}@example.com`);
  expect(await field.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(true);
  expect(posted).toBe(false);
  await context.close();
});
