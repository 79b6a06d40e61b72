// What a screen reader hears on the booking page, name by name, and where a new step lands on a phone.
// The clock and the API are fixed (a visitor in Los Angeles on Tuesday, December 1, 2026; the operator in
// Berlin), so every expected name below is written out by hand; Intl only confirms the calendar facts
// they rest on (December 7, 2026 is a Monday; 17:00 UTC is 9:00 AM in Los Angeles).
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';

test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

const NOW = '2026-12-01T18:00:00Z';
const minutes = (instant: string, n: number) => new Date(Date.parse(instant) + n * 60_000).toISOString().replace('.000Z', 'Z');
const slot = (start: string) => ({ start, end: minutes(start, 20) });
/** Monday, December 7: 9:00, 9:20 and 9:40 AM; Wednesday, December 9: 2:00 PM; Tuesday, January 5: 9:00 AM (Los Angeles). */
const FREE: Record<string, string[]> = {
  '2026-12': ['2026-12-07T17:00:00Z', '2026-12-07T17:20:00Z', '2026-12-07T17:40:00Z', '2026-12-09T22:00:00Z'],
  '2027-01': ['2027-01-05T17:00:00Z'],
};

/** The slots, hold and booking APIs as this test plays them; `taken` times leave the list. */
async function fixedCalendar(page: Page, options: { holdTaken?: string; bookingTaken?: boolean; bookingAnswers?: { status: number; json: unknown }[] } = {}) {
  const taken = new Set<string>();
  let bookingAnswered = false;
  await page.clock.setFixedTime(new Date(NOW));
  await page.route('**/api/slots?*', (route) => {
    const month = new URL(route.request().url()).searchParams.get('from')!.slice(0, 7);
    const slots = (FREE[month] ?? []).filter((start) => !taken.has(start)).map(slot);
    return route.fulfill({ json: { timeZone: 'Europe/Berlin', horizonDays: 45, slots, ...(slots.length ? {} : { next: null }) } });
  });
  await page.route('**/api/slots/hold', (route) => {
    const { start } = route.request().postDataJSON() as { start: string };
    if (start === options.holdTaken && !taken.has(start)) {
      taken.add(start);
      return route.fulfill({ status: 409, json: { error: { code: 'slot_taken', message: 'That time has just been taken.' }, alternatives: [] } });
    }
    return route.fulfill({ status: 201, json: { hold: { id: randomUUID(), ...slot(start), expiresAt: minutes(NOW, 10) } } });
  });
  await page.route('**/api/bookings', (route) => {
    const { start } = route.request().postDataJSON() as { start: string };
    const answer = options.bookingAnswers?.shift();
    if (answer) return route.fulfill(answer);
    if (options.bookingTaken && !bookingAnswered) {
      bookingAnswered = true;
      return route.fulfill({ status: 409, json: { error: { code: 'slot_taken', message: 'That time is no longer free. Pick another one.' }, alternatives: [slot('2026-12-09T22:00:00Z')] } });
    }
    return route.fulfill({ status: 201, json: { booking: { id: 'b1', ...slot(start) }, calendar: { ics: '/api/bookings/invite?token=t', google: 'https://calendar.google.com/calendar/render?action=TEMPLATE', outlook: 'https://outlook.office.com/calendar/0/deeplink/compose' } } });
  });
}

async function open(page: Page, path = '/book-audit') {
  await page.goto(path);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('[data-date]:not([aria-disabled])').first()).toBeVisible();
}

const day = (page: Page, date: string) => page.locator(`[data-date="${date}"]`);
const live = (page: Page) => page.locator('#pick-a-time > p[aria-live="polite"]');
const form = (page: Page) => page.getByRole('form', { name: 'Your details' });

test('the calendar facts the names below rest on', () => {
  const weekday = (y: number, m: number, d: number) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long' }).format(Date.UTC(y, m - 1, d));
  expect([weekday(2026, 12, 1), weekday(2026, 12, 7), weekday(2026, 12, 8), weekday(2026, 12, 9), weekday(2027, 1, 5)]).toEqual(['Tuesday', 'Monday', 'Tuesday', 'Wednesday', 'Tuesday']);
  const time = (instant: string, timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'shortOffset' }).format(new Date(instant));
  expect(time('2026-12-07T17:00:00Z', 'America/Los_Angeles')).toBe('9:00 AM GMT-8');
  expect(time('2026-12-09T22:00:00Z', 'America/Los_Angeles')).toBe('2:00 PM GMT-8');
  expect(time('2026-12-09T22:00:00Z', 'Europe/Berlin')).toBe('11:00 PM GMT+1');
  expect(time(minutes(NOW, 10), 'America/Los_Angeles')).toBe('10:10 AM GMT-8');
});

test('every name in the booking island has its separators, from the month grid to the confirmation', async ({ page }) => {
  await fixedCalendar(page, { holdTaken: '2026-12-07T17:00:00Z', bookingTaken: true });
  await open(page, '/book-audit?p=custom&tm=9');

  // The month grid: each day button (and its cell) named in full, count after a comma.
  await expect(page.getByRole('grid')).toHaveAccessibleName('December 2026');
  await expect(day(page, '2026-12-07')).toHaveAccessibleName('Monday, December 7, 3 times free');
  await expect(day(page, '2026-12-08')).toHaveAccessibleName('Tuesday, December 8, no free times');
  await expect(day(page, '2026-12-09')).toHaveAccessibleName('Wednesday, December 9, 1 time free');
  await expect(page.getByRole('gridcell', { name: 'Monday, December 7, 3 times free', exact: true })).toHaveCount(1);
  await expect(page.getByRole('gridcell', { name: 'Wednesday, December 9, 1 time free', exact: true })).toHaveCount(1);

  // One live region says what a month holds once it has loaded (the month's heading is not a second one).
  await expect(page.locator('#pick-a-time [aria-live]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(live(page)).toHaveText('January 2027: free times on 1 day.');
  await expect(page.getByRole('grid')).toHaveAccessibleName('January 2027');
  await expect(day(page, '2027-01-05')).toHaveAccessibleName('Tuesday, January 5, 1 time free');
  await page.getByRole('button', { name: 'Previous month' }).click();
  await expect(live(page)).toHaveText('December 2026: free times on 2 days.');
  // A new zone: one message, the zone and then what the month holds in it.
  await page.getByLabel('Your time zone').selectOption('Europe/Berlin');
  await expect(live(page)).toHaveText('Times now shown in Europe/Berlin. December 2026: free times on 2 days.');
  await page.getByLabel('Your time zone').selectOption('America/Los_Angeles');
  await expect(live(page)).toHaveText('Times now shown in America/Los Angeles. December 2026: free times on 2 days.');

  // The day's times: heading and region read "Monday, December 7, 3 times free", never "December 73 times free".
  await day(page, '2026-12-07').click();
  const heading = page.locator('#bk-times-heading');
  await expect(heading).toBeFocused();
  await expect(heading).toHaveAccessibleName('Monday, December 7, 3 times free');
  await expect(page.getByRole('region', { name: 'Monday, December 7, 3 times free', exact: true })).toBeVisible();
  // On screen: the day, then its count below; no comma left hanging at the end of a phone's first line.
  expect(await heading.innerText()).toBe('Monday, December 7\n3 times free');
  // The picked day says so on the button a keyboard lands on, not only on its grid cell.
  await expect(day(page, '2026-12-07')).toHaveAttribute('aria-pressed', 'true');
  await expect(day(page, '2026-12-08')).toHaveAttribute('aria-pressed', 'false');
  const times = page.getByRole('list', { name: 'Free times on Monday, December 7', exact: true });
  await expect(times.getByRole('button')).toHaveText(['9:00 AM', '9:20 AM', '9:40 AM']);
  for (const [i, name] of ['9:00 AM', '9:20 AM', '9:40 AM'].entries()) await expect(times.getByRole('button').nth(i)).toHaveAccessibleName(name);

  // Someone takes 9:00 first: the alert names the time; the list and its names lose it.
  await times.getByRole('button', { name: '9:00 AM' }).click();
  const takenNotice = page.getByRole('alert');
  await expect(takenNotice).toHaveText('9:00 AM is no longer free. Pick another time.');
  await expect(takenNotice).toBeFocused();
  await expect(heading).toHaveAccessibleName('Monday, December 7, 2 times free');
  await expect(day(page, '2026-12-07')).toHaveAccessibleName('Monday, December 7, 2 times free');
  await expect(page.getByRole('list', { name: 'Free times on Monday, December 7', exact: true }).getByRole('button')).toHaveText(['9:20 AM', '9:40 AM']);

  // The details step.
  await page.getByRole('button', { name: '9:20 AM', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your details', exact: true })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Your details', exact: true })).toBeVisible();
  // The month's last message is not left in the live region, to be read again at the top of the details.
  await expect(live(page)).toHaveText('');
  const card = page.locator('#pick-a-time');
  await expect(card.getByText('Monday, December 7, 2026, 9:20 AM – 9:40 AM GMT-8', { exact: true })).toBeVisible();
  // The hold ends today, not on the call's Monday shown just above: it says so.
  await expect(card.getByText('We are keeping this time for you until 10:10 AM today.', { exact: true })).toBeVisible();
  await expect(card.getByRole('link', { name: 'open them again (opens in a new tab)', exact: true })).toHaveAttribute('target', '_blank');
  await fillForm(page);

  // The time went meanwhile: the alternatives are grouped by day, each time named with its day.
  await page.getByRole('button', { name: 'Book the call' }).click();
  const group = page.getByRole('group', { name: 'Wednesday, December 9', exact: true });
  await expect(group).toBeVisible();
  await expect(group.getByRole('button')).toHaveAccessibleName('Wednesday, December 9, 2:00 PM');
  await group.getByRole('button').click();
  await expect(live(page)).toHaveText('Wednesday, December 9, 2026, 2:00 PM – 2:20 PM GMT-8 chosen. Press Book the call to confirm.');

  // The confirmation.
  await page.getByRole('button', { name: 'Book the call' }).click();
  await expect(page.getByRole('heading', { name: 'Booked', exact: true })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Booked', exact: true })).toBeVisible();
  await expect(card.getByRole('term')).toHaveText(['Your time (America/Los Angeles)', 'For us (Europe/Berlin)']);
  await expect(card.getByRole('definition')).toHaveText(['Wednesday, December 9, 2026, 2:00 PM – 2:20 PM GMT-8', 'Wednesday, December 9, 2026, 11:00 PM – 11:20 PM GMT+1']);
  await expect(card.getByRole('link')).toHaveCount(3);
  for (const [i, name] of ['Google Calendar (opens in a new tab)', 'Outlook (opens in a new tab)', 'Download .ics'].entries()) await expect(card.getByRole('link').nth(i)).toHaveAccessibleName(name);
  await expect(card.getByText(/^A confirmation email/)).toHaveText('A confirmation email with the video-call link, the calendar invite and a link to move or cancel the call is on its way to ann.names@example.com.');
});

test('a new step on a phone: the "Step 2 of 2" line and the heading show below the sticky header', async ({ page }) => {
  await fixedCalendar(page);
  await open(page);
  await day(page, '2026-12-07').click();
  await expect(page.locator('#bk-times-heading')).toBeFocused();
  await page.getByRole('button', { name: '9:20 AM', exact: true }).click();
  const heading = page.getByRole('heading', { name: 'Your details', exact: true });
  await expect(heading).toBeFocused();

  const viewport = page.viewportSize()!;
  const header = (await page.locator('header').boundingBox())!;
  const headerBottom = header.y + header.height;
  for (const [what, element] of [['the "Step 2 of 2" line', page.getByText('Step 2 of 2', { exact: true })], ['the heading', heading]] as const) {
    const box = (await element.boundingBox())!;
    expect(box.y, `${what} starts under the sticky header (which ends at ${headerBottom} px)`).toBeGreaterThanOrEqual(headerBottom);
    expect(box.y + box.height, `${what} ends below the screen`).toBeLessThanOrEqual(viewport.height);
  }
  // The page did scroll to get there (a phone's date step is taller than the screen), so this checked the scroll.
  if (viewport.width < 1024) expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});

test('every free time reads on one line, and the day heading keeps its date together', async ({ page }) => {
  await fixedCalendar(page);
  // A full working day on December 7 (8:00 AM to 3:40 PM in Los Angeles), two-digit hours included.
  const day7 = Array.from({ length: 24 }, (_, i) => slot(minutes('2026-12-07T16:00:00Z', 20 * i)));
  await page.route('**/api/slots?*', (route) => route.fulfill({ json: { timeZone: 'Europe/Berlin', horizonDays: 45, slots: day7 } }));
  await open(page);
  await day(page, '2026-12-07').click();
  const times = page.getByRole('list', { name: /^Free times on/ }).getByRole('button');
  await expect(times.first()).toBeVisible();
  // At 390 px "10:00 AM" once wrapped to two lines (50 px tall beside 44 px ones): a ragged grid.
  const heights = await times.evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().height)));
  expect(heights).toHaveLength(24);
  await expect(times.filter({ hasText: '10:00 AM' })).toHaveCount(1);
  expect(new Set(heights)).toEqual(new Set([44]));
  // "Monday, December 7" on one line: a phone broke it after the month.
  const date = page.locator('#bk-times-heading > span').first();
  await expect(date).toHaveText('Monday, December 7');
  // One line: every box of its text (one per text node) sits at the same height.
  expect(await date.evaluate((span) => new Set([...span.getClientRects()].map((r) => Math.round(r.top))).size)).toBe(1);
});

// An arrow key on a closed select changes its value at once (Chrome on Windows and Linux): arrowing
// through the zones must not reload, announce and drop the picked day at every step (ZoneSelect.tsx).
/** The time zones the page asks free times for, in order, as it asks. */
function zonesRequested(page: Page): string[] {
  const zones: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/slots?')) zones.push(new URL(request.url()).searchParams.get('tz')!);
  });
  return zones;
}

// A zone picked from the open list (a mouse, a touch, a phone's picker) fires no key on the select: it
// applies at once. The page's timers are stopped here, so a zone waiting for the settle timer never applies.
test('a time zone picked from the list applies at once, with no wait', async ({ page }) => {
  await fixedCalendar(page);
  const zonesAsked = zonesRequested(page);
  await open(page);
  // Paused a moment after the install: the installed clock runs on from NOW, so pausing at NOW itself
  // was "a fast-forward to the past" whenever a millisecond had passed in between.
  await page.clock.install({ time: new Date(NOW) });
  await page.clock.pauseAt(new Date(Date.parse(NOW) + 2_000));
  const select = page.getByLabel('Your time zone');
  await select.selectOption('Asia/Tokyo');
  await expect(live(page)).toContainText('Times now shown in Asia/Tokyo.');

  // A key on the select, by contrast, waits for the settle timer.
  await select.focus();
  await page.keyboard.press('ArrowDown');
  const reached = await select.inputValue();
  expect(reached).not.toBe('Asia/Tokyo');
  await expect(live(page)).toContainText('Times now shown in Asia/Tokyo.');
  expect(zonesAsked).not.toContain(reached);
  await page.clock.runFor(600);
  await expect(live(page)).toContainText(`Times now shown in ${reached.replace(/_/g, ' ')}.`);
});

test('arrowing through the time zones applies only the zone the visitor stops on', async ({ page }) => {
  await fixedCalendar(page);
  const zonesAsked = zonesRequested(page);
  await open(page);
  const select = page.getByLabel('Your time zone');
  const first = await select.inputValue();
  await select.focus();
  const before = zonesAsked.length;
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const stopped = await select.inputValue();
  expect(stopped).not.toBe(first);
  await expect(live(page)).toHaveText(`Times now shown in ${stopped.replace(/_/g, ' ')}. December 2026: free times on 2 days.`);
  expect(new Set(zonesAsked.slice(before))).toEqual(new Set([stopped]));
});

/** Picks Monday, December 7 at 9:20 AM and fills the form in (the API is this file's fixed calendar). */
async function fillDetails(page: Page) {
  await day(page, '2026-12-07').click();
  await page.getByRole('button', { name: '9:20 AM', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your details', exact: true })).toBeFocused();
  await fillForm(page);
}

/** Fills every field of the details step with one valid visitor. */
async function fillForm(page: Page) {
  await form(page).getByLabel('Your name').fill('Ann Names');
  await form(page).getByLabel('Work email').fill('ann.names@example.com');
  await form(page).getByLabel('Company', { exact: true }).fill('Names Ltd');
  await form(page).getByLabel('Company size').selectOption('11-50');
  await form(page).getByLabel('Workflow area').selectOption('documents');
  await form(page).getByLabel('What do you want to fix?').fill('Supplier invoices are typed in twice.');
  await form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }).check();
}

// A 422 whose field has no input on the form (what the page sent with the booking, the time, the hold, the
// zone) or that names no field at all (a reused idempotency key) was written only in the error summary at
// the top of the form: far above a phone's screen, focus left on the button, nothing announced.
test('a refusal no field of the form can fix is said beside the button, in view and announced; a field of the form still takes focus', async ({ page }) => {
  const CONTEXT = 'What was sent with the booking (your calculator or readiness answers) is not valid. Untick “Send these with my booking”, or reload the page.';
  const REUSED = 'This request was already used to book with other details. Reload the page and book again.';
  const invalid = (fields: Record<string, string>) => ({ status: 422, json: { error: { code: 'invalid_input', message: 'Check the form and try again.', fields } } });
  await fixedCalendar(page, {
    bookingAnswers: [
      invalid({ context: CONTEXT }),
      { status: 422, json: { error: { code: 'idempotency_key_reused', message: REUSED } } },
      invalid({ start: 'Pick a time from the list.', holdId: 'Pick the time again.', timeZone: 'Pick a time zone from the list.' }),
      // The server's order is not the form's: the email still takes focus, the zone's message goes beside the button.
      invalid({ timeZone: 'Pick a time zone from the list.', email: 'Enter a valid email address, like name@company.com.' }),
    ],
  });
  await open(page, '/book-audit?p=custom&tm=9');
  await fillDetails(page);
  const book = form(page).getByRole('button', { name: 'Book the call' });
  for (const message of [CONTEXT, REUSED, 'Pick a time from the list. Pick the time again. Pick a time zone from the list.']) {
    await book.click();
    const alert = form(page).getByRole('alert');
    await expect(alert).toHaveText(message);
    await expect(alert).toBeInViewport({ ratio: 1 });
    await expect(book).toBeFocused();
    // Said once: not also in a summary at the top, where nobody on a phone sees it.
    await expect(form(page).getByText(/things? to fix before booking/)).toHaveCount(0);
  }
  await book.click();
  await expect(form(page).getByLabel('Work email')).toBeFocused();
  await expect(form(page).getByLabel('Work email')).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(form(page).getByRole('alert')).toHaveText('Pick a time zone from the list.');
});

test('the form says once that every field is required, marks each one, and states the goal\'s minimum in its hint', async ({ page }) => {
  await fixedCalendar(page);
  await open(page);
  await day(page, '2026-12-07').click();
  await page.getByRole('button', { name: '9:20 AM', exact: true }).click();
  const note = form(page).getByText('All fields are required.', { exact: true });
  await expect(note).toBeVisible();
  const fields = [
    form(page).getByLabel('Your name'),
    form(page).getByLabel('Work email'),
    form(page).getByLabel('Company', { exact: true }),
    form(page).getByLabel('Company size'),
    form(page).getByLabel('Workflow area'),
    form(page).getByLabel('What do you want to fix?'),
    form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }),
  ];
  // Above the fields: the note comes before the first of them.
  expect((await note.boundingBox())!.y).toBeLessThan((await fields[0]!.boundingBox())!.y);
  for (const field of fields) await expect(field).toHaveAttribute('aria-required', 'true');
  await expect(form(page).locator('input:not([type=hidden]):not([tabindex="-1"]), select, textarea')).toHaveCount(fields.length);
  await expect(form(page).getByLabel('What do you want to fix?')).toHaveAccessibleDescription(/at least 10 characters/);
});

test.describe('at 320 px', () => {
  // The WCAG 1.4.12 text spacing, injected as a reader's style sheet would be: the page's CSP would refuse it.
  test.use({ viewport: { width: 320, height: 800 }, bypassCSP: true });
  const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

  test('a long day heading and every time fit the card, with WCAG text spacing too', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'mobile', 'one width, set here: the phone project runs it');
    await fixedCalendar(page);
    // Wednesday, December 30: a long weekday and a two-digit date, and a full working day with two-digit hours.
    const day30 = Array.from({ length: 24 }, (_, i) => slot(minutes('2026-12-30T16:00:00Z', 20 * i)));
    await page.route('**/api/slots?*', (route) => route.fulfill({ json: { timeZone: 'Europe/Berlin', horizonDays: 45, slots: day30 } }));
    await open(page);
    await day(page, '2026-12-30').click();
    const heading = page.locator('#bk-times-heading');
    await expect(heading).toHaveAccessibleName('Wednesday, December 30, 24 times free');
    for (const spacing of [false, true]) {
      if (spacing) await page.addStyleTag({ content: TEXT_SPACING });
      const fit = await page.locator('section[aria-labelledby="bk-times-heading"]').evaluate((section) => {
        const within = (inner: DOMRect, outer: DOMRect) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;
        const box = section.getBoundingClientRect();
        // The text's own boxes, not the element's: a nowrap line spills out of its box without growing it.
        const textBoxes = (el: Element) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return [...range.getClientRects()];
        };
        const buttons = [...section.querySelectorAll('button')];
        const rects = buttons.map((b) => b.getBoundingClientRect());
        const overlaps = rects.flatMap((a, i) => rects.slice(i + 1).filter((b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5).map(() => buttons[i]!.textContent));
        return {
          headingSpills: textBoxes(section.querySelector('h3')!).filter((r) => !within(r, box)).length,
          labelsSpilling: buttons.filter((b) => textBoxes(b).some((r) => !within(r, b.getBoundingClientRect()))).map((b) => b.textContent),
          buttonsOutside: rects.filter((r) => !within(r, box)).length,
          overlaps,
          count: buttons.length,
        };
      });
      expect(fit, spacing ? 'with text spacing' : 'as served').toEqual({ headingSpills: 0, labelsSpilling: [], buttonsOutside: 0, overlaps: [], count: 24 });
    }
  });
});
