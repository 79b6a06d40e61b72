// What the retry job does, in one place: the Vercel Cron route (api/outbox/retry.ts, every 5 minutes)
// and the local server's timer (scripts/serve.ts) both run it, so neither can miss a step the other has.
import type { ApiContext } from './context.ts';
import { refreshStaleFeeds } from '../calendar/refresh.ts';
import { deliverDue, type DeliveryStats } from '../mail/outbox.ts';
import { deliveryOptions } from '../mail/deliver.ts';
import { sweepRateLimits } from '../http/rate-limit.ts';
import { deleteExpiredRecords } from '../store/retention.ts';

/** Messages one run may claim; it sends them only for DELIVERY_BUDGET_MS and hands back the rest. */
const RETRY_BATCH = 200;
/** The longest rate-limit window (a day): older counts are useless. */
const RATE_LIMIT_WINDOW_SECONDS = 24 * 3600;

export interface ScheduledRun {
  delivery: DeliveryStats;
  deleted: Awaited<ReturnType<typeof deleteExpiredRecords>>;
}

/** Refreshes stale calendar feeds, delivers what is due, sweeps old rate-limit counts and deletes expired records. `now`: a fixed clock (tests). */
export async function runScheduledJobs(ctx: ApiContext, options: { now?: Date } = {}): Promise<ScheduledRun> {
  // Each step reads the clock when it starts (the feeds may take seconds), unless one is given.
  const at = () => options.now ?? new Date();
  // First: a quiet site still notices a calendar feed that stopped loading (and tells the operator, through the delivery below).
  await refreshStaleFeeds(ctx, { maxAgeMs: ctx.config.busyFeedTtlSeconds * 1000, now: at() });
  const delivery = await deliverDue(ctx.db, ctx.mailer, { ...deliveryOptions(ctx, RETRY_BATCH), now: at() });
  await sweepRateLimits(ctx.db, RATE_LIMIT_WINDOW_SECONDS, at().getTime());
  const deleted = await deleteExpiredRecords(ctx.db, at());
  return { delivery, deleted };
}
