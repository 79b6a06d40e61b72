// What the operator hears about on OPERATOR_WEBHOOK_URL (the events, typed in ../operator/events.ts), and
// how it is queued: through the outbox, in the caller's transaction, like an email. A message is stored
// as the event itself (plus its id, time and the operator's zone); the body is built at delivery, in the
// shape the URL configured then calls for (format.ts), and sent by send.ts.
import type { Transaction } from '@libsql/client';
import type { ApiContext } from '../runtime/context.ts';
import { enqueue } from '../mail/outbox.ts';
import type { OperatorEvent, StoredWebhook } from '../operator/events.ts';

/** Messages about one subject reach the receiver in the order they happened (booked before cancelled). */
function orderingKey(event: OperatorEvent): string | undefined {
  if ('booking' in event && event.booking) return `webhook-booking:${event.booking.id}`;
  if ('feed' in event) return `webhook-feed:${event.feed.label}`;
  return undefined;
}

/**
 * Queues the event for OPERATOR_WEBHOOK_URL inside `tx`; returns how many messages it queued (0 when
 * no URL is set, or the key was already queued). `key` names the event once and for all (a retried
 * request passes the same key, so the receiver hears of it once). `owner.subscriberId` ties a message
 * about a subscriber (a newsletter confirmation that went dead names the address) to their record.
 */
export async function queueWebhook(ctx: Pick<ApiContext, 'config'>, tx: Transaction, key: string, event: OperatorEvent, now: Date, owner: { subscriberId?: string } = {}): Promise<number> {
  if (!ctx.config.operatorWebhook) return 0;
  const id = `webhook:${key}`;
  const webhook: StoredWebhook = { id, occurredAt: now.toISOString(), timeZone: ctx.config.booking.timeZone, event };
  const queued = await enqueue(tx, {
    idempotencyKey: id,
    // Tied to its booking or subscriber, so the retention sweep deletes it (name, email) with them.
    bookingId: 'booking' in event ? event.booking?.id : undefined,
    subscriberId: owner.subscriberId,
    orderingKey: orderingKey(event),
    payload: { kind: 'webhook', webhook },
  }, now);
  return Number(queued);
}
