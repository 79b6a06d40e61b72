// The sign-up form as a visitor meets it: a plain HTML form, with JavaScript on and off.
import { expect, test } from '@playwright/test';

for (const javaScriptEnabled of [true, false]) {
  test(`signing up from the footer lands on "check your inbox" (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: testInfo.project.use.viewport ?? undefined });
    const page = await context.newPage();
    await page.goto('/blog');
    const footer = page.getByRole('region', { name: 'One workflow, every two weeks' });
    await footer.getByLabel('Work email').fill(`reader-${testInfo.project.name}-${javaScriptEnabled}@example.com`);
    await footer.getByLabel(/Send me the AI Operator newsletter/).check();
    await footer.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/newsletter\/check-your-inbox$/);
    await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
    await context.close();
  });
}

test('the browser stops a sign-up without consent before it is sent', async ({ page }) => {
  await page.goto('/newsletter');
  const form = page.getByRole('region', { name: 'Subscribe' });
  await form.getByLabel('Work email').fill('someone@example.com');
  await form.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page).toHaveURL(/\/newsletter$/);
  expect(await form.getByLabel(/Send me the AI Operator newsletter/).evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(true);
});
