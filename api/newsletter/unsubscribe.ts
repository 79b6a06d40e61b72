// /api/newsletter/unsubscribe?token=...: the unsubscribe link in every newsletter email. GET shows a
// page with one button (mail scanners open links too); the button's POST unsubscribes. A mail
// client's one-click POST to the link itself (RFC 8058, List-Unsubscribe-Post) unsubscribes at once.
import { findSubscriber, unsubscribeSubscriber } from '../_lib/newsletter/subscriptions.ts';
import { signedActionRoute } from '../_lib/http/signed-action.ts';
import { routes } from '../../src/config/site.ts';

export const { GET, POST } = signedActionRoute({
  purpose: 'newsletter-unsubscribe',
  path: routes.newsletterUnsubscribeApi,
  // Not the confirmation's link-expired page, which asks its reader to sign up again.
  invalidRedirect: routes.newsletterUnsubscribeLinkInvalid,
  async view(ctx, id) {
    const subscriber = await findSubscriber(ctx, id);
    // No record (removed by the retention rules, or never confirmed): nothing is sent to it.
    if (!subscriber) return { redirect: routes.newsletterUnsubscribed };
    if (subscriber.status === 'unsubscribed') return { redirect: routes.newsletterUnsubscribed };
    return {
      page: {
        title: 'Unsubscribe from the newsletter?',
        paragraphs: ['Press the button and this address gets no more AI Operator newsletters. You can subscribe again at any time.'],
        details: [['Address', subscriber.email]],
        button: 'Unsubscribe',
        secondary: { href: routes.home, label: 'Keep my subscription and go to the site' },
      },
    };
  },
  async act(ctx, id) {
    const { outcome, queued } = await unsubscribeSubscriber(ctx, id);
    return outcome === 'unsubscribed'
      ? { ok: true, redirect: routes.newsletterUnsubscribed, message: 'Unsubscribed.', queued }
      : { ok: true, redirect: routes.newsletterUnsubscribed, message: 'This address is not on the list.', queued };
  },
});
