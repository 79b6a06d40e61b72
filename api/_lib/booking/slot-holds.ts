// Slot holds: the time a visitor picks is kept for them (BookingRules.holdMinutes) while they fill in
// the form, so a second visitor is not offered it and cannot take it from under them. A hold claims
// its blocks like a call (claims.ts), so the guarantee holds across function instances; it
// is a bearer id the page keeps and sends with the booking, which then takes the hold's place.
// Holds cannot blank the calendar: a client keeps one at a time, a day shows at most HOLDS_PER_DAY of
// them, and they never count toward the daily cap. A refused hold costs the visitor nothing: they book
// unheld, and the booking's own re-check still guards the time.
import type { Transaction } from '@libsql/client';
import type { ApiContext } from '../runtime/context.ts';
import { SlotTakenError, claim, holdOwner, releaseClaims } from './claims.ts';
import { occupiedTimes } from './occupied-times.ts';
import { assertStartOffered } from './start-checks.ts';
import { toIso } from '../../../src/lib/time/instants.ts';
import { queueOperatorAlert } from '../mail/queue-operator-alert.ts';
import { addressBucket } from '../http/rate-limit.ts';
import { keyedHash } from '../signing/tokens.ts';
import type { SlotHeld } from '../../../src/lib/booking/request.ts';
import { isBookable, localDatesToWindow, operatorDate } from '../../../src/lib/booking/slots.ts';
import { MINUTE_MS } from '../../../src/lib/time/durations.ts';

/** One client keeps one time at a time: a new hold releases their previous one. */
const HOLDS_PER_CLIENT = 1;
/** Other visitors' holds hide at most this many times of one operator day. */
const HOLDS_PER_DAY = 3;

/** The day already shows as many held times as it may: the visitor goes on without a hold. */
export class HoldRefusedError extends Error {
  override readonly name = 'HoldRefusedError';
  /** The operator-local date that is full. */
  readonly day: string;
  constructor(day: string) {
    super(`${day} already shows ${HOLDS_PER_DAY} held times.`);
    this.day = day;
  }
}

/** Gives a hold's time back (a no-op for a hold that expired or never existed). */
export async function releaseHold(tx: Transaction, holdId: string): Promise<void> {
  await releaseClaims(tx, holdOwner(holdId));
  await tx.execute({ sql: 'DELETE FROM booking_holds WHERE id = ?', args: [holdId] });
}

export interface HoldRequest {
  start: string;
  /** The visitor's previous hold, given back in the same transaction. */
  replaces?: string;
  clientAddress: string;
}

/**
 * Holds a free time for the visitor; throws StartNotBookableError for a start that has passed or the
 * hours never offer (nothing released), SlotTakenError when a call, another visitor's hold or the
 * operator's calendar has it, HoldRefusedError when its day already shows HOLDS_PER_DAY held times.
 */
export async function placeHold(ctx: ApiContext, tx: Transaction, request: HoldRequest, now: Date): Promise<SlotHeld['hold']> {
  const rules = ctx.config.booking;
  assertStartOffered(rules, request.start, now);
  if (request.replaces) await releaseHold(tx, request.replaces);
  const addressHash = keyedHash(ctx.secret, 'address', addressBucket(request.clientAddress) ?? 'none');
  const mine = await tx.execute({ sql: 'SELECT id FROM booking_holds WHERE address_hash = ? AND expires_at > ? ORDER BY created_at DESC, rowid DESC', args: [addressHash, now.toISOString()] });
  for (const row of mine.rows.slice(HOLDS_PER_CLIENT - 1)) await releaseHold(tx, String(row.id));

  const start = toIso(Date.parse(request.start));
  const end = toIso(Date.parse(start) + rules.slotMinutes * MINUTE_MS);
  const { calls, busy } = await occupiedTimes(tx, ctx.config, start, end, now);
  if (!isBookable(rules, start, toIso(now.getTime()), calls, busy)) throw new SlotTakenError();
  // Counted inside this write transaction, so concurrent holds cannot both take the last place of a day.
  const day = operatorDate(rules, start);
  const window = localDatesToWindow(day, day, rules.timeZone);
  const held = await tx.execute({ sql: 'SELECT COUNT(*) AS n FROM booking_holds WHERE expires_at > ? AND start_at >= ? AND start_at < ?', args: [now.toISOString(), window.from, window.to] });
  if (Number(held.rows[0]?.n ?? 0) >= HOLDS_PER_DAY) throw new HoldRefusedError(day);
  const id = crypto.randomUUID();
  const expiresAt = toIso(now.getTime() + rules.holdMinutes * MINUTE_MS);
  await claim(tx, rules, holdOwner(id), start, end, now);
  await tx.execute({
    sql: 'INSERT INTO booking_holds (id, start_at, end_at, expires_at, address_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    args: [id, start, end, expiresAt, addressHash, now.toISOString()],
  });
  return { id, start, end, expiresAt };
}

/** Tells the operator that holds were refused for a full day: at most one email (and webhook message) a day (the outbox key). Returns how many it queued. */
export async function queueHoldsSpikeAlert(ctx: ApiContext, tx: Transaction, day: string, now: Date): Promise<number> {
  const counts = await tx.execute({ sql: 'SELECT COUNT(*) AS holds, COUNT(DISTINCT address_hash) AS clients FROM booking_holds WHERE expires_at > ?', args: [now.toISOString()] });
  const event = { type: 'holds.spike' as const, day, holds: Number(counts.rows[0]?.holds ?? 0), clients: Number(counts.rows[0]?.clients ?? 0), perDay: HOLDS_PER_DAY };
  return queueOperatorAlert(ctx, tx, `holds-spike-${now.toISOString().slice(0, 10)}`, event, now);
}
