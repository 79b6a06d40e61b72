// GET /api/outbox/retry: delivers every due message. Vercel Cron calls it (vercel.json) with
// `Authorization: Bearer $CRON_SECRET`; the local server runs the same delivery on a timer.
import { apiContext } from '../_lib/context.ts';
import { HttpError, handle } from '../_lib/http.ts';
import { deliverDue } from '../_lib/outbox.ts';
import { sweepRateLimits } from '../_lib/rate-limit.ts';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const { cronSecret, production } = ctx.config;
    const authorized = cronSecret ? request.headers.get('authorization') === `Bearer ${cronSecret}` : !production;
    if (!authorized) throw new HttpError(401, 'unauthorized', 'This job runs only for the scheduler.');
    const stats = await deliverDue(ctx.db, ctx.mailer, { limit: 200 });
    await sweepRateLimits(ctx.db, 24 * 3600);
    return Response.json({ ok: true, ...stats }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
