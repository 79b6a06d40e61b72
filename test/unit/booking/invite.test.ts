// The booking invitation (.ics) and the "add to calendar" links. Every expected line and URL below is
// written out by hand from RFC 5545 / the link formats, never produced by the code under test. The helpers
// only split and unfold the output so that lines can be compared.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildInvite, inviteContentType, type InviteInput } from '../../../src/lib/booking/invite.ts';
import { googleCalendarUrl, outlookCalendarUrl } from '../../../src/lib/booking/calendar-links.ts';

// ---- Fixtures and helpers ------------------------------------------------------------------------------

const booking: InviteInput = {
  uid: 'bk_7f3a9c@aioperator',
  sequence: 0,
  method: 'REQUEST',
  start: '2026-03-10T14:20:00Z',
  end: '2026-03-10T14:40:00Z',
  title: 'Workflow audit with AI Operator',
  description: 'Twenty minutes on one workflow.',
  organizer: { name: 'AI Operator', email: 'hello@aioperator.example' },
  attendee: { name: 'Dana Smith', email: 'dana@example.com' },
  url: 'https://aioperator.example/book/manage?t=abc123',
  stamp: '2026-03-01T09:00:00Z',
};

const invite = (overrides: Partial<InviteInput> = {}): string => buildInvite({ ...booking, ...overrides });

/** The physical lines (what is on the wire), without the final empty string after the last CRLF. */
const physicalLines = (ics: string): string[] => ics.split('\r\n').slice(0, -1);

/** The logical content lines: continuation lines (leading space or tab) joined back (RFC 5545 §3.1). */
const contentLines = (ics: string): string[] => physicalLines(ics.replace(/\r\n[ \t]/g, ''));

const linesStartingWith = (ics: string, prefix: string): string[] => contentLines(ics).filter((line) => line.startsWith(prefix));

// ---- The invitation --------------------------------------------------------------------------------------

describe('buildInvite: REQUEST', () => {
  it('writes the exact calendar: METHOD, UID, SEQUENCE:0, DTSTAMP, UTC times, STATUS, ORGANIZER, ATTENDEE', () => {
    expect(invite()).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
        'PRODID:-//AI Operator//Booking//EN',
        'METHOD:REQUEST',
        'X-PUBLISHED-TTL:PT1H',
        'BEGIN:VEVENT',
        'UID:bk_7f3a9c@aioperator',
        'SUMMARY:Workflow audit with AI Operator',
        'DTSTAMP:20260301T090000Z',
        'DTSTART:20260310T142000Z',
        'DTEND:20260310T144000Z',
        'SEQUENCE:0',
        'DESCRIPTION:Twenty minutes on one workflow.',
        'URL:https://aioperator.example/book/manage?t=abc123',
        'STATUS:CONFIRMED',
        'ORGANIZER;CN="AI Operator":MAILTO:hello@aioperator.example',
        // 77 octets unfolded: folded after the 75th, the continuation starts with one space.
        'ATTENDEE;RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="Dana Smit',
        ' h":mailto:dana@example.com',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('uses CRLF line endings only and folds every line at 75 octets, also for multi-byte text', () => {
    const description = 'Café notes — straße, naïve résumé 😀 '.repeat(6);
    const ics = invite({ description, attendee: { name: 'Zoë Ångström-Éléonore Müller-Lüdenscheidt', email: 'zoe@example.com' } });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics).not.toMatch(/\r(?!\n)/); // no bare CR
    expect(ics).not.toMatch(/(?<!\r)\n/); // no bare LF
    for (const line of physicalLines(ics)) {
      expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
      expect(line.isWellFormed(), 'a fold split a surrogate pair').toBe(true);
    }
    // Folding is lossless: unfolded, the text is back whole (commas escaped).
    expect(linesStartingWith(ics, 'DESCRIPTION:')).toEqual([`DESCRIPTION:${'Café notes — straße\\, naïve résumé 😀 '.repeat(6)}`]);
    expect(linesStartingWith(ics, 'ATTENDEE;')).toEqual([
      'ATTENDEE;RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="Zoë Ångström-Éléonore Müller-Lüdenscheidt":mailto:zoe@example.com',
    ]);
  });
});

describe('buildInvite: update and cancel keep one event', () => {
  it('an update keeps the UID, raises SEQUENCE to 1 and carries the new times', () => {
    const lines = contentLines(invite({ sequence: 1, start: '2026-03-12T09:00:00Z', end: '2026-03-12T09:20:00Z' }));
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('UID:bk_7f3a9c@aioperator');
    expect(lines).toContain('SEQUENCE:1');
    expect(lines).toContain('DTSTART:20260312T090000Z');
    expect(lines).toContain('DTEND:20260312T092000Z');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).not.toContain('SEQUENCE:0');
    expect(lines).not.toContain('DTSTART:20260310T142000Z');
  });

  it('a cancel says METHOD:CANCEL and STATUS:CANCELLED for the same UID with a higher SEQUENCE', () => {
    const ics = invite({ method: 'CANCEL', sequence: 2 });
    const lines = contentLines(ics);
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('UID:bk_7f3a9c@aioperator');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('DTSTART:20260310T142000Z');
    expect(lines).not.toContain('METHOD:REQUEST');
    expect(lines).not.toContain('STATUS:CONFIRMED');
    expect(linesStartingWith(ics, 'ORGANIZER')).toEqual(['ORGANIZER;CN="AI Operator":MAILTO:hello@aioperator.example']);
    expect(linesStartingWith(ics, 'ATTENDEE')).toEqual(['ATTENDEE;ROLE=REQ-PARTICIPANT;CN="Dana Smith":mailto:dana@example.com']);
  });
});

describe('buildInvite: escaping and injection', () => {
  it('escapes backslash, line breaks, commas and semicolons in the description and the title', () => {
    const ics = invite({
      title: 'Audit, part 1; intro',
      description: 'Agenda: intake, triage; hand-off\r\nPath: C:\\ops\\inbox\nOld Mac break\rDone.',
    });
    expect(linesStartingWith(ics, 'SUMMARY:')).toEqual(['SUMMARY:Audit\\, part 1\\; intro']);
    expect(linesStartingWith(ics, 'DESCRIPTION:')).toEqual([
      'DESCRIPTION:Agenda: intake\\, triage\\; hand-off\\nPath: C:\\\\ops\\\\inbox\\nOld Mac break\\nDone.',
    ]);
  });

  it('writes where the call is held as LOCATION, escaped, and no LOCATION without one', () => {
    expect(linesStartingWith(invite({ location: 'https://meet.google.com/abc-defg-hij' }), 'LOCATION')).toEqual(['LOCATION:https://meet.google.com/abc-defg-hij']);
    expect(linesStartingWith(invite({ location: 'Zoom; ID 123, passcode 9\nsecond line' }), 'LOCATION')).toEqual(['LOCATION:Zoom\\; ID 123\\, passcode 9 second line']);
    expect(linesStartingWith(invite(), 'LOCATION')).toEqual([]);
  });

  it('keeps a name with a comma, semicolon, colon or quote inside its quoted CN parameter', () => {
    const ics = invite({
      organizer: { name: 'AI Operator; Team: Ops', email: 'hello@aioperator.example' },
      attendee: { name: 'O\'Neil, Dana "DJ"', email: 'dana@example.com' },
    });
    // RFC 5545 has no escape for DQUOTE inside a quoted parameter value, so the quote becomes an apostrophe.
    expect(linesStartingWith(ics, 'ORGANIZER')).toEqual(['ORGANIZER;CN="AI Operator; Team: Ops":MAILTO:hello@aioperator.example']);
    expect(linesStartingWith(ics, 'ATTENDEE')).toEqual([
      'ATTENDEE;RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="O\'Neil, Dana \'DJ\'":mailto:dana@example.com',
    ]);
  });

  it('a CRLF (or other control character) in a name, title or description cannot inject an ATTENDEE or ORGANIZER line', () => {
    const ics = invite({
      title: 'Audit\rATTENDEE:mailto:evil@x',
      description: 'Hi\r\nATTENDEE:mailto:evil@x\nORGANIZER:mailto:evil@x',
      organizer: { name: 'AI Operator\nORGANIZER:mailto:evil@x', email: 'hello@aioperator.example' },
      attendee: { name: 'x\r\nATTENDEE:mailto:evil@x\u0000\u001b', email: 'dana@example.com' },
    });
    expect(linesStartingWith(ics, 'ATTENDEE')).toEqual([
      'ATTENDEE;RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="x ATTENDEE:mailto:evil@x":mailto:dana@example.com',
    ]);
    expect(linesStartingWith(ics, 'ORGANIZER')).toEqual(['ORGANIZER;CN="AI Operator ORGANIZER:mailto:evil@x":MAILTO:hello@aioperator.example']);
    for (const line of [...physicalLines(ics), ...contentLines(ics)]) {
      expect(line.startsWith('ATTENDEE:'), line).toBe(false);
      expect(line.startsWith('ORGANIZER:'), line).toBe(false);
    }
    expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(linesStartingWith(ics, 'SUMMARY:')).toEqual(['SUMMARY:Audit ATTENDEE:mailto:evil@x']);
    expect(linesStartingWith(ics, 'DESCRIPTION:')).toEqual(['DESCRIPTION:Hi\\nATTENDEE:mailto:evil@x\\nORGANIZER:mailto:evil@x']);
  });
});

describe('buildInvite: hidden characters (text stored before the one-line rule)', () => {
  it('drops bidi controls, zero-width spaces and BOMs, and reads NEL, U+2028 and U+2029 as line breaks', () => {
    const ics = invite({
      title: 'Audit\u202e with\u200b AI\ufeff Operator',
      description: 'One\u2028two\u2029three\u0085four\u009b\u2066five\u2069',
      organizer: { name: 'AI\u200b Operator\u202a', email: 'hello@aioperator.example' },
      attendee: { name: '\u202eDana\u2028Reyes\u0085\u2067x\u2069\u202c', email: 'dana@example.com' },
    });
    expect(linesStartingWith(ics, 'SUMMARY:')).toEqual(['SUMMARY:Audit with AI Operator']);
    expect(linesStartingWith(ics, 'DESCRIPTION:')).toEqual(['DESCRIPTION:One\\ntwo\\nthree\\nfourfive']);
    expect(linesStartingWith(ics, 'ORGANIZER')).toEqual(['ORGANIZER;CN="AI Operator":MAILTO:hello@aioperator.example']);
    expect(linesStartingWith(ics, 'ATTENDEE')).toEqual(['ATTENDEE;RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="Dana Reyes x":mailto:dana@example.com']);
  });

  it('keeps ZWJ and ZWNJ, which emoji and Persian names need', () => {
    const ics = invite({ attendee: { name: 'Zoë 👩\u200d💻 علی\u200cرضا', email: 'zoe@example.com' } });
    expect(linesStartingWith(ics, 'ATTENDEE')).toEqual(['ATTENDEE;RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="Zoë 👩\u200d💻 علی\u200cرضا":mailto:zoe@example.com']);
  });

  it('no hidden character reaches the file, whatever the name, title and description hold (property)', () => {
    // Written out here rather than taken from the code: C0, DEL, C1, bidi controls, U+2028/2029, ZWSP, BOM.
    const forbidden = /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/u;
    const unit = fc.oneof(
      fc.constantFrom('\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u200b', '\u200c', '\u200d', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff'),
      fc.constantFrom('a', 'Z', ' ', '"', ';', ',', ':', '\\', 'é', '😀'),
    );
    const text = fc.string({ unit, maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, (name, title, description) => {
        const ics = invite({ title: `Audit ${title}`, description, attendee: { name, email: 'dana@example.com' } });
        for (const line of contentLines(ics)) {
          // A tab is plain white space in a multi-line TEXT value, and stays there.
          const checked = line.startsWith('DESCRIPTION:') ? line.replace(/\t/g, '') : line;
          expect(checked, JSON.stringify(line)).not.toMatch(forbidden);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('buildInvite: time zones', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('writes the same UTC DTSTART/DTEND under TZ=America/Los_Angeles and TZ=Asia/Kolkata', () => {
    const outputs: string[] = [];
    // 2026-03-10T14:20Z is 07:20 PDT (DST began 2026-03-08) and 19:50 IST (+05:30).
    for (const [tz, localTime] of [['America/Los_Angeles', '7:20'], ['Asia/Kolkata', '19:50']] as const) {
      process.env.TZ = tz; // Node re-reads TZ when it is assigned, in this process
      const probe = new Date('2026-03-10T14:20:00Z');
      expect(`${probe.getHours()}:${String(probe.getMinutes()).padStart(2, '0')}`, `the zone switch to ${tz} took effect`).toBe(localTime);
      const ics = invite();
      expect(contentLines(ics)).toContain('DTSTART:20260310T142000Z');
      expect(contentLines(ics)).toContain('DTEND:20260310T144000Z');
      expect(contentLines(ics)).toContain('DTSTAMP:20260301T090000Z');
      outputs.push(ics);
    }
    expect(outputs[1]).toBe(outputs[0]);
  });

  it('accepts an explicit offset as the same instant', () => {
    const lines = contentLines(invite({ start: '2026-03-10T15:20:00+01:00', end: '2026-03-10T10:40:00-04:00' }));
    expect(lines).toContain('DTSTART:20260310T142000Z');
    expect(lines).toContain('DTEND:20260310T144000Z');
  });
});

describe('buildInvite: invalid input', () => {
  it.each<[string, Partial<InviteInput>, RegExp]>([
    ['end equal to start', { end: '2026-03-10T14:20:00Z' }, /end .* must be after start/],
    ['end before start', { end: '2026-03-10T14:00:00Z' }, /end .* must be after start/],
    ['a time without a zone (would be read in the server zone)', { start: '2026-03-10T14:20:00' }, /start must be an ISO 8601 instant with a zone/],
    ['an impossible date', { start: '2026-02-30T14:20:00Z' }, /start is not a real date/],
    ['a bad stamp', { stamp: 'yesterday' }, /stamp must be an ISO 8601 instant/],
    ['an attendee email without a domain', { attendee: { name: 'Dana', email: 'dana@' } }, /attendee\.email is not a valid email/],
    ['an attendee email with a space', { attendee: { name: 'Dana', email: 'dana smith@example.com' } }, /attendee\.email is not a valid email/],
    ['an attendee email carrying a line break', { attendee: { name: 'Dana', email: 'dana@example.com\r\nATTENDEE:mailto:evil@x' } }, /attendee\.email is not a valid email/],
    ['a bad organizer email', { organizer: { name: 'AI Operator', email: 'hello' } }, /organizer\.email is not a valid email/],
    ['a domain label ending in a hyphen (the form refuses it too)', { attendee: { name: 'Dana', email: 'x@a-.com' } }, /attendee\.email is not a valid email/],
    ['a domain label over 63 characters', { attendee: { name: 'Dana', email: `x@${'a'.repeat(64)}.com` } }, /attendee\.email is not a valid email/],
    ['a negative sequence', { sequence: -1 }, /sequence must be a non-negative integer/],
    ['a fractional sequence', { sequence: 1.5 }, /sequence must be a non-negative integer/],
    ['a UID with a line break', { uid: 'bk_1@aioperator\r\nX:y' }, /uid must be/],
    ['an empty UID', { uid: '' }, /uid must be/],
    ['a javascript: manage link', { url: 'javascript:alert(1)' }, /url must be http\(s\)/],
    ['an empty title', { title: ' \r\n ' }, /title must not be empty/],
    ['an unknown method', { method: 'PUBLISH' as InviteInput['method'] }, /method must be REQUEST or CANCEL/],
  ])('throws on %s', (_name, overrides, message) => {
    expect(() => invite(overrides)).toThrow(message);
  });
});

describe('inviteContentType', () => {
  it('names the method in the MIME type', () => {
    expect(inviteContentType('REQUEST')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(inviteContentType('CANCEL')).toBe('text/calendar; charset=utf-8; method=CANCEL');
  });
});

// ---- The links ---------------------------------------------------------------------------------------------

describe('calendar links', () => {
  const event = {
    title: 'Workflow audit with AI Operator',
    start: '2026-03-10T14:20:00Z',
    end: '2026-03-10T14:40:00Z',
    details: 'Manage or cancel: https://aioperator.example/book/manage?t=abc123',
    location: 'Video call',
  };

  it('googleCalendarUrl builds the exact TEMPLATE link', () => {
    expect(googleCalendarUrl(event)).toBe(
      'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Workflow%20audit%20with%20AI%20Operator' +
        '&dates=20260310T142000Z%2F20260310T144000Z' +
        '&details=Manage%20or%20cancel%3A%20https%3A%2F%2Faioperator.example%2Fbook%2Fmanage%3Ft%3Dabc123' +
        '&location=Video%20call',
    );
  });

  it('outlookCalendarUrl builds the exact compose deeplink', () => {
    expect(outlookCalendarUrl(event)).toBe(
      'https://outlook.office.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent' +
        '&subject=Workflow%20audit%20with%20AI%20Operator' +
        '&startdt=2026-03-10T14%3A20%3A00Z&enddt=2026-03-10T14%3A40%3A00Z' +
        '&body=Manage%20or%20cancel%3A%20https%3A%2F%2Faioperator.example%2Fbook%2Fmanage%3Ft%3Dabc123' +
        '&location=Video%20call',
    );
  });

  it('omits the location when there is none', () => {
    const { location: _, ...noLocation } = event;
    expect(googleCalendarUrl(noLocation)).not.toContain('location=');
    expect(outlookCalendarUrl(noLocation)).not.toContain('location=');
  });

  it('encodes & # + and line breaks in user text, so it cannot add or cut parameters', () => {
    const hostile = { ...event, title: 'Q&A #2 + next steps', details: 'Bring: cost & volume\n#ops&dates=1', location: 'Room 4&5' };
    const google = googleCalendarUrl(hostile);
    const outlook = outlookCalendarUrl(hostile);
    expect(google).toContain('&text=Q%26A%20%232%20%2B%20next%20steps&');
    expect(google).toContain('&details=Bring%3A%20cost%20%26%20volume%0A%23ops%26dates%3D1&');
    expect(google).toContain('&location=Room%204%265');
    expect(outlook).toContain('&subject=Q%26A%20%232%20%2B%20next%20steps&');
    expect(outlook).toContain('&body=Bring%3A%20cost%20%26%20volume%0A%23ops%26dates%3D1&');
    expect(google).not.toContain('#');
    expect(outlook).not.toContain('#');
    const parsed = new URL(google).searchParams;
    expect([...parsed.keys()]).toEqual(['action', 'text', 'dates', 'details', 'location']);
    expect(parsed.get('text')).toBe('Q&A #2 + next steps');
    expect(parsed.get('dates')).toBe('20260310T142000Z/20260310T144000Z');
    expect([...new URL(outlook).searchParams.keys()]).toEqual(['path', 'rru', 'subject', 'startdt', 'enddt', 'body', 'location']);
  });

  it('refuses an end before the start and a time without a zone', () => {
    expect(() => googleCalendarUrl({ ...event, end: '2026-03-10T14:00:00Z' })).toThrow(/end .* must be after start/);
    expect(() => outlookCalendarUrl({ ...event, start: '2026-03-10T14:20:00' })).toThrow(/start must be an ISO 8601 instant with a zone/);
  });
});
