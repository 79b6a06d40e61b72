// The calendar invitation sent with booking emails: an iTIP (RFC 5546) REQUEST when a call is booked or
// moved, a CANCEL when it is called off. Pure: `ics` writes the VCALENDAR; the address rule and the hidden
// characters come from request.ts, so what the form accepts the invite can carry.
//
// How an invitation stays one event across its life: every message for a booking carries the same UID, and
// SEQUENCE goes up with each change (0 on creation). A client that receives REQUEST with SEQUENCE:1 replaces
// the event it stored from SEQUENCE:0; a CANCEL with a higher SEQUENCE removes it. DTSTAMP is passed in so
// the output is a function of the input alone.
//
// The operator's subscription feed (bookings-feed.ts) writes the same events with the same UID and SEQUENCE, and
// shares this file's checks, text sanitising and post-processing (the exports below marked "shared").
//
// What `ics` (3.12) does for us, and what it does not:
//   - METHOD, SEQUENCE, UID, STATUS, ORGANIZER, ATTENDEE, PRODID: all expressible (`method`, `sequence`, `uid`,
//     `status`, `organizer`, `attendees`, `productId`). DTSTAMP comes from its `timestamp` attribute, which the
//     library validates and uses but leaves out of its TypeScript types (hence `IcsAttributes` below).
//   - Times: we pass epoch milliseconds with startInputType/startOutputType 'utc', so DTSTART/DTEND are
//     written as …Z whatever the server's zone (ics reads date arrays in the local zone by default).
//   - SUMMARY/DESCRIPTION: ics escapes `\`, `;`, `,` and CRLF/LF, but not a lone CR, so text is normalised
//     first (sanitizeText).
//   - CN parameters: ics wraps the name in DQUOTEs but "escapes" an inner DQUOTE as \" — RFC 5545 has no
//     escape inside a quoted parameter value (QSAFE-CHAR excludes DQUOTE and controls), so `CN="A \"B\""`
//     breaks strict parsers. It also leaves raw line breaks in the ORGANIZER name. Names are therefore
//     sanitised before they reach ics (sanitizeName: line breaks → space, hidden characters dropped, " → ').
//   - Post-processing of its output, kept to two steps (finalize):
//       1. ics quotes enumerated parameter values (ROLE="REQ-PARTICIPANT";PARTSTAT="NEEDS-ACTION"); RFC 5545
//          defines ROLE and PARTSTAT as bare tokens, and some clients only match the bare form, so the quotes
//          are dropped on the ATTENDEE parameters that ics generated (everything before CN, our constants).
//       2. ics folds lines every 75 *characters*; RFC 5545 §3.1 says 75 *octets*, so any non-ASCII text
//          (é, emoji) produced over-long lines. Lines are unfolded and refolded at 75 octets, never inside a
//          UTF-8 sequence, continuing with a single space.
//   - ics also writes X-PUBLISHED-TTL:PT1H and CALSCALE:GREGORIAN into every calendar; both are harmless and
//     left alone.
import { createEvent, type Attendee, type EventAttributes, type ReturnObject } from 'ics';
import { parseInterval, parseInstant } from './calendar-links.ts';
import { isEmailAddress } from './request.ts';
import { HIDDEN_CHARACTERS } from '../text/hidden-characters.ts';

export interface InviteInput {
  /** Stable for the booking: the same on every update and the cancel, e.g. `${bookingId}@aioperator`. */
  uid: string;
  /** 0 on creation, raised on every change. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  /** ISO UTC instant, e.g. '2026-03-10T14:20:00Z'. */
  start: string;
  end: string;
  title: string;
  /** Plain text; may contain newlines, commas, semicolons and backslashes (escaped on output). */
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** The manage link. */
  url?: string;
  /** Where the call is held: the video-call link (LOCATION). */
  location?: string;
  /** DTSTAMP instant (ISO UTC), passed in so the output is deterministic. */
  stamp: string;
}

const INVITE_PRODUCT_ID = '-//AI Operator//Booking//EN';

/** `timestamp` (DTSTAMP) is accepted and validated by ics 3.12 but missing from its published types. Shared. */
export type IcsAttributes = EventAttributes & { timestamp: number };

// UIDs are ours (`${bookingId}@aioperator`): printable ASCII without space or iCalendar TEXT specials.
const UID = /^[A-Za-z0-9._~+=@-]{1,255}$/;
const MAX_SEQUENCE = 2_147_483_647;

/** The form's own rule: an address the form accepted is one the invite can carry (ics checks it again). */
function checkEmail(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isEmailAddress(value)) {
    // The address itself stays out of the message: it is logged, and a log is no place for a visitor's address.
    throw new Error(`${field} is not a valid email address`);
  }
  return value;
}

/** The characters one-line fields refuse (request.ts), anywhere in a string: text stored before that rule is cleaned with it. */
const HIDDEN = new RegExp(HIDDEN_CHARACTERS.source, 'gu');
/** Every way text breaks a line: CRLF, a lone CR, LF, NEL and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n?|[\n\u0085\u2028\u2029]/g;

/**
 * TEXT values before ics escapes them: every line break becomes LF, which ics writes as the two characters
 * `\n`; tabs stay, other hidden characters (controls, bidi overrides and isolates, zero-width space, BOM)
 * are dropped. With `singleLine`, breaks and tabs become spaces. Shared: every user-supplied string in a
 * calendar file goes through it.
 */
export function sanitizeText(text: unknown, singleLine: boolean): string {
  const normalised = (typeof text === 'string' ? text : '')
    .replace(LINE_BREAK, '\n')
    .replace(HIDDEN, (char) => (char === '\n' || char === '\t' ? char : ''));
  return singleLine ? normalised.replace(/[\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim() : normalised;
}

/**
 * A display name as an RFC 5545 quoted parameter value: one line of text as sanitizeText leaves it (so a name
 * cannot start a new line) and no DQUOTE (which has no escape there; it becomes an apostrophe). Commas,
 * semicolons and colons are safe once ics wraps the value in quotes. Blank names fall back to the address.
 */
function sanitizeName(name: unknown, email: string): string {
  const clean = sanitizeText(name, true).replace(/"/g, "'");
  return clean === '' ? email : clean;
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`url is not a valid URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`url must be http(s): ${url}`);
  return parsed.href;
}

/** UTF-8 length of one code point. */
function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line at 75 octets (RFC 5545 §3.1), breaking only between code points. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const n = octets(char.codePointAt(0)!);
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the continuation's leading space counts toward its 75
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The two post-processing steps described at the top of the file. */
function finalize(ics: string): string {
  const lines = ics
    .replace(/\r\n[ \t]/g, '') // unfold
    .split('\r\n')
    .filter((line) => line !== '');
  return `${lines
    .map((line) => {
      if (!line.startsWith('ATTENDEE;')) return line;
      const cn = line.indexOf(';CN="');
      if (cn === -1) return line;
      return line.slice(0, cn).replace(/="([A-Z-]+)"/g, '=$1') + line.slice(cn);
    })
    .map(foldLine)
    .join('\r\n')}\r\n`;
}

/**
 * Checks the identity that keeps one event one event across messages and feeds: UID and SEQUENCE. Throws an
 * Error naming the field. Shared.
 */
export function checkUidAndSequence(uid: unknown, sequence: unknown): void {
  if (typeof uid !== 'string' || !UID.test(uid)) throw new Error(`uid must be 1-255 characters of [A-Za-z0-9._~+=@-], got ${JSON.stringify(uid)}`);
  if (typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) throw new Error(`sequence must be a non-negative integer, got ${sequence}`);
}

/**
 * DTSTAMP, DTSTART and DTEND as ics takes them: whole seconds of epoch milliseconds, with the 'utc' input and
 * output types that keep ics away from the server's zone (its default), so every time is written …Z. Shared.
 */
export function utcEventTimes(startMs: number, endMs: number, stampMs: number) {
  const second = (ms: number) => Math.floor(ms / 1000) * 1000;
  return {
    timestamp: second(stampMs),
    start: second(startMs),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: second(endMs),
    endInputType: 'utc',
    endOutputType: 'utc',
  } as const;
}

/**
 * What ics returned, as the finished file (post-processed and folded at 75 octets), or an Error that says what
 * could not be built and why. Shared.
 */
export function icsOutput({ error, value }: ReturnObject, what: string): string {
  if (error || !value) {
    const details = (error as { errors?: unknown } | null)?.errors;
    throw new Error(`could not build ${what}: ${Array.isArray(details) ? details.join('; ') : (error?.message ?? 'no output')}`);
  }
  return finalize(value);
}

/**
 * An RFC 5545 VCALENDAR with one VEVENT: METHOD, UID, SEQUENCE, DTSTAMP, DTSTART/DTEND in UTC (…Z),
 * ORGANIZER, ATTENDEE, STATUS (CONFIRMED, or CANCELLED for CANCEL). CRLF line endings, folded at 75 octets.
 * Throws an Error naming the field on invalid input.
 */
export function buildInvite(input: InviteInput): string {
  if (input.method !== 'REQUEST' && input.method !== 'CANCEL') throw new Error(`method must be REQUEST or CANCEL, got ${JSON.stringify(input.method)}`);
  checkUidAndSequence(input.uid, input.sequence);
  const { startMs, endMs } = parseInterval(input.start, input.end);
  const stampMs = parseInstant(input.stamp, 'stamp');
  const title = sanitizeText(input.title, true);
  if (title === '') throw new Error('title must not be empty');
  const organizerEmail = checkEmail(input.organizer?.email, 'organizer.email');
  const attendeeEmail = checkEmail(input.attendee?.email, 'attendee.email');
  const cancel = input.method === 'CANCEL';

  const attendee: Attendee = cancel
    ? { name: sanitizeName(input.attendee.name, attendeeEmail), email: attendeeEmail, role: 'REQ-PARTICIPANT' }
    : { name: sanitizeName(input.attendee.name, attendeeEmail), email: attendeeEmail, rsvp: true, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' };

  const attributes: IcsAttributes = {
    productId: INVITE_PRODUCT_ID,
    method: input.method,
    uid: input.uid,
    sequence: input.sequence,
    ...utcEventTimes(startMs, endMs, stampMs),
    title,
    description: sanitizeText(input.description, false) || undefined,
    location: input.location === undefined || input.location === '' ? undefined : sanitizeText(input.location, true),
    url: input.url === undefined || input.url === '' ? undefined : checkUrl(input.url),
    status: cancel ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: sanitizeName(input.organizer.name, organizerEmail), email: organizerEmail },
    attendees: [attendee],
  };

  return icsOutput(createEvent(attributes), 'the invitation');
}

/** The MIME type that must accompany the file; its method must match the METHOD inside (RFC 6047). */
export function inviteContentType(method: InviteInput['method']): string {
  if (method !== 'REQUEST' && method !== 'CANCEL') throw new Error(`method must be REQUEST or CANCEL, got ${JSON.stringify(method)}`);
  return `text/calendar; charset=utf-8; method=${method}`;
}
