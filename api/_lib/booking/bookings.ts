// Booked workflow audits: create, move and cancel, each with its emails in the same transaction.
// The guarantee that one time holds one call lives in the database, not in this process: every
// confirmed call claims the blocks it occupies (claims.ts). The rules are checked again
// inside the write transaction (notice, hours, daily cap, buffers, other visitors' holds), so a slot
// that was free when the page loaded but is not any more is refused with the next free times instead.
import { v7 as timeOrderedId } from 'uuid';
import type { Client, Transaction } from '@libsql/client';
import type { Booking, CallOutcome } from './record.ts';
import type { ApiContext } from '../runtime/context.ts';
import type { BookingEmailProps, BookingEvent } from '../mail/templates/booking.ts';
import { SlotTakenError, claim, occupiedTimes, releaseClaims, toIso, type BusyExceptions } from './claims.ts';
import { enqueue } from '../mail/outbox.ts';
import { releaseHold } from './slot-holds.ts';
import { hitRateLimit } from '../http/rate-limit.ts';
import { createToken, emailKey, keyedHash, normalizeEmail } from '../signing/tokens.ts';
import { routes } from '../../../src/config/site.ts';
import { summarizeReadiness, summarizeScenario } from '../../../src/lib/booking/context.ts';
import { localDate } from '../../../src/lib/booking/format.ts';
import { BOOKING_CONSENT_VERSION, type BookingRequest } from '../../../src/lib/booking/request.ts';
import { availableSlots, isBookable, type Interval } from '../../../src/lib/booking/slots.ts';
import type { Area } from '../../../src/lib/readiness/areas.ts';
import { UTM_KEYS, parseLeadSource, type LeadSource } from '../../../src/lib/leads/source.ts';
import { queueWebhook, utmFromRow } from '../webhook/events.ts';

// The booking's type lives below this module (record.ts); imported from here too.
export type { Booking, CallOutcome } from './record.ts';

const MINUTE = 60_000;
const DAY = 24 * 3600_000;
/** The reminders go out this long before the call (elapsed time, so a clock change in between does not move them). */
const REMINDER_BEFORE_MS = DAY;
const HOUR_REMINDER_BEFORE_MS = 3600_000;
/** The operator's Held and No-show links work from the call's start until a week after it. */
export const OUTCOME_LINK_GRACE_MS = 7 * DAY;
/** A manage link works until a week after the call it was sent for. */
const MANAGE_LINK_GRACE_MS = 7 * DAY;
/** A signed link's lifetime in seconds from `now`: until `graceMs` after the call's end. */
const secondsUntilAfter = (end: string, graceMs: number, now: Date) => Math.ceil((Date.parse(end) + graceMs - now.getTime()) / 1000);

/** The idempotency key was first sent with another address or time: it never answers with that booking. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
}

/** The key's booking has been cancelled since: a retry is never answered as if it stood. */
export class BookingCancelledError extends Error {
  override readonly name = 'BookingCancelledError';
}

/** Too many calls booked (and cancelled) with one address in an hour; counted only on bookings made. */
export class AddressBookingLimitError extends Error {
  override readonly name = 'AddressBookingLimitError';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('Too many calls booked with this address.');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The call has moved as often as a day allows (each move emails both sides). */
export const MOVES_PER_DAY = 3;

/** Presses of a booking's signed actions (move, cancel) one client may make in an hour, and where a person lands past them. */
export const BOOKING_CHANGE_LIMIT = { name: 'booking-change', perHour: (ctx: ApiContext) => ctx.config.bookingRateLimit, redirect: routes.bookingTooManyChanges };

/** The address has a call coming up; `bookingId` is that call, so its link can be sent again. */
export class AlreadyBookedError extends Error {
  override readonly name = 'AlreadyBookedError';
  readonly bookingId: string;
  constructor(bookingId: string) {
    super('This address already has an audit booked.');
    this.bookingId = bookingId;
  }
}

const sourceOfRow = (row: Record<string, unknown>): LeadSource => ({
  page: row.source_page ? String(row.source_page) : null,
  referrerHost: row.source_referrer ? String(row.source_referrer) : null,
  utm: utmFromRow(row),
});

function rowToBooking(row: Record<string, unknown>): Booking {
  return {
    id: String(row.id),
    uid: String(row.uid),
    status: String(row.status) as Booking['status'],
    start: String(row.start_at),
    end: String(row.end_at),
    sequence: Number(row.sequence),
    name: String(row.name),
    email: String(row.email),
    company: String(row.company),
    companySize: String(row.company_size),
    area: String(row.area) as Area,
    goal: String(row.goal),
    timeZone: String(row.time_zone),
    context: row.context ? (JSON.parse(String(row.context)) as Booking['context']) : null,
    source: sourceOfRow(row),
    outcome: row.outcome ? (String(row.outcome) as CallOutcome) : null,
  };
}

export async function findBooking(db: Client | Transaction, id: string): Promise<Booking | null> {
  const row = (await db.execute({ sql: 'SELECT * FROM bookings WHERE id = ?', args: [id] })).rows[0];
  return row ? rowToBooking(row) : null;
}

/** The next `count` free slots from `after` on (for a 409's alternatives and the manage page). */
export async function nextFreeSlots(ctx: ApiContext, now: Date, after: string, count: number, withinDays = 14, except: BusyExceptions = {}): Promise<Interval[]> {
  const rules = ctx.config.booking;
  const from = toIso(Math.max(Date.parse(after), now.getTime()));
  const to = toIso(Date.parse(from) + withinDays * DAY);
  const { calls, busy } = await occupiedTimes(ctx.db, ctx.config, from, to, now, except, true);
  return availableSlots(rules, { from, to }, toIso(now.getTime()), calls, busy).slice(0, count);
}

/** Whether `start` can be booked now, read inside the caller's write transaction (the re-check that makes a stale page safe). */
async function stillBookable(ctx: ApiContext, tx: Transaction, start: string, end: string, now: Date, except: BusyExceptions = {}): Promise<boolean> {
  const { calls, busy } = await occupiedTimes(tx, ctx.config, start, end, now, except);
  return isBookable(ctx.config.booking, start, toIso(now.getTime()), calls, busy);
}

/**
 * The visitor's signed links for a call: the manage page, and the invite download. The token only
 * shows the call; it works until a week after the call it was made for.
 */
export function manageLinks(ctx: ApiContext, booking: Pick<Booking, 'id' | 'end'>, now: Date): { manageUrl: string; icsPath: string } {
  const token = createToken(ctx.secret, 'booking-manage', booking.id, secondsUntilAfter(booking.end, MANAGE_LINK_GRACE_MS, now), now.getTime());
  return { manageUrl: `${ctx.config.siteUrl}${routes.bookingManage}?token=${token}`, icsPath: `${routes.bookingInviteApi}?token=${token}` };
}

interface EmailPlan {
  /** What happened: the visitor's and the operator's email say so. */
  event: 'confirmed' | 'rescheduled' | 'cancelled';
  previousStart?: string;
}

const WEBHOOK_EVENT = { confirmed: 'booking.created', rescheduled: 'booking.moved', cancelled: 'booking.cancelled' } as const;

/** What every email about `booking` carries, its links signed now and built from SITE_URL. */
function emailBase(ctx: ApiContext, booking: Booking, now: Date, previousStart?: string): Omit<BookingEmailProps, 'event' | 'audience'> {
  const { siteUrl, operatorEmail, booking: rules } = ctx.config;
  const { manageUrl, icsPath } = manageLinks(ctx, booking, now);
  // The email needs the call, not its state or the raw context (the operator's gets it summed up).
  const { status: _status, context: _context, outcome: _outcome, ...call } = booking;
  return { siteUrl, booking: call, previousStart, operator: { email: operatorEmail, timeZone: rules.timeZone }, manageUrl, icsUrl: `${siteUrl}${icsPath}`, stamp: now.toISOString() };
}

/** Queues the visitor's and the operator's emails for an event, and the reminders for a call that is on. */
async function queueEmails(ctx: ApiContext, tx: Transaction, booking: Booking, plan: EmailPlan, now: Date): Promise<number> {
  const { operatorEmail, booking: rules } = ctx.config;
  const base = emailBase(ctx, booking, now, plan.previousStart);
  const context = {
    scenario: booking.context?.scenario ? summarizeScenario(booking.context.scenario) : null,
    readiness: booking.context?.readiness !== undefined ? summarizeReadiness(booking.context.readiness, localDate(now.toISOString(), rules.timeZone)) : null,
  };
  const key = `booking-${booking.id}-${booking.sequence}`;
  // A change is sent whatever happens next; a confirmation or reminder only while the call is on at this very time.
  const guard = plan.event === 'cancelled' ? undefined : ({ subject: 'booking', id: booking.id, status: ['confirmed'], sequence: booking.sequence } as const);
  const message = (event: BookingEvent, audience: 'visitor' | 'operator', to: string, extra: Partial<BookingEmailProps> = {}) =>
    ({ kind: 'email', email: { template: 'booking', to, props: { ...base, event, audience, ...extra } }, guard }) as const;
  const outcomeUrls = plan.event === 'cancelled' ? undefined : outcomeLinks(ctx, booking, now);
  let queued = Number(await enqueue(tx, { idempotencyKey: `${key}-${plan.event}-visitor`, bookingId: booking.id, payload: message(plan.event, 'visitor', booking.email) }, now));
  queued += Number(await enqueue(tx, { idempotencyKey: `${key}-${plan.event}-operator`, bookingId: booking.id, payload: message(plan.event, 'operator', operatorEmail, { context, outcomeUrls }) }, now));
  // The operator's team chat (OPERATOR_WEBHOOK_URL), once per event: the key is the email's.
  const { id, name, company, companySize, email, area, start, end, timeZone } = booking;
  queued += await queueWebhook(ctx, tx, `${key}-${plan.event}`, {
    type: WEBHOOK_EVENT[plan.event],
    booking: { id, name, company, companySize, email, area, start, end, timeZone, ...(plan.previousStart ? { previousStart: plan.previousStart } : {}) },
    source: booking.source,
    manageUrl: base.manageUrl,
  }, now);
  // The reminders: a day and an hour before, by elapsed time; each only while that moment is still
  // ahead. Not counted as queued: they are not due now. A move or a cancel drops both (dropReminders).
  if (plan.event !== 'cancelled') {
    const reminders = [
      { suffix: 'reminder', event: 'reminder', at: Date.parse(booking.start) - REMINDER_BEFORE_MS },
      { suffix: 'reminder-hour', event: 'reminder-hour', at: Date.parse(booking.start) - HOUR_REMINDER_BEFORE_MS },
    ] as const;
    for (const reminder of reminders) {
      if (reminder.at <= now.getTime()) continue;
      await enqueue(tx, { idempotencyKey: `${key}-${reminder.suffix}`, bookingId: booking.id, notBefore: new Date(reminder.at), payload: message(reminder.event, 'visitor', booking.email) }, now);
    }
  }
  return queued;
}

/**
 * Emails the visitor the call they already have, with its invite and manage link, when someone tries
 * to book a second one with their address: a lost confirmation is no dead end, and the call's time
 * goes only to its owner's inbox. At most once a day per call (the outbox key), so the form cannot
 * flood an inbox. Returns how many messages it queued (0 or 1).
 */
export async function queueManageLink(ctx: ApiContext, tx: Transaction, bookingId: string, now: Date): Promise<number> {
  const booking = await findBooking(tx, bookingId);
  if (!booking || booking.status !== 'confirmed' || Date.parse(booking.end) <= now.getTime()) return 0;
  const payload = {
    kind: 'email',
    email: { template: 'booking', to: booking.email, props: { ...emailBase(ctx, booking, now), event: 'manage-link', audience: 'visitor' } },
    guard: { subject: 'booking', id: booking.id, status: ['confirmed'], sequence: booking.sequence },
  } as const;
  const key = `booking-${booking.id}-${booking.sequence}-manage-link-${now.toISOString().slice(0, 10)}`;
  return Number(await enqueue(tx, { idempotencyKey: key, bookingId: booking.id, payload }, now));
}

/** The operator's signed links to record whether the call was held; they work until a week after the call. */
function outcomeLinks(ctx: ApiContext, booking: Pick<Booking, 'id' | 'end'>, now: Date): { held: string; noShow: string } {
  const seconds = secondsUntilAfter(booking.end, OUTCOME_LINK_GRACE_MS, now);
  const link = (purpose: 'booking-held' | 'booking-no-show', path: string) => `${ctx.config.siteUrl}${path}?token=${createToken(ctx.secret, purpose, booking.id, seconds, now.getTime())}`;
  return { held: link('booking-held', routes.bookingHeldApi), noShow: link('booking-no-show', routes.bookingNoShowApi) };
}

/** Drops the not-yet-sent reminders (a day and an hour before) of a call that moved or was cancelled (the delivery guard would catch them too). */
async function dropReminders(tx: Transaction, bookingId: string, now: Date): Promise<void> {
  await tx.execute({
    sql: `UPDATE messages SET status = 'cancelled', last_error = 'cancelled: the call moved or was cancelled', updated_at = ?
          WHERE booking_id = ? AND status = 'pending' AND (idempotency_key LIKE '%-reminder' OR idempotency_key LIKE '%-reminder-hour')`,
    args: [now.toISOString(), bookingId],
  });
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
export async function createBooking(ctx: ApiContext, tx: Transaction, request: BookingRequest, meta: CreateMeta): Promise<{ booking: Booking; queued: number; repeated: boolean }> {
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
      return { booking: rowToBooking(earlier), queued: 0, repeated: true };
    }
  }
  const end = toIso(Date.parse(start) + rules.slotMinutes * MINUTE);
  // The visitor's own hold (on this time, or one they picked before) gives way to the call; rolled back with it.
  if (request.holdId) await releaseHold(tx, request.holdId);
  if (!(await stillBookable(ctx, tx, start, end, now))) throw new SlotTakenError('That time is no longer free.');
  const active = (await tx.execute({ sql: `SELECT id FROM bookings WHERE email_key = ? AND status = 'confirmed' AND end_at > ? LIMIT 1`, args: [key, now.toISOString()] })).rows[0];
  if (active) throw new AlreadyBookedError(String(active.id));
  // Counted in this transaction, so only a booking that is made counts (a refused one rolls it back).
  const limit = await hitRateLimit(tx, { name: 'booking-email', limit: ctx.config.bookingRateLimit, windowSeconds: 3600 }, key, now.getTime());
  if (!limit.ok) throw new AddressBookingLimitError(limit.retryAfterSeconds);

  const id = timeOrderedId();
  const at = now.toISOString();
  const booking: Booking = {
    id, uid: `${id}@${new URL(ctx.config.siteUrl).hostname}`, status: 'confirmed', start, end, sequence: 0,
    name: request.name, email, company: request.company, companySize: request.companySize, area: request.area, goal: request.goal, timeZone: request.timeZone,
    context: request.context ? { scenario: request.context.scenario, readiness: request.context.readiness } : null,
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
  return { booking, queued, repeated: false };
}

/** Cancels a call: frees its time, tells both sides (METHOD:CANCEL), drops its reminder. Idempotent. */
export async function cancelBooking(ctx: ApiContext, id: string, now = new Date()): Promise<{ outcome: 'cancelled' | 'already' | 'missing' | 'past'; queued: number }> {
  return ctx.writes.run(async (tx) => {
    const booking = await findBooking(tx, id);
    if (!booking) return { outcome: 'missing', queued: 0 };
    if (booking.status === 'cancelled') return { outcome: 'already', queued: 0 };
    if (Date.parse(booking.start) <= now.getTime()) return { outcome: 'past', queued: 0 };
    const cancelled: Booking = { ...booking, status: 'cancelled', sequence: booking.sequence + 1 };
    await releaseClaims(tx, id);
    await tx.execute({ sql: `UPDATE bookings SET status = 'cancelled', sequence = ?, cancelled_at = ?, updated_at = ? WHERE id = ?`, args: [cancelled.sequence, now.toISOString(), now.toISOString(), id] });
    await dropReminders(tx, id, now);
    return { outcome: 'cancelled', queued: await queueEmails(ctx, tx, cancelled, { event: 'cancelled' }, now) };
  });
}

/**
 * Moves a call to `newStart`: the same booking and calendar UID, a higher SEQUENCE. The old time is
 * freed and the new one claimed in one transaction, so a failure leaves the call where it was.
 */
export async function rescheduleBooking(
  ctx: ApiContext, id: string, newStart: string, now = new Date(),
): Promise<{ outcome: 'moved' | 'same' | 'cancelled' | 'missing' | 'past' | 'too-many-moves'; booking?: Booking; queued: number; retryAfterSeconds?: number }> {
  const rules = ctx.config.booking;
  return ctx.writes.run(async (tx) => {
    const booking = await findBooking(tx, id);
    if (!booking) return { outcome: 'missing', queued: 0 };
    if (booking.status === 'cancelled') return { outcome: 'cancelled', queued: 0 };
    if (Date.parse(booking.start) <= now.getTime()) return { outcome: 'past', queued: 0 };
    const start = toIso(Date.parse(newStart));
    if (start === booking.start) return { outcome: 'same', booking, queued: 0 };
    const end = toIso(Date.parse(start) + rules.slotMinutes * MINUTE);
    if (!(await stillBookable(ctx, tx, start, end, now, { bookingId: id }))) throw new SlotTakenError('That time is no longer free.');
    // Each move emails both sides: alternating two times must not flood two inboxes.
    const moves = await hitRateLimit(tx, { name: 'booking-moves', limit: MOVES_PER_DAY, windowSeconds: 86_400 }, id, now.getTime());
    if (!moves.ok) return { outcome: 'too-many-moves', queued: 0, retryAfterSeconds: moves.retryAfterSeconds };
    await releaseClaims(tx, id);
    await claim(tx, rules, id, start, end, now);
    const moved: Booking = { ...booking, start, end, sequence: booking.sequence + 1 };
    await tx.execute({ sql: 'UPDATE bookings SET start_at = ?, end_at = ?, sequence = ?, updated_at = ? WHERE id = ?', args: [start, end, moved.sequence, now.toISOString(), id] });
    await dropReminders(tx, id, now);
    return { outcome: 'moved', booking: moved, queued: await queueEmails(ctx, tx, moved, { event: 'rescheduled', previousStart: booking.start }, now) };
  });
}

export type OutcomeResult = 'recorded' | 'missing' | 'cancelled' | 'not-started' | 'expired';

/** Whether the operator may record an outcome for `booking` at `now`: from the call's start until a week after it. */
export function outcomeWindow(booking: Pick<Booking, 'status' | 'start' | 'end'>, now: Date): Exclude<OutcomeResult, 'recorded' | 'missing'> | 'open' {
  if (booking.status === 'cancelled') return 'cancelled';
  if (now.getTime() < Date.parse(booking.start)) return 'not-started';
  if (now.getTime() > Date.parse(booking.end) + OUTCOME_LINK_GRACE_MS) return 'expired';
  return 'open';
}

/**
 * Records what became of a call (the operator's Held and No-show links). The last press wins, so a
 * slip can be put right. A no-show emails the visitor once, with a link to book again: its outbox key
 * is the booking's, so however often either link is pressed, at most one such email is ever queued; a
 * "held" pressed before it went out stops it.
 */
export async function recordOutcome(ctx: ApiContext, id: string, outcome: CallOutcome, now = new Date()): Promise<{ result: OutcomeResult; queued: number }> {
  return ctx.writes.run(async (tx) => {
    const booking = await findBooking(tx, id);
    if (!booking) return { result: 'missing', queued: 0 };
    const window = outcomeWindow(booking, now);
    if (window !== 'open') return { result: window, queued: 0 };
    await tx.execute({ sql: 'UPDATE bookings SET outcome = ?, outcome_at = ?, updated_at = ? WHERE id = ?', args: [outcome, now.toISOString(), now.toISOString(), id] });
    const key = `booking-${id}-no-show`;
    if (outcome === 'held') {
      await tx.execute({
        sql: `UPDATE messages SET status = 'cancelled', last_error = 'cancelled: the call was recorded as held', updated_at = ? WHERE idempotency_key = ? AND status = 'pending'`,
        args: [now.toISOString(), key],
      });
      return { result: 'recorded', queued: 0 };
    }
    const email = { template: 'booking', to: booking.email, props: { ...emailBase(ctx, booking, now), event: 'no-show', audience: 'visitor' } } as const;
    const queued = await enqueue(tx, { idempotencyKey: key, bookingId: id, payload: { kind: 'email', email, guard: { subject: 'booking', id, status: ['confirmed'] } } }, now);
    return { result: 'recorded', queued: Number(queued) };
  });
}
