// Delivery right after a request, without making the visitor wait for the provider: on Vercel the
// function stays alive for it (waitUntil); locally the process simply goes on. The retry job catches
// anything that fails.
import type { ApiContext } from './context.ts';
import { deliverDue } from './outbox.ts';

export function deliverInBackground(ctx: ApiContext, idempotencyKeys: string[]): void {
  if (idempotencyKeys.length === 0) return;
  const work = (async () => {
    const ids = await ctx.db.execute({
      sql: `SELECT id FROM messages WHERE idempotency_key IN (${idempotencyKeys.map(() => '?').join(',')})`,
      args: idempotencyKeys,
    });
    await deliverDue(ctx.db, ctx.mailer, { ids: ids.rows.map((r) => String(r.id)) });
  })().catch((error) => console.error('[outbox] background delivery failed; the retry job will try again:', error));
  const waitUntil = (globalThis as { [key: symbol]: { get?: () => { waitUntil?: (p: Promise<unknown>) => void } } | undefined })[Symbol.for('@vercel/request-context')]?.get?.()?.waitUntil;
  waitUntil?.(work);
}
