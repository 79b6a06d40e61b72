// The operator's calendar subscription feed (GET /api/calendar/bookings.ics?key=…): every upcoming confirmed
// call as a VEVENT, so the operator's calendar shows all calls even when an emailed invite went missing.
// Pure: the only imports are `ics` and the invite's shared helpers.
//
// One call, one event everywhere: each VEVENT carries the UID and SEQUENCE of the invites emailed for the
// call (invite.ts), so a calendar that has both the invite and the feed can match them. A call that moves
// keeps its UID with a higher SEQUENCE; a cancelled or past call simply leaves the feed, and a subscribed
// calendar drops it at its next refresh.
//
// What the feed must never carry: the manage link, any token or any URL that can move or cancel a call
// (whoever holds the feed's address must not be able to act on calls), and the visitor's email address.
// Every user-supplied string goes through the invite's sanitizeText, so a CR, LF or other control character
// cannot start a new content line; ics escapes `\` `;` `,` and the line breaks kept in the goal.
import { createEvent, createEvents, type EventAttributes } from 'ics';
import { parseInstant, parseInterval } from './calendar-links.ts';
import { checkUidAndSequence, icsOutput, sanitizeText, utcEventTimes, type IcsAttributes } from './invite.ts';
import { AREA_LABELS, type Area } from '../readiness/areas.ts';

/** One confirmed call, as the feed shows it: nothing that could act on the call, no email address. */
export interface FeedBooking {
  /** The call's calendar UID, the same as in its emailed invites. */
  uid: string;
  /** The call's current SEQUENCE, the same as its latest emailed invite. */
  sequence: number;
  /** ISO UTC instants, e.g. '2026-12-08T09:00:00Z'. */
  start: string;
  end: string;
  name: string;
  company: string;
  companySize: string;
  area: Area;
  /** What they want to fix: free text, line breaks allowed. */
  goal: string;
  /** The visitor's IANA time zone. */
  timeZone: string;
}

/** The calendar's name in the operator's calendar app. */
export const BOOKINGS_FEED_NAME = 'AI Operator bookings';
const FEED_PRODUCT_ID = '-//AI Operator//Bookings feed//EN';

/** The operator's title for a call, in this feed and in their invite: the company, then who is coming (as their email subjects). */
export const operatorCallTitle = (booking: Pick<FeedBooking, 'name' | 'company'>) =>
  `Workflow audit: ${sanitizeText(booking.company, true)} (${sanitizeText(booking.name, true)})`;

/** The operator's brief in the event: one labelled line each, the goal as the visitor wrote it. */
function feedDescription(booking: FeedBooking): string {
  return [
    `Visitor: ${sanitizeText(booking.name, true)}`,
    `Company: ${sanitizeText(booking.company, true)} (${sanitizeText(booking.companySize, true)} people)`,
    `Area: ${AREA_LABELS[booking.area] ?? sanitizeText(booking.area, true)}`,
    `Wants to fix: ${sanitizeText(booking.goal, false).trim()}`,
    `Their time zone: ${sanitizeText(booking.timeZone, true)}`,
  ].join('\n');
}

/** A call the feed leaves out: its position in the list given, and why (a field and its value: uid, sequence, start or end, never who is coming). */
export interface SkippedFeedBooking {
  index: number;
  reason: string;
}

/** The feed, and the calls that could not be written as events. */
export interface BookingsFeed {
  ics: string;
  skipped: SkippedFeedBooking[];
}

/** One call as its VEVENT's attributes; throws an Error naming the field that cannot be written. */
function feedEvent(booking: FeedBooking, stampMs: number): EventAttributes {
  checkUidAndSequence(booking.uid, booking.sequence);
  const { startMs, endMs } = parseInterval(booking.start, booking.end);
  const event: IcsAttributes = {
    uid: booking.uid,
    sequence: booking.sequence,
    ...utcEventTimes(startMs, endMs, stampMs),
    title: operatorCallTitle(booking),
    description: feedDescription(booking),
    status: 'CONFIRMED',
  };
  // ics refuses a whole calendar for one event it refuses, so each is tried alone first. Its own messages
  // can quote the title (the visitor's name and company), so they are not passed on.
  if (createEvent(event).error) throw new Error('the ics library refused the event');
  return event;
}

/**
 * An RFC 5545 VCALENDAR (METHOD:PUBLISH, X-WR-CALNAME, PRODID) with one VEVENT per call, in the order given:
 * UID, SEQUENCE, DTSTAMP (`stamp`, when the feed was made), DTSTART/DTEND in UTC (…Z), SUMMARY, DESCRIPTION,
 * STATUS:CONFIRMED. No bookings: a valid calendar with no events. CRLF line endings, folded at 75 octets.
 * A call that cannot be an event (a stored row with a broken time or UID) is left out and listed in
 * `skipped`, so one bad row never hides the operator's other calls. Throws only on an invalid `stamp`.
 */
export function buildBookingsFeed(bookings: readonly FeedBooking[], stamp: string): BookingsFeed {
  const stampMs = parseInstant(stamp, 'stamp');
  const events: EventAttributes[] = [];
  const skipped: SkippedFeedBooking[] = [];
  bookings.forEach((booking, index) => {
    try {
      events.push(feedEvent(booking, stampMs));
    } catch (error) {
      skipped.push({ index, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  return { ics: icsOutput(createEvents(events, { productId: FEED_PRODUCT_ID, method: 'PUBLISH', calName: BOOKINGS_FEED_NAME }), 'the bookings feed'), skipped };
}
