// The operator's bookings feed (.ics subscription). Every expected line below is written out by hand from
// RFC 5545, never produced by the code under test; the helpers only split and unfold the output.
import { afterEach, describe, expect, it } from 'vitest';
import { buildBookingsFeed, type FeedBooking } from '../../../src/lib/booking/bookings-feed.ts';

// ---- Fixtures and helpers ------------------------------------------------------------------------------

const dana: FeedBooking = {
  uid: '0193a7c4-5e21-7000-8000-00000000d1a1@site.test',
  sequence: 0,
  start: '2026-12-08T09:00:00Z',
  end: '2026-12-08T09:20:00Z',
  name: 'Dana Reyes',
  company: 'Reyes Logistics',
  companySize: '11-50',
  area: 'documents',
  goal: 'Supplier invoices take 15 minutes each to key into Xero.',
  timeZone: 'America/Los_Angeles',
};

const sam: FeedBooking = {
  uid: '0193a7c4-5e21-7000-8000-0000000005a3@site.test',
  sequence: 2,
  start: '2026-12-09T15:40:00Z',
  end: '2026-12-09T16:00:00Z',
  name: 'Sam Okafor',
  company: 'Brightline, Inc.',
  companySize: '201-500',
  area: 'revops',
  goal: 'Pipeline reports take a day; every week.\nForecasts too.',
  timeZone: 'Europe/Berlin',
};

const STAMP = '2026-12-04T10:00:00Z';
const feed = (bookings: FeedBooking[]) => buildBookingsFeed(bookings, STAMP).ics;

/** The physical lines (what is on the wire), without the final empty string after the last CRLF. */
const physicalLines = (ics: string): string[] => ics.split('\r\n').slice(0, -1);
/** The logical content lines: continuation lines (leading space or tab) joined back (RFC 5545 §3.1). */
const contentLines = (ics: string): string[] => physicalLines(ics.replace(/\r\n[ \t]/g, ''));
const linesStartingWith = (ics: string, prefix: string): string[] => contentLines(ics).filter((line) => line.startsWith(prefix));

const HEADER = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'PRODID:-//AI Operator//Bookings feed//EN',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:AI Operator bookings',
  'X-PUBLISHED-TTL:PT1H',
];

// ---- The feed --------------------------------------------------------------------------------------------

describe('buildBookingsFeed', () => {
  it('writes one event per call: the invite\'s UID and SEQUENCE, UTC times, who is coming and what they want to fix', () => {
    expect(contentLines(feed([dana, sam]))).toEqual([
      ...HEADER,
      'BEGIN:VEVENT',
      'UID:0193a7c4-5e21-7000-8000-00000000d1a1@site.test',
      'SUMMARY:Workflow audit: Reyes Logistics (Dana Reyes)',
      'DTSTAMP:20261204T100000Z',
      'DTSTART:20261208T090000Z',
      'DTEND:20261208T092000Z',
      'SEQUENCE:0',
      'DESCRIPTION:Visitor: Dana Reyes\\nCompany: Reyes Logistics (11-50 people)\\nArea: Documents\\nWants to fix: Supplier invoices take 15 minutes each to key into Xero.\\nTheir time zone: America/Los_Angeles',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:0193a7c4-5e21-7000-8000-0000000005a3@site.test',
      'SUMMARY:Workflow audit: Brightline\\, Inc. (Sam Okafor)',
      'DTSTAMP:20261204T100000Z',
      'DTSTART:20261209T154000Z',
      'DTEND:20261209T160000Z',
      'SEQUENCE:2',
      'DESCRIPTION:Visitor: Sam Okafor\\nCompany: Brightline\\, Inc. (201-500 people)\\nArea: RevOps and CRM\\nWants to fix: Pipeline reports take a day\\; every week.\\nForecasts too.\\nTheir time zone: Europe/Berlin',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('carries nothing that can act on a call: no link, no token, no manage page, no email address', () => {
    const ics = feed([dana, sam]).toLowerCase();
    for (const word of ['manage', 'token', 'http', 'url:', 'mailto', 'attendee', 'organizer', '@example']) expect(ics, word).not.toContain(word);
  });

  it('gives a valid empty calendar when no call is coming up', () => {
    expect(feed([])).toBe([...HEADER, 'END:VCALENDAR', ''].join('\r\n'));
  });

  it('uses CRLF only and folds every line at 75 octets, never inside a multi-byte character', () => {
    // 'SUMMARY:Workflow audit: ' is 24 octets: 50 more make 74, and the 2-octet é would end at 76.
    const ics = feed([{ ...dana, company: `${'x'.repeat(50)}é Zoë`, goal: 'Café notes — straße, naïve résumé 😀 '.repeat(5) }]);
    expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(physicalLines(ics)).toContain(`SUMMARY:Workflow audit: ${'x'.repeat(50)}`);
    expect(physicalLines(ics)).toContain(' é Zoë (Dana Reyes)');
    for (const line of physicalLines(ics)) {
      expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
      expect(line.isWellFormed(), 'a fold split a surrogate pair').toBe(true);
    }
    // Folding is lossless: unfolded, the text is back whole (commas escaped).
    expect(linesStartingWith(ics, 'DESCRIPTION:')[0]).toContain(`Wants to fix: ${'Café notes — straße\\, naïve résumé 😀 '.repeat(4)}Café notes — straße\\, naïve résumé 😀\\nTheir time zone:`);
  });

  it('a name, company or goal with CR/LF, control characters or ;,"  cannot start a line or add a property', () => {
    const ics = feed([
      {
        ...dana,
        name: 'Dana\r\nATTENDEE:mailto:evil@x.test\rSTATUS:CANCELLED;"q",z\u0000\u001b',
        company: 'Reyes\nURL:https://evil.test',
        goal: 'Invoices\r\nEND:VEVENT\r\nBEGIN:VEVENT\nUID:evil',
      },
    ]);
    expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    for (const line of [...physicalLines(ics), ...contentLines(ics)]) {
      for (const property of ['ATTENDEE', 'URL', 'UID:evil']) expect(line.startsWith(property), line).toBe(false);
    }
    expect(linesStartingWith(ics, 'STATUS')).toEqual(['STATUS:CONFIRMED']);
    expect(linesStartingWith(ics, 'BEGIN:VEVENT')).toEqual(['BEGIN:VEVENT']);
    expect(linesStartingWith(ics, 'END:VEVENT')).toEqual(['END:VEVENT']);
    expect(linesStartingWith(ics, 'UID')).toEqual(['UID:0193a7c4-5e21-7000-8000-00000000d1a1@site.test']);
    expect(linesStartingWith(ics, 'SUMMARY')).toEqual(['SUMMARY:Workflow audit: Reyes URL:https://evil.test (Dana ATTENDEE:mailto:evil@x.test STATUS:CANCELLED\\;"q"\\,z)']);
    expect(linesStartingWith(ics, 'DESCRIPTION')).toEqual([
      'DESCRIPTION:Visitor: Dana ATTENDEE:mailto:evil@x.test STATUS:CANCELLED\\;"q"\\,z\\nCompany: Reyes URL:https://evil.test (11-50 people)\\nArea: Documents\\nWants to fix: Invoices\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:evil\\nTheir time zone: America/Los_Angeles',
    ]);
  });

  describe('time zones', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    });

    it('writes the same UTC times whatever the server\'s zone', () => {
      const outputs: string[] = [];
      for (const [tz, localHour] of [['America/Los_Angeles', 1], ['Asia/Kolkata', 14]] as const) {
        process.env.TZ = tz;
        expect(new Date('2026-12-08T09:00:00Z').getHours(), `the zone switch to ${tz} took effect`).toBe(localHour);
        const ics = feed([dana]);
        expect(contentLines(ics)).toContain('DTSTART:20261208T090000Z');
        expect(contentLines(ics)).toContain('DTEND:20261208T092000Z');
        outputs.push(ics);
      }
      expect(outputs[1]).toBe(outputs[0]);
    });
  });

  it.each<[string, Partial<FeedBooking>, RegExp]>([
    ['a UID with a line break', { uid: 'a@site.test\r\nX:y' }, /^uid must be/],
    ['a negative sequence', { sequence: -1 }, /^sequence must be a non-negative integer/],
    ['an end before the start', { end: '2026-12-08T08:40:00Z' }, /^end .* must be after start/],
    ['a time without a zone', { start: '2026-12-08T09:00:00' }, /^start must be an ISO 8601 instant with a zone/],
    ['a start that is not a time', { start: 'not a time' }, /^start must be an ISO 8601 instant/],
    // Past our own checks, refused by ics itself (which would refuse the whole calendar for it).
    ['a year ics cannot write', { start: '0000-01-03T09:00:00Z', end: '0000-01-03T09:20:00Z' }, /^the ics library refused the event$/],
  ])('leaves out a call with %s, writes every other call, and says which it left out and why', (_name, overrides, reason) => {
    const broken = { ...dana, ...overrides, name: 'Broken Row', company: 'Broken Co', goal: 'A goal that must never reach a log line.' };
    const result = buildBookingsFeed([sam, broken, dana], STAMP);
    expect(result.ics).toBe(feed([sam, dana]));
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]!.index).toBe(1);
    expect(result.skipped[0]!.reason).toMatch(reason);
    // The reason is logged: it names the field, never who is coming or what they wrote.
    for (const word of ['Broken Row', 'Broken Co', 'must never reach']) expect(result.skipped[0]!.reason).not.toContain(word);
  });

  it('gives a valid empty calendar when every call is left out', () => {
    const result = buildBookingsFeed([{ ...dana, end: dana.start }], STAMP);
    expect(result.ics).toBe([...HEADER, 'END:VCALENDAR', ''].join('\r\n'));
    expect(result.skipped.map((s) => s.index)).toEqual([0]);
  });

  it('throws on a stamp that is not an instant: that is the caller\'s clock, not a stored row', () => {
    expect(() => buildBookingsFeed([dana], '2026-12-04 10:00')).toThrow(/stamp must be an ISO 8601 instant/);
  });
});
