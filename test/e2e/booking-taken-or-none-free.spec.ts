// The booking page when the time a visitor wants is not there (a visitor in Los Angeles, the operator
// in Berlin; desktop only, as a flow through the server: the steps' layout at 390 px is booking-keyboard's
// and booking-rendering's): a time someone books before it is picked leaves the list with a
// notice; a time taken while the visitor types (no hold, its service unreachable) offers the next free
// ones and keeps everything typed; a time that passed before its hold, or before its booking, is refused
// with the server's message, the times fetched again, nothing typed lost; with nothing free this month the grid jumps to the first month with
// a time and names it, and with nothing free at all it offers email. Axe on every state.
//
// Tests that book take different days (by project and test), so parallel runs never want one time:
// these the 3rd to 10th free day, booking-keyboard.spec.ts the 1st or 2nd (the 11th and 12th only hold a time).
import { expect, test, type Page } from '@playwright/test';
import { OPERATOR_ZONE, PATH, VISITOR_ZONE, card, clock, expectAxeClean, form, freeDays, localDay, openBooking, storedBooking, waitForFillTime } from './_booking-page.ts';

test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

/** With the mouse: the nth free day from the first month with one, paging months as needed. */
async function clickFreeDay(page: Page, nth: number) {
  let left = nth;
  for (;;) {
    const count = await freeDays(page).count();
    if (left <= count) return freeDays(page).nth(left - 1).click();
    left -= count;
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect(page.locator('[data-date][aria-label$="loading"]')).toHaveCount(0);
  }
}

test.describe('booking page', () => {
  test('a time someone takes before the visitor picks it leaves the list with a notice', async ({ page, request }, testInfo) => {
    await openBooking(page);
    await clickFreeDay(page, testInfo.project.name === 'mobile' ? 5 : 6);
    const times = card(page).locator('[data-start]');
    const start = (await times.first().getAttribute('data-start'))!;
    // Someone else books it after this visitor's list was loaded.
    const other = await request.post('/api/bookings', {
      data: { start, name: 'Early Bird', email: `early-${testInfo.project.name}@example.com`, company: 'Early GmbH', companySize: '1-10', area: 'crm', goal: 'We want this very time, sorry.', timeZone: OPERATOR_ZONE, consent: true },
    });
    expect(other.status()).toBe(201);
    await times.first().click();
    const notice = card(page).getByRole('alert');
    await expect(notice).toHaveText(`${clock(start, VISITOR_ZONE)} is no longer free. Pick another time.`);
    await expect(notice).toBeFocused();
    await expect(card(page).locator(`[data-start="${start}"]`)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Pick a date and time' })).toBeVisible();
    await expectAxeClean(page, 'a time taken before it was picked');
    await times.first().click();
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeFocused();
  });

  test('a time taken meanwhile offers the next free ones and keeps everything typed', async ({ page, request }, testInfo) => {
    const email = `taken-${testInfo.project.name}@example.com`;
    // The hold service is unreachable, so the visitor goes on without a hold and someone else can take
    // the time while they type: the booking itself is checked again and answered with alternatives.
    await page.route('**/api/slots/hold', (route) => route.abort());
    await openBooking(page);
    await clickFreeDay(page, testInfo.project.name === 'mobile' ? 3 : 4);
    const touchedBy = Date.now();
    const time = card(page).locator('[data-start]').first();
    const start = (await time.getAttribute('data-start'))!;
    await time.click();
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeFocused();
    const typed = { 'Your name': 'Sam Taken', 'Work email': email, Company: 'Taken Ltd', 'What do you want to fix?': 'Supplier invoices are typed in by hand twice.' };
    for (const [label, value] of Object.entries(typed)) await form(page).getByLabel(label, { exact: true }).fill(value);
    await form(page).getByLabel('Company size').selectOption('51-200');
    await form(page).getByLabel('Workflow area').selectOption('documents');
    await form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }).check();

    // Someone else books that very time first.
    const other = await request.post('/api/bookings', {
      data: { start, name: 'Someone Else', email: `other-${testInfo.project.name}@example.com`, company: 'Other GmbH', companySize: '1-10', area: 'crm', goal: 'We want this very time, sorry.', timeZone: OPERATOR_ZONE, consent: true },
    });
    expect(other.status()).toBe(201);

    await waitForFillTime(page, touchedBy);
    await page.getByRole('button', { name: 'Book the call' }).click();
    const notice = card(page).getByRole('alert').filter({ hasText: 'That time is no longer free' });
    await expect(notice).toBeFocused();
    const alternatives = notice.getByRole('button');
    await expect(alternatives.first()).toBeVisible();
    for (const [label, value] of Object.entries(typed)) await expect(form(page).getByLabel(label, { exact: true })).toHaveValue(value);
    await expect(form(page).getByLabel('Company size')).toHaveValue('51-200');
    await expect(form(page).getByLabel('Workflow area')).toHaveValue('documents');
    await expect(form(page).getByRole('checkbox', { name: /AI Operator may use these details/ })).toBeChecked();
    await expectAxeClean(page, 'the taken time with its alternatives');

    const picked = (await alternatives.first().textContent())!;
    await expect(alternatives.first()).toHaveAccessibleName(new RegExp(`^[A-Z][a-z]+day, [A-Z][a-z]+ \\d{1,2}, ${picked}$`));
    await alternatives.first().click();
    await expect(page.getByRole('button', { name: 'Book the call' })).toBeFocused();
    await expect(card(page)).toContainText(`${picked} – `);
    const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Book the call' }).click()]);
    expect(answer.status()).toBe(201);
    const booked = ((await answer.json()) as { booking: { start: string } }).booking.start;
    expect(booked).not.toBe(start);
    await expect(page.getByRole('heading', { name: 'Booked' })).toBeFocused();
    expect(await storedBooking(email)).toMatchObject({ status: 'confirmed', start_at: booked, area: 'documents' });
  });

  test('a time that passes while the visitor types is refused beside the button, its hold promise goes, and the times are fetched again', async ({ page }) => {
    // The server's answer when the start has gone by (test/integration/bookings-slots-and-bad-input.test.ts
    // checks the server gives it): the booking service itself cannot be made to see a chosen time pass.
    await page.route('**/api/bookings', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 422, json: { error: { code: 'start_passed', message: 'That time has already passed. Pick another one.', fields: { start: 'That time has already passed. Pick another one.' } } } })
        : route.fallback(),
    );
    await openBooking(page);
    await clickFreeDay(page, 11);
    const touchedBy = Date.now();
    await card(page).locator('[data-start]').first().click();
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeFocused();
    await expect(card(page)).toContainText('We are keeping this time for you until');
    const typed = { 'Your name': 'Pat Late', 'Work email': 'late-desktop@example.com', Company: 'Late Ltd', 'What do you want to fix?': 'Quotes wait two days for a second look.' };
    for (const [label, value] of Object.entries(typed)) await form(page).getByLabel(label, { exact: true }).fill(value);
    await form(page).getByLabel('Company size').selectOption('11-50');
    await form(page).getByLabel('Workflow area').selectOption('sales');
    await form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }).check();
    await waitForFillTime(page, touchedBy);
    const refetched = page.waitForRequest((r) => r.url().includes('/api/slots?') && r.method() === 'GET');
    await page.getByRole('button', { name: 'Book the call' }).click();
    await expect(card(page).getByRole('alert')).toHaveText('That time has already passed. Pick another one.');
    await refetched;
    await expect(card(page)).not.toContainText('We are keeping this time for you');
    for (const [label, value] of Object.entries(typed)) await expect(form(page).getByLabel(label, { exact: true })).toHaveValue(value);
    await expectAxeClean(page, 'a time that passed');
    await page.getByRole('button', { name: 'Change time' }).click();
    await expect(page.getByRole('heading', { name: 'Pick a date and time' })).toBeVisible();
  });

  test('a time that has passed when the visitor picks it is refused on the times with the hold\'s message, the times are fetched again, and nothing typed is lost', async ({ page }) => {
    // The hold service's answer for a start gone by (test/integration/bookings-holds.test.ts checks the
    // server gives it): a listed time cannot be made to pass while the page is open.
    const message = 'That time has already passed. Pick another one.';
    let gone = false;
    await page.route('**/api/slots/hold', (route) => (gone ? route.fulfill({ status: 422, json: { error: { code: 'start_passed', message, fields: { start: message } } } }) : route.fallback()));
    await openBooking(page);
    await clickFreeDay(page, 12);
    const times = card(page).locator('[data-start]');
    await times.first().click();
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeFocused();
    const typed = { 'Your name': 'Pat Early', 'Work email': 'early-gone-desktop@example.com', Company: 'Early Ltd', 'What do you want to fix?': 'Returns are logged by hand in two systems.' };
    for (const [label, value] of Object.entries(typed)) await form(page).getByLabel(label, { exact: true }).fill(value);
    await form(page).getByLabel('Workflow area').selectOption('customer-success');
    await page.getByRole('button', { name: 'Change time' }).click();
    await expect(page.getByRole('heading', { name: 'Pick a date and time' })).toBeVisible();

    gone = true;
    const refetched = page.waitForRequest((r) => r.url().includes('/api/slots?') && r.method() === 'GET');
    await times.nth(1).click();
    const notice = card(page).getByRole('alert');
    await expect(notice).toHaveText(message);
    await expect(notice).toBeFocused();
    await refetched;
    await expect(page.getByRole('heading', { name: 'Pick a date and time' })).toBeVisible();
    await expectAxeClean(page, 'a time that passed before its hold');

    gone = false;
    await times.first().click();
    await expect(page.getByRole('heading', { name: 'Your details' })).toBeFocused();
    for (const [label, value] of Object.entries(typed)) await expect(form(page).getByLabel(label, { exact: true })).toHaveValue(value);
    await expect(form(page).getByLabel('Workflow area')).toHaveValue('customer-success');
  });

  test('a held time taken over from another tab on the same network: the promise to keep it goes with it', async ({ page, request }, testInfo) => {
    const email = `other-tab-${testInfo.project.name}@example.com`;
    await openBooking(page);
    await clickFreeDay(page, testInfo.project.name === 'mobile' ? 7 : 8);
    const touchedBy = Date.now();
    const time = card(page).locator('[data-start]').first();
    const start = (await time.getAttribute('data-start'))!;
    const [held] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/slots/hold')), time.click()]);
    expect(held.status()).toBe(201);
    const promise = card(page).getByText(/^We are keeping this time for you until /);
    await expect(promise).toBeVisible();

    // Another tab from the same address holds the same time (a client keeps one hold: this one's goes) and books it.
    const otherHold = await request.post('/api/slots/hold', { data: { start } });
    expect(otherHold.status()).toBe(201);
    const { hold } = (await otherHold.json()) as { hold: { id: string } };
    const other = await request.post('/api/bookings', {
      data: { start, holdId: hold.id, name: 'Other Tab', email: `taker-${testInfo.project.name}@example.com`, company: 'Same Office Ltd', companySize: '11-50', area: 'sales', goal: 'Took this time from the other tab.', timeZone: OPERATOR_ZONE, consent: true },
    });
    expect(other.status()).toBe(201);

    for (const [label, value] of Object.entries({ 'Your name': 'Tab One', 'Work email': email, Company: 'Same Office Ltd', 'What do you want to fix?': 'Inbound leads wait a day for a first reply.' })) {
      await form(page).getByLabel(label, { exact: true }).fill(value);
    }
    await form(page).getByLabel('Company size').selectOption('11-50');
    await form(page).getByLabel('Workflow area').selectOption('sales');
    await form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }).check();
    await waitForFillTime(page, touchedBy);
    await page.getByRole('button', { name: 'Book the call' }).click();
    await expect(card(page).getByRole('alert').filter({ hasText: 'That time is no longer free' })).toBeFocused();
    await expect(promise).toHaveCount(0);
    expect(await storedBooking(email)).toBeNull();
  });

  test('the promise to keep a time goes when the hold runs out', async ({ page }, testInfo) => {
    await page.clock.install();
    await openBooking(page);
    await clickFreeDay(page, testInfo.project.name === 'mobile' ? 9 : 10);
    const time = card(page).locator('[data-start]').first();
    const [held] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/slots/hold')), time.click()]);
    const { hold } = (await held.json()) as { hold: { expiresAt: string } };
    const promise = card(page).getByText(/^We are keeping this time for you until /);
    await expect(promise).toBeVisible();
    await page.clock.fastForward(Date.parse(hold.expiresAt) - Date.now() - 5_000);
    await expect(promise).toBeVisible();
    await page.clock.fastForward(10_000);
    await expect(promise).toHaveCount(0);
  });

  test('nothing free: the grid jumps to the first month with a time, names it, and offers email when none is left', async ({ page }) => {
    // The API is answered here, so the states do not depend on the calendar the test runs in.
    const next = new Date(Date.now() + 35 * 86_400_000);
    next.setUTCHours(17, 0, 0, 0);
    const free = { start: next.toISOString().replace('.000Z', 'Z'), end: new Date(next.getTime() + 20 * 60_000).toISOString().replace('.000Z', 'Z') };
    let anyLeft = true;
    await page.route('**/api/slots?*', (route) => {
      const from = new URL(route.request().url()).searchParams.get('from')!;
      const inMonth = anyLeft && from.slice(0, 7) === localDay(free.start, VISITOR_ZONE).slice(0, 7);
      return route.fulfill({ json: inMonth ? { timeZone: OPERATOR_ZONE, slots: [free] } : { timeZone: OPERATOR_ZONE, slots: [], next: anyLeft ? free : null } });
    });
    await openBooking(page);
    await expect(freeDays(page)).toHaveCount(1);
    await expect(freeDays(page)).toHaveAttribute('data-date', localDay(free.start, VISITOR_ZONE));

    await page.getByRole('button', { name: 'Previous month' }).click();
    await expect(card(page)).toContainText(/No free times in \w+ \d{4}\./);
    await expect(card(page)).toContainText(`The next free time is`);
    await expect(card(page)).toContainText(clock(free.start, VISITOR_ZONE));
    await expectAxeClean(page, 'a month with no free time');
    await page.getByRole('button', { name: 'Show that day' }).click();
    await expect(page.locator('#bk-times-heading')).toBeFocused();
    await expect(card(page).locator(`[data-start="${free.start}"]`)).toBeVisible();

    anyLeft = false;
    await page.goto(PATH);
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(card(page)).toContainText('No time is free online in the coming weeks');
    await expect(card(page).getByRole('link', { name: 'hello@aioperator.example' })).toHaveAttribute('href', /^mailto:/);
    await expectAxeClean(page, 'nothing free at all');
  });
});
