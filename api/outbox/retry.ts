// GET /api/outbox/retry: refreshes stale calendar feeds, delivers every due message, and deletes what the privacy page says expires. Vercel Cron calls it (vercel.json) with
// `Authorization: Bearer $CRON_SECRET`; the local server runs the same delivery on a timer.
import { apiContext } from '../_lib/runtime/context.ts';
import { serverConfig, type ServerConfig } from '../_lib/runtime/config.ts';
import { HttpError, handle } from '../_lib/http/request-guards.ts';
import { deliverDue } from '../_lib/mail/outbox.ts';
import { deliveryOptions } from '../_lib/mail/deliver.ts';
import { refreshStaleFeeds } from '../_lib/calendar/refresh.ts';
import { sweepRateLimits } from '../_lib/http/rate-limit.ts';
import { deleteExpiredRecords } from '../_lib/store/retention.ts';
import { sameSecret } from '../_lib/signing/tokens.ts';

/**
 * Throws unless the caller may run the job. With CRON_SECRET set, only `Bearer <CRON_SECRET>` may. Without it,
 * only a development server that nobody else can reach runs it for anyone (not on Vercel, not in production,
 * bound to a loopback address); a Vercel deployment, a preview included, or a server listening on the network
 * refuses every call (production cannot start without the secret: config.ts). The local server runs the same
 * job on its own timer, so refusing costs it nothing.
 */
function assertScheduler(request: Request, config: Pick<ServerConfig, 'cronSecret' | 'retryJobOpen'>): void {
  const { cronSecret } = config;
  if (cronSecret === undefined) {
    if (config.retryJobOpen) return;
    throw new HttpError(403, 'cron_secret_not_set', 'This job runs only for the scheduler, and this server has no CRON_SECRET set, so it does not run here. Set CRON_SECRET in the environment to run it.');
  }
  if (!sameSecret(request.headers.get('authorization') ?? '', `Bearer ${cronSecret}`)) throw new HttpError(401, 'unauthorized', 'This job runs only for the scheduler.');
}

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    // Before the store is opened: a refused call changes nothing, not even a migration.
    assertScheduler(request, serverConfig());
    const ctx = await apiContext();
    // A quiet site still notices a calendar feed that stopped loading (and tells the operator).
    await refreshStaleFeeds(ctx, { maxAgeMs: ctx.config.busyFeedTtlSeconds * 1000 });
    const stats = await deliverDue(ctx.db, ctx.mailer, deliveryOptions(ctx, 200));
    await sweepRateLimits(ctx.db, 24 * 3600);
    const deleted = await deleteExpiredRecords(ctx.db);
    return Response.json({ ok: true, ...stats, deleted }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
