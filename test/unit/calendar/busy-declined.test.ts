// Google's secret iCal feed keeps the meetings its owner declined. A declined meeting, or an outsider's
// invitation the operator turned down, must leave the time bookable; one not answered yet still blocks
// (Google's own free/busy counts it). The calendar's owner is one address: the Google URL's
// (feed-list.ts), else the calendar's name when it is an address (Google names a primary calendar so),
// else OPERATOR_EMAIL; another guest's decline never frees the owner's time.
import { describe, expect, it } from 'vitest';
import { busyFromIcs } from '../../../api/_lib/calendar/busy-from-ics.ts';

const WINDOW = { from: Date.parse('2026-12-07T00:00:00Z'), to: Date.parse('2026-12-21T00:00:00Z'), maxSpans: 100, timeZone: 'Europe/Berlin' };
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function feed(events: string[][], calendarName?: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', ...(calendarName ? [`X-WR-CALNAME:${calendarName}`] : [])];
  events.forEach((event, i) => lines.push('BEGIN:VEVENT', `UID:event-${i}@google.com`, ...event, 'END:VEVENT'));
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
const attendee = (address: string, partstat: string) => `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${partstat};CN=${address};X-NUM-GUESTS=0:mailto:${address}`;
const busy = (text: string, owner?: { fromUrl?: string; configured?: string }) => busyFromIcs(text, { ...WINDOW, ...(owner ? { owner } : {}) }).spans.map((s) => `${iso(s.start)}/${iso(s.end)}`);

describe("the operator's declined meetings", () => {
  it('a meeting the operator declined blocks nothing; one they accepted, or have not answered, blocks; another guest declining changes nothing', () => {
    const text = feed([
      ['DTSTART:20261208T090000Z', 'DTEND:20261208T100000Z', 'ORGANIZER:mailto:boss@partner.example', attendee('ops@example.com', 'DECLINED'), attendee('boss@partner.example', 'ACCEPTED')],
      ['DTSTART:20261209T090000Z', 'DTEND:20261209T100000Z', attendee('ops@example.com', 'ACCEPTED'), attendee('guest@partner.example', 'DECLINED')],
      ['DTSTART:20261210T090000Z', 'DTEND:20261210T100000Z', attendee('ops@example.com', 'NEEDS-ACTION')],
      // Upper-case MAILTO and address, as some servers write them.
      ['DTSTART:20261211T090000Z', 'DTEND:20261211T100000Z', 'ATTENDEE;PARTSTAT=DECLINED:MAILTO:OPS@EXAMPLE.COM'],
    ]);
    expect(busy(text, { configured: 'Ops@Example.com' })).toEqual(['2026-12-09T09:00:00Z/2026-12-09T10:00:00Z', '2026-12-10T09:00:00Z/2026-12-10T10:00:00Z']);
    // Without knowing whose calendar it is, every meeting blocks (a wrong "busy" costs a lead a later time, a wrong "free" double-books).
    expect(busy(text)).toHaveLength(4);
  });

  it('a calendar named by an address (a Google primary calendar) is that person\'s, with no address configured', () => {
    const text = feed([['DTSTART:20261208T090000Z', 'DTEND:20261208T100000Z', attendee('ann@example.com', 'DECLINED')]], 'Ann@Example.com');
    expect(busy(text)).toEqual([]);
    expect(busy(feed([['DTSTART:20261208T090000Z', 'DTEND:20261208T100000Z', attendee('ann@example.com', 'DECLINED')]], 'Team calendar'))).toHaveLength(1);
  });

  it("one owner only: in ann's calendar a meeting ann accepted blocks, whoever else declined it, the configured address included", () => {
    const text = feed([
      ['DTSTART:20261208T090000Z', 'DTEND:20261208T100000Z', attendee('ann@example.com', 'ACCEPTED'), attendee('hello@example.com', 'DECLINED')],
      // Ann is the organizer and not an attendee: only the configured address declined.
      ['DTSTART:20261209T090000Z', 'DTEND:20261209T100000Z', 'ORGANIZER:mailto:ann@example.com', attendee('hello@example.com', 'DECLINED')],
    ], 'ann@example.com');
    expect(busy(text, { fromUrl: 'ann@example.com', configured: 'hello@example.com' })).toHaveLength(2);
    expect(busy(text, { configured: 'hello@example.com' })).toHaveLength(2); // the calendar's name outranks the configured address
    // With no other clue, the configured address is the owner.
    expect(busy(feed([['DTSTART:20261208T090000Z', 'DTEND:20261208T100000Z', attendee('hello@example.com', 'DECLINED')]]), { configured: 'hello@example.com' })).toEqual([]);
  });

  it('listed twice, the owner must have declined both times', () => {
    const text = feed([['DTSTART:20261208T090000Z', 'DTEND:20261208T100000Z', attendee('ops@example.com', 'DECLINED'), attendee('ops@example.com', 'ACCEPTED')]]);
    expect(busy(text, { configured: 'ops@example.com' })).toHaveLength(1);
  });

  it('a weekly meeting with one occurrence declined: that week is free, the others block', () => {
    const text = feed([
      ['DTSTART;TZID=Europe/Berlin:20261208T100000', 'DTEND;TZID=Europe/Berlin:20261208T110000', 'RRULE:FREQ=WEEKLY;COUNT=2', attendee('ops@example.com', 'ACCEPTED')],
    ]).replace('END:VCALENDAR', [
      'BEGIN:VEVENT', 'UID:event-0@google.com', 'RECURRENCE-ID;TZID=Europe/Berlin:20261215T100000',
      'DTSTART;TZID=Europe/Berlin:20261215T100000', 'DTEND;TZID=Europe/Berlin:20261215T110000', attendee('ops@example.com', 'DECLINED'), 'END:VEVENT', 'END:VCALENDAR',
    ].join('\r\n'));
    expect(busy(text, { fromUrl: 'ops@example.com' })).toEqual(['2026-12-08T09:00:00Z/2026-12-08T10:00:00Z']);
    expect(busy(text)).toEqual(['2026-12-08T09:00:00Z/2026-12-08T10:00:00Z', '2026-12-15T09:00:00Z/2026-12-15T10:00:00Z']);
  });
});
