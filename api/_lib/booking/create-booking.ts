// Booking a workflow audit: the call, its claims and its emails in the caller's write transaction
// (moving and cancelling it are reschedule-booking.ts and cancel-booking.ts, its outcome record-outcome.ts).
// The guarantee that one time holds one call lives in the database, not in this process: every
// confirmed call claims the blocks it occupies (claims.ts). The rules are checked again
// inside the write transaction (notice, hours, daily cap, buffers, other visitors' holds), so a slot
// that was free when the page loaded but is not any more is refused with the next free times instead.
import { v7 as timeOrderedId } from 'uuid';
import type { Transaction } from '@libsql/client';
import type { Booking } from './record.ts';
import type { ApiContext } from '../runtime/context.ts';
import { SlotTakenError, claim } from './claims.ts';
import { assertStartOffered } from './start-checks.ts';
import { rowToBooking } from './find-booking.ts';
import { stillBookable } from './free-slots.ts';
import { queueEmails } from './queue-emails.ts';
import { releaseHold } from './slot-holds.ts';
import { hitClientRateLimit, hitRateLimit } from '../http/rate-limit.ts';
import { emailKey, keyedHash, normalizeEmail } from '../signing/tokens.ts';
import { BOOKING_CONSENT_VERSION, type BookingRequest } from '../../../src/lib/booking/request.ts';
import { parseStoredAnswers } from '../../../src/lib/readiness/stored.ts';
import { UTM_KEYS, parseLeadSource } from '../../../src/lib/leads/source.ts';
import { MINUTE_MS } from '../../../src/lib/time/durations.ts';
import { toIso } from '../../../src/lib/time/instants.ts';

/** The idempotency key was first sent with another address or time: it never answers with that booking. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
}

/** The key's booking has been cancelled since: a retry is never answered as if it stood. */
export class BookingCancelledError extends Error {
  override readonly name = 'BookingCancelledError';
}

const DAY_SECONDS = 24 * 3600;
/** An IPv6 /48 (a site: an office, a home, or a tunnel broker's free allocation) books at most this many times one client's calls a day. */
const IPV6_SITE_FACTOR = 4;

/**
 * A limit on calls booked, counted only on bookings made: `email-hourly`, calls booked (and cancelled)
 * with one email address in an hour; `client-daily`, calls booked from one client address in a day
 * (BOOKING_CLIENT_DAILY_LIMIT).
 */
export class BookingLimitError extends Error {
  override readonly name = 'BookingLimitError';
  readonly limit: 'email-hourly' | 'client-daily';
  readonly retryAfterSeconds: number;
  constructor(limit: 'email-hourly' | 'client-daily', retryAfterSeconds: number) {
    super(limit === 'email-hourly' ? 'Too many calls booked with this address.' : 'Too many calls booked from this client address today.');
    this.limit = limit;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The address has a call coming up; `bookingId` is that call, so its link can be sent again. */
export class AlreadyBookedError extends Error {
  override readonly name = 'AlreadyBookedError';
  readonly bookingId: string;
  constructor(bookingId: string) {
    super('This address already has an audit booked.');
    this.bookingId = bookingId;
  }
}

export interface CreateMeta {
  clientAddress: string;
  now: Date;
}

/**
 * Books a call inside the caller's write transaction; returns the booking and how many messages it
 * queued. A retried request (the same idempotency key, address and time) gets the booking it made the
 * first time. The time is checked before the address, so a time that cannot be booked gets the same
 * answer whoever asks: only a request that would book learns that its address already has a call.
 */
export async function createBooking(ctx: ApiContext, tx: Transaction, request: BookingRequest, meta: CreateMeta): Promise<{ booking: Booking; queued: number }> {
  const rules = ctx.config.booking;
  const now = meta.now;
  const email = normalizeEmail(request.email);
  const key = emailKey(ctx.secret, email);
  const start = toIso(Date.parse(request.start));
  const requestHash = keyedHash(ctx.secret, 'booking-request', `${key}\0${start}`);
  if (request.idempotencyKey) {
    const earlier = (await tx.execute({ sql: 'SELECT * FROM bookings WHERE idempotency_key = ?', args: [request.idempotencyKey] })).rows[0];
    if (earlier) {
      // Rows from before the request was recorded: the address alone must match.
      const same = earlier.idempotency_request === null ? earlier.email_key === key : earlier.idempotency_request === requestHash;
      if (!same) throw new IdempotencyKeyReusedError('This request key was used for another booking.');
      if (earlier.status === 'cancelled') throw new BookingCancelledError('That booking has been cancelled.');
      return { booking: rowToBooking(earlier), queued: 0 };
    }
  }
  const end = toIso(Date.parse(start) + rules.slotMinutes * MINUTE_MS);
  // The visitor's own hold (on this time, or one they picked before) gives way to the call; rolled back with it.
  if (request.holdId) await releaseHold(tx, request.holdId);
  // Still before the address: what the time alone decides answers the same for any address.
  assertStartOffered(rules, start, now);
  if (!(await stillBookable(ctx, tx, start, end, now))) throw new SlotTakenError();
  // A call with an outcome is over, even before its end: after a no-show the visitor is emailed to book
  // again, and must be able to at once.
  const active = (await tx.execute({ sql: `SELECT id FROM bookings WHERE email_key = ? AND status = 'confirmed' AND outcome IS NULL AND end_at > ? LIMIT 1`, args: [key, now.toISOString()] })).rows[0];
  if (active) throw new AlreadyBookedError(String(active.id));
  // Counted in this transaction, so only a booking that is made counts (a refused one rolls it back).
  const limit = await hitRateLimit(tx, { name: 'booking-email', limit: ctx.config.bookingRateLimit, windowSeconds: 3600 }, key, now.getTime());
  if (!limit.ok) throw new BookingLimitError('email-hourly', limit.retryAfterSeconds);
  // Calls made from one connection in a day: a new address for every call would otherwise let one
  // client book every free time of the horizon (10 an hour) and hide the calendar from real visitors.
  const daily = ctx.config.bookingClientDailyLimit;
  const rule = { name: 'booking-made', limit: daily, perIpv6Site: daily * IPV6_SITE_FACTOR, windowSeconds: DAY_SECONDS };
  const fromClient = await hitClientRateLimit(tx, rule, ctx.secret, meta.clientAddress, now.getTime());
  if (!fromClient.ok) throw new BookingLimitError('client-daily', fromClient.retryAfterSeconds);

  const id = timeOrderedId();
  const at = now.toISOString();
  const booking: Booking = {
    id, uid: `${id}@${new URL(ctx.config.siteUrl).hostname}`, status: 'confirmed', start, end, sequence: 0,
    name: request.name, email, company: request.company, companySize: request.companySize, area: request.area, goal: request.goal, timeZone: request.timeZone,
    // The answers as the browser stored them are read field by field, and only what they hold is kept:
    // the raw value may be anything JSON can nest (10,000 levels of arrays overflowed JSON.stringify: a 500).
    context: request.context ? { scenario: request.context.scenario, readiness: request.context.readiness === undefined ? undefined : parseStoredAnswers(request.context.readiness) } : null,
    source: parseLeadSource(request.source),
    outcome: null,
  };
  await claim(tx, rules, id, start, end, now);
  await tx.execute({
    sql: `INSERT INTO bookings (id, uid, idempotency_key, idempotency_request, status, start_at, end_at, sequence, name, email, email_key, company, company_size, area, goal, time_zone, context,
            consent_text_version, consent_address_hash, created_at, updated_at, source_page, source_referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content)
          VALUES (?, ?, ?, ?, 'confirmed', ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      id, booking.uid, request.idempotencyKey ?? null, request.idempotencyKey ? requestHash : null, start, end, booking.name, email, key, booking.company, booking.companySize, booking.area, booking.goal,
      booking.timeZone, booking.context ? JSON.stringify(booking.context) : null, BOOKING_CONSENT_VERSION, keyedHash(ctx.secret, 'address', meta.clientAddress), at, at,
      booking.source.page, booking.source.referrerHost, ...UTM_KEYS.map((key) => booking.source.utm[key] ?? null),
    ],
  });
  const queued = await queueEmails(ctx, tx, booking, { event: 'confirmed' }, now);
  return { booking, queued };
}
