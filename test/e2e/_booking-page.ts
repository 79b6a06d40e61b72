// What the booking-page specs (test/e2e/booking-*.spec.ts) share: the page, the visitor's zone
// (Los Angeles) and the operator's (Berlin), the card and its form, times written with Intl
// independently of the page, axe, the API's minimum fill time, and the booking the server stored.
import { axeViolations } from './_axe.ts';
import { expect, type Page } from '@playwright/test';
import { storedRow } from './_served-data.ts';

export const PATH = '/book-audit';
export const VISITOR_ZONE = 'America/Los_Angeles';
export const OPERATOR_ZONE = 'Europe/Berlin';
/** The API's minimum fill time (`looksAutomated` in api/_lib/http/request-guards.ts): a faster post is answered as if by a bot. */
const MIN_FILL_MS = 1500;

export const card = (page: Page) => page.locator('section[aria-labelledby="bk-heading"]');
export const freeDays = (page: Page) => page.locator('[data-date]:not([aria-disabled])');
export const form = (page: Page) => page.getByRole('form', { name: 'Your details' });

/** Written with Intl here, independently of the page: "2:20 PM" in `zone`. */
export const clock = (instant: string, zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
export const localDay = (instant: string, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

export async function openBooking(page: Page, path = PATH) {
  await page.goto(path);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(freeDays(page).first()).toBeVisible();
}

export async function expectAxeClean(page: Page, step: string) {
  expect(await axeViolations(page), `axe on ${step}`).toEqual([]);
}

/** Waits until the fill time the island will send (it counts from hydration, before `touchedBy`) is old enough to book. */
export async function waitForFillTime(page: Page, touchedBy: number) {
  await page.waitForTimeout(Math.max(0, touchedBy + MIN_FILL_MS + 300 - Date.now()));
}

export const storedBooking = (email: string) =>
  storedRow('SELECT status, start_at, time_zone, area, context FROM bookings WHERE email = ? ORDER BY created_at DESC', [email]);
