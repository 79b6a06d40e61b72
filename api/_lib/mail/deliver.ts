// Delivery right after a request, without making the visitor wait for the provider. One delivery
// run at a time per process: a request that queues mail while a run is going asks for one more pass
// after it, so a burst of sign-ups becomes a few runs, not one each. On Vercel the function stays
// alive for the run (waitUntil); locally the process simply goes on. The retry job catches anything
// that fails.
import { keepAlive } from '../runtime/background.ts';
import type { ApiContext } from '../runtime/context.ts';
import { DELIVERY_BUDGET_MS, deliverDue, type DeliveryOptions } from './outbox.ts';
import { failureAlerts } from './failure-alerts.ts';

const BATCH = 50;
let active: Promise<void> | undefined;
let passRequested = false;

/**
 * What every delivery run of the site passes (after a request, the retry job, the local server's timer,
 * `npm run leads -- retry`): the webhook sender, and the operator's alert when an email to a visitor
 * goes dead. An alert queued during a run goes out with the next one.
 */
export function deliveryOptions(ctx: ApiContext, limit?: number): DeliveryOptions {
  return { ...(limit ? { limit } : {}), webhook: ctx.webhook, failureAlerts: failureAlerts(ctx) };
}

export function deliverInBackground(ctx: ApiContext, queuedMessages: number): void {
  if (queuedMessages === 0) return;
  keepAlive(requestDelivery(ctx));
}

/** Resolves once a pass that started after this call has finished. */
function requestDelivery(ctx: ApiContext): Promise<void> {
  passRequested = true;
  active ??= (async () => {
    try {
      while (passRequested) {
        passRequested = false;
        // One budget for the pass, not for each batch: the function that asked for it is kept alive only
        // so long (the retry job delivers whatever a pass leaves). A full batch may have left more due
        // behind it: go again while time is left.
        const passEnds = performance.now() + DELIVERY_BUDGET_MS;
        for (;;) {
          const stats = await deliverDue(ctx.db, ctx.mailer, { ...deliveryOptions(ctx, BATCH), budgetMs: passEnds - performance.now() });
          if (stats.claimed < BATCH || stats.handedBack > 0) break;
        }
      }
    } catch (error) {
      console.error('[outbox] background delivery failed; the retry job will try again:', error);
    } finally {
      // Cleared in the same step as the loop's last check, so no request can slip between them.
      active = undefined;
    }
  })();
  return active;
}
