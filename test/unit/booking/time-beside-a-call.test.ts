// A time written under a call on another day carries its day: "We are keeping this time for you until
// 10:10 AM" under Monday's call read as 10:10 AM on Monday, when the hold ends today.
import { describe, expect, it } from 'vitest';
import { formatTimeBeside } from '../../../src/lib/booking/format.ts';

// A visitor in Los Angeles on Tuesday, December 1, 2026; the call they picked is on Monday, December 7.
const LA = 'America/Los_Angeles';
const TODAY = '2026-12-01';
const CALL_DAY = '2026-12-07';

describe('formatTimeBeside', () => {
  it('is the time alone on the day shown', () => {
    expect(formatTimeBeside('2026-12-07T18:10:00Z', CALL_DAY, TODAY, LA)).toBe('10:10 AM');
    expect(formatTimeBeside('2026-12-01T18:10:00Z', TODAY, TODAY, LA)).toBe('10:10 AM');
  });

  it('says "today" when the time is today and the day shown is another', () => {
    expect(formatTimeBeside('2026-12-01T18:10:00Z', CALL_DAY, TODAY, LA)).toBe('10:10 AM today');
  });

  it('names the day otherwise, in the zone: 7:55 AM UTC on December 2 is still December 1 in Los Angeles', () => {
    expect(formatTimeBeside('2026-12-02T08:05:00Z', CALL_DAY, TODAY, LA)).toBe('12:05 AM on Wed, Dec 2');
    expect(formatTimeBeside('2026-12-02T07:55:00Z', CALL_DAY, TODAY, LA)).toBe('11:55 PM today');
  });

  it('writes the time and the day as the visitor\'s locale does', () => {
    expect(formatTimeBeside('2026-12-02T08:05:00Z', CALL_DAY, TODAY, LA, 'en-GB')).toBe('0:05 on Wed 2 Dec');
  });
});
