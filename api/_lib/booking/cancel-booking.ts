// Cancelling a call: its time freed, both sides told (METHOD:CANCEL), its reminders dropped, in one
// write transaction.
import type { Booking } from './record.ts';
import type { ApiContext } from '../runtime/context.ts';
import { releaseClaims } from './claims.ts';
import { findBooking } from './find-booking.ts';
import { dropReminders, queueEmails } from './queue-emails.ts';

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
