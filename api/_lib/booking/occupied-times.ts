// What occupies the operator's calendar between two times: the calls booked here, other visitors'
// unexpired holds, and the operator's own events (their calendar feeds, read from the shared copy).
import type { Client, Transaction } from '@libsql/client';
import { operatorBusy } from '../calendar/busy-copy.ts';
import type { BusyFeed } from '../calendar/feed-list.ts';
import type { BookingRules } from '../../../src/config/booking.ts';
import { mergeSpans, type Span } from '../../../src/lib/booking/busy-times.ts';
import type { Interval } from '../../../src/lib/booking/slots.ts';
import { MINUTE_MS, DAY_MS } from '../../../src/lib/time/durations.ts';
import { toIso } from '../../../src/lib/time/instants.ts';

export interface BusyExceptions {
  /** A call being moved does not stand in its own way. */
  bookingId?: string;
  /** Nor does the visitor's own hold on the time they are booking. */
  holdId?: string;
}

/**
 * What stands in a new call's way: the calls booked here (the daily cap counts them), and busy spans
 * that block without counting: the operator's own events, and other visitors' holds (a hold is not a
 * call, so holds can never fill a day).
 */
export interface Occupied {
  calls: Interval[];
  busy: Span[];
}

/** Where the calendar's settings come from: the feeds to read, and the buffers a hold keeps. */
export interface CalendarSettings {
  busyFeeds: readonly BusyFeed[];
  booking: BookingRules;
}

/**
 * Confirmed calls and other visitors' unexpired holds that can affect slots between `from` and `to`
 * (two days of margin for buffers and the daily cap), and the operator's busy times from the stored
 * copy of their calendar feeds. `readOnly`: for an answer that only shows times, the copy's version may
 * come from this instance's read of the last second; a write's re-check leaves it out and reads
 * everything inside its transaction.
 */
export async function occupiedTimes(db: Client | Transaction, settings: CalendarSettings, from: string, to: string, now: Date, except: BusyExceptions = {}, readOnly = false): Promise<Occupied> {
  // One statement for both (a round trip each on a hosted database), told apart by `hold`.
  const result = await db.execute({
    sql: `SELECT start_at, end_at, 0 AS hold FROM bookings WHERE status = 'confirmed' AND start_at >= ?1 AND start_at < ?2 AND id <> ?3
          UNION ALL
          SELECT start_at, end_at, 1 AS hold FROM booking_holds WHERE expires_at > ?4 AND start_at >= ?1 AND start_at < ?2 AND id <> ?5
          ORDER BY start_at`,
    args: [toIso(Date.parse(from) - 2 * DAY_MS), toIso(Date.parse(to) + 2 * DAY_MS), except.bookingId ?? '', now.toISOString(), except.holdId ?? ''],
  });
  const operator = await operatorBusy(db, settings.busyFeeds, { recent: readOnly });
  const { bufferBeforeMinutes, bufferAfterMinutes } = settings.booking;
  const calls: Interval[] = [];
  const held: Span[] = [];
  for (const row of result.rows) {
    // A hold blocks as a call would, buffers included: [start - before, end + after) as a busy span.
    if (Number(row.hold)) held.push({ start: Date.parse(String(row.start_at)) - bufferBeforeMinutes * MINUTE_MS, end: Date.parse(String(row.end_at)) + bufferAfterMinutes * MINUTE_MS });
    else calls.push({ start: String(row.start_at), end: String(row.end_at) });
  }
  return { calls, busy: held.length === 0 ? operator : mergeSpans([...operator, ...held]) };
}
