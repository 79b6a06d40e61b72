// /api/newsletter/confirm?token=...: the link in the confirmation email. GET shows a page with one
// button (mail scanners open links too); the button's POST confirms.
import { confirmSubscriber, findSubscriber } from '../_lib/newsletter/subscriptions.ts';
import { signedActionRoute } from '../_lib/http/signed-action.ts';
import { routes } from '../../src/config/site.ts';

export const { GET, POST } = signedActionRoute({
  purpose: 'newsletter-confirm',
  path: routes.newsletterConfirmApi,
  invalidRedirect: routes.newsletterLinkExpired,
  async view(ctx, id) {
    const subscriber = await findSubscriber(ctx, id);
    // An unsubscribed address's link works only while a new sign-up for it waits to be confirmed.
    if (!subscriber || (subscriber.status === 'unsubscribed' && !subscriber.signupPending)) return { redirect: routes.newsletterLinkExpired };
    if (subscriber.status === 'confirmed') return { redirect: routes.newsletterConfirmed };
    return {
      page: {
        title: 'Confirm your subscription',
        paragraphs: ['One step left: press the button to start the AI Operator newsletter at this address. Nothing is sent until you do.'],
        details: [['Address', subscriber.email]],
        button: 'Confirm my subscription',
      },
    };
  },
  async act(ctx, id) {
    const { outcome, queued } = await confirmSubscriber(ctx, id);
    return outcome === 'confirmed'
      ? { ok: true, redirect: routes.newsletterConfirmed, message: 'Subscription confirmed.', queued }
      : { ok: false, redirect: routes.newsletterLinkExpired, message: 'This confirmation link is not valid any more.', queued };
  },
});
