// Slot rules seen from the visitor's zone: a visitor's dates become the right UTC window on 23- and
// 25-hour days and at unusual offsets (+05:30, +05:45, +14:00, -11:00), each visitor sees exactly the
// slots that start on their local date, and the weeks when Europe and the US change clocks apart shift
// a Berlin operator's hours by an hour for a New York visitor. Every expected instant is written out by
// hand (the 2026 changes are listed in test/fixtures/slot-rules.ts).
import { describe, expect, it } from 'vitest';
import { availableSlots, localDatesToWindow } from '../../../src/lib/booking/index.ts';
import { MON_FRI, NOW, localDate, range, rules, starts, startsIn, wallTime, week } from '../../fixtures/slot-rules.ts';

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
