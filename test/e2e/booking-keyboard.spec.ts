// The booking page by keyboard alone, as a visitor in Los Angeles uses it with the operator in Berlin:
// from the calculator's "Book an audit with these numbers" (its figures go with the booking) through
// the month grid's keys, a time held for this visitor and offered to nobody else, and a form that
// explains itself, to a call booked and shown in both zones; the invite's UTC time read from the
// outbox; moved and then cancelled through the emailed link until the time is free again, on the page
// too; axe on every step, at 390 and 1280 px.
//
// Tests that book take different days (by project and test), so parallel runs never want one time:
// this one the 1st (mobile) or 2nd (desktop) free day, booking-taken-or-none-free.spec.ts the 3rd to 6th.
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { OPERATOR_ZONE, VISITOR_ZONE, card, clock, expectAxeClean, form, freeDays, localDay, openBooking, storedBooking, waitForFillTime } from './_booking-page.ts';
import { attachmentText, mailTo, type Mail } from './_served-data.ts';
import { tabTo } from './_keyboard.ts';

test.use({
  timezoneId: 'America/Los_Angeles',
  locale: 'en-US',
  // An address of its own per project (the e2e server trusts X-Forwarded-For: TRUST_PROXY=1): a visitor
  // holds one time at a time, so another test holding a time from 127.0.0.1 meanwhile would release this
  // one's hold, and the check that nobody else is offered it would fail by timing alone.
  extraHTTPHeaders: async ({}, use, testInfo) => use({ 'x-forwarded-for': testInfo.project.name === 'mobile' ? '198.51.100.11' : '198.51.100.12' }),
});

const CALCULATOR = '/resources/ai-automation-roi-calculator';

const focusedDay = (page: Page) => page.locator('[data-date]:focus');

/** '2026-12-02T08:00:00Z' -> '20261202T080000Z', as iCalendar writes a UTC time. */
const icsStamp = (instant: string) => new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

const inviteOf = (mail: Mail) => attachmentText(mail, '.ics');

/** The manage link in a booking email, as a path against this server. */
function managePath(mail: Mail): string {
  const url = new URL(/https?:\/\/\S+\/book-audit\/manage\?token=[\w.-]+/.exec(mail.text)![0]);
  return url.pathname + url.search;
}

/** Whether `start` is offered by the slots API to a visitor in Los Angeles. */
async function isFree(request: APIRequestContext, start: string): Promise<boolean> {
  const day = localDay(start, VISITOR_ZONE);
  const response = await request.get(`/api/slots?from=${day}&to=${day}&tz=${encodeURIComponent(VISITOR_ZONE)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { slots: { start: string }[] }).slots.some((slot) => slot.start === start);
}

test.describe('booking page', () => {
  test('from the calculator by keyboard alone: booked, invite in UTC, moved and cancelled through the emailed link', async ({ page, request }, testInfo) => {
    test.setTimeout(120_000);
    const email = `keyboard-${testInfo.project.name}@example.com`;
    const nthFreeDay = testInfo.project.name === 'mobile' ? 1 : 2;

    // 1. The calculator: change one figure, then follow "Book an audit with these numbers".
    await page.goto(CALCULATOR);
    for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await tabTo(page, page.getByLabel('Time by hand'), 120);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('9');
    await tabTo(page, page.getByRole('link', { name: 'Book an audit with these numbers' }), 120);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/book-audit\?.*\btm=9\b/);

    // 2. The date: the zone is detected, the grid opens on the first free day.
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(freeDays(page).first()).toBeVisible();
    await expect(page.getByLabel('Your time zone')).toHaveValue(VISITOR_ZONE);
    await expectAxeClean(page, 'the month grid');
    const rovingDay = page.locator('[data-date][tabindex="0"]');
    await expect(rovingDay).toHaveCount(1);
    await tabTo(page, rovingDay, 120);
    await expect(focusedDay(page)).not.toHaveAttribute('aria-disabled');
    await expect(focusedDay(page)).toHaveAttribute('aria-label', /^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d+ times? free$/);
    const first = (await focusedDay(page).getAttribute('data-date'))!;
    // Arrow keys move by a day and back; Home and End to the week's ends; Page Down a month and back.
    await page.keyboard.press('ArrowRight');
    await expect(focusedDay(page)).not.toHaveAttribute('data-date', first);
    await page.keyboard.press('ArrowLeft');
    await expect(focusedDay(page)).toHaveAttribute('data-date', first);
    const month = (await page.locator('#bk-month').textContent())!;
    if ((await page.getByRole('button', { name: 'Next month' }).getAttribute('aria-disabled')) !== 'true') {
      await page.keyboard.press('PageDown');
      await expect(page.locator('#bk-month')).not.toHaveText(month);
      await page.keyboard.press('PageUp');
      await expect(page.locator('#bk-month')).toHaveText(month);
      // A 31st comes back as the 28th to 30th (the shorter month clamps it): walk back to it.
      for (let i = 0; i < 3 && (await focusedDay(page).getAttribute('data-date')) !== first; i++) await page.keyboard.press('ArrowRight');
      await expect(focusedDay(page)).toHaveAttribute('data-date', first);
    }
    for (let seen = 1; seen < nthFreeDay; ) {
      await page.keyboard.press('ArrowRight');
      await expect(focusedDay(page)).not.toHaveAttribute('aria-label', /loading$/);
      if ((await focusedDay(page).getAttribute('aria-disabled')) === null) seen++;
    }
    const dayName = (await focusedDay(page).getAttribute('aria-label'))!.replace(/, \d+ times? free$/, '');
    await page.keyboard.press('Enter');
    const touchedBy = Date.now();

    // 3. The time: focus on the day's times, each named as it is said.
    await expect(page.locator('#bk-times-heading')).toBeFocused();
    await expect(page.locator('#bk-times-heading')).toContainText(dayName);
    await expectAxeClean(page, 'the times');
    const time = card(page).locator('[data-start]').first();
    await page.keyboard.press('Tab');
    await expect(time).toBeFocused();
    const start = (await time.getAttribute('data-start'))!;
    await expect(time).toHaveAccessibleName(clock(start, VISITOR_ZONE));
    await expect(time).toHaveAccessibleName(/^\d{1,2}:\d{2}\s[AP]M$/);
    await page.keyboard.press('Enter');

    // 4. The details: the time is held for this visitor (nobody else is offered it); what the calculator
    // said is there; an empty form explains itself.
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeFocused();
    // On screen, not only focused: the tall date step gave way, and a phone must not be left below it.
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeInViewport();
    // The hold's end carries its day unless it is the call's own (formatTimeBeside): the clock is real here.
    await expect(card(page)).toContainText(/We are keeping this time for you until \d{1,2}:\d{2}\s[AP]M( today| on \w{3}, \w{3} \d{1,2})?\./);
    expect(await isFree(request, start)).toBe(false);
    await expect(card(page)).toContainText('Your numbers from the ROI calculator');
    await tabTo(page, page.getByRole('button', { name: 'Book the call' }), 120);
    await page.keyboard.press('Enter');
    const summary = form(page).getByText(/things to fix before booking/).locator('..');
    await expect(summary).toContainText('things to fix before booking');
    await expect(form(page).getByLabel('Your name')).toBeFocused();
    // Not a live region: it would be read out again each time a message clears while the visitor types.
    await expect(summary).not.toHaveAttribute('role');
    await expect(summary).not.toHaveAttribute('aria-live');
    await expectAxeClean(page, 'the form with errors');
    // The browser stops at the API's limits (name 100, company 120), so none comes as a surprise at sending.
    await expect(form(page).getByLabel('Your name')).toHaveAttribute('maxlength', '100');
    await expect(form(page).getByLabel('Company', { exact: true })).toHaveAttribute('maxlength', '120');
    await page.keyboard.type('Dana Keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Example Logistics');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(form(page).getByLabel('Company size')).toHaveValue('1-10');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(form(page).getByLabel('Workflow area')).toHaveValue('sales');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Inbound demo requests wait two days for a first reply.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(form(page).getByText(/to fix before booking/)).toHaveCount(0);
    await tabTo(page, page.getByRole('button', { name: 'Book the call' }), 5);
    await waitForFillTime(page, touchedBy);
    const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    expect(answer.status()).toBe(201);

    // 5. Booked: in the visitor's time and in ours, with calendar links; the context went with it.
    await expect(page.getByRole('heading', { name: 'Booked' })).toBeFocused();
    await expect(card(page)).toContainText(clock(start, VISITOR_ZONE));
    await expect(card(page)).toContainText(`For us (${OPERATOR_ZONE.replace('_', ' ')})`);
    await expect(card(page)).toContainText(clock(start, OPERATOR_ZONE));
    await expect(card(page).getByRole('link', { name: 'Download .ics' })).toHaveAttribute('href', /^\/api\/bookings\/invite\?token=/);
    await expect(card(page).getByRole('link', { name: /Google Calendar/ })).toHaveAttribute('href', new RegExp(`dates=${icsStamp(start)}`));
    await expectAxeClean(page, 'the confirmation');
    const stored = await storedBooking(email);
    expect(stored).toMatchObject({ status: 'confirmed', start_at: start, time_zone: VISITOR_ZONE, area: 'sales' });
    expect(new URLSearchParams(JSON.parse(String(stored!.context)).scenario).get('tm')).toBe('9');

    // 6. The invite in the confirmation email starts at the same instant, written in UTC.
    const confirmation = await mailTo(email, 'Booked:');
    const invite = inviteOf(confirmation);
    expect(invite).toContain(`DTSTART:${icsStamp(start)}`);
    expect(invite).toContain('METHOD:REQUEST');

    // 7. Move the call through the emailed link to another time, that day if it has one.
    const manage = managePath(confirmation);
    await page.goto(manage);
    await expect(page.getByRole('heading', { level: 1, name: 'Your workflow audit' })).toBeVisible();
    const choice = page.getByLabel(/New time/);
    // It opens on no time at all: the browser asks for one before anything is posted.
    await expect(choice).toHaveValue('');
    await expect(choice.locator('option').first()).toHaveText('Choose a new time');
    await page.getByRole('button', { name: 'Move the call to this time' }).click();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(manage);
    expect(await choice.evaluate((select) => (select as HTMLSelectElement).validity.valueMissing)).toBe(true);
    // A time far enough from the first that their calls and buffers (20 minutes and 10 each side) do not
    // overlap, or the first would not be offered again below: the day's last such time, else the last
    // time offered (booked in the small hours, today can have only two adjacent times left; the other
    // booking specs use the first times of the nearer days).
    const offered = await choice.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const clear = offered.filter((value) => Math.abs(Date.parse(value) - Date.parse(start)) >= 40 * 60_000);
    const moved = clear.filter((value) => value.startsWith(start.slice(0, 10))).at(-1) ?? clear.at(-1)!;
    expect(moved).toBeTruthy();
    await choice.selectOption(moved);
    await page.getByRole('button', { name: 'Move the call to this time' }).click();
    // Back on the manage page: it says the call moved and shows the new time, in the visitor's zone.
    await expect(page).toHaveURL(/\/book-audit\/manage\?token=[\w.-]+&notice=moved$/);
    await expect(page.getByRole('status')).toContainText('Done: your call has moved to the time below.');
    await expect(page).toHaveTitle('Your call has moved | AI Operator');
    await expect(page.getByText(clock(moved, VISITOR_ZONE)).first()).toBeVisible();
    expect(await storedBooking(email)).toMatchObject({ status: 'confirmed', start_at: moved });
    const update = inviteOf(await mailTo(email, 'Moved:'));
    expect(update).toContain(`DTSTART:${icsStamp(moved)}`);
    expect(update).toContain('SEQUENCE:1');
    expect(await isFree(request, start)).toBe(true);
    expect(await isFree(request, moved)).toBe(false);

    // 8. Cancel through the same link: the time is offered again, on the page too.
    await page.goto(manage);
    await page.getByRole('button', { name: 'Cancel the call' }).click();
    // First the question, with a way back; nothing is cancelled until it is answered.
    await expect(page.getByRole('heading', { level: 1, name: 'Cancel this call?' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'No, keep the call' })).toHaveAttribute('href', manage);
    expect(await storedBooking(email)).toMatchObject({ status: 'confirmed', start_at: moved });
    await page.getByRole('button', { name: 'Yes, cancel the call' }).click();
    await expect(page).toHaveURL(/\/book-audit\/cancelled$/);
    expect(await storedBooking(email)).toMatchObject({ status: 'cancelled' });
    expect(inviteOf(await mailTo(email, 'Cancelled:'))).toContain('METHOD:CANCEL');
    expect(await isFree(request, moved)).toBe(true);
    await openBooking(page);
    const movedDay = localDay(moved, VISITOR_ZONE);
    if (!(await page.locator(`[data-date="${movedDay}"]`).count())) await page.getByRole('button', { name: 'Next month' }).click();
    await page.locator(`[data-date="${movedDay}"]`).click();
    await expect(card(page).locator(`[data-start="${moved}"]`)).toBeVisible();
  });
});
