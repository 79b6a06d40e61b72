// What occupies the operator's calendar, and the claims that keep one time for one call. Confirmed
// calls and unexpired slot holds each claim the 5-minute blocks they cover (buffers included) in
// booking_claims, whose primary key makes a second, overlapping claim fail in whichever function
// instance writes it. A call's claims are owned by its booking id, a hold's by 'hold:<hold id>'.
// The operator's own events (their calendar feeds) occupy time too, read from the shared copy.
import type { Client, InStatement, Transaction } from '@libsql/client';
import { operatorBusy } from '../calendar/busy-copy.ts';
import type { BusyFeed } from '../calendar/feed-list.ts';
import { GRID_MINUTES, type BookingRules } from '../../../src/config/booking.ts';
import { mergeSpans, type Span } from '../../../src/lib/booking/busy-times.ts';
import { neverBookable, type Interval, type NeverBookable } from '../../../src/lib/booking/slots.ts';
import { MINUTE_MS, DAY_MS } from '../../../src/lib/time/durations.ts';
import { toIso } from '../../../src/lib/time/instants.ts';
import { SLOT_NOT_FREE, START_NOT_OFFERED, START_PASSED } from '../../../src/lib/booking/request.ts';

/** The time is one the hours offer, but a call, a hold, the operator's calendar or the rules (notice, horizon, daily cap) keep it: 409 with the next free times. */
export class SlotTakenError extends Error {
  override readonly name = 'SlotTakenError';
  constructor() {
    super(SLOT_NOT_FREE);
  }
}

/** The start can never be booked (it has passed, or the hours never offer it): the visitor's request is wrong, nobody took the time. */
export class StartNotBookableError extends Error {
  override readonly name = 'StartNotBookableError';
  /** The API's error code for it, with the message on `start` and no alternatives. */
  readonly code: 'start_passed' | 'start_not_offered';
  constructor(reason: NeverBookable) {
    super(reason === 'passed' ? START_PASSED : START_NOT_OFFERED);
    this.code = reason === 'passed' ? 'start_passed' : 'start_not_offered';
  }
}

/** Throws StartNotBookableError for a start no calendar could make bookable (a booking, a hold and a move check it first). */
export function assertStartOffered(rules: BookingRules, start: string, now: Date): void {
  const never = neverBookable(rules, start, toIso(now.getTime()));
  if (never) throw new StartNotBookableError(never);
}

/** Whether the hours offer `start` at all (not passed, on the grid): the routes fetch a calendar feed only for such a start. */
export const isStartOffered = (rules: BookingRules, start: string, now: Date): boolean => neverBookable(rules, start, toIso(now.getTime())) === null;

/** The claims owner of a hold (a booking's is its id). */
export const holdOwner = (holdId: string) => `hold:${holdId}`;

/** The 5-minute blocks [start - buffer before, end + buffer after) covers, as UTC instants. */
function claimBlocks(rules: BookingRules, start: string, end: string): string[] {
  const step = GRID_MINUTES * MINUTE_MS;
  const from = Math.floor((Date.parse(start) - rules.bufferBeforeMinutes * MINUTE_MS) / step) * step;
  const to = Date.parse(end) + rules.bufferAfterMinutes * MINUTE_MS;
  const blocks: string[] = [];
  for (let at = from; at < to; at += step) blocks.push(toIso(at));
  return blocks;
}

/** Deletes holds that have run out and frees their blocks (a claiming transaction runs it first; the retention job too). */
export function expiredHoldSweep(now: Date): InStatement[] {
  const at = now.toISOString();
  return [
    { sql: `DELETE FROM booking_claims WHERE booking_id IN (SELECT 'hold:' || id FROM booking_holds WHERE expires_at <= ?)`, args: [at] },
    { sql: 'DELETE FROM booking_holds WHERE expires_at <= ?', args: [at] },
  ];
}

/** Takes the blocks of a time for `owner`, or throws SlotTakenError if a call or a hold has any of them. */
export async function claim(tx: Transaction, rules: BookingRules, owner: string, start: string, end: string, now: Date): Promise<void> {
  await tx.batch(expiredHoldSweep(now));
  const blocks = claimBlocks(rules, start, end);
  const result = await tx.execute({
    sql: `INSERT INTO booking_claims (block_start, booking_id) SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT(block_start) DO NOTHING`,
    args: [owner, JSON.stringify(blocks)],
  });
  // Any block already held means an overlap: the caller's transaction is rolled back, claims included.
  if (result.rowsAffected !== blocks.length) throw new SlotTakenError();
}

/** Gives up every block `owner` holds (a cancelled or moved call, a used or replaced hold). */
export async function releaseClaims(tx: Transaction, owner: string): Promise<void> {
  await tx.execute({ sql: 'DELETE FROM booking_claims WHERE booking_id = ?', args: [owner] });
}

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
