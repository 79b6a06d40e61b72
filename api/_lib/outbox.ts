// The outbox: messages are rows written in the same transaction as the lead, then delivered by
// deliverDue(), which the request kicks off and a retry job repeats. Each ends `sent` or `dead` with
// its last error; a retried message carries the same idempotency key, so it is delivered once.
import { v7 as timeOrderedId } from 'uuid';
import type { Client, InStatement, Transaction } from '@libsql/client';
import { renderEmail, type TemplatedEmail } from './emails/catalog.ts';
import type { Mailer, SendResult } from './mailer.ts';

export type MessagePayload = { kind: 'email'; email: TemplatedEmail } | { kind: 'contact'; email: string } | { kind: 'contact-unsubscribe'; email: string };

/** After this many failed attempts a message is dead-lettered for the operator. */
export const MAX_ATTEMPTS = 10;
/** A message stuck in `sending` this long (a crashed worker) is tried again. */
const STALE_SENDING_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min ... capped at 1 h, or the provider's Retry-After when it is longer. */
export function backoffMs(attempts: number, retryAfterSeconds?: number): number {
  const exponential = Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
  return Math.max(exponential, (retryAfterSeconds ?? 0) * 1000);
}

/** Queues a message inside the caller's transaction; false when its key is already queued. */
export async function enqueue(tx: Transaction, message: { idempotencyKey: string; subscriberId?: string; payload: MessagePayload }, now = new Date()): Promise<boolean> {
  const at = now.toISOString();
  const result = await tx.execute({
    sql: `INSERT INTO messages (id, kind, idempotency_key, subscriber_id, payload, status, attempts, next_attempt_at, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
          ON CONFLICT(idempotency_key) DO NOTHING`,
    args: [timeOrderedId(), message.payload.kind, message.idempotencyKey, message.subscriberId ?? null, JSON.stringify(message.payload), at, at, at],
  });
  return result.rowsAffected === 1;
}

export interface DeliveryStats {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
}

/**
 * Delivers up to `limit` due messages. One statement claims the whole batch, so two workers never
 * take the same message; the outcomes are written together at the end. A worker that dies between
 * the two leaves its claims to go stale and be sent again under the same idempotency key.
 */
export async function deliverDue(db: Client, mailer: Mailer, options: { now?: Date; limit?: number } = {}): Promise<DeliveryStats> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const staleIso = new Date(now.getTime() - STALE_SENDING_MS).toISOString();
  const claim = await db.execute({
    sql: `UPDATE messages SET status = 'sending', updated_at = ?
          WHERE id IN (SELECT id FROM messages
                       WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND updated_at <= ?)
                       ORDER BY next_attempt_at LIMIT ?)
          RETURNING id, idempotency_key, payload, attempts`,
    args: [nowIso, nowIso, staleIso, options.limit ?? 50],
  });
  const stats: DeliveryStats = { claimed: claim.rows.length, sent: 0, retried: 0, dead: 0 };
  const results = await inGroups(claim.rows, mailer.concurrency, async (row) => {
    const payload = JSON.parse(String(row.payload)) as MessagePayload;
    try {
      return payload.kind === 'email' ? await mailer.sendEmail(await renderEmail(payload.email), String(row.idempotency_key))
        : payload.kind === 'contact' ? await mailer.createContact(payload.email)
        : await mailer.unsubscribeContact(payload.email);
    } catch (error) {
      return { ok: false, retryable: true, error: `${(error as Error).name}: ${(error as Error).message}`.slice(0, 500) } satisfies SendResult;
    }
  });
  const at = new Date().toISOString();
  const sent: { id: string; providerId: string }[] = [];
  const failed: InStatement[] = [];
  claim.rows.forEach((row, i) => {
    const id = String(row.id);
    const result = results[i]!;
    const attempts = Number(row.attempts) + 1;
    if (result.ok) {
      sent.push({ id, providerId: result.providerId });
    } else if (result.retryable && attempts < MAX_ATTEMPTS) {
      const next = new Date(now.getTime() + backoffMs(attempts, result.retryAfterSeconds)).toISOString();
      failed.push({ sql: `UPDATE messages SET status = 'pending', attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?`, args: [attempts, next, result.error, at, id] });
      stats.retried++;
    } else {
      failed.push({ sql: `UPDATE messages SET status = 'dead', attempts = ?, last_error = ?, updated_at = ? WHERE id = ?`, args: [attempts, result.error, at, id] });
      stats.dead++;
      console.error(`[outbox] message ${id} dead-lettered after ${attempts} attempt(s): ${result.error}`);
    }
  });
  stats.sent = sent.length;
  // The common case, every message sent, is one statement however many there were.
  const markSent: InStatement = {
    sql: `UPDATE messages SET status = 'sent', attempts = attempts + 1, sent_at = ?1, updated_at = ?1, last_error = NULL,
            provider_id = (SELECT value ->> 'providerId' FROM json_each(?2) WHERE value ->> 'id' = messages.id)
          WHERE id IN (SELECT value ->> 'id' FROM json_each(?2))`,
    args: [at, JSON.stringify(sent)],
  };
  const outcomes = [...(sent.length > 0 ? [markSent] : []), ...failed];
  if (outcomes.length > 0) await db.batch(outcomes, 'write');
  return stats;
}

/** Runs `fn` over `items`, `size` at a time, keeping their order. */
async function inGroups<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return results;
}
