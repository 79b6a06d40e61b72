// The operator's own busy times (from calendar feeds) in the slot rules: an event blocks every call
// whose buffered block overlaps it and none that only touch it, an event without an end still blocks,
// busy times never count toward the daily cap, and isBookable refuses what they block; mergeSpans and
// overlapsAny, which they are checked with, by hand and against a plain scan (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableSlots, isBookable, mergeSpans, overlapsAny, type Interval } from '../../../src/lib/booking/index.ts';
import { NOW, range, rules, starts, week } from '../../fixtures/slot-rules.ts';

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
