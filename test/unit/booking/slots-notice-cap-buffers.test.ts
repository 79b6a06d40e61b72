// The limits on what the operator's calendar offers: minimum notice and horizon counted in real hours
// (also across a clock change), the daily cap and blocked dates on the operator's own calendar day (an
// Auckland day spans two UTC days), date overrides, calls that would overrun the hours, and buffers
// around bookings (a block that only touches a booking's is allowed). Every clock is fixed and every
// expected instant is written out by hand.
import { describe, expect, it } from 'vitest';
import { defaultBookingRules } from '../../../src/config/booking.ts';
import { operatorDate, type Interval } from '../../../src/lib/booking/index.ts';
import { MON_FRI, range, rules, startsIn, week } from '../../fixtures/slot-rules.ts';

// ---- Notice and horizon --------------------------------------------------------------------------------

describe('minimum notice and horizon', () => {
  const mornings = rules({ weeklyHours: week([range('09:00', '12:00')]) }); // Berlin, CET in early March

  it('notice: a slot exactly at now + notice is offered, a second earlier it is not', () => {
    const r = { ...mornings, minimumNoticeHours: 12 };
    // 03-09 20:00Z + 12 h = 03-10 08:00Z = 09:00 CET, the first slot of the day.
    expect(startsIn(r, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z', [], '2026-03-09T20:00:00Z')).toEqual([
      '2026-03-10T08:00:00Z',
      '2026-03-10T09:00:00Z',
      '2026-03-10T10:00:00Z',
    ]);
    expect(startsIn(r, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z', [], '2026-03-09T20:00:01Z')).toEqual([
      '2026-03-10T09:00:00Z',
      '2026-03-10T10:00:00Z',
    ]);
  });

  it('a minimum-notice window that ends on a change day counts real hours (New York spring forward)', () => {
    const r = rules({ timeZone: 'America/New_York', minimumNoticeHours: 24, dateOverrides: { '2026-03-08': [range('13:00', '18:00')] } });
    // Now Sat 15:00 EST = 03-07 20:00Z; + 24 real hours = 03-08 20:00Z = 16:00 EDT.
    // "Same wall time tomorrow" (15:00 EDT = 19:00Z) would wrongly offer 19:00Z too.
    expect(startsIn(r, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z', [], '2026-03-07T20:00:00Z')).toEqual([
      '2026-03-08T20:00:00Z', // 16:00 EDT
      '2026-03-08T21:00:00Z', // 17:00 EDT
    ]);
  });

  it('a minimum-notice window that ends on a change day counts real hours (Berlin fall back)', () => {
    const r = rules({ minimumNoticeHours: 24, dateOverrides: { '2026-10-25': [range('09:00', '17:00')] } });
    // Now Sat 14:00 CEST = 10-24 12:00Z; + 24 real hours = 10-25 12:00Z = 13:00 CET.
    // "Same wall time tomorrow" (14:00 CET = 13:00Z) would wrongly hide 12:00Z.
    expect(startsIn(r, '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z', [], '2026-10-24T12:00:00Z')).toEqual([
      '2026-10-25T12:00:00Z', // 13:00 CET
      '2026-10-25T13:00:00Z',
      '2026-10-25T14:00:00Z',
      '2026-10-25T15:00:00Z', // 16:00 CET, the last that ends by 17:00
    ]);
  });

  it('horizon: a start exactly at now + horizonDays × 24 h is no longer offered', () => {
    const r = rules({ weeklyHours: week([range('09:00', '10:00')]), horizonDays: 7 });
    // Now 03-02 08:00Z (notice 0: a slot right now is fine); horizon ends 03-09 08:00Z, exclusive.
    expect(startsIn(r, '2026-03-01T00:00:00Z', '2026-03-20T00:00:00Z', [], '2026-03-02T08:00:00Z')).toEqual([
      '2026-03-02T08:00:00Z', // 09:00 CET
      '2026-03-03T08:00:00Z',
      '2026-03-04T08:00:00Z',
      '2026-03-05T08:00:00Z',
      '2026-03-06T08:00:00Z',
      '2026-03-07T08:00:00Z',
      '2026-03-08T08:00:00Z',
    ]);
  });

  it('horizon across a change day counts real hours (New York spring forward)', () => {
    const r = rules({ timeZone: 'America/New_York', horizonDays: 1, dateOverrides: { '2026-03-08': [range('09:00', '12:00')] } });
    // Now Sat 10:00 EST = 03-07 15:00Z; + 24 real hours = 03-08 15:00Z = 11:00 EDT (exclusive).
    // Slots 09:00, 10:00, 11:00 EDT = 13:00Z, 14:00Z, 15:00Z; "10:00 tomorrow" would stop at 14:00Z.
    expect(startsIn(r, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z', [], '2026-03-07T15:00:00Z')).toEqual([
      '2026-03-08T13:00:00Z',
      '2026-03-08T14:00:00Z',
    ]);
  });
});

// ---- The operator's day: daily cap, blocked dates, overrides -------------------------------------------

describe("the operator's day", () => {
  // Auckland (NZDT, +13): the operator's 03-10 runs from 03-09 11:00Z to 03-10 11:00Z, straddling two UTC days.
  // Open 08:00-10:00 and 13:00-15:00: 08:00 = previous UTC day 19:00Z, 13:00 = same UTC day 00:00Z.
  const auckland = rules({
    timeZone: 'Pacific/Auckland',
    weeklyHours: week([range('08:00', '10:00'), range('13:00', '15:00')]),
    dailyCap: 2,
  });
  const booking = (start: string, end: string): Interval => ({ start, end });

  it('operatorDate is the date on the operator\'s wall calendar, not UTC\'s', () => {
    expect(operatorDate(auckland, '2026-03-09T19:00:00Z')).toBe('2026-03-10'); // 08:00 NZDT
    expect(operatorDate(auckland, '2026-03-09T10:59:59Z')).toBe('2026-03-09'); // 23:59:59 NZDT
    expect(operatorDate(rules({ timeZone: 'America/Los_Angeles' }), '2026-03-10T03:00:00Z')).toBe('2026-03-09'); // 20:00 PDT
    expect(operatorDate(defaultBookingRules, '2026-10-24T23:30:00Z')).toBe('2026-10-25'); // 01:30 CEST
  });

  it('the daily cap counts bookings in the operator\'s day, not UTC\'s (two bookings on different UTC days fill Auckland\'s 03-10)', () => {
    const booked = [booking('2026-03-09T19:00:00Z', '2026-03-09T20:00:00Z'), booking('2026-03-10T00:00:00Z', '2026-03-10T01:00:00Z')];
    // Window: Auckland 03-10 00:00 to 03-12 00:00. Only 03-11 is left: 08:00, 09:00, 13:00, 14:00 NZDT.
    expect(startsIn(auckland, '2026-03-09T11:00:00Z', '2026-03-11T11:00:00Z', booked)).toEqual([
      '2026-03-10T19:00:00Z',
      '2026-03-10T20:00:00Z',
      '2026-03-11T00:00:00Z',
      '2026-03-11T01:00:00Z',
    ]);
  });

  it('the daily cap counts bookings in the operator\'s day, not UTC\'s (two bookings on one UTC day are on two Auckland days)', () => {
    const booked = [booking('2026-03-09T01:00:00Z', '2026-03-09T02:00:00Z'), booking('2026-03-09T20:00:00Z', '2026-03-09T21:00:00Z')];
    // 03-09 01:00Z is Auckland 03-09 14:00, 03-09 20:00Z is Auckland 03-10 09:00: one each, neither day full.
    expect(startsIn(auckland, '2026-03-08T11:00:00Z', '2026-03-10T11:00:00Z', booked)).toEqual([
      '2026-03-08T19:00:00Z', // 03-09 08:00
      '2026-03-08T20:00:00Z', // 03-09 09:00
      '2026-03-09T00:00:00Z', // 03-09 13:00 (14:00 is booked)
      '2026-03-09T19:00:00Z', // 03-10 08:00 (09:00 is booked)
      '2026-03-10T00:00:00Z', // 03-10 13:00
      '2026-03-10T01:00:00Z', // 03-10 14:00
    ]);
  });

  it('blocked dates are operator-local (Auckland 03-10 starts at 03-09 11:00Z)', () => {
    const r = { ...auckland, weeklyHours: week([range('08:00', '09:00')]), blockedDates: ['2026-03-10'] };
    // 08:00 NZDT on 03-09, 03-10, 03-11 = 03-08, 03-09, 03-10 19:00Z; the middle one is blocked.
    expect(startsIn(r, '2026-03-08T00:00:00Z', '2026-03-11T00:00:00Z')).toEqual(['2026-03-08T19:00:00Z', '2026-03-10T19:00:00Z']);
  });

  it('a call that would run past the end of the working hours is not offered', () => {
    const r = rules({ weeklyHours: week([range('09:00', '10:30')]) });
    // 09:00 CET = 08:00Z fits; 10:00 would end at 11:00, after 10:30.
    expect(startsIn(r, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z')).toEqual(['2026-03-10T08:00:00Z']);
  });

  it('a blocked date stays closed even if it also has an override', () => {
    const r = rules({ blockedDates: ['2026-03-14'], dateOverrides: { '2026-03-14': [range('10:00', '12:00')] } });
    expect(startsIn(r, '2026-03-13T00:00:00Z', '2026-03-16T00:00:00Z')).toEqual([]);
  });

  it('date overrides: an empty override closes a weekday, an override opens a Saturday, an override replaces the hours', () => {
    const r = rules({
      weeklyHours: week([range('09:00', '10:00')], MON_FRI),
      dateOverrides: { '2026-03-10': [], '2026-03-11': [range('14:00', '15:00')], '2026-03-14': [range('10:00', '12:00')] },
    });
    // Berlin CET (+1), week of Mon 03-09.
    expect(startsIn(r, '2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z')).toEqual([
      '2026-03-09T08:00:00Z', // Mon 09:00
      // Tue 03-10 closed by []
      '2026-03-11T13:00:00Z', // Wed 14:00 instead of 09:00
      '2026-03-12T08:00:00Z', // Thu 09:00
      '2026-03-13T08:00:00Z', // Fri 09:00
      '2026-03-14T09:00:00Z', // Sat 10:00
      '2026-03-14T10:00:00Z', // Sat 11:00
      // Sun closed as every week
    ]);
  });
});

// ---- Buffers -------------------------------------------------------------------------------------------

describe('buffers', () => {
  // Berlin Tue 03-10 09:00-11:00 CET in 20-minute calls with 10 minutes either side: 08:00Z … 09:40Z.
  const r = rules({ weeklyHours: week([range('09:00', '11:00')]), slotMinutes: 20, stepMinutes: 20, bufferBeforeMinutes: 10, bufferAfterMinutes: 10 });
  const day = (booked: Interval[]) => startsIn(r, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z', booked);

  it('without bookings the whole range is offered', () => {
    expect(day([])).toEqual(['2026-03-10T08:00:00Z', '2026-03-10T08:20:00Z', '2026-03-10T08:40:00Z', '2026-03-10T09:00:00Z', '2026-03-10T09:20:00Z', '2026-03-10T09:40:00Z']);
  });

  it('a booking blocks its neighbours within the buffers; a block that only touches the booking\'s block is allowed', () => {
    // Booking 08:20-08:40Z, its block 08:10-08:50Z. 08:00 (block 07:50-08:30) and 08:40 (08:30-09:10) overlap it;
    // 09:00 (block 08:50-09:30) only touches it.
    expect(day([{ start: '2026-03-10T08:20:00Z', end: '2026-03-10T08:40:00Z' }])).toEqual([
      '2026-03-10T09:00:00Z',
      '2026-03-10T09:20:00Z',
      '2026-03-10T09:40:00Z',
    ]);
  });

  it('an off-grid booking blocks every slot whose block it overlaps', () => {
    // Booking 08:25-08:45Z, its block 08:15-08:55Z, now also overlapping 09:00's block (08:50-09:30).
    expect(day([{ start: '2026-03-10T08:25:00Z', end: '2026-03-10T08:45:00Z' }])).toEqual(['2026-03-10T09:20:00Z', '2026-03-10T09:40:00Z']);
  });

  it('ranges written out of order or overlapping (rules edited by hand) still give sorted slots, each once', () => {
    const messy = { ...r, weeklyHours: week([range('10:00', '11:00'), range('09:00', '10:20')]) };
    // 10:00-11:00 → 09:00Z, 09:20Z, 09:40Z; 09:00-10:20 → 08:00Z, 08:20Z, 08:40Z, 09:00Z (09:00Z from both).
    expect(startsIn(messy, '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z')).toEqual([
      '2026-03-10T08:00:00Z',
      '2026-03-10T08:20:00Z',
      '2026-03-10T08:40:00Z',
      '2026-03-10T09:00:00Z',
      '2026-03-10T09:20:00Z',
      '2026-03-10T09:40:00Z',
    ]);
  });

  it('a booking on another day blocks nothing here', () => {
    expect(day([{ start: '2026-03-11T08:20:00Z', end: '2026-03-11T08:40:00Z' }])).toHaveLength(6);
  });
});
