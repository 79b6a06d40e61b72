// What became of a call, as the operator records it with the Held and No-show links (outcome-action.ts):
// open from the call's start until a week after it; a no-show emails the visitor once.
import type { Booking, CallOutcome } from './record.ts';
import type { ApiContext } from '../runtime/context.ts';
import { enqueue } from '../mail/outbox.ts';
import { findBooking } from './find-booking.ts';
import { emailBase } from './queue-emails.ts';
import { OUTCOME_LINK_GRACE_MS } from './signed-links.ts';

export type OutcomeResult = 'recorded' | 'missing' | 'cancelled' | 'not-started' | 'expired';

/**
 * What became of the visitor's "We missed you" email when a no-show is recorded, so the operator is told
 * what happened rather than what should have: queued by this press (or put back after a "held"), still on
 * its way from an earlier press, sent after an earlier press, or never to be sent (it went dead: the
 * provider refused it; `npm run leads -- failed` says why).
 */
export type NoShowEmail = 'queued' | 'on-its-way' | 'sent' | 'failed';

/** Whether the operator may record an outcome for `booking` at `now`: from the call's start until a week after it. */
export function outcomeWindow(booking: Pick<Booking, 'status' | 'start' | 'end'>, now: Date): Exclude<OutcomeResult, 'recorded' | 'missing'> | 'open' {
  if (booking.status === 'cancelled') return 'cancelled';
  if (now.getTime() < Date.parse(booking.start)) return 'not-started';
  if (now.getTime() > Date.parse(booking.end) + OUTCOME_LINK_GRACE_MS) return 'expired';
  return 'open';
}

/** The visitor's "we missed you" email's outbox key: one per call, queued again under the same key. */
const noShowEmailKey = (bookingId: string) => `booking-${bookingId}-no-show`;

/** Whether the "we missed you" email of a no-show has gone out (or is going): recording "held" then no longer stops it. */
export async function noShowEmailSent(db: ApiContext['db'], id: string): Promise<boolean> {
  const row = (await db.execute({ sql: `SELECT 1 FROM messages WHERE idempotency_key = ? AND status IN ('sent', 'sending')`, args: [noShowEmailKey(id)] })).rows[0];
  return row !== undefined;
}

const STOPPED_BY_HELD = 'cancelled: the call was recorded as held';

/**
 * Records what became of a call (the operator's Held and No-show links). The last press wins, so a
 * slip can be put right. A no-show emails the visitor once, with a link to book again: its outbox key
 * is the booking's, so however often either link is pressed, at most one such email is ever queued; a
 * "held" pressed before it went out stops it, and a no-show pressed again after that queues it again.
 */
export async function recordOutcome(ctx: ApiContext, id: string, outcome: CallOutcome, now = new Date()): Promise<{ result: OutcomeResult; queued: number; email?: NoShowEmail }> {
  return ctx.writes.run(async (tx) => {
    const booking = await findBooking(tx, id);
    if (!booking) return { result: 'missing', queued: 0 };
    const window = outcomeWindow(booking, now);
    if (window !== 'open') return { result: window, queued: 0 };
    await tx.execute({ sql: 'UPDATE bookings SET outcome = ?, outcome_at = ?, updated_at = ? WHERE id = ?', args: [outcome, now.toISOString(), now.toISOString(), id] });
    const key = noShowEmailKey(id);
    if (outcome === 'held') {
      await tx.execute({
        sql: `UPDATE messages SET status = 'cancelled', last_error = ?, updated_at = ? WHERE idempotency_key = ? AND status = 'pending'`,
        args: [STOPPED_BY_HELD, now.toISOString(), key],
      });
      return { result: 'recorded', queued: 0 };
    }
    const email = { template: 'booking', to: booking.email, props: { ...emailBase(ctx, booking, now), event: 'no-show', audience: 'visitor' } } as const;
    const payload = { kind: 'email', email, guard: { subject: 'booking', id, status: ['confirmed'] } } as const;
    const queued = await enqueue(tx, { idempotencyKey: key, bookingId: id, payload }, now);
    if (queued) return { result: 'recorded', queued: 1, email: 'queued' };
    // A "held" stopped the email before it went out, and this press puts the no-show back: the same
    // row (the same key, so still at most one email) goes back in the queue, with today's links.
    const revived = await tx.execute({
      sql: `UPDATE messages SET status = 'pending', payload = ?, attempts = 0, last_error = NULL, next_attempt_at = ?, updated_at = ? WHERE idempotency_key = ? AND status = 'cancelled' AND last_error = ?`,
      args: [JSON.stringify(payload), now.toISOString(), now.toISOString(), key, STOPPED_BY_HELD],
    });
    if (revived.rowsAffected === 1) return { result: 'recorded', queued: 1, email: 'queued' };
    // Queued by an earlier press: nothing is queued now, and the operator is told where that one stands.
    const row = (await tx.execute({ sql: 'SELECT status FROM messages WHERE idempotency_key = ?', args: [key] })).rows[0];
    const status = String(row?.status);
    const earlier: NoShowEmail = status === 'sent' ? 'sent' : status === 'pending' || status === 'sending' ? 'on-its-way' : 'failed';
    return { result: 'recorded', queued: 0, email: earlier };
  });
}
