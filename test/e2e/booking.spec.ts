// The booking page as a visitor uses it, in Los Angeles, with the operator in Berlin: from the
// calculator's "Book an audit with these numbers" to a booked call by keyboard alone, the invite's UTC
// time read from the outbox, moving and cancelling through the emailed link until the time is free
// again; a time taken meanwhile; nothing free; JavaScript off; axe on every step, at 390 and 1280 px.
//
// Tests that book take different days (by project and test), so parallel runs never want one time.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { attachmentText, mailTo, storedRow, type Mail } from './_served-data.ts';

test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

const PATH = '/book-audit';
const CALCULATOR = '/resources/ai-automation-roi-calculator';
const VISITOR_ZONE = 'America/Los_Angeles';
const OPERATOR_ZONE = 'Europe/Berlin';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** The API's minimum fill time (api/bookings.ts): a faster post is answered as if by a bot. */
const MIN_FILL_MS = 1500;

const card = (page: Page) => page.locator('section[aria-labelledby="bk-heading"]');
const freeDays = (page: Page) => page.locator('[data-date]:not([aria-disabled])');
const form = (page: Page) => page.getByRole('form', { name: 'Your details' });
const focusedDay = (page: Page) => page.locator('[data-date]:focus');

/** Written with Intl here, independently of the page: "2:20 PM" in `zone`. */
const clock = (instant: string, zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
const localDay = (instant: string, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
/** '2026-12-02T08:00:00Z' -> '20261202T080000Z', as iCalendar writes a UTC time. */
const icsStamp = (instant: string) => new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

async function openBooking(page: Page, path = PATH) {
  await page.goto(path);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(freeDays(page).first()).toBeVisible();
}

async function expectAxeClean(page: Page, step: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${step}`).toEqual([]);
}

/** Presses Tab until `target` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Waits until the island's first-interaction time (at or before `touchedBy`) is old enough to book. */
async function waitForFillTime(page: Page, touchedBy: number) {
  await page.waitForTimeout(Math.max(0, touchedBy + MIN_FILL_MS + 300 - Date.now()));
}

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

const inviteOf = (mail: Mail) => attachmentText(mail, '.ics');

/** The manage link in a booking email, as a path against this server. */
function managePath(mail: Mail): string {
  const url = new URL(/https?:\/\/\S+\/book-audit\/manage\?token=[\w.-]+/.exec(mail.text)![0]);
  return url.pathname + url.search;
}

const storedBooking = (email: string) =>
  storedRow('SELECT status, start_at, time_zone, area, context FROM bookings WHERE email = ? ORDER BY created_at DESC', [email]);

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
    await tabTo(page, page.getByLabel('Time by hand'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('9');
    await tabTo(page, page.getByRole('link', { name: 'Book an audit with these numbers' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/book-audit\?.*\btm=9\b/);

    // 2. The date: the zone is detected, the grid opens on the first free day.
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(freeDays(page).first()).toBeVisible();
    await expect(page.getByLabel('Your time zone')).toHaveValue(VISITOR_ZONE);
    await expectAxeClean(page, 'the month grid');
    const rovingDay = page.locator('[data-date][tabindex="0"]');
    await expect(rovingDay).toHaveCount(1);
    await tabTo(page, rovingDay);
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
    await expect(card(page)).toContainText(/We are keeping this time for you until \d{1,2}:\d{2}\s[AP]M\./);
    expect(await isFree(request, start)).toBe(false);
    await expect(card(page)).toContainText('Your numbers from the ROI calculator');
    await tabTo(page, page.getByRole('button', { name: 'Book the call' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('things to fix before booking');
    await expect(form(page).getByLabel('Your name')).toBeFocused();
    await expectAxeClean(page, 'the form with errors');
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
    await expect(page.getByRole('alert')).toHaveCount(0);
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

    // 7. Move the call through the emailed link to another time of that day.
    const manage = managePath(confirmation);
    await page.goto(manage);
    await expect(page.getByRole('heading', { level: 1, name: 'Your workflow audit' })).toBeVisible();
    const choice = page.getByLabel(/New time/);
    const sameDay = await choice.locator('option').evaluateAll((options, day) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v.startsWith(day as string)), start.slice(0, 10));
    const moved = sameDay.filter((value) => value !== start).at(-1)!;
    expect(moved).toBeTruthy();
    await choice.selectOption(moved);
    await page.getByRole('button', { name: 'Move the call to this time' }).click();
    await expect(page).toHaveURL(/\/book-audit\/rescheduled$/);
    expect(await storedBooking(email)).toMatchObject({ status: 'confirmed', start_at: moved });
    const update = inviteOf(await mailTo(email, 'Moved:'));
    expect(update).toContain(`DTSTART:${icsStamp(moved)}`);
    expect(update).toContain('SEQUENCE:1');
    expect(await isFree(request, start)).toBe(true);
    expect(await isFree(request, moved)).toBe(false);

    // 8. Cancel through the same link: the time is offered again, on the page too.
    await page.goto(manage);
    await page.getByRole('button', { name: 'Cancel the call' }).click();
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
    await expect(notice).toHaveText(`Someone has just taken ${clock(start, VISITOR_ZONE)}. Pick another time.`);
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
    const notice = card(page).getByRole('alert').filter({ hasText: 'That time was just booked by someone else' });
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

  test('hydrates without moving anything, and changing the time zone shows the times in it', async ({ page }) => {
    // The island's code is held back until the server-rendered page is parsed, laid out and its font
    // settled; then every element's box is compared before and after hydration and the first month's
    // times. (A layout-shift observer also counted the frames a starved CPU paints mid-parse, which
    // hydration has no part in: CI caught one such 0.0004 shift of the header.)
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/BookingIsland.*.js', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(PATH, { waitUntil: 'domcontentloaded' });
    // First call: notes every rendered element's box (page coordinates). Later calls: what moved or
    // resized since, among the elements still on the page (React keeps the server's elements).
    const movedSinceFirstCall = () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const store = window as unknown as { noted?: Map<Element, string> };
        const box = (el: Element) => {
          const r = el.getBoundingClientRect();
          return `${r.x},${r.y + window.scrollY} ${r.width}x${r.height}`;
        };
        if (!store.noted) {
          store.noted = new Map([...document.body.querySelectorAll('*')].filter((el) => el.getClientRects().length > 0).map((el) => [el, box(el)]));
          return { noted: store.noted.size, moved: [] };
        }
        const moved = [...store.noted].filter(([el, was]) => el.isConnected && box(el) !== was).map(([el, was]) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}": ${was} -> ${box(el)}`);
        return { noted: store.noted.size, moved };
      });
    await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
    const before = await movedSinceFirstCall();
    expect(before.noted).toBeGreaterThan(100);
    release();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(freeDays(page).first()).toBeVisible();
    expect((await movedSinceFirstCall()).moved, 'elements that moved or resized when the island hydrated').toEqual([]);

    await freeDays(page).first().click();
    const time = card(page).locator('[data-start]').first();
    const start = (await time.getAttribute('data-start'))!;
    await expect(time).toHaveText(clock(start, VISITOR_ZONE));
    // UTC+5:45, no daylight saving; ICU still calls it Asia/Katmandu in some versions.
    const zones = page.getByLabel('Your time zone');
    const kathmandu = (await zones.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).find((zone) => /^Asia\/Kath?mandu$/.test(zone))!;
    await zones.selectOption(kathmandu);
    await expect(page.locator('#bk-times-heading')).toHaveCount(0);
    const there = page.locator(`[data-date="${localDay(start, kathmandu)}"]`);
    if (!(await there.count())) await page.getByRole('button', { name: 'Next month' }).click();
    await there.click();
    await expect(card(page).locator(`[data-start="${start}"]`)).toHaveText(clock(start, kathmandu));
  });

  test("the readiness check's answers fill the form and go with the booking, never asked again", async ({ page }) => {
    await page.goto(PATH);
    await page.evaluate(() => window.localStorage.setItem('ai-operator:readiness:v1', JSON.stringify({ answers: { area: 'documents', workflowName: 'Supplier invoice intake', processSteps: 'Scan\nKey in\nApprove' } })));
    // The API's answer is played here: this test checks what the page sends, not the booking itself.
    let sent: Record<string, unknown> = {};
    await page.route('**/api/bookings', async (route) => {
      sent = route.request().postDataJSON();
      const start = String(sent.start);
      await route.fulfill({ status: 201, json: { booking: { id: 'b1', start, end: new Date(Date.parse(start) + 20 * 60_000).toISOString() }, calendar: { ics: '/api/bookings/invite?token=t', google: 'https://calendar.google.com/calendar/render?action=TEMPLATE', outlook: 'https://outlook.office.com/calendar/0/deeplink/compose' } } });
    });
    await openBooking(page);
    await freeDays(page).first().click();
    await card(page).locator('[data-start]').first().click();
    await expect(card(page)).toContainText('Your readiness check: Supplier invoice intake (Documents)');
    await expect(form(page).getByLabel('Workflow area')).toHaveValue('documents');
    await expect(form(page).getByLabel('What do you want to fix?')).toHaveValue('Supplier invoice intake');
    await form(page).getByLabel('Your name').fill('Robin Ready');
    await form(page).getByLabel('Work email').fill('ready@example.com');
    await form(page).getByLabel('Company', { exact: true }).fill('Ready AG');
    await form(page).getByLabel('Company size').selectOption('201-500');
    await form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }).check();
    await page.getByRole('button', { name: 'Book the call' }).click();
    await expect(page.getByRole('heading', { name: 'Booked' })).toBeFocused();
    expect(sent).toMatchObject({ area: 'documents', goal: 'Supplier invoice intake', timeZone: VISITOR_ZONE, consent: true, context: { readiness: { area: 'documents', workflowName: 'Supplier invoice intake', processSteps: 'Scan\nKey in\nApprove' } } });
    expect(sent).not.toHaveProperty('website');
    expect(sent.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(typeof sent.startedAt).toBe('number');
    expect((sent.context as Record<string, unknown>).scenario).toBeUndefined();
  });

  test('without JavaScript the page offers email instead', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: testInfo.project.use.viewport ?? undefined });
    const page = await context.newPage();
    await page.goto(PATH);
    // Playwright's text matching skips <noscript>, so the paragraph is found by its place.
    const notice = page.locator('main noscript p');
    await expect(notice).toBeVisible();
    expect(await notice.textContent()).toContain('Picking a time online needs JavaScript');
    const links = page.getByRole('link', { name: 'hello@aioperator.example' });
    await expect(links.first()).toBeVisible();
    await expect(links.first()).toHaveAttribute('href', /^mailto:hello@aioperator\.example\?subject=/);
    await expect(page.getByRole('heading', { name: 'How the 20 minutes go' })).toBeVisible();
    await expect(page.getByText('within one working day')).toHaveCount(0);
    await context.close();
  });
});

test.describe('booking page in a 24-hour, Monday-first locale', () => {
  test.use({ locale: 'en-GB' });

  test('weeks start on Monday and times read as the locale writes them', async ({ page }) => {
    await openBooking(page);
    await expect(page.getByRole('columnheader').first()).toHaveAttribute('abbr', 'Monday');
    await expect(freeDays(page).first()).toHaveAttribute('aria-label', /^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+, \d+ times? free$/);
    await freeDays(page).first().click();
    const time = card(page).locator('[data-start]').first();
    await expect(time).toHaveAccessibleName(/^\d{1,2}:\d{2}$/);
  });
});
