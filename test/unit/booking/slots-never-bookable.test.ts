// neverBookable: a start that has passed, or one the operator's hours never offer, told apart from a start
// that is offered but not free (notice, horizon, cap, calls, busy times: isBookable's question, the API's
// 409). The booking API answers the first two with 422 and its own message. Every clock is fixed and every
// expected instant is written out by hand (Berlin is CET, +01:00, in March before the 29th).
import { describe, expect, it } from 'vitest';
import { availableSlots, isBookable, neverBookable } from '../../../src/lib/booking/index.ts';
import { MON_FRI, range, rules, week } from '../../fixtures/slot-rules.ts';

// Mon-Fri 09:00-12:00 Berlin, 20-minute calls every 20 minutes; 12 hours' notice, 14 days ahead, 2 calls a day.
const r = rules({ weeklyHours: week([range('09:00', '12:00')], MON_FRI), slotMinutes: 20, stepMinutes: 20, minimumNoticeHours: 12, horizonDays: 14, dailyCap: 2, blockedDates: ['2026-03-12'] });
const NOW = '2026-03-09T10:00:00Z'; // Monday 11:00 CET

describe('neverBookable', () => {
  it('says a start has passed when it is not after now, on the grid or not', () => {
    expect(neverBookable(r, '2026-03-09T08:00:00Z', NOW)).toBe('passed'); // 09:00 today, an hour ago
    expect(neverBookable(r, '2026-03-09T10:00:00Z', NOW)).toBe('passed'); // now itself
    expect(neverBookable(r, '2020-01-06T09:00:00Z', NOW)).toBe('passed');
    expect(neverBookable(r, '2026-03-09T03:07:00Z', NOW)).toBe('passed'); // off the grid too: passed comes first
  });

  it('says a future start is off the grid when the hours never offer it', () => {
    expect(neverBookable(r, '2026-03-10T08:05:00Z', NOW)).toBe('off_grid'); // Tue 09:05: between steps
    expect(neverBookable(r, '2026-03-10T08:00:30Z', NOW)).toBe('off_grid'); // 09:00:30
    expect(neverBookable(r, '2026-03-10T08:00:00.001Z', NOW)).toBe('off_grid');
    expect(neverBookable(r, '2026-03-10T07:40:00Z', NOW)).toBe('off_grid'); // 08:40, before the hours
    expect(neverBookable(r, '2026-03-10T10:50:00Z', NOW)).toBe('off_grid'); // 11:50: the call would end after 12:00
    expect(neverBookable(r, '2026-03-14T09:00:00Z', NOW)).toBe('off_grid'); // Saturday 10:00
    expect(neverBookable(r, '2026-03-12T09:00:00Z', NOW)).toBe('off_grid'); // a blocked date
  });

  it('leaves an offered start alone even when it is not free: inside the notice, past the horizon, on a full day', () => {
    expect(neverBookable(r, '2026-03-10T08:00:00Z', NOW)).toBeNull(); // Tue 09:00
    expect(neverBookable(r, '2026-03-10T10:40:00Z', NOW)).toBeNull(); // Tue 11:40, the last call of the morning
    // Today 11:20 CET: on the grid, 20 minutes from now, inside the 12 hours' notice.
    expect(neverBookable(r, '2026-03-09T10:20:00Z', NOW)).toBeNull();
    expect(isBookable(r, '2026-03-09T10:20:00Z', NOW, [])).toBe(false);
    // Monday 2026-04-06, 09:00 CEST: past the 14-day horizon.
    expect(neverBookable(r, '2026-04-06T07:00:00Z', NOW)).toBeNull();
    expect(isBookable(r, '2026-04-06T07:00:00Z', NOW, [])).toBe(false);
    // Wednesday with two calls already: the cap is reached.
    const full = [{ start: '2026-03-11T08:00:00Z', end: '2026-03-11T08:20:00Z' }, { start: '2026-03-11T09:00:00Z', end: '2026-03-11T09:20:00Z' }];
    expect(neverBookable(r, '2026-03-11T10:00:00Z', NOW)).toBeNull();
    expect(isBookable(r, '2026-03-11T10:00:00Z', NOW, full)).toBe(false);
  });

  it('agrees with availableSlots: on a free week, every 5 minutes is offered exactly when it is not off the grid', () => {
    const open = { ...r, minimumNoticeHours: 0, dailyCap: 100 };
    const offered = new Set(availableSlots(open, { from: '2026-03-09T10:00:01Z', to: '2026-03-16T00:00:00Z' }, NOW, []).map((s) => s.start));
    // Monday 11:20 and 11:40 (after now), 9 a morning Tuesday, Wednesday and Friday; Thursday is blocked.
    expect(offered.size).toBe(2 + 9 + 9 + 0 + 9);
    for (let at = Date.parse('2026-03-09T10:05:00Z'); at < Date.parse('2026-03-16T00:00:00Z'); at += 5 * 60_000) {
      const start = new Date(at).toISOString().replace('.000Z', 'Z');
      expect(neverBookable(open, start, NOW), start).toBe(offered.has(start) ? null : 'off_grid');
    }
  });
});
