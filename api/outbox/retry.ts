// GET /api/outbox/retry: refreshes stale calendar feeds, delivers every due message, and deletes what the privacy page says expires
// (runScheduledJobs). Vercel Cron calls it (vercel.json, which gives it a maxDuration that holds a delivery run) with
// `Authorization: Bearer $CRON_SECRET`; the local server runs the same jobs on a timer.
import { apiContext } from '../_lib/runtime/context.ts';
import { serverConfig, type ServerConfig } from '../_lib/runtime/config.ts';
import { HttpError, handle } from '../_lib/http/request-guards.ts';
import { runScheduledJobs } from '../_lib/runtime/scheduled-jobs.ts';
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
    const { delivery, deleted } = await runScheduledJobs(await apiContext());
    return Response.json({ ok: true, ...delivery, deleted }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
