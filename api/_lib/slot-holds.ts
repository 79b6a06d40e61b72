// Slot holds: the time a visitor picks is kept for them (BookingRules.holdMinutes) while they fill in
// the form, so a second visitor is not offered it and cannot take it from under them. A hold claims
// its blocks like a call (calendar-claims.ts), so the guarantee holds across function instances; it
// is a bearer id the page keeps and sends with the booking, which then takes the hold's place.
import type { Transaction } from '@libsql/client';
import type { ApiContext } from './context.ts';
import { SlotTakenError, claim, holdOwner, occupiedTimes, releaseClaims, toIso } from './calendar-claims.ts';
import { addressBucket } from './rate-limit.ts';
import { keyedHash } from './tokens.ts';
import type { SlotHeld } from '../../src/lib/booking/request.ts';
import { isBookable } from '../../src/lib/booking/slots.ts';

/** One client keeps at most this many times at once: a new hold beyond it releases their oldest. */
const HOLDS_PER_CLIENT = 2;
const MINUTE = 60_000;

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

/** Holds a free time for the visitor, or throws SlotTakenError when a call or another visitor's hold has it. */
export async function placeHold(ctx: ApiContext, tx: Transaction, request: HoldRequest, now: Date): Promise<SlotHeld['hold']> {
  const rules = ctx.config.booking;
  if (request.replaces) await releaseHold(tx, request.replaces);
  const addressHash = keyedHash(ctx.secret, 'address', addressBucket(request.clientAddress) ?? 'none');
  const mine = await tx.execute({ sql: 'SELECT id FROM booking_holds WHERE address_hash = ? AND expires_at > ? ORDER BY created_at DESC, rowid DESC', args: [addressHash, now.toISOString()] });
  for (const row of mine.rows.slice(HOLDS_PER_CLIENT - 1)) await releaseHold(tx, String(row.id));

  const start = toIso(Date.parse(request.start));
  const end = toIso(Date.parse(start) + rules.slotMinutes * MINUTE);
  const { calls, busy } = await occupiedTimes(tx, ctx.config.busyFeeds, start, end, now);
  if (!isBookable(rules, start, toIso(now.getTime()), calls, busy)) throw new SlotTakenError('That time is no longer free.');
  const id = crypto.randomUUID();
  const expiresAt = toIso(now.getTime() + rules.holdMinutes * MINUTE);
  await claim(tx, rules, holdOwner(id), start, end, now);
  await tx.execute({
    sql: 'INSERT INTO booking_holds (id, start_at, end_at, expires_at, address_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    args: [id, start, end, expiresAt, addressHash, now.toISOString()],
  });
  return { id, start, end, expiresAt };
}
