// The links in the newsletter's emails as a reader meets them: each opens a page that says what
// will happen and offers one button; only the button acts. Keyboard alone, axe clean, JavaScript off.
import { axeViolations } from './_axe.ts';
import { expect, test, type Page } from '@playwright/test';
import { mailTo, storedRow } from './_served-data.ts';

/** The text of the email to `to` whose subject starts with `subject`, with its List-Unsubscribe link. */
async function mailText(to: string, subject: string): Promise<string> {
  const mail = await mailTo(to, subject);
  return `${mail.text}\n${mail.headers['List-Unsubscribe'] ?? ''}`;
}

const pathOf = (text: string, route: string) => {
  const url = new URL(new RegExp(`https?://[^\\s<>]+${route.replace(/\//g, '\\/')}\\?token=[\\w.-]+`).exec(text)![0]);
  return url.pathname + url.search;
};

const status = async (email: string) => String((await storedRow('SELECT status FROM subscribers WHERE email = ?', [email]))?.status);

async function pressWithKeyboard(page: Page, name: string) {
  const button = page.getByRole('button', { name });
  for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
}

/** axe needs JavaScript: it audits the page in a second tab, which (being a GET) changes nothing either. */
async function axeViolationsWithScript(page: Page, path: string): Promise<string[]> {
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize() });
  const audit = await context.newPage();
  await audit.goto(path);
  const violations = await axeViolations(audit);
  await context.close();
  return violations;
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
  expect(await axeViolationsWithScript(page, `${baseURL}${confirmPath}`)).toEqual([]);
  await page.reload();
  expect(await status(email)).toBe('pending');
  await pressWithKeyboard(page, 'Confirm my subscription');
  await expect(page).toHaveURL(/\/newsletter\/confirmed$/);
  expect(await status(email)).toBe('confirmed');

  const unsubscribePath = pathOf(await mailText(email, 'You are subscribed'), '/api/newsletter/unsubscribe');
  await page.goto(unsubscribePath);
  await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe from the newsletter?' })).toBeVisible();
  expect(await axeViolationsWithScript(page, `${baseURL}${unsubscribePath}`)).toEqual([]);
  expect(await status(email)).toBe('confirmed');
  await pressWithKeyboard(page, 'Unsubscribe');
  await expect(page).toHaveURL(/\/newsletter\/unsubscribed$/);
  expect(await status(email)).toBe('unsubscribed');
  await context.close();
});
