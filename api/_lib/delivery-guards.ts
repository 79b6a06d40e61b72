// What a queued message checks just before it is sent: the state of its subject then, not when it
// was queued. A welcome email waiting out a provider outage is not sent to someone who has since
// unsubscribed; a confirmation is not sent for an address that is already confirmed.
import type { Client } from '@libsql/client';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/** The message goes out only while its subject is in one of these states. */
export type DeliveryGuard = { subject: 'subscriber'; id: string; status: readonly SubscriberStatus[] };

/** Null when the message may go; otherwise why it is cancelled. */
export async function guardBlocks(db: Client, guard: DeliveryGuard): Promise<string | null> {
  const row = (await db.execute({ sql: 'SELECT status FROM subscribers WHERE id = ?', args: [guard.id] })).rows[0];
  if (!row) return `cancelled: ${guard.subject} ${guard.id} no longer exists`;
  const status = String(row.status) as SubscriberStatus;
  return guard.status.includes(status) ? null : `cancelled: the subscriber is ${status} now`;
}
