// The outbox: messages are rows written in the same transaction as the lead, then delivered by
// deliverDue(), which the request kicks off and a retry job repeats. Each ends `sent` or `dead` with
// its last error; a retried message carries the same idempotency key, so it is delivered once.
import { v7 as timeOrderedId } from 'uuid';
import type { Client, InStatement, Transaction } from '@libsql/client';
import { guardBlocks, type DeliveryGuard } from './delivery-guards.ts';
import { renderEmail, type TemplatedEmail } from './emails/catalog.ts';
import type { Mailer, OutgoingEmail, SendResult } from './mailer.ts';

export type MessagePayload = (
  | { kind: 'email'; email: TemplatedEmail }
  | { kind: 'contact'; email: string }
  | { kind: 'contact-unsubscribe'; email: string }
) & {
  /** Checked at delivery: the message is cancelled when its subject has moved on. */
  guard?: DeliveryGuard;
};

export interface QueuedMessage {
  idempotencyKey: string;
  subscriberId?: string;
  bookingId?: string;
  /** Not sent before this time (a reminder); now by default. */
  notBefore?: Date;
  /** Messages sharing this key are delivered strictly in the order they were queued. */
  orderingKey?: string;
  payload: MessagePayload;
}

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
export async function enqueue(tx: Transaction, message: QueuedMessage, now = new Date()): Promise<boolean> {
  const at = now.toISOString();
  const result = await tx.execute({
    sql: `INSERT INTO messages (id, kind, idempotency_key, subscriber_id, booking_id, ordering_key, payload, status, attempts, next_attempt_at, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
          ON CONFLICT(idempotency_key) DO NOTHING`,
    args: [
      timeOrderedId(), message.payload.kind, message.idempotencyKey, message.subscriberId ?? null, message.bookingId ?? null, message.orderingKey ?? null,
      JSON.stringify(message.payload), (message.notBefore ?? now).toISOString(), at, at,
    ],
  });
  return result.rowsAffected === 1;
}

export interface DeliveryStats {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  /** Guarded messages whose subject had moved on: not sent, and not an error. */
  cancelled: number;
}

type Attempt = SendResult | { ok: false; cancelled: string };

/**
 * Delivers up to `limit` due messages. One statement claims the whole batch, so two workers never
 * take the same message; the outcomes are written together at the end. A worker that dies between
 * the two leaves its claims to go stale and be sent again under the same idempotency key. A message
 * waits while an earlier one with its ordering key is still pending or in flight.
 */
export async function deliverDue(db: Client, mailer: Mailer, options: { now?: Date; limit?: number } = {}): Promise<DeliveryStats> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const staleIso = new Date(now.getTime() - STALE_SENDING_MS).toISOString();
  const claim = await db.execute({
    sql: `UPDATE messages SET status = 'sending', updated_at = ?1
          WHERE id IN (SELECT m.id FROM messages m
                       WHERE ((m.status = 'pending' AND m.next_attempt_at <= ?1) OR (m.status = 'sending' AND m.updated_at <= ?2))
                         AND (m.ordering_key IS NULL OR NOT EXISTS (
                           SELECT 1 FROM messages earlier
                           WHERE earlier.ordering_key = m.ordering_key AND earlier.rowid < m.rowid
                             AND earlier.status IN ('pending', 'sending')))
                       ORDER BY m.next_attempt_at LIMIT ?3)
          RETURNING id, idempotency_key, payload, attempts`,
    args: [nowIso, staleIso, options.limit ?? 50],
  });
  const stats: DeliveryStats = { claimed: claim.rows.length, sent: 0, retried: 0, dead: 0, cancelled: 0 };
  const results = await inGroups(claim.rows, mailer.concurrency, (row) => attempt(db, mailer, String(row.payload), String(row.idempotency_key)));
  const at = new Date().toISOString();
  const sent: { id: string; providerId: string }[] = [];
  const failed: InStatement[] = [];
  claim.rows.forEach((row, i) => {
    const id = String(row.id);
    const result = results[i]!;
    const attempts = Number(row.attempts) + 1;
    if (result.ok) {
      sent.push({ id, providerId: result.providerId });
    } else if ('cancelled' in result) {
      failed.push({ sql: `UPDATE messages SET status = 'cancelled', last_error = ?, updated_at = ? WHERE id = ?`, args: [result.cancelled, at, id] });
      stats.cancelled++;
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

const describeError = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);

/**
 * One message's delivery attempt, which never throws: a payload that does not parse or an email that
 * does not render will not get better on a retry, so it is a permanent failure (dead at once, with its
 * error) and never takes its batch down; a provider call that throws (network) is retried.
 */
async function attempt(db: Client, mailer: Mailer, rawPayload: string, idempotencyKey: string): Promise<Attempt> {
  let payload: MessagePayload;
  let email: OutgoingEmail | undefined;
  try {
    payload = JSON.parse(rawPayload) as MessagePayload;
    if (payload.kind === 'email') email = await renderEmail(payload.email);
    else if (payload.kind !== 'contact' && payload.kind !== 'contact-unsubscribe') throw new Error(`Unknown message kind: ${String((payload as { kind?: unknown }).kind)}`);
  } catch (error) {
    return { ok: false, retryable: false, error: `cannot be sent: ${describeError(error)}` };
  }
  try {
    // Read just before sending (a database hiccup here is retried like a provider one).
    const blocked = payload.guard ? await guardBlocks(db, payload.guard) : null;
    if (blocked) return { ok: false, cancelled: blocked };
    if (payload.kind === 'email') return await mailer.sendEmail(email!, idempotencyKey);
    return payload.kind === 'contact' ? await mailer.createContact(payload.email) : await mailer.unsubscribeContact(payload.email);
  } catch (error) {
    return { ok: false, retryable: true, error: describeError(error) };
  }
}

/** Runs `fn` over `items`, `size` at a time, keeping their order. */
async function inGroups<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return results;
}
