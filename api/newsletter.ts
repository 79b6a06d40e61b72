// POST /api/newsletter: the sign-up form (plain HTML form or JSON). Stored first, mailed after.
import { newsletterSignupSchema } from '../src/lib/newsletter/request.ts';
import { routes } from '../src/config/site.ts';
import { cleanPagePath, utmFromSiteReferrer } from '../src/lib/leads/source.ts';
import { apiContext } from './_lib/runtime/context.ts';
import { deliverInBackground } from './_lib/mail/deliver.ts';
import { assertSameOrigin, clientAddress, handle, looksAutomated, rateLimited, readBody, redirect, refusedPayload, wantsJson } from './_lib/http/request-guards.ts';
import { subscribe } from './_lib/newsletter/subscriptions.ts';
import { hitClientRateLimit } from './_lib/http/rate-limit.ts';

const NEUTRAL = 'Thanks. If that address can receive the newsletter, a confirmation link is on its way: open it to start your subscription.';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    assertSameOrigin(request, ctx.config.allowedOrigins);
    const { format, fields } = await readBody(request);
    const json = wantsJson(request, format);
    const neutral = () => (json ? Response.json({ ok: true, message: NEUTRAL }, { headers: { 'Cache-Control': 'no-store' } }) : redirect(routes.newsletterCheckInbox));

    const parsed = newsletterSignupSchema.safeParse(fields);
    if (!parsed.success) {
      const refused = refusedPayload(422, 'invalid_input', parsed.error.issues, 'Check the form and try again.');
      // A plain form post gets a page that says what to fix; a JSON post gets the fields.
      if (!json) return redirect(refused.fields.email ? routes.newsletterNotAnEmail : refused.fields.consent ? routes.newsletterConsentNeeded : routes.newsletter);
      throw refused;
    }
    const signup = parsed.data;
    // Bots fill the hidden field: they get the same answer as people, and nothing is stored.
    if (looksAutomated(signup)) return neutral();

    // The form's page (written into it at build time) and the utm_* values of the address that page was
    // opened with (the post's Referer): bad values are dropped, the sign-up goes ahead.
    const source = { page: cleanPagePath(signup.page), utm: utmFromSiteReferrer(request.headers.get('referer'), ctx.config.allowedOrigins) };
    const address = clientAddress(request);
    const rule = { name: 'newsletter-signup', limit: ctx.config.newsletterRateLimit, windowSeconds: 600 };
    // The limit's count and the sign-up share one transaction (and, under load, one commit with others).
    const outcome = await ctx.writes.run(async (tx) => {
      const limit = await hitClientRateLimit(tx, rule, ctx.secret, address);
      return limit.ok ? { limit, queued: await subscribe(tx, ctx.secret, signup, { clientAddress: address, siteUrl: ctx.config.siteUrl, source }) } : { limit, queued: 0 };
    });
    if (!outcome.limit.ok) {
      if (!json) return redirect(routes.newsletterTryLater);
      throw rateLimited('Too many sign-ups from your network', outcome.limit.retryAfterSeconds, { writeToUs: false });
    }
    deliverInBackground(ctx, outcome.queued);
    return neutral();
  }, request);
}
