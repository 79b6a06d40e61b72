// BOOKING_BUSY_FEEDS as an operator writes it: one or more secret iCal URLs, commas or new lines
// between them, each optionally `label=url`. A bad entry stops the server naming the variable and the
// entry by label or position, and never prints the URL (it is the key to the operator's calendar).
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../api/_lib/runtime/config.ts';
import { parseBusyFeeds } from '../../../api/_lib/calendar/feed-list.ts';
import { isLoopbackHost } from '../../../api/_lib/http/loopback-host.ts';
import { configError as errorOf } from '../../fixtures/config-error.ts';

const GOOGLE = 'https://calendar.google.com/calendar/ical/ops%40example.com/private-0a1b2c3d4e5f/basic.ics';
const OUTLOOK = 'https://outlook.office365.com/owa/calendar/1f2e3d@example.com/9a8b7c/calendar.ics';

describe('BOOKING_BUSY_FEEDS', () => {
  it('reads labelled and unlabelled URLs separated by commas or new lines; webcal:// is https', () => {
    expect(parseBusyFeeds(`work=${GOOGLE},\n  ${OUTLOOK}\n\nicloud = webcal://p01-caldav.icloud.com/published/2/MTIz`)).toEqual([
      { label: 'work', url: GOOGLE, host: 'calendar.google.com', owner: 'ops@example.com' },
      { label: 'feed-2', url: OUTLOOK, host: 'outlook.office365.com' },
      { label: 'icloud', url: 'https://p01-caldav.icloud.com/published/2/MTIz', host: 'p01-caldav.icloud.com' },
    ]);
  });

  it("reads the owner of a Google calendar from its URL (their declines free the time); a shared calendar's id names nobody", () => {
    expect(parseBusyFeeds('https://calendar.google.com/calendar/ical/Ann.Ops%40Example.com/private-0a1b/basic.ics')[0]!.owner).toBe('ann.ops@example.com');
    expect(parseBusyFeeds('https://calendar.google.com/calendar/ical/c_1a2b3c%40group.calendar.google.com/private-0a1b/basic.ics')[0]).not.toHaveProperty('owner');
    expect(parseBusyFeeds('https://calendar.google.com/calendar/ical/%E0%A4%A/private-0a1b/basic.ics')[0]).not.toHaveProperty('owner');
    expect(parseBusyFeeds(OUTLOOK)[0]).not.toHaveProperty('owner');
  });

  it('keeps an `=` inside a URL\'s query as part of the URL', () => {
    expect(parseBusyFeeds('https://cloud.example.com/remote.php/dav/public-calendars/abc?export&token=xyz')).toEqual([
      { label: 'feed-1', url: 'https://cloud.example.com/remote.php/dav/public-calendars/abc?export&token=xyz', host: 'cloud.example.com' },
    ]);
  });

  it('accepts plain http only from loopback addresses', () => {
    expect(parseBusyFeeds('test=http://127.0.0.1:4999/busy.ics')[0]!.url).toBe('http://127.0.0.1:4999/busy.ics');
    expect(parseBusyFeeds('http://[::1]:4999/busy.ics')[0]!.host).toBe('[::1]:4999');
    expect(() => parseBusyFeeds('work=http://calendar.example.com/secret-path.ics')).toThrow('feed "work" must use https://');
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.10.0.1')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.evil.example')).toBe(false);
  });

  it('refuses a bad entry by label or position, never repeating the URL', () => {
    const cases: [string, string][] = [
      ['work=not a url at all private-123', 'feed "work" is not a URL'],
      [`${GOOGLE}, ftp://files.example.com/private-456.ics`, 'feed 2 must be an https:// or webcal:// URL'],
      [`a=${GOOGLE}\na=${OUTLOOK}`, 'feed "a": two feeds have this label'],
      ['https://user:private-789@cal.example.com/x.ics', 'feed 1 must not carry a user name or password'],
      ['bad label!=https://cal.example.com/private-abc.ics', 'feed 1: its label must be'],
    ];
    for (const [value, message] of cases) {
      const error = errorOf({ BOOKING_BUSY_FEEDS: value });
      expect(error, value).toContain(`- BOOKING_BUSY_FEEDS ${message}`);
      for (const secret of ['private-', 'not a url at all', 'files.example.com', 'cal.example.com', 'calendar.google.com']) expect(error, value).not.toContain(secret);
    }
  });

  it('has no feeds and a 300-second copy by default; the TTL may be set down to 1 second, and must be a whole number', () => {
    expect(readConfig({}).busyFeeds).toEqual([]);
    expect(readConfig({}).busyFeedTtlSeconds).toBe(300);
    expect(readConfig({ BOOKING_BUSY_TTL_SECONDS: '1' }).busyFeedTtlSeconds).toBe(1);
    expect(errorOf({ BOOKING_BUSY_TTL_SECONDS: '0' })).toContain('- BOOKING_BUSY_TTL_SECONDS must be at least 1');
    expect(errorOf({ BOOKING_BUSY_TTL_SECONDS: 'five minutes' })).toContain('- BOOKING_BUSY_TTL_SECONDS must be a whole number');
  });
});
