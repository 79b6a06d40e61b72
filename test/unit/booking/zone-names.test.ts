// How the booking module names a zone: every zone in one form, its GMT offset at that instant, so the
// visitor's line and the operator's never read "EST" beside "GMT+1" (Intl's short names in en-US
// abbreviate only some zones). The emails, the operator's messages and the leads report use it too.
import { describe, expect, it } from 'vitest';
import { formatCall, formatWhen, zoneName } from '../../../src/lib/booking/format.ts';

// 22:00 UTC on Wednesday, December 9, 2026 (winter both sides) and on Thursday, July 9 (summer).
const WINTER = '2026-12-09T22:00:00Z';
const SUMMER = '2026-07-09T22:00:00Z';

describe('zoneName', () => {
  it('names every zone by its offset at that instant, the ones en-US abbreviates included', () => {
    expect(
      ['America/Los_Angeles', 'America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Kathmandu', 'UTC'].map((zone) => [zone, zoneName(WINTER, zone), zoneName(SUMMER, zone)]),
    ).toEqual([
      ['America/Los_Angeles', 'GMT-8', 'GMT-7'],
      ['America/New_York', 'GMT-5', 'GMT-4'],
      ['Europe/Berlin', 'GMT+1', 'GMT+2'],
      ['Europe/London', 'GMT+0', 'GMT+1'],
      ['Asia/Kathmandu', 'GMT+5:45', 'GMT+5:45'],
      ['UTC', 'GMT+0', 'GMT+0'],
    ]);
  });

  it('gives a call in the visitor\'s zone and in the operator\'s the same form of zone', () => {
    const end = '2026-12-09T22:20:00Z';
    expect(formatCall(WINTER, end, 'America/New_York')).toBe('Wednesday, December 9, 2026, 5:00 PM – 5:20 PM GMT-5');
    expect(formatCall(WINTER, end, 'Europe/Berlin')).toBe('Wednesday, December 9, 2026, 11:00 PM – 11:20 PM GMT+1');
  });
});

describe('formatWhen', () => {
  it('writes one moment with its day, time and zone, the day long or short', () => {
    expect(formatWhen(WINTER, 'Europe/Berlin')).toBe('Wednesday, December 9, 2026, 11:00 PM GMT+1');
    expect(formatWhen(SUMMER, 'America/New_York')).toBe('Thursday, July 9, 2026, 6:00 PM GMT-4');
    expect(formatWhen(WINTER, 'Asia/Kathmandu', { day: 'short' })).toBe('Thu, Dec 10, 3:45 AM GMT+5:45');
  });
});
