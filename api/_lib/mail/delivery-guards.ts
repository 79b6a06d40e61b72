// What a queued message checks just before it is sent: the state of its subject then, not when it
// was queued. A welcome email waiting out a provider outage is not sent to someone who has since
// unsubscribed; a confirmation is not sent for an address that is already confirmed; a reminder that
// can no longer arrive in time (an outage, a paused cron) is not sent after, or just before, the call.
import type { Client } from '@libsql/client';
import { MINUTE_MS } from '../../../src/lib/time/durations.ts';
import type { BookingStatus } from '../booking/record.ts';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/**
 * The message goes out only while its subject is in one of these states. A booking's guard may also
 * name its sequence: a reminder for the old time of a rescheduled call is not sent. And it may name how
 * long before the call the message is still worth sending (`untilBeforeStartMs`): a reminder is
 * cancelled once the call is closer than that, never sent late. The start is read from the booking at
 * delivery (a move raises the sequence, so the start a reminder was queued for is the one it reads).
 */
export type DeliveryGuard =
  | { subject: 'subscriber'; id: string; status: readonly SubscriberStatus[] }
  | { subject: 'booking'; id: string; status: readonly BookingStatus[]; sequence?: number; untilBeforeStartMs?: number };

/** Null when the message may go at `now`; otherwise why it is cancelled. */
export async function guardBlocks(db: Client, guard: DeliveryGuard, now: Date): Promise<string | null> {
  const table = guard.subject === 'subscriber' ? 'subscribers' : 'bookings';
  const row = (await db.execute({ sql: `SELECT * FROM ${table} WHERE id = ?`, args: [guard.id] })).rows[0];
  if (!row) return `cancelled: ${guard.subject} ${guard.id} no longer exists`;
  const status = String(row.status);
  if (!(guard.status as readonly string[]).includes(status)) return `cancelled: the ${guard.subject} is ${status} now`;
  if (guard.subject === 'booking' && guard.sequence !== undefined && Number(row.sequence) !== guard.sequence) {
    return `cancelled: the booking changed since (sequence ${Number(row.sequence)}, this message was for ${guard.sequence})`;
  }
  if (guard.subject === 'booking' && guard.untilBeforeStartMs !== undefined) {
    const leftMs = Date.parse(String(row.start_at)) - now.getTime();
    if (leftMs < guard.untilBeforeStartMs) {
      const left = leftMs <= 0 ? `started ${minutes(-leftMs)} ago` : `starts in ${minutes(leftMs)}`;
      return `cancelled: too late to send, the call ${left} (this message goes out only until ${minutes(guard.untilBeforeStartMs)} before it)`;
    }
  }
  return null;
}

const minutes = (ms: number) => `${Math.floor(ms / MINUTE_MS)} min`;
