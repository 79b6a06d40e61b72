// What a queued message checks just before it is sent: the state of its subject then, not when it
// was queued. A welcome email waiting out a provider outage is not sent to someone who has since
// unsubscribed; a confirmation is not sent for an address that is already confirmed.
import type { Client } from '@libsql/client';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

export type BookingStatus = 'confirmed' | 'cancelled';

/**
 * The message goes out only while its subject is in one of these states. A booking's guard may also
 * name its sequence: a reminder for the old time of a rescheduled call is not sent.
 */
export type DeliveryGuard =
  | { subject: 'subscriber'; id: string; status: readonly SubscriberStatus[] }
  | { subject: 'booking'; id: string; status: readonly BookingStatus[]; sequence?: number };

/** Null when the message may go; otherwise why it is cancelled. */
export async function guardBlocks(db: Client, guard: DeliveryGuard): Promise<string | null> {
  const table = guard.subject === 'subscriber' ? 'subscribers' : 'bookings';
  const row = (await db.execute({ sql: `SELECT * FROM ${table} WHERE id = ?`, args: [guard.id] })).rows[0];
  if (!row) return `cancelled: ${guard.subject} ${guard.id} no longer exists`;
  const status = String(row.status);
  if (!(guard.status as readonly string[]).includes(status)) return `cancelled: the ${guard.subject} is ${status} now`;
  if (guard.subject === 'booking' && guard.sequence !== undefined && Number(row.sequence) !== guard.sequence) {
    return `cancelled: the booking changed since (sequence ${Number(row.sequence)}, this message was for ${guard.sequence})`;
  }
  return null;
}
