// GET /api/outbox/retry: delivers every due message, and deletes what the privacy page says expires. Vercel Cron calls it (vercel.json) with
// `Authorization: Bearer $CRON_SECRET`; the local server runs the same delivery on a timer.
import { createHash, timingSafeEqual } from 'node:crypto';
import { apiContext } from '../_lib/context.ts';
import { HttpError, handle } from '../_lib/http.ts';
import { deliverDue } from '../_lib/outbox.ts';
import { sweepRateLimits } from '../_lib/rate-limit.ts';
import { deleteExpiredRecords } from '../_lib/retention.ts';

// Hashing both sides first gives equal lengths, so the comparison takes the same time whatever was sent.
const digest = (value: string) => createHash('sha256').update(value).digest();
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const { cronSecret } = ctx.config;
    // Production cannot start without CRON_SECRET (config.ts); a local server without one runs the job for anyone.
    const authorized = cronSecret === undefined || sameSecret(request.headers.get('authorization') ?? '', `Bearer ${cronSecret}`);
    if (!authorized) throw new HttpError(401, 'unauthorized', 'This job runs only for the scheduler.');
    const stats = await deliverDue(ctx.db, ctx.mailer, { limit: 200 });
    await sweepRateLimits(ctx.db, 24 * 3600);
    const deleted = await deleteExpiredRecords(ctx.db);
    return Response.json({ ok: true, ...stats, deleted }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
