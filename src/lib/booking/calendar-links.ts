// "Add to calendar" links for the booking confirmation: Google Calendar and Outlook on the web.
// Pure (no Node, Astro or React imports), so a page, an island or an email template can all use it.
//
// Neither service documents these links officially; the formats below are the long-standing ones that
// every "add to calendar" library emits (see github.com/InteractionDesignFoundation/add-event-to-calendar-docs):
//   Google:  https://calendar.google.com/calendar/render?action=TEMPLATE&text=…&dates=START/END&details=…&location=…
//            with START and END as YYYYMMDDTHHMMSSZ (UTC, the trailing Z matters: without it Google reads the
//            time in the viewer's zone).
//   Outlook: https://outlook.office.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent
//            &subject=…&startdt=YYYY-MM-DDTHH:MM:SSZ&enddt=…&body=…&location=…
//
// Values are encoded with URLSearchParams, then every `+` (which URLSearchParams only ever produces for a
// space: a literal plus becomes %2B) is rewritten to %20. Outlook's compose deeplink and Teams are known to
// show a form-encoded `+` literally instead of a space, while %20 means a space to every parser.

export interface CalendarLinkEvent {
  title: string;
  /** ISO 8601 instant with an explicit zone, e.g. '2026-03-10T14:20:00Z'. */
  start: string;
  end: string;
  details: string;
  location?: string;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Parses an ISO 8601 instant into epoch milliseconds. The zone designator (Z or ±hh:mm) is required: a
 * string without one is read by `Date` in the machine's local zone, which is the bug this module exists to
 * avoid. Out-of-range fields (month 13, 30 February) are refused instead of silently rolled over.
 * Shared with invite.ts so that both the .ics file and the links read times the same way.
 */
export function parseInstant(value: string, field: string): number {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!match) throw new Error(`${field} must be an ISO 8601 instant with a zone, like 2026-03-10T14:20:00Z (got ${JSON.stringify(value)})`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? '0')) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`${field} is not a real date and time: ${value}`);
  }
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`${field} is not a valid instant: ${value}`);
  return ms;
}

/** Both ends parsed, and the event must have a positive length. */
export function parseInterval(start: string, end: string): { startMs: number; endMs: number } {
  const startMs = parseInstant(start, 'start');
  const endMs = parseInstant(end, 'end');
  if (endMs <= startMs) throw new Error(`end (${end}) must be after start (${start})`);
  return { startMs, endMs };
}

/** '2026-03-10T14:20:00Z' (whole seconds, UTC). */
function isoUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** '20260310T142000Z', the iCalendar/Google basic form. */
function basicUtc(ms: number): string {
  return isoUtc(ms).replace(/[-:]/g, '');
}

function query(params: Array<[string, string | undefined]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of params) if (value !== undefined && value !== '') search.append(key, value);
  return search.toString().replace(/\+/g, '%20');
}

/** "Add to Google Calendar" URL. */
export function googleCalendarUrl(event: CalendarLinkEvent): string {
  const { startMs, endMs } = parseInterval(event.start, event.end);
  return `https://calendar.google.com/calendar/render?${query([
    ['action', 'TEMPLATE'],
    ['text', event.title],
    ['dates', `${basicUtc(startMs)}/${basicUtc(endMs)}`],
    ['details', event.details],
    ['location', event.location],
  ])}`;
}

/** "Add to Outlook" URL (Outlook on the web / Microsoft 365). */
export function outlookCalendarUrl(event: CalendarLinkEvent): string {
  const { startMs, endMs } = parseInterval(event.start, event.end);
  return `https://outlook.office.com/calendar/0/deeplink/compose?${query([
    ['path', '/calendar/action/compose'],
    ['rru', 'addevent'],
    ['subject', event.title],
    ['startdt', isoUtc(startMs)],
    ['enddt', isoUtc(endMs)],
    ['body', event.details],
    ['location', event.location],
  ])}`;
}
