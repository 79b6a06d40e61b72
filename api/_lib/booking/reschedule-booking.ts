// Moving a call to another time: the same booking and calendar UID, a higher SEQUENCE, the old time
// freed and the new one claimed and re-checked in one write transaction, at most MOVES_PER_DAY a day.
import type { Booking } from './record.ts';
import type { ApiContext } from '../runtime/context.ts';
import { MOVES_PER_DAY } from '../../../src/config/booking.ts';
import { SlotTakenError, claim, releaseClaims } from './claims.ts';
import { assertStartOffered } from './start-checks.ts';
import { findBooking } from './find-booking.ts';
import { stillBookable } from './free-slots.ts';
import { dropReminders, queueEmails } from './queue-emails.ts';
import { hitRateLimit } from '../http/rate-limit.ts';
import { MINUTE_MS } from '../../../src/lib/time/durations.ts';
import { toIso } from '../../../src/lib/time/instants.ts';

/** How soon after a move the same move counts as the same press sent twice, not a new request. */
const REPEATED_PRESS_MS = 2 * MINUTE_MS;

/**
 * Moves a call to `newStart`: the same booking and calendar UID, a higher SEQUENCE. The old time is
 * freed and the new one claimed in one transaction, so a failure leaves the call where it was. Throws
 * StartNotBookableError for a new start that has passed or the hours never offer, SlotTakenError for
 * one that is not free.
 */
export async function rescheduleBooking(
  ctx: ApiContext, id: string, newStart: string, now = new Date(),
): Promise<{ outcome: 'moved' | 'same' | 'cancelled' | 'missing' | 'past' | 'too-many-moves'; queued: number; retryAfterSeconds?: number }> {
  const rules = ctx.config.booking;
  return ctx.writes.run(async (tx) => {
    const booking = await findBooking(tx, id);
    if (!booking) return { outcome: 'missing', queued: 0 };
    if (booking.status === 'cancelled') return { outcome: 'cancelled', queued: 0 };
    if (Date.parse(booking.start) <= now.getTime()) return { outcome: 'past', queued: 0 };
    const start = toIso(Date.parse(newStart));
    if (start === booking.start) {
      // The same press arriving twice (a double click, Enter pressed again while the page loads): the
      // first moved the call here, so the second answers as the move did, and sends nothing again.
      const row = (await tx.execute({ sql: 'SELECT updated_at FROM bookings WHERE id = ?', args: [id] })).rows[0];
      const justMoved = booking.sequence > 0 && now.getTime() - Date.parse(String(row?.updated_at)) < REPEATED_PRESS_MS;
      return { outcome: justMoved ? 'moved' : 'same', queued: 0 };
    }
    assertStartOffered(rules, start, now);
    const end = toIso(Date.parse(start) + rules.slotMinutes * MINUTE_MS);
    if (!(await stillBookable(ctx, tx, start, end, now, { bookingId: id }))) throw new SlotTakenError();
    // Each move emails both sides: alternating two times must not flood two inboxes.
    const moves = await hitRateLimit(tx, { name: 'booking-moves', limit: MOVES_PER_DAY, windowSeconds: 86_400 }, id, now.getTime());
    if (!moves.ok) return { outcome: 'too-many-moves', queued: 0, retryAfterSeconds: moves.retryAfterSeconds };
    await releaseClaims(tx, id);
    await claim(tx, rules, id, start, end, now);
    const moved: Booking = { ...booking, start, end, sequence: booking.sequence + 1 };
    await tx.execute({ sql: 'UPDATE bookings SET start_at = ?, end_at = ?, sequence = ?, updated_at = ? WHERE id = ?', args: [start, end, moved.sequence, now.toISOString(), id] });
    await dropReminders(tx, id, now);
    return { outcome: 'moved', queued: await queueEmails(ctx, tx, moved, { event: 'rescheduled', previousStart: booking.start }, now) };
  });
}
