// GET /api/outbox/retry: refreshes stale calendar feeds, delivers every due message, and deletes what the privacy page says expires. Vercel Cron calls it (vercel.json) with
// `Authorization: Bearer $CRON_SECRET`; the local server runs the same delivery on a timer.
import { apiContext } from '../_lib/runtime/context.ts';
import { HttpError, handle } from '../_lib/http/request-guards.ts';
import { deliverDue } from '../_lib/mail/outbox.ts';
import { refreshStaleFeeds } from '../_lib/calendar/refresh.ts';
import { sweepRateLimits } from '../_lib/http/rate-limit.ts';
import { deleteExpiredRecords } from '../_lib/store/retention.ts';
import { sameSecret } from '../_lib/signing/tokens.ts';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const { cronSecret } = ctx.config;
    // Production cannot start without CRON_SECRET (api/_lib/runtime/config.ts); a local server without one runs the job for anyone.
    const authorized = cronSecret === undefined || sameSecret(request.headers.get('authorization') ?? '', `Bearer ${cronSecret}`);
    if (!authorized) throw new HttpError(401, 'unauthorized', 'This job runs only for the scheduler.');
    // A quiet site still notices a calendar feed that stopped loading (and tells the operator).
    await refreshStaleFeeds(ctx, { maxAgeMs: ctx.config.busyFeedTtlSeconds * 1000 });
    const stats = await deliverDue(ctx.db, ctx.mailer, { limit: 200, webhook: ctx.webhook });
    await sweepRateLimits(ctx.db, 24 * 3600);
    const deleted = await deleteExpiredRecords(ctx.db);
    return Response.json({ ok: true, ...stats, deleted }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
