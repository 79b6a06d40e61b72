// Delivery right after a request, without making the visitor wait for the provider. One delivery
// run at a time per process: a request that queues mail while a run is going asks for one more pass
// after it, so a burst of sign-ups becomes a few runs, not one each. On Vercel the function stays
// alive for the run (waitUntil); locally the process simply goes on. The retry job catches anything
// that fails.
import { keepAlive } from '../runtime/background.ts';
import type { ApiContext } from '../runtime/context.ts';
import { deliverDue } from './outbox.ts';

const BATCH = 50;
let active: Promise<void> | undefined;
let passRequested = false;

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
        // A full batch may have left more due behind it: go again.
        while ((await deliverDue(ctx.db, ctx.mailer, { limit: BATCH, webhook: ctx.webhook })).claimed === BATCH);
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
