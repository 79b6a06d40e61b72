// The operator's calendar feeds as the booking page reads them: every expected span below is written
// by hand from the fixture files (test/fixtures/calendar/), in UTC, and each case runs with the process
// in UTC and in Europe/Berlin, because node-ical builds all-day and floating times in the process's zone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ical from 'node-ical';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { busyFromIcs, EXPANSION_BUDGET, FeedFormatError } from '../../../api/_lib/calendar/busy-from-ics.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/calendar', name), 'utf8');
const WINDOW = { from: Date.parse('2026-10-01T00:00:00Z'), to: Date.parse('2026-12-01T00:00:00Z'), maxSpans: 1000 };
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The spans as 'start/end' in UTC, sorted: what the booking rules will see. */
function busy(name: string, timeZone = 'Europe/Berlin') {
  const result = busyFromIcs(fixture(name), { ...WINDOW, timeZone });
  return { ...result, spans: result.spans.map((s) => `${iso(s.start)}/${iso(s.end)}`).sort() };
}

const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(['UTC', 'Europe/Berlin'])('calendar feeds read with the server in %s', (serverZone) => {
  it('runs in that zone (Node applies TZ at once)', () => {
    process.env.TZ = serverZone;
    // Noon UTC on July 1 is 12:00 in UTC and 14:00 (CEST) in Berlin: proof the case below runs in the zone it names.
    expect(new Date(Date.UTC(2026, 6, 1, 12)).getHours()).toBe(serverZone === 'UTC' ? 12 : 14);
  });

  it('Google: a weekly series across the clock change, with EXDATE and a moved occurrence; BYDAY with UNTIL in New York; UTC; free, cancelled and tentative', () => {
    process.env.TZ = serverZone;
    const { spans, events, warnings } = busy('google.ics');
    expect(spans).toEqual([
      '2026-10-01T00:00:00Z/2026-10-01T01:00:00Z', // a flight from the evening before, clipped to the window
      '2026-10-13T08:00:00Z/2026-10-13T09:00:00Z', // Tuesdays 10:00 Berlin, summer time (UTC+2)
      '2026-10-15T12:00:00Z/2026-10-15T12:30:00Z', // a UTC time
      '2026-10-16T16:00:00Z/2026-10-16T16:45:00Z', // tentative blocks; the free and the cancelled events do not
      '2026-10-20T08:00:00Z/2026-10-20T09:00:00Z',
      // 2026-10-27 is an EXDATE; Berlin changed to winter time on 2026-10-25
      '2026-10-26T13:00:00Z/2026-10-26T13:30:00Z', // Mon and Wed 09:00 New York, still summer time there (UTC-4)
      '2026-10-28T13:00:00Z/2026-10-28T13:30:00Z',
      '2026-11-02T14:00:00Z/2026-11-02T14:30:00Z', // New York changed on 2026-11-01 (UTC-5)
      '2026-11-04T14:00:00Z/2026-11-04T14:30:00Z', // the last before UNTIL
      '2026-11-04T14:00:00Z/2026-11-04T14:30:00Z', // the Tuesday of 2026-11-03, moved to Wednesday 15:00 Berlin
      '2026-11-09T07:00:00Z/2026-11-09T07:30:00Z', // a daily series whose second day was cancelled by its override
      '2026-11-10T09:00:00Z/2026-11-10T10:00:00Z', // Tuesdays 10:00 Berlin, winter time (UTC+1)
      '2026-11-11T07:00:00Z/2026-11-11T07:30:00Z',
      '2026-11-17T09:00:00Z/2026-11-17T10:00:00Z', // the sixth of COUNT=6
    ]);
    expect(events).toBe(10); // series with their overrides count once
    expect(warnings).toEqual([]);
  });

  it('Outlook: Windows zone names with their VTIMEZONE blocks, and a free event', () => {
    process.env.TZ = serverZone;
    expect(busy('outlook.ics').spans).toEqual([
      '2026-10-22T12:00:00Z/2026-10-22T13:00:00Z', // Thursdays 14:00 "W. Europe Standard Time", summer
      '2026-10-29T13:00:00Z/2026-10-29T14:00:00Z', // winter
      '2026-11-02T17:00:00Z/2026-11-02T18:00:00Z', // 09:00 "Pacific Standard Time", the day after the US change
      '2026-11-05T13:00:00Z/2026-11-05T14:00:00Z', // the last before UNTIL
    ]);
  });

  it('all-day events block the whole days of the operator, multi-day and clock-change days included; floating times are the operator\'s wall time', () => {
    process.env.TZ = serverZone;
    expect(busy('days-and-floating.ics').spans).toEqual([
      '2026-10-19T22:00:00Z/2026-10-21T22:00:00Z', // October 20 and 21 in Berlin
      '2026-10-24T06:00:00Z/2026-10-24T07:00:00Z', // floating 08:00, Berlin summer time
      '2026-10-24T22:00:00Z/2026-10-25T23:00:00Z', // October 25, the 25-hour day
      '2026-10-25T07:00:00Z/2026-10-25T08:00:00Z', // floating 08:00, Berlin winter time
      '2026-11-02T23:00:00Z/2026-11-03T23:00:00Z', // a DATE without DTEND is one day
      '2026-11-12T08:00:00Z/2026-11-12T08:30:00Z', // floating 09:00, winter time
    ]);
    // The same file for an operator in Los Angeles: the days and the wall times are theirs.
    expect(busy('days-and-floating.ics', 'America/Los_Angeles').spans).toEqual([
      '2026-10-20T07:00:00Z/2026-10-22T07:00:00Z',
      '2026-10-24T15:00:00Z/2026-10-24T16:00:00Z',
      '2026-10-25T07:00:00Z/2026-10-26T07:00:00Z',
      '2026-10-25T15:00:00Z/2026-10-25T16:00:00Z',
      '2026-11-03T08:00:00Z/2026-11-04T08:00:00Z', // November 3: Los Angeles is on winter time since November 1
      '2026-11-12T17:00:00Z/2026-11-12T17:30:00Z',
    ]);
  });
});

/** A feed of the given VEVENT bodies (each a list of content lines). */
const feed = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flatMap((lines, i) => ['BEGIN:VEVENT', `UID:event-${i}@test`, 'DTSTAMP:20261201T000000Z', ...lines, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');

describe('feeds that would hang or flood the server', () => {
  it('expands only the window: a daily rule without end from the year 2000 gives the window\'s 61 days', () => {
    const result = busyFromIcs(feed(['DTSTART:20000101T090000Z', 'DTEND:20000101T091500Z', 'RRULE:FREQ=DAILY']), { ...WINDOW, timeZone: 'Europe/Berlin' });
    expect(result.spans).toHaveLength(61); // October (31) and November (30)
    expect(iso(result.spans[0]!.start)).toBe('2026-10-01T09:00:00Z');
    expect(iso(Math.max(...result.spans.map((s) => s.start)))).toBe('2026-11-30T09:00:00Z');
  });

  afterEach(() => vi.restoreAllMocks());
  const expanded = () => vi.spyOn(ical, 'expandRecurringEvent');
  const ONE_HOUR_ON_NOV_2 = ['DTSTART:20261102T100000Z', 'DTEND:20261102T110000Z'];
  const spanTexts = (result: { spans: { start: number; end: number }[] }) => result.spans.map((s) => `${iso(s.start)}/${iso(s.end)}`);

  it('a rule that repeats every minute since 2020 is never expanded: it blocks nothing, is reported, and the other events still count', () => {
    const expand = expanded();
    const result = busyFromIcs(feed(['DTSTART:20200101T000000Z', 'DTEND:20200101T000010Z', 'RRULE:FREQ=MINUTELY'], ONE_HOUR_ON_NOV_2), { ...WINDOW, timeZone: 'UTC' });
    expect(spanTexts(result)).toEqual(['2026-11-02T10:00:00Z/2026-11-02T11:00:00Z']);
    // 1,440 a day over the window and a day either side (63 days), and one more step.
    expect(result.warnings).toEqual([`a repeating event starting 2020-01-01 could start up to 90721 times in the booking horizon, more than the ${EXPANSION_BUDGET} left to read; it blocks nothing`]);
    expect(expand.mock.calls.map(([event]) => event.uid)).toEqual(['event-1@test']);
  });

  it('a rule planted to repeat every second of every hour never reaches the expander (it held a server for 20 s)', () => {
    const every = (n: number) => Array.from({ length: n }, (_, i) => i).join(',');
    const bomb = ['DTSTART:20261102T150000Z', 'DTEND:20261102T150001Z', `RRULE:FREQ=HOURLY;BYMINUTE=${every(60)};BYSECOND=${every(60)}`];
    const expand = expanded();
    const result = busyFromIcs(feed(bomb, bomb, bomb, ONE_HOUR_ON_NOV_2), { ...WINDOW, timeZone: 'UTC' });
    expect(spanTexts(result)).toEqual(['2026-11-02T10:00:00Z/2026-11-02T11:00:00Z']);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings[0]).toMatch(/^a repeating event starting 2026-11-02 could start up to 5446800 times/);
    expect(expand.mock.calls.map(([event]) => event.uid)).toEqual(['event-3@test']);
  });

  it('the series of one feed share the budget: each is expanded while the starts its rule allows fit in what is left', () => {
    // Every 10 minutes from 08:00 to 17:50 on weekdays: 60 times of day x 5 days x the 10 weeks 63 days can touch = 3,000 each.
    const busyDay = (i: number) => [`DTSTART:2026100${1 + (i % 5)}T080000Z`, 'DTEND:20261001T080500Z', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8,9,10,11,12,13,14,15,16,17;BYMINUTE=0,10,20,30,40,50'];
    const fit = Math.floor(EXPANSION_BUDGET / 3_000);
    const expand = expanded();
    const result = busyFromIcs(feed(...Array.from({ length: fit + 2 }, (_, i) => busyDay(i))), { ...WINDOW, maxSpans: 100_000, timeZone: 'UTC' });
    expect(expand).toHaveBeenCalledTimes(fit);
    expect(result.warnings).toEqual([
      `a repeating event starting 2026-10-0${1 + (fit % 5)} could start up to 3000 times in the booking horizon, more than the ${EXPANSION_BUDGET - fit * 3_000} left to read; it blocks nothing`,
      `a repeating event starting 2026-10-0${1 + ((fit + 1) % 5)} could start up to 3000 times in the booking horizon, more than the ${EXPANSION_BUDGET - fit * 3_000} left to read; it blocks nothing`,
    ]);
  });

  it('too many busy times: the first ones are kept, and from the cut on the whole window counts as busy', () => {
    // An hourly rule for three days gives 72 times; 10 are read.
    const result = busyFromIcs(feed(['DTSTART:20261005T000000Z', 'DTEND:20261005T001500Z', 'RRULE:FREQ=HOURLY;COUNT=72']), { ...WINDOW, maxSpans: 10, timeZone: 'UTC' });
    expect(result.spans).toHaveLength(10);
    expect(iso(result.spans[8]!.start)).toBe('2026-10-05T08:00:00Z');
    expect(`${iso(result.spans[9]!.start)}/${iso(result.spans[9]!.end)}`).toBe('2026-10-05T09:00:00Z/2026-12-01T00:00:00Z');
    expect(result.warnings).toEqual(['72 busy times in the booking horizon, more than the 10 read; from 2026-10-05 on, every time counts as busy until the feed has fewer']);
  });

  it('refuses what is not a calendar (an error page, garbage) so the last good copy stays', () => {
    for (const text of ['<!doctype html><title>Sign in</title>', 'hello', '', '{"error":"quota"}']) {
      expect(() => busyFromIcs(text, { ...WINDOW, timeZone: 'UTC' }), text).toThrow(FeedFormatError);
    }
  });

  it('keeps only times: no title, description, attendee or location reaches the result', () => {
    const result = JSON.stringify(busyFromIcs(fixture('google.ics'), { ...WINDOW, timeZone: 'Europe/Berlin' }));
    for (const secret of ['Weekly call', 'Agenda', 'someone@', 'Stand-up', 'Lunch', 'Late flight']) expect(result).not.toContain(secret);
  });

  it('an event with a start and no end or duration is an instant, kept (the slot rules block the calls around it)', () => {
    const result = busyFromIcs(feed(['DTSTART:20261103T100000Z']), { ...WINDOW, timeZone: 'Europe/Berlin' });
    expect(result.spans).toEqual([{ start: Date.parse('2026-11-03T10:00:00Z'), end: Date.parse('2026-11-03T10:00:00Z'), uid: 'event-0@test' }]);
  });

  it('an event whose start is not a date blocks nothing and is reported', () => {
    const result = busyFromIcs(feed(['DTSTART:garbage', 'DTEND:20261102T110000Z'], ['DTSTART:20261103T100000Z', 'DTEND:20261103T110000Z']), { ...WINDOW, timeZone: 'UTC' });
    expect(result.spans.map((s) => iso(s.start))).toEqual(['2026-11-03T10:00:00Z']);
    expect(result.warnings.join(' ')).toMatch(/not a date/);
  });
});
