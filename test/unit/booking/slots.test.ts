// Slot rules for the audit call. Every clock is fixed and every expected instant is written out by hand
// (the offsets in the comments), never computed by the code under test. Test titles name the failure
// they guard against: the classic ways scheduling products get time zones and clock changes wrong.
//
// The 2026 clock changes used below:
//   America/New_York  2026-03-08 02:00 EST (07:00Z) → 03:00 EDT;  2026-11-01 02:00 EDT (06:00Z) → 01:00 EST
//   America/Los_Angeles 2026-03-08 02:00 PST (10:00Z) → 03:00 PDT; 2026-11-01 02:00 PDT (09:00Z) → 01:00 PST
//   Europe/Berlin     2026-03-29 02:00 CET (01:00Z) → 03:00 CEST; 2026-10-25 03:00 CEST (01:00Z) → 02:00 CET
//   Europe/London     2026-03-29 01:00 GMT (01:00Z) → 02:00 BST;  2026-10-25 02:00 BST (01:00Z) → 01:00 GMT
//   Pacific/Auckland  NZDT (+13) until 2026-04-05
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS, defaultBookingRules, type BookingRules, type TimeRange, type Weekday } from '../../../src/config/booking.ts';
import { availableSlots, isBookable, localDatesToWindow, mergeSpans, operatorDate, overlapsAny, type Interval } from '../../../src/lib/booking/index.ts';

// ---- Helpers (none of them compute an expected value) ------------------------------------------------

const week = (ranges: TimeRange[], days: readonly Weekday[] = WEEKDAYS): Record<Weekday, TimeRange[]> =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, days.includes(d) ? ranges : []])) as Record<Weekday, TimeRange[]>;
const range = (start: string, end: string): TimeRange => ({ start, end });
const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Plain rules: closed every day, hour-long calls on the hour, no buffers, notice or cap to get in the way. */
const rules = (overrides: Partial<BookingRules>): BookingRules => ({
  timeZone: 'Europe/Berlin',
  weeklyHours: week([]),
  slotMinutes: 60,
  stepMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  holdMinutes: 10,
  minimumNoticeHours: 0,
  horizonDays: 365,
  dailyCap: 100,
  blockedDates: [],
  dateOverrides: {},
  ...overrides,
});

/** Early in the year: every date below is within notice and horizon unless a test moves the clock. */
const NOW = '2026-01-01T00:00:00Z';

const starts = (slots: Interval[]) => slots.map((s) => s.start);
/** Slot starts in a window, with the plain clock and no bookings. */
const startsIn = (r: BookingRules, from: string, to: string, booked: Interval[] = [], now = NOW) =>
  starts(availableSlots(r, { from, to }, now, booked));

// Independent of the code under test: Intl formats instants in a zone (formatters kept, they are slow to make).
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatIn = (iso: string, timeZone: string, options: Intl.DateTimeFormatOptions, locale: string) => {
  const key = `${locale} ${timeZone}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat(locale, { timeZone, ...options }));
  return formatters.get(key)!.format(new Date(iso));
};
/** '01:30': the wall-clock time of an instant in a zone. */
const wallTime = (iso: string, timeZone: string) => formatIn(iso, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'en-GB');
/** '2026-03-10': the calendar date of an instant in a zone. */
const localDate = (iso: string, timeZone: string) => formatIn(iso, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');

// ---- Daylight-saving changes in the operator's zone ----------------------------------------------------

describe('clock changes in the operator zone', () => {
  const halfHours = (timeZone: string, date: string, ranges: TimeRange[]) =>
    rules({ timeZone, slotMinutes: 30, stepMinutes: 30, dateOverrides: { [date]: ranges } });

  it('US spring forward (New York 2026-03-08): no slot at a nonexistent 02:xx, the day has fewer slots', () => {
    const r = halfHours('America/New_York', '2026-03-08', [range('00:00', '06:00')]);
    // 00:00 EST = 05:00Z … 06:00 EDT = 10:00Z: five real hours, ten half-hour slots instead of twelve.
    const got = startsIn(r, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z');
    expect(got).toEqual([
      '2026-03-08T05:00:00Z', // 00:00 EST
      '2026-03-08T05:30:00Z', // 00:30 EST
      '2026-03-08T06:00:00Z', // 01:00 EST
      '2026-03-08T06:30:00Z', // 01:30 EST
      '2026-03-08T07:00:00Z', // 03:00 EDT (02:00 does not exist)
      '2026-03-08T07:30:00Z', // 03:30 EDT
      '2026-03-08T08:00:00Z', // 04:00 EDT
      '2026-03-08T08:30:00Z', // 04:30 EDT
      '2026-03-08T09:00:00Z', // 05:00 EDT
      '2026-03-08T09:30:00Z', // 05:30 EDT
    ]);
    expect(got.map((s) => wallTime(s, 'America/New_York'))).toEqual(['00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30', '05:00', '05:30']);
  });

  it('US fall back (New York 2026-11-01): 01:30 happens twice and gives two slots an hour apart, the day has more slots', () => {
    const r = halfHours('America/New_York', '2026-11-01', [range('00:00', '03:00')]);
    // 00:00 EDT = 04:00Z … 03:00 EST = 08:00Z: four real hours, eight slots instead of six.
    const got = startsIn(r, '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z');
    expect(got).toEqual([
      '2026-11-01T04:00:00Z', // 00:00 EDT
      '2026-11-01T04:30:00Z', // 00:30 EDT
      '2026-11-01T05:00:00Z', // 01:00 EDT
      '2026-11-01T05:30:00Z', // 01:30 EDT
      '2026-11-01T06:00:00Z', // 01:00 EST
      '2026-11-01T06:30:00Z', // 01:30 EST
      '2026-11-01T07:00:00Z', // 02:00 EST
      '2026-11-01T07:30:00Z', // 02:30 EST
    ]);
    expect(got.map((s) => wallTime(s, 'America/New_York'))).toEqual(['00:00', '00:30', '01:00', '01:30', '01:00', '01:30', '02:00', '02:30']);
  });

  it('EU spring forward (Berlin 2026-03-29): no slot at a nonexistent 02:30, the day has fewer slots', () => {
    const r = halfHours('Europe/Berlin', '2026-03-29', [range('01:00', '05:00')]);
    // 01:00 CET = 00:00Z … 05:00 CEST = 03:00Z: three real hours, six slots instead of eight.
    expect(startsIn(r, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      '2026-03-29T00:00:00Z', // 01:00 CET
      '2026-03-29T00:30:00Z', // 01:30 CET
      '2026-03-29T01:00:00Z', // 03:00 CEST
      '2026-03-29T01:30:00Z', // 03:30 CEST
      '2026-03-29T02:00:00Z', // 04:00 CEST
      '2026-03-29T02:30:00Z', // 04:30 CEST
    ]);
  });

  it('EU fall back (Berlin 2026-10-25): 02:30 happens twice and gives two slots an hour apart, the day has more slots', () => {
    const r = halfHours('Europe/Berlin', '2026-10-25', [range('01:00', '04:00')]);
    // 01:00 CEST = 10-24 23:00Z … 04:00 CET = 03:00Z: four real hours, eight slots instead of six.
    const got = startsIn(r, '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z');
    expect(got).toEqual([
      '2026-10-24T23:00:00Z', // 01:00 CEST, still operator date 10-25
      '2026-10-24T23:30:00Z', // 01:30 CEST
      '2026-10-25T00:00:00Z', // 02:00 CEST
      '2026-10-25T00:30:00Z', // 02:30 CEST
      '2026-10-25T01:00:00Z', // 02:00 CET
      '2026-10-25T01:30:00Z', // 02:30 CET
      '2026-10-25T02:00:00Z', // 03:00 CET
      '2026-10-25T02:30:00Z', // 03:30 CET
    ]);
    expect(got.map((s) => wallTime(s, 'Europe/Berlin'))).toEqual(['01:00', '01:30', '02:00', '02:30', '02:00', '02:30', '03:00', '03:30']);
  });

  it('a working range starting at a nonexistent 02:30 (New York spring forward) starts after the gap, at 03:30 EDT', () => {
    const r = halfHours('America/New_York', '2026-03-08', [range('02:30', '04:00')]);
    // 02:30 → 03:30 EDT = 07:30Z ('compatible'); 04:00 EDT = 08:00Z: room for one half-hour slot.
    expect(startsIn(r, '2026-03-07T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual(['2026-03-08T07:30:00Z']);
  });

  it('a working range starting at a twice-happening 01:30 (New York fall back) starts at the first 01:30', () => {
    const r = halfHours('America/New_York', '2026-11-01', [range('01:30', '03:00')]);
    // 01:30 → 01:30 EDT = 05:30Z (the earlier); 03:00 EST = 08:00Z: 2.5 real hours, five slots.
    expect(startsIn(r, '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual([
      '2026-11-01T05:30:00Z', // 01:30 EDT
      '2026-11-01T06:00:00Z', // 01:00 EST
      '2026-11-01T06:30:00Z', // 01:30 EST
      '2026-11-01T07:00:00Z', // 02:00 EST
      '2026-11-01T07:30:00Z', // 02:30 EST
    ]);
  });

  describe('working hours starting at 13:00 or later on a change day use the offset after the change, not midnight\'s', () => {
    const afternoon = (timeZone: string, date: string) => rules({ timeZone, dateOverrides: { [date]: [range('13:00', '15:00')] } });
    it.each([
      // 13:00 EDT (-4) = 17:00Z; midnight's EST offset would say 18:00Z.
      ['America/New_York', '2026-03-08', ['2026-03-08T17:00:00Z', '2026-03-08T18:00:00Z']],
      // 13:00 EST (-5) = 18:00Z; midnight's EDT offset would say 17:00Z.
      ['America/New_York', '2026-11-01', ['2026-11-01T18:00:00Z', '2026-11-01T19:00:00Z']],
      // 13:00 CEST (+2) = 11:00Z; midnight's CET offset would say 12:00Z.
      ['Europe/Berlin', '2026-03-29', ['2026-03-29T11:00:00Z', '2026-03-29T12:00:00Z']],
      // 13:00 CET (+1) = 12:00Z; midnight's CEST offset would say 11:00Z.
      ['Europe/Berlin', '2026-10-25', ['2026-10-25T12:00:00Z', '2026-10-25T13:00:00Z']],
    ])('%s on %s', (timeZone, date, expected) => {
      expect(startsIn(afternoon(timeZone, date), `${date}T00:00:00Z`, `${date}T23:59:00Z`)).toEqual(expected);
    });
  });

  it('an end of "24:00" is midnight at the end of the day, also on a 23-hour day (Berlin 2026-03-29)', () => {
    const r = rules({ dateOverrides: { '2026-03-29': [range('22:00', '24:00')] } });
    // 22:00 CEST = 20:00Z, 23:00 CEST = 21:00Z, 24:00 = 03-30 00:00 CEST = 22:00Z.
    expect(startsIn(r, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual(['2026-03-29T20:00:00Z', '2026-03-29T21:00:00Z']);
  });
});

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

// ---- The visitor's zone --------------------------------------------------------------------------------

describe("the visitor's dates (localDatesToWindow)", () => {
  it.each([
    // 00:00 PST (-8) = 08:00Z; the next day starts at 00:00 PDT (-7) = 07:00Z: a 23-hour day.
    ['US spring forward, 23-hour day', 'America/Los_Angeles', '2026-03-08', '2026-03-08', '2026-03-08T08:00:00Z', '2026-03-09T07:00:00Z'],
    // 00:00 PDT = 07:00Z; the next day starts at 00:00 PST = 08:00Z: a 25-hour day.
    ['US fall back, 25-hour day', 'America/Los_Angeles', '2026-11-01', '2026-11-01', '2026-11-01T07:00:00Z', '2026-11-02T08:00:00Z'],
    // 00:00 GMT = 00:00Z; the next day starts at 00:00 BST = 23:00Z: 23 hours.
    ['EU spring forward, 23-hour day', 'Europe/London', '2026-03-29', '2026-03-29', '2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z'],
    // 00:00 BST = 10-24 23:00Z; the next day starts at 00:00 GMT = 10-26 00:00Z: 25 hours.
    ['EU fall back, 25-hour day', 'Europe/London', '2026-10-25', '2026-10-25', '2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z'],
    // Several days across the US change: 03-07 00:00 PST = 08:00Z to 03-10 00:00 PDT = 07:00Z.
    ['several days across a change', 'America/Los_Angeles', '2026-03-07', '2026-03-09', '2026-03-07T08:00:00Z', '2026-03-10T07:00:00Z'],
    ['+05:30', 'Asia/Kolkata', '2026-03-10', '2026-03-10', '2026-03-09T18:30:00Z', '2026-03-10T18:30:00Z'],
    ['+05:45', 'Asia/Kathmandu', '2026-03-10', '2026-03-10', '2026-03-09T18:15:00Z', '2026-03-10T18:15:00Z'],
    ['+14:00', 'Pacific/Kiritimati', '2026-03-10', '2026-03-10', '2026-03-09T10:00:00Z', '2026-03-10T10:00:00Z'],
    ['-11:00', 'Pacific/Pago_Pago', '2026-03-10', '2026-03-10', '2026-03-10T11:00:00Z', '2026-03-11T11:00:00Z'],
    ['UTC', 'UTC', '2026-03-10', '2026-03-10', '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z'],
  ])('%s (%s %s..%s)', (_title, timeZone, fromDate, toDate, from, to) => {
    expect(localDatesToWindow(fromDate, toDate, timeZone)).toEqual({ from, to });
  });

  // An operator open around the clock in UTC: the visitor's day gets one slot per real hour it has.
  const allDay = rules({ timeZone: 'UTC', weeklyHours: week([range('00:00', '24:00')]) });

  it.each([
    ['a 23-hour visitor day (Los Angeles spring forward) offers 23 hourly slots', 'America/Los_Angeles', '2026-03-08', 23, '2026-03-08T08:00:00Z', '2026-03-09T06:00:00Z'],
    ['a 25-hour visitor day (Los Angeles fall back) offers 25 hourly slots', 'America/Los_Angeles', '2026-11-01', 25, '2026-11-01T07:00:00Z', '2026-11-02T07:00:00Z'],
    ['a 23-hour visitor day (London spring forward) offers 23 hourly slots', 'Europe/London', '2026-03-29', 23, '2026-03-29T00:00:00Z', '2026-03-29T22:00:00Z'],
    ['a 25-hour visitor day (London fall back) offers 25 hourly slots', 'Europe/London', '2026-10-25', 25, '2026-10-24T23:00:00Z', '2026-10-25T23:00:00Z'],
  ])('%s', (_title, timeZone, date, count, first, last) => {
    const got = starts(availableSlots(allDay, localDatesToWindow(date, date, timeZone), NOW, []));
    expect([got.length, got[0], got.at(-1)]).toEqual([count, first, last]);
    expect(new Set(got.map((s) => localDate(s, timeZone)))).toEqual(new Set([date]));
  });

  describe('visitors at unusual offsets see exactly the slots that start on their local date', () => {
    // Operator Berlin (CET, +1 in early March), open 18:00-20:00 every day in quarter hours: 17:00Z-18:45Z.
    const evenings = rules({ weeklyHours: week([range('18:00', '20:00')]), slotMinutes: 15, stepMinutes: 15 });
    it.each([
      // Visitor day 03-09 18:30Z to 03-10 18:30Z: the end of Berlin's 03-09 and most of 03-10.
      ['+05:30 Asia/Kolkata', 'Asia/Kolkata', [
        '2026-03-09T18:30:00Z', // 03-10 00:00 IST
        '2026-03-09T18:45:00Z',
        '2026-03-10T17:00:00Z',
        '2026-03-10T17:15:00Z',
        '2026-03-10T17:30:00Z',
        '2026-03-10T17:45:00Z',
        '2026-03-10T18:00:00Z',
        '2026-03-10T18:15:00Z', // 23:45 IST; 18:30Z is already 03-11 in Kolkata
      ]],
      // Visitor day 03-09 18:15Z to 03-10 18:15Z.
      ['+05:45 Asia/Kathmandu', 'Asia/Kathmandu', [
        '2026-03-09T18:15:00Z', // 03-10 00:00 NPT
        '2026-03-09T18:30:00Z',
        '2026-03-09T18:45:00Z',
        '2026-03-10T17:00:00Z',
        '2026-03-10T17:15:00Z',
        '2026-03-10T17:30:00Z',
        '2026-03-10T17:45:00Z',
        '2026-03-10T18:00:00Z', // 23:45 NPT; 18:15Z is already 03-11 in Kathmandu
      ]],
      // Visitor day 03-09 10:00Z to 03-10 10:00Z: Berlin's whole evening of 03-09 (07:00-08:45 on 03-10 there).
      ['+14:00 Pacific/Kiritimati', 'Pacific/Kiritimati', [
        '2026-03-09T17:00:00Z',
        '2026-03-09T17:15:00Z',
        '2026-03-09T17:30:00Z',
        '2026-03-09T17:45:00Z',
        '2026-03-09T18:00:00Z',
        '2026-03-09T18:15:00Z',
        '2026-03-09T18:30:00Z',
        '2026-03-09T18:45:00Z',
      ]],
      // Visitor day 03-10 11:00Z to 03-11 11:00Z: Berlin's whole evening of 03-10 (06:00-07:45 on 03-10 there).
      ['-11:00 Pacific/Pago_Pago', 'Pacific/Pago_Pago', [
        '2026-03-10T17:00:00Z',
        '2026-03-10T17:15:00Z',
        '2026-03-10T17:30:00Z',
        '2026-03-10T17:45:00Z',
        '2026-03-10T18:00:00Z',
        '2026-03-10T18:15:00Z',
        '2026-03-10T18:30:00Z',
        '2026-03-10T18:45:00Z',
      ]],
    ])('%s', (_title, timeZone, expected) => {
      const got = starts(availableSlots(evenings, localDatesToWindow('2026-03-10', '2026-03-10', timeZone), NOW, []));
      expect(got).toEqual(expected);
      // And they are exactly the slots of a wide window whose start Intl formats as 03-10 in that zone.
      const wide = startsIn(evenings, '2026-03-05T00:00:00Z', '2026-03-15T00:00:00Z');
      expect(wide.filter((s) => localDate(s, timeZone) === '2026-03-10')).toEqual(got);
    });
  });

  it('the weeks when Europe and the US are an hour apart (Berlin operator, New York visitor, US change 2026-03-08)', () => {
    const r = rules({ weeklyHours: week([range('09:00', '12:00')], MON_FRI) });
    // Fri 03-06: both on standard time, Berlin 09:00 CET = 08:00Z = 03:00 EST.
    // Mon 03-09: New York on EDT, Berlin still CET, 09:00 CET = 08:00Z = 04:00 EDT (not 03:00).
    const got = starts(availableSlots(r, localDatesToWindow('2026-03-06', '2026-03-09', 'America/New_York'), NOW, []));
    expect(got).toEqual([
      '2026-03-06T08:00:00Z',
      '2026-03-06T09:00:00Z',
      '2026-03-06T10:00:00Z',
      '2026-03-09T08:00:00Z',
      '2026-03-09T09:00:00Z',
      '2026-03-09T10:00:00Z',
    ]);
    expect(got.map((s) => wallTime(s, 'America/New_York'))).toEqual(['03:00', '04:00', '05:00', '04:00', '05:00', '06:00']);
  });

  it('the weeks when Europe and the US are an hour apart end with the EU change (Fri 2026-03-27 → Mon 2026-03-30)', () => {
    const r = rules({ weeklyHours: week([range('09:00', '12:00')], MON_FRI) });
    // Fri 03-27: 09:00 CET = 08:00Z = 04:00 EDT. Mon 03-30: 09:00 CEST = 07:00Z = 03:00 EDT again.
    const window = localDatesToWindow('2026-03-27', '2026-03-30', 'America/New_York');
    expect(window).toEqual({ from: '2026-03-27T04:00:00Z', to: '2026-03-31T04:00:00Z' });
    const got = starts(availableSlots(r, window, NOW, []));
    expect(got).toEqual([
      '2026-03-27T08:00:00Z',
      '2026-03-27T09:00:00Z',
      '2026-03-27T10:00:00Z',
      '2026-03-30T07:00:00Z',
      '2026-03-30T08:00:00Z',
      '2026-03-30T09:00:00Z',
    ]);
    expect(got.map((s) => wallTime(s, 'America/New_York'))).toEqual(['04:00', '05:00', '06:00', '03:00', '04:00', '05:00']);
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

// ---- The operator's own busy times (calendar feeds) -------------------------------------------------------

describe("the operator's busy times", () => {
  // Berlin Tue 03-10 09:00-11:00 CET in 20-minute calls with 10 minutes either side: 08:00Z … 09:40Z.
  const r = rules({ weeklyHours: week([range('09:00', '11:00')]), slotMinutes: 20, stepMinutes: 20, bufferBeforeMinutes: 10, bufferAfterMinutes: 10, dailyCap: 1 });
  const ms = (iso: string) => Date.parse(iso);
  const day = (booked: Interval[], busy: { start: number; end: number }[]) =>
    starts(availableSlots(r, { from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z' }, NOW, booked, mergeSpans(busy)));

  it('an event blocks every call whose buffered block would overlap it; one that only touches it is offered', () => {
    // Busy 08:40-09:00Z. 08:20 (block 08:10-08:50) and 09:00 (08:50-09:30) overlap it, 08:40 sits on it;
    // 08:00 (07:50-08:30) and 09:20 (09:10-09:50) are clear.
    expect(day([], [{ start: ms('2026-03-10T08:40:00Z'), end: ms('2026-03-10T09:00:00Z') }])).toEqual([
      '2026-03-10T08:00:00Z',
      '2026-03-10T09:20:00Z',
      '2026-03-10T09:40:00Z',
    ]);
    // Busy 08:30-08:50Z touches 08:00's block (ends 08:30) and 09:00's (starts 08:50): both stay.
    expect(day([], [{ start: ms('2026-03-10T08:30:00Z'), end: ms('2026-03-10T08:50:00Z') }])).toEqual([
      '2026-03-10T08:00:00Z',
      '2026-03-10T09:00:00Z',
      '2026-03-10T09:20:00Z',
      '2026-03-10T09:40:00Z',
    ]);
  });

  it('busy times do not count toward the daily cap (a cap of 1 still offers the free times around two events)', () => {
    const busy = [{ start: ms('2026-03-10T08:00:00Z'), end: ms('2026-03-10T08:20:00Z') }, { start: ms('2026-03-10T09:40:00Z'), end: ms('2026-03-10T10:00:00Z') }];
    // 08:00 sits on the first, 08:20 (block 08:10-08:50) overlaps it; 09:20 (09:10-09:50) and 09:40 overlap the second.
    expect(day([], busy)).toEqual(['2026-03-10T08:40:00Z', '2026-03-10T09:00:00Z']);
    // One call booked here fills the cap: nothing is left.
    expect(day([{ start: '2026-03-10T08:40:00Z', end: '2026-03-10T09:00:00Z' }], busy)).toEqual([]);
  });

  it('an event without an end (zero length) blocks the calls whose block has it inside', () => {
    // An instant at 08:45Z lies inside the blocks of 08:20 (08:10-08:50) and 08:40 (08:30-09:10).
    expect(day([], [{ start: ms('2026-03-10T08:45:00Z'), end: ms('2026-03-10T08:45:00Z') }])).toEqual([
      '2026-03-10T08:00:00Z',
      '2026-03-10T09:00:00Z',
      '2026-03-10T09:20:00Z',
      '2026-03-10T09:40:00Z',
    ]);
  });

  it('isBookable refuses a time a busy event blocks and accepts one it does not', () => {
    const busy = mergeSpans([{ start: ms('2026-03-10T08:40:00Z'), end: ms('2026-03-10T09:00:00Z') }]);
    expect(isBookable(r, '2026-03-10T09:00:00Z', NOW, [], busy)).toBe(false);
    expect(isBookable(r, '2026-03-10T09:20:00Z', NOW, [], busy)).toBe(true);
  });
});

describe('mergeSpans and overlapsAny', () => {
  it('joins overlapping and touching spans, sorts them, drops inverted ones', () => {
    expect(mergeSpans([{ start: 50, end: 60 }, { start: 10, end: 20 }, { start: 20, end: 30 }, { start: 25, end: 28 }, { start: 40, end: 35 }, { start: 55, end: 70 }])).toEqual([
      { start: 10, end: 30 },
      { start: 50, end: 70 },
    ]);
  });

  it('finds an overlap by half-open rules, first and last span included', () => {
    const merged = mergeSpans([{ start: 10, end: 20 }, { start: 40, end: 50 }, { start: 70, end: 70 }]);
    expect(overlapsAny(merged, 0, 10)).toBe(false); // touches the first
    expect(overlapsAny(merged, 0, 11)).toBe(true);
    expect(overlapsAny(merged, 20, 40)).toBe(false); // between two
    expect(overlapsAny(merged, 49, 60)).toBe(true);
    expect(overlapsAny(merged, 60, 70)).toBe(false); // touches the instant at 70
    expect(overlapsAny(merged, 69, 71)).toBe(true); // has it inside
    expect(overlapsAny(merged, 71, 90)).toBe(false); // after all
    expect(overlapsAny([], 0, 100)).toBe(false);
  });

  it('agrees with a plain scan on random spans (fast-check)', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), span, (spans, probe) => {
        const scan = spans.some((s) => probe.start < s.end && s.start < probe.end);
        expect(overlapsAny(mergeSpans(spans), probe.start, probe.end)).toBe(scan);
      }),
    );
  });
});

// ---- isBookable ----------------------------------------------------------------------------------------

describe('isBookable agrees with availableSlots', () => {
  const r = { ...defaultBookingRules, dailyCap: 100 }; // Berlin, Mon-Fri 09-12 and 13-17, 20-minute calls, 10-minute buffers, 12 h notice
  const now = '2026-03-09T12:00:00Z';
  const booked: Interval[] = [{ start: '2026-03-10T08:20:00Z', end: '2026-03-10T08:40:00Z' }];

  it.each([
    ['09:00 Berlin on a working day', '2026-03-10T08:00:00Z', [], true],
    ['the same instant with milliseconds', '2026-03-10T08:00:00.000Z', [], true],
    ['an off-grid start, 09:05', '2026-03-10T08:05:00Z', [], false],
    ['12:00, the lunch break', '2026-03-10T11:00:00Z', [], false],
    ['the last morning slot, 11:40', '2026-03-10T10:40:00Z', [], true],
    ['a neighbour of a booking, within the buffers', '2026-03-10T08:00:00Z', booked, false],
    ['the first slot whose block touches the booking\'s', '2026-03-10T09:00:00Z', booked, true],
    ['a slot within the notice', '2026-03-09T14:00:00Z', [], false],
    ['a Saturday', '2026-03-14T08:00:00Z', [], false],
    ['beyond the 45-day horizon', '2026-04-27T07:00:00Z', [], false],
    ['not an instant at all', 'tomorrow at nine', [], false],
  ] as const)('%s', (_title, start, bookings, expected) => {
    expect(isBookable(r, start, now, [...bookings])).toBe(expected);
  });

  it('on every 5-minute instant of the New York spring-forward week, with a booking', () => {
    const ny = { ...r, timeZone: 'America/New_York', weeklyHours: week([range('00:00', '04:00'), range('13:00', '17:00')]), minimumNoticeHours: 0 };
    const bookings = [{ start: '2026-03-08T07:40:00Z', end: '2026-03-08T08:00:00Z' }];
    const from = Date.parse('2026-03-05T00:00:00Z');
    const offered = new Set(startsIn(ny, '2026-03-05T00:00:00Z', '2026-03-12T00:00:00Z', bookings, '2026-03-01T00:00:00Z'));
    expect(offered.size).toBeGreaterThan(100);
    for (let t = from; t < from + 7 * 24 * 3_600_000; t += 5 * 60_000) {
      const start = new Date(t).toISOString().replace('.000Z', 'Z');
      expect(isBookable(ny, start, '2026-03-01T00:00:00Z', bookings), start).toBe(offered.has(start));
    }
  });
});

// ---- Properties ----------------------------------------------------------------------------------------

describe('properties (fast-check)', () => {
  const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
  const hhmm = (fiveMinutes: number) => `${String(Math.floor(fiveMinutes / 12)).padStart(2, '0')}:${String((fiveMinutes % 12) * 5).padStart(2, '0')}`;
  const isoOf = (ms: number) => new Date(ms).toISOString();

  // 0-2 non-overlapping ranges a day, on a 5-minute grid from 00:00 to 24:00.
  const dayHours = fc
    .uniqueArray(fc.integer({ min: 0, max: 288 }), { maxLength: 4 })
    .map((marks) => {
      const sorted = [...marks].sort((a, b) => a - b);
      const ranges: TimeRange[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push(range(hhmm(sorted[i]!), hhmm(sorted[i + 1]!)));
      return ranges;
    });
  const arbitraryCase = fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      hours: fc.tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours),
      slotMinutes: fc.integer({ min: 5, max: 90 }),
      extraStep: fc.integer({ min: 0, max: 60 }), // step >= slot, so slots never overlap each other
      bufferBeforeMinutes: fc.integer({ min: 0, max: 30 }),
      bufferAfterMinutes: fc.integer({ min: 0, max: 30 }),
      minimumNoticeHours: fc.integer({ min: 0, max: 48 }),
      horizonDays: fc.integer({ min: 1, max: 60 }),
      dailyCap: fc.integer({ min: 1, max: 8 }),
      nowSeconds: fc.integer({ min: 0, max: 365 * 24 * 3600 }), // any second of 2026, clock changes included
      fromOffsetMinutes: fc.integer({ min: -2 * 24 * 60, max: 5 * 24 * 60 }),
      windowMinutes: fc.integer({ min: 60, max: 10 * 24 * 60 }),
      bookings: fc.array(fc.record({ offsetMinutes: fc.integer({ min: -24 * 60, max: 12 * 24 * 60 }), minutes: fc.integer({ min: 5, max: 180 }) }), { maxLength: 12 }),
      blockedOffsetDays: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 2 }),
    })
    .map((c) => {
      const nowMs = YEAR_START + c.nowSeconds * 1000;
      const fromMs = nowMs + c.fromOffsetMinutes * MINUTE;
      const r = rules({
        timeZone: c.timeZone,
        weeklyHours: Object.fromEntries(WEEKDAYS.map((d, i) => [d, c.hours[i]!])) as Record<Weekday, TimeRange[]>,
        slotMinutes: c.slotMinutes,
        stepMinutes: c.slotMinutes + c.extraStep,
        bufferBeforeMinutes: c.bufferBeforeMinutes,
        bufferAfterMinutes: c.bufferAfterMinutes,
        minimumNoticeHours: c.minimumNoticeHours,
        horizonDays: c.horizonDays,
        dailyCap: c.dailyCap,
        blockedDates: c.blockedOffsetDays.map((d) => localDate(isoOf(fromMs + d * 24 * HOUR), c.timeZone)),
      });
      const booked = c.bookings.map((b) => ({ start: isoOf(fromMs + b.offsetMinutes * MINUTE), end: isoOf(fromMs + (b.offsetMinutes + b.minutes) * MINUTE) }));
      return { rules: r, now: isoOf(nowMs), window: { from: isoOf(fromMs), to: isoOf(fromMs + c.windowMinutes * MINUTE) }, booked };
    });

  it('no slot overlaps a booking\'s block, all lie in the window, notice, horizon, cap and blocked dates hold, sorted and disjoint', () => {
    let runs = 0;
    let nonEmpty = 0;
    fc.assert(
      fc.property(arbitraryCase, ({ rules: r, now, window, booked }) => {
        const slots = availableSlots(r, window, now, booked);
        runs++;
        if (slots.length > 0) nonEmpty++;
        const nowMs = Date.parse(now);
        const perDay = new Map<string, number>();
        for (const b of booked) perDay.set(localDate(b.start, r.timeZone), (perDay.get(localDate(b.start, r.timeZone)) ?? 0) + 1);
        let previousEnd = -Infinity;
        for (const slot of slots) {
          expect(slot.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
          const start = Date.parse(slot.start);
          const end = Date.parse(slot.end);
          expect(end - start).toBe(r.slotMinutes * MINUTE);
          expect(start).toBeGreaterThanOrEqual(Date.parse(window.from));
          expect(start).toBeLessThan(Date.parse(window.to));
          expect(start).toBeGreaterThanOrEqual(nowMs + r.minimumNoticeHours * HOUR);
          expect(start).toBeLessThan(nowMs + r.horizonDays * 24 * HOUR);
          expect(start).toBeGreaterThanOrEqual(previousEnd); // sorted, and no two slots overlap
          previousEnd = end;
          const blockStart = start - r.bufferBeforeMinutes * MINUTE;
          const blockEnd = end + r.bufferAfterMinutes * MINUTE;
          for (const b of booked) {
            const overlaps = blockStart < Date.parse(b.end) + r.bufferAfterMinutes * MINUTE && Date.parse(b.start) - r.bufferBeforeMinutes * MINUTE < blockEnd;
            expect(overlaps, `${slot.start} vs booking ${b.start}`).toBe(false);
          }
          const date = localDate(slot.start, r.timeZone);
          expect(perDay.get(date) ?? 0).toBeLessThan(r.dailyCap);
          expect(r.blockedDates).not.toContain(date);
        }
        // Re-checking at booking time accepts what was offered.
        for (const slot of slots.slice(0, 3)) expect(isBookable(r, slot.start, now, booked)).toBe(true);
      }),
      { numRuns: 400, seed: 20260308 },
    );
    // The property means little if most runs offered nothing at all (about 60% offer something with this seed).
    expect(runs).toBe(400);
    expect(nonEmpty / runs).toBeGreaterThan(0.3);
  });
});
