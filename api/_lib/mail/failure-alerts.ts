// The operator hears of every email to a visitor that could not be delivered. A sender domain that is
// not verified (Resend answers 403 "domain is not verified") fails every booking confirmation, with its
// manage link, while the visitor saw "booked"; a log line nobody reads is not enough. When an email to a
// visitor about a booking (its confirmation, a move, a cancellation, a reminder, the no-show note, the
// call's link sent again) or a newsletter confirmation goes dead, or a change to the newsletter list that
// Resend never took (an unsubscribe: the reader would get the next issue), one alert is queued through the outbox:
// a message on OPERATOR_WEBHOOK_URL when one is set (it does not depend on the sending domain) and an
// email to OPERATOR_EMAIL (which may fail the same way).
//  - Once: the outbox calls this in the transaction that records the death (deliverDue), and the
//    alert's keys are made from the dead message's key, so a second alert is refused by the database.
//  - No loops: only emails to visitors are reported; the alert itself is the operator's, and its own
//    failure (email or webhook) alerts nobody.
import type { Transaction } from '@libsql/client';
import type { ApiContext } from '../runtime/context.ts';
import type { DeadMessage, FailureAlerts, MessagePayload } from './outbox.ts';
import { queueOperatorAlert } from './queue-operator-alert.ts';
import type { BookingFacts, FailedMessageFacts } from '../operator/events.ts';
import type { BookingEmailProps, BookingEvent } from './templates/booking.ts';

/** The visitor's booking emails, as the operator is told which one failed. */
const BOOKING_EMAILS: Record<BookingEvent, string> = {
  confirmed: 'the booking confirmation',
  rescheduled: 'the email saying the call moved',
  cancelled: 'the cancellation',
  reminder: 'the reminder a day before the call',
  'reminder-hour': 'the reminder an hour before the call',
  'no-show': 'the "We missed you" email after a no-show',
  'manage-link': "the call's link, sent again",
};

/** What the operator is told about a dead message; null when it is not an email to a visitor that they must hear of. */
export function failedVisitorEmail(payload: MessagePayload | null): { email: string; description: string; to: string; booking?: BookingFacts; manageUrl?: string } | null {
  if (payload?.kind !== 'email') return null;
  const { email } = payload;
  if (email.template === 'confirm-subscription') return { email: 'newsletter.confirm', description: 'the newsletter confirmation link', to: email.to };
  if (email.template !== 'booking' || email.props.audience !== 'visitor') return null;
  const props: BookingEmailProps = email.props;
  const description = BOOKING_EMAILS[props.event];
  if (!description) return null;
  const { id, name, company, companySize, email: address, area, start, end, timeZone } = props.booking;
  return { email: `booking.${props.event}`, description, to: email.to, booking: { id, name, company, companySize, email: address, area, start, end, timeZone }, manageUrl: props.manageUrl };
}

/** The hook deliverDue calls with each message that has just gone dead (DeliveryOptions.failureAlerts). */
export function failureAlerts(ctx: Pick<ApiContext, 'config'>): FailureAlerts {
  return async (tx: Transaction, dead: DeadMessage, now: Date) => {
    const owner = { bookingId: dead.bookingId ?? undefined, subscriberId: dead.subscriberId ?? undefined };
    // A list change Resend never took: an unsubscribed reader would get the next issue, a confirmed one none.
    // Unless the reader has changed their mind since (a change queued after it, to go or gone, says what
    // Resend should hold): then there is nothing to do, and advice to undo it would be wrong.
    if (dead.payload?.kind === 'contact' || dead.payload?.kind === 'contact-unsubscribe') {
      const change = dead.payload.kind === 'contact' ? 'subscribe' : 'unsubscribe';
      const reader = dead.subscriberId ? (await tx.execute({ sql: 'SELECT status FROM subscribers WHERE id = ?', args: [dead.subscriberId] })).rows[0] : undefined;
      const status = reader ? String(reader.status) : null;
      if (change === 'unsubscribe' ? status === 'confirmed' : status !== 'confirmed') return 0;
      const event = { type: 'newsletter.provider-failed' as const, change, to: dead.payload.email, key: dead.idempotencyKey, error: dead.error, attempts: dead.attempts } as const;
      return queueOperatorAlert(ctx, tx, `provider-failed:${dead.idempotencyKey}`, event, now, owner);
    }
    const failed = failedVisitorEmail(dead.payload);
    if (!failed) return 0;
    const { booking, manageUrl, ...about } = failed;
    const message: FailedMessageFacts = { key: dead.idempotencyKey, ...about, error: dead.error, attempts: dead.attempts };
    const event = { type: 'delivery.failed' as const, message, ...(booking ? { booking, manageUrl } : {}) };
    // Both copies name the visitor: tied to their record like the failed email, so the retention sweep deletes them with it.
    return queueOperatorAlert(ctx, tx, `delivery-failed:${dead.idempotencyKey}`, event, now, owner);
  };
}
