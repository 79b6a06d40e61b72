// The links in the newsletter's emails as a reader meets them: each opens a page that says what
// will happen and offers one button; only the button acts. Keyboard alone, axe clean, JavaScript off.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@libsql/client';
import { expect, test, type Page } from '@playwright/test';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const outbox = () => join(process.env.E2E_DATA_DIR!, 'outbox');

/** The text of the email to `to` whose subject starts with `subject`, once the server has written it. */
async function mailText(to: string, subject: string): Promise<string> {
  let text = '';
  await expect
    .poll(() => {
      let files: string[] = [];
      try {
        files = readdirSync(outbox()).filter((f) => f.endsWith('.json'));
      } catch {
        return false;
      }
      const mail = files.map((f) => JSON.parse(readFileSync(join(outbox(), f), 'utf8'))).find((m) => m.to === to && m.subject.startsWith(subject));
      text = mail ? `${mail.text}\n${mail.headers['List-Unsubscribe'] ?? ''}` : '';
      return Boolean(mail);
    }, { timeout: 15_000 })
    .toBe(true);
  return text;
}

const pathOf = (text: string, route: string) => {
  const url = new URL(new RegExp(`https?://[^\\s<>]+${route.replace(/\//g, '\\/')}\\?token=[\\w.-]+`).exec(text)![0]);
  return url.pathname + url.search;
};

async function status(email: string) {
  const db = createClient({ url: `file:${process.env.E2E_DATA_DIR}/site.db` });
  try {
    return String((await db.execute({ sql: 'SELECT status FROM subscribers WHERE email = ?', args: [email] })).rows[0]?.status);
  } finally {
    db.close();
  }
}

async function pressWithKeyboard(page: Page, name: string) {
  const button = page.getByRole('button', { name });
  for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
}

/** axe needs JavaScript: it audits the page in a second tab, which (being a GET) changes nothing either. */
async function axeViolations(page: Page, path: string): Promise<string[]> {
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize() });
  const audit = await context.newPage();
  await audit.goto(path);
  const results = await new AxeBuilder({ page: audit }).withTags(WCAG).analyze();
  await context.close();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('confirm and unsubscribe links open a page with one button, and only the button acts (JavaScript off)', async ({ browser, request, baseURL }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: testInfo.project.use.viewport ?? undefined, baseURL });
  const page = await context.newPage();
  const email = `links-${testInfo.project.name}@example.com`;
  expect((await request.post('/api/newsletter', { data: { email, consent: true } })).status()).toBe(200);

  const confirmPath = pathOf(await mailText(email, 'Confirm your'), '/api/newsletter/confirm');
  await page.goto(confirmPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your subscription' })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  expect(await axeViolations(page, `${baseURL}${confirmPath}`)).toEqual([]);
  await page.reload();
  expect(await status(email)).toBe('pending');
  await pressWithKeyboard(page, 'Confirm my subscription');
  await expect(page).toHaveURL(/\/newsletter\/confirmed$/);
  expect(await status(email)).toBe('confirmed');

  const unsubscribePath = pathOf(await mailText(email, 'You are subscribed'), '/api/newsletter/unsubscribe');
  await page.goto(unsubscribePath);
  await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe from the newsletter?' })).toBeVisible();
  expect(await axeViolations(page, `${baseURL}${unsubscribePath}`)).toEqual([]);
  expect(await status(email)).toBe('confirmed');
  await pressWithKeyboard(page, 'Unsubscribe');
  await expect(page).toHaveURL(/\/newsletter\/unsubscribed$/);
  expect(await status(email)).toBe('unsubscribed');
  await context.close();
});
