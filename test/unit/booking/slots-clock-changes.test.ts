// Slot rules across daylight-saving changes in the operator's zone (New York and Berlin, both
// directions): no slot at a wall time that does not exist, two an hour apart at one that happens twice,
// working ranges that start in the gap or the overlap, afternoons on a change day at the offset after
// the change, and "24:00" on a 23-hour day. Every clock is fixed and every expected instant is written
// out by hand (the offsets in the comments; the 2026 changes are listed in test/fixtures/slot-rules.ts).
import { describe, expect, it } from 'vitest';
import type { TimeRange } from '../../../src/config/booking.ts';
import { range, rules, startsIn, wallTime } from '../../fixtures/slot-rules.ts';

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
