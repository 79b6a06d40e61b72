// The operator's own calendar blocks times, end to end: the e2e site reads a real iCalendar feed
// (test/e2e/_feed-server.ts, started by playwright.config.ts) with a weekly meeting every Tuesday
// 10:00-11:00 Berlin. A visitor in Los Angeles is not offered the times that meeting blocks (a call
// plus its 10-minute buffers may not overlap it), still is offered the ones beside it, and a booking
// posted for it directly is answered 409 with alternatives that keep clear of it. Desktop only: a flow
// through the server, not a layout.
//
// Every expected instant is computed here with Temporal and Intl, never with the app's src/lib/booking.
import { expect, test } from '@playwright/test';
import { Temporal } from 'temporal-polyfill';
import { OPERATOR_ZONE, VISITOR_ZONE, card, clock, expectAxeClean, localDay, openBooking } from './_booking-page.ts';

test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

const MINUTE = 60_000;
/** The operator's defaults (src/config/booking.ts), restated: a 20-minute call, 10 minutes kept free each side, 45 days ahead. */
const CALL_MINUTES = 20;
const BUFFER_MINUTES = 10;
const HORIZON_DAYS = 45;
/** The feed's meeting, Berlin wall-clock time (test/e2e/_feed-server.ts). */
const MEETING = { start: '10:00', end: '11:00' };
/** Starts whose call plus buffers would overlap the meeting, and the free neighbours on each side. */
const BLOCKED = ['09:40', '10:00', '10:20', '10:40', '11:00'];
const NEIGHBOURS = ['09:20', '11:20'];

/**
 * The Tuesday to look at: the first one (Berlin date) at least 19 days ahead.
 *
 * booking-keyboard.spec.ts and booking-taken-or-none-free.spec.ts hold and book real times in parallel with
 * this test: the first time (09:00 Berlin) of "the nth free day" for n up to 12, then times on those same
 * days (a move to the day's last time, the first alternative after a taken time). A held or booked 09:00
 * takes 09:20 with it (their buffered blocks overlap), so this day must not be one of those. The twelfth
 * free weekday is at most 18 calendar days away (12 weekdays and two weekends, counted from a Saturday), so
 * a Tuesday 19 or more days ahead is never one of them, and at most 25 days ahead it is well within the
 * 45-day horizon. (At 11 days it was the twelfth free day itself on a Sunday: a hold there left 09:20 off.)
 */
function tuesdayToCheck(): Temporal.PlainDate {
  let day = Temporal.Now.plainDateISO(OPERATOR_ZONE).add({ days: 19 });
  while (day.dayOfWeek !== 2) day = day.add({ days: 1 });
  return day;
}

/** '2026-12-15T09:00:00Z': the instant of Berlin wall-clock `time` on `day`, as the API writes it (data-start). */
const berlin = (day: Temporal.PlainDate, time: string) => day.toZonedDateTime({ timeZone: OPERATOR_ZONE, plainTime: Temporal.PlainTime.from(time) }).toInstant().toString();

test('a Tuesday meeting in the operator\'s calendar is not offered to a visitor in Los Angeles, and booking it directly answers 409 with alternatives', async ({ page, request }, testInfo) => {
  const tuesday = tuesdayToCheck();
  const blocked = BLOCKED.map((time) => berlin(tuesday, time));
  const neighbours = NEIGHBOURS.map((time) => berlin(tuesday, time));
  const meeting = { start: Date.parse(berlin(tuesday, MEETING.start)), end: Date.parse(berlin(tuesday, MEETING.end)) };
  // All of them fall on one date in Los Angeles (Berlin's morning is LA's night before dawn): that date's list shows them all.
  const visitorDay = localDay(neighbours[0]!, VISITOR_ZONE);
  for (const instant of [...blocked, ...neighbours]) expect(localDay(instant, VISITOR_ZONE), instant).toBe(visitorDay);
  expect(Date.parse(neighbours[1]!), 'the Tuesday is within the booking horizon').toBeLessThan(Date.now() + (HORIZON_DAYS - 1) * 86_400_000);

  // 1. In the browser: page months to that date in the visitor's calendar and open its times.
  await openBooking(page);
  const day = page.locator(`[data-date="${visitorDay}"]`);
  for (let months = 0; months < 3 && (await day.count()) === 0; months++) {
    await page.getByRole('button', { name: 'Next month' }).click();
    await expect(page.locator('[data-date][aria-label$="loading"]')).toHaveCount(0);
  }
  await expect(day).toHaveCount(1);
  await expect(day).not.toHaveAttribute('aria-disabled');
  await day.click();
  await expect(page.locator('#bk-times-heading')).toBeFocused();

  // 2. The free neighbours are offered (which also proves this is the day's list), the five blocked times are not.
  const time = (instant: string) => card(page).locator(`[data-start="${instant}"]`);
  for (const instant of neighbours) await expect(time(instant), `${instant} (free, beside the meeting) is offered`).toBeVisible();
  // Soft: a failure names every blocked time that was offered, and the API's answer below is still checked.
  for (const instant of blocked) await expect.soft(time(instant), `${instant} (overlaps the meeting with its buffers) is not offered`).toHaveCount(0);
  // Shown in the visitor's clock: 09:20 Berlin reads as Intl writes it in Los Angeles ("12:20 AM" in winter).
  await expect(time(neighbours[0]!)).toHaveText(clock(neighbours[0]!, VISITOR_ZONE));
  await expect(time(neighbours[1]!)).toHaveText(clock(neighbours[1]!, VISITOR_ZONE));
  await expectAxeClean(page, "the times of a day with the operator's meeting");

  // 3. Posted directly for 10:00 Berlin, past the page: 409 slot_taken, with alternatives clear of the meeting.
  const answer = await request.post('/api/bookings', {
    data: {
      start: berlin(tuesday, MEETING.start),
      name: 'Busy Calendar',
      email: `busy-calendar-${testInfo.project.name}@example.com`,
      company: 'Busy GmbH',
      companySize: '1-10',
      area: 'crm',
      goal: 'We want the time the operator is in a meeting.',
      timeZone: VISITOR_ZONE,
      consent: true,
    },
  });
  expect(answer.status(), await answer.text()).toBe(409);
  const body = (await answer.json()) as { error: { code: string }; alternatives: { start: string; end: string }[] };
  expect(body.error.code).toBe('slot_taken');
  expect(body.alternatives.length).toBeGreaterThan(0);
  for (const alternative of body.alternatives) {
    const start = Date.parse(alternative.start);
    // The alternative's call with its buffers: [start - 10 min, start + 20 + 10 min), which must not overlap the meeting.
    const overlaps = start - BUFFER_MINUTES * MINUTE < meeting.end && start + (CALL_MINUTES + BUFFER_MINUTES) * MINUTE > meeting.start;
    expect(overlaps, `alternative ${alternative.start} keeps clear of the meeting`).toBe(false);
    expect(blocked).not.toContain(alternative.start);
  }
});
