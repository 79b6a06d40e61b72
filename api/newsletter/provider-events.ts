// POST /api/newsletter/provider-events: Resend's webhook for contact events. A reader who leaves through
// the unsubscribe link Resend puts in every issue is unsubscribed at Resend only; this brings the site's
// record in line, so it says what is true and a later sign-up of the address asks for a confirmation
// again instead of doing nothing. Signed by Resend (Standard Webhooks, checked with its SDK, which also
// refuses a timestamp more than five minutes off); an unsigned or altered post changes nothing.
import { Resend } from 'resend';
import { z } from 'zod';
import { apiContext } from '../_lib/runtime/context.ts';
import { handle, HttpError, readLimited } from '../_lib/http/request-guards.ts';
import { unsubscribedAtProvider } from '../_lib/newsletter/subscriptions.ts';

/** A contact event is a few hundred bytes. */
const MAX_EVENT_BYTES = 64 * 1024;

/** The events that end a subscription: the contact marked unsubscribed, or deleted. Others are acknowledged and ignored. */
const leavingEvent = z.object({
  type: z.enum(['contact.updated', 'contact.deleted']),
  created_at: z.string().refine((text) => !Number.isNaN(Date.parse(text))),
  data: z.object({ email: z.string().min(3).max(320), unsubscribed: z.boolean().optional() }),
});

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const { resendWebhookSecret: secret, resendApiKey } = ctx.config;
    if (!secret || !resendApiKey) throw new HttpError(404, 'not_configured', 'This site does not take Resend events: set RESEND_WEBHOOK_SECRET (and RESEND_API_KEY) to receive them.');
    const payload = await readLimited(request, MAX_EVENT_BYTES);
    const header = (name: string) => request.headers.get(name) ?? '';
    let event: unknown;
    try {
      event = new Resend(resendApiKey).webhooks.verify({
        payload,
        headers: { id: header('svix-id'), timestamp: header('svix-timestamp'), signature: header('svix-signature') },
        webhookSecret: secret,
      });
    } catch {
      throw new HttpError(401, 'invalid_signature', 'The webhook signature is missing, does not match, or is too old.');
    }
    const parsed = leavingEvent.safeParse(event);
    const leaving = parsed.success && (parsed.data.type === 'contact.deleted' || parsed.data.data.unsubscribed === true);
    // Acknowledged either way: Resend retries anything else, and an event we do not act on never changes.
    const changed = leaving ? await unsubscribedAtProvider(ctx, parsed.data.data.email, new Date(parsed.data.created_at)) : false;
    return Response.json({ ok: true, changed }, { headers: { 'Cache-Control': 'no-store' } });
  }, request);
}
