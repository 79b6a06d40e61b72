// The claims that keep one time for one call. Confirmed calls and unexpired slot holds each claim the
// 5-minute blocks they cover (buffers included) in booking_claims, whose primary key makes a second,
// overlapping claim fail in whichever function instance writes it. A call's claims are owned by its
// booking id, a hold's by 'hold:<hold id>'.
import type { InStatement, Transaction } from '@libsql/client';
import { GRID_MINUTES, type BookingRules } from '../../../src/config/booking.ts';
import { MINUTE_MS } from '../../../src/lib/time/durations.ts';
import { toIso } from '../../../src/lib/time/instants.ts';
import { SLOT_NOT_FREE } from '../../../src/lib/booking/request.ts';

/** The time is one the hours offer, but a call, a hold, the operator's calendar or the rules (notice, horizon, daily cap) keep it: 409 with the next free times. */
export class SlotTakenError extends Error {
  override readonly name = 'SlotTakenError';
  constructor() {
    super(SLOT_NOT_FREE);
  }
}

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
