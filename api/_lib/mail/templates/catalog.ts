// Every email the site sends, by name. The outbox stores a template name and its props, not the
// rendered HTML: rows stay small (a sign-up writes a few hundred bytes, not 8 kB), and delivery
// renders just before sending.
import type { OutgoingEmail } from '../mailer.ts';
import { bookingEmail, type BookingEmailProps } from './booking.ts';
import { operatorAlertEmail, type OperatorAlertProps } from './operator-alert.ts';
import {
  fromBusyFeedProps, fromDeliveryFailedProps, fromHoldsSpikeProps, type BusyFeedAlertProps, type DeliveryFailedProps, type HoldsSpikeProps,
} from './legacy-alerts.ts';
import { confirmSubscriptionEmail, type ConfirmSubscriptionProps } from './confirm-subscription.ts';
import { welcomeEmail, type WelcomeProps } from './welcome.ts';

export type TemplatedEmail =
  | { template: 'confirm-subscription'; to: string; props: ConfirmSubscriptionProps }
  | { template: 'welcome'; to: string; props: WelcomeProps }
  | { template: 'booking'; to: string; props: BookingEmailProps }
  | { template: 'operator-alert'; to: string; props: OperatorAlertProps }
  // The alerts as rows queued before `operator-alert` store them; rendered by it (legacy-alerts.ts says when they can go).
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
    case 'operator-alert':
      return { to: email.to, ...(await operatorAlertEmail(email.props)) };
    case 'busy-feed':
      return { to: email.to, ...(await operatorAlertEmail(fromBusyFeedProps(email.props))) };
    case 'holds-spike':
      return { to: email.to, ...(await operatorAlertEmail(fromHoldsSpikeProps(email.props))) };
    case 'delivery-failed':
      return { to: email.to, ...(await operatorAlertEmail(fromDeliveryFailedProps(email.props))) };
    default:
      throw new Error(`Unknown email template: ${(email as { template: string }).template}`);
  }
}
