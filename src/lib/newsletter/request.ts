// API payloads: one schema per endpoint, shared by any browser code and the api/ handler.
import * as z from 'zod/mini';
// The booking's address rule (one rule for every address the site writes to) and its reload message.
import { RELOAD_MESSAGE, emailAddress } from '../booking/request.ts';

/** Bump when the consent wording next to the sign-up form changes; stored with each subscriber. */
export const NEWSLETTER_CONSENT_VERSION = '2026-11-newsletter-v1';

/** Form posts send the checkbox as "yes" (or "on"); JSON clients may send true. */
const consent = z.union([z.literal(true), z.literal('yes'), z.literal('on')], {
  error: 'Tick the box to agree to receive the newsletter.',
});

/** The form's own name for itself: wrong only when a client is not the site's form. */
const UNKNOWN_FORM = 'Unknown form.';

export const newsletterSignupSchema = z.object({
  email: emailAddress,
  consent,
  /** The page the form was on (/blog/x), read leniently: a bad value is dropped, never refused. */
  page: z.optional(z.unknown()),
  /** Which form it was: "footer", "article:<slug>", "newsletter-page". */
  source: z._default(z.string({ error: UNKNOWN_FORM }).check(z.maxLength(80, { error: UNKNOWN_FORM }), z.regex(/^[a-z0-9:_-]+$/, { error: UNKNOWN_FORM })), 'unknown'),
  /**
   * Honeypot: hidden from people, filled in by bots. There is no minimum fill time: the form is plain
   * HTML with no script to time it, and a start time sent by a client (`startedAt`, dropped) was read
   * on the client's clock: one running minutes fast looked like an instant post and got no subscription.
   */
  website: z.optional(z.string({ error: RELOAD_MESSAGE }).check(z.maxLength(500, { error: RELOAD_MESSAGE }))),
});

export type NewsletterSignup = z.infer<typeof newsletterSignupSchema>;
