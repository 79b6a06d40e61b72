import { expect, test } from '@playwright/test';

test('the mobile menu opens and is usable with the keyboard alone', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the menu button only shows below 1024 px');
  await page.goto('/');
  const menuButton = page.locator('header summary');
  const mobileNav = page.getByRole('navigation', { name: 'Mobile' });
  await expect(mobileNav).toBeHidden();

  // Skip link first, then the logo, then the menu button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(mobileNav).toBeVisible();

  await page.keyboard.press('Tab');
  const firstLink = mobileNav.getByRole('link').first();
  await expect(firstLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ai-operator$/);
});

test('desktop shows the main navigation without a menu button', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'desktop layout only');
  await page.goto('/blog');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.locator('header summary')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' })).toHaveAttribute('aria-current', 'page');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/ai-operator');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
