// Every email the site sends, by name. The outbox stores a template name and its props, not the
// rendered HTML: rows stay small (a sign-up writes a few hundred bytes, not 8 kB), and delivery
// renders just before sending.
import type { OutgoingEmail } from '../mailer.ts';
import { bookingEmail, type BookingEmailProps } from './booking.ts';
import { busyFeedAlertEmail, type BusyFeedAlertProps } from './busy-feed.ts';
import { holdsSpikeEmail, type HoldsSpikeProps } from './holds-spike.ts';
import { deliveryFailedEmail, type DeliveryFailedProps } from './delivery-failed.ts';
import { confirmSubscriptionEmail, type ConfirmSubscriptionProps } from './confirm-subscription.ts';
import { welcomeEmail, type WelcomeProps } from './welcome.ts';

export type TemplatedEmail =
  | { template: 'confirm-subscription'; to: string; props: ConfirmSubscriptionProps }
  | { template: 'welcome'; to: string; props: WelcomeProps }
  | { template: 'booking'; to: string; props: BookingEmailProps }
  | { template: 'busy-feed'; to: string; props: BusyFeedAlertProps }
  | { template: 'holds-spike'; to: string; props: HoldsSpikeProps }
  | { template: 'delivery-failed'; to: string; props: DeliveryFailedProps };

export async function renderEmail(email: TemplatedEmail): Promise<OutgoingEmail> {
  switch (email.template) {
    case 'confirm-subscription':
      return { to: email.to, ...(await confirmSubscriptionEmail(email.props)) };
    case 'welcome':
      return { to: email.to, ...(await welcomeEmail(email.props)) };
    case 'booking':
      return { to: email.to, ...(await bookingEmail(email.props)) };
    case 'busy-feed':
      return { to: email.to, ...(await busyFeedAlertEmail(email.props)) };
    case 'holds-spike':
      return { to: email.to, ...(await holdsSpikeEmail(email.props)) };
    case 'delivery-failed':
      return { to: email.to, ...(await deliveryFailedEmail(email.props)) };
    default:
      throw new Error(`Unknown email template: ${(email as { template: string }).template}`);
  }
}
