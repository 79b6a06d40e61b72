import { describe, expect, it } from 'vitest';
import { MAX_KEPT, dateTimeFormat } from '../../src/lib/text/date-formats.ts';

const MARCH_10 = new Date('2026-03-10T15:20:00Z');

describe('dateTimeFormat', () => {
  it('hands back one formatter per locale and options, and another for other options', () => {
    const long = dateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long' });
    expect(dateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long' })).toBe(long);
    expect(dateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short' })).not.toBe(long);
    expect(dateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' })).not.toBe(long);
    expect(dateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'long' })).not.toBe(long);
  });

  it('formats as the formatter it stands for', () => {
    expect(dateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', minute: '2-digit' }).format(MARCH_10)).toBe('8:20 AM');
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long' }).format(MARCH_10)).toBe('Tuesday 10 March');
  });

  it('throws for a zone that does not exist, every time (a failure is not kept)', () => {
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });

  it('keeps at most MAX_KEPT formatters: past that it starts over', () => {
    const first = dateTimeFormat('en-US', { timeZone: 'UTC', minute: '2-digit' });
    const zones = Intl.supportedValuesOf('timeZone');
    for (let i = 0; i < MAX_KEPT; i++) dateTimeFormat('en-US', { timeZone: zones[i % zones.length], hour: i < zones.length ? 'numeric' : '2-digit' });
    expect(dateTimeFormat('en-US', { timeZone: 'UTC', minute: '2-digit' })).not.toBe(first);
  });
});
