// An operator alert, queued both ways from one event inside the caller's transaction: an email to
// OPERATOR_EMAIL (template `operator-alert`, which stores the event and renders its summary) and, when
// OPERATOR_WEBHOOK_URL is set, the webhook message (`webhook:<key>`). Both say the same: the event's
// summary (../operator/summary.ts), rendered at delivery.
import type { Transaction } from '@libsql/client';
import type { ApiContext } from '../runtime/context.ts';
import { enqueue } from './outbox.ts';
import { queueWebhook } from '../webhook/events.ts';
import type { OperatorAlertEvent } from '../operator/events.ts';

/**
 * Queues the alert under `key` (the email's idempotency key; the webhook's is `webhook:<key>`), so the
 * database refuses a second one; returns how many messages it queued. `owner` ties both to the visitor's
 * booking or sign-up when the alert names them, so the retention sweep deletes them with it.
 */
export async function queueOperatorAlert(
  ctx: Pick<ApiContext, 'config'>,
  tx: Transaction,
  key: string,
  event: OperatorAlertEvent,
  now: Date,
  owner: { bookingId?: string; subscriberId?: string } = {},
): Promise<number> {
  const { siteUrl, operatorEmail, booking: rules } = ctx.config;
  const emailed = await enqueue(tx, {
    idempotencyKey: key,
    bookingId: owner.bookingId,
    subscriberId: owner.subscriberId,
    payload: { kind: 'email', email: { template: 'operator-alert', to: operatorEmail, props: { event, timeZone: rules.timeZone, siteUrl } } },
  }, now);
  // The webhook message is tied to a booking by its event (queueWebhook), to a subscriber here.
  return Number(emailed) + (await queueWebhook(ctx, tx, key, event, now, { subscriberId: owner.subscriberId }));
}
