// The outbox: messages are rows written in the same transaction as the lead, then delivered by
// deliverDue(), which the request kicks off and a retry job repeats. Each ends `sent` or `dead` with
// its last error; a retried message carries the same idempotency key, so it is delivered once.
import { randomUUID } from 'node:crypto';
import type { Client, Transaction } from '@libsql/client';
import type { Mailer, OutgoingEmail, SendResult } from './mailer.ts';

export type MessagePayload = { kind: 'email'; email: OutgoingEmail } | { kind: 'contact'; email: string } | { kind: 'contact-unsubscribe'; email: string };

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
    args: [randomUUID(), message.payload.kind, message.idempotencyKey, message.subscriberId ?? null, JSON.stringify(message.payload), at, at, at],
  });
  return result.rowsAffected === 1;
}

export interface DeliveryStats {
  sent: number;
  retried: number;
  dead: number;
}

/** Delivers every message that is due (or only `ids`), each claimed first so two workers never send one twice. */
export async function deliverDue(db: Client, mailer: Mailer, options: { now?: Date; limit?: number; ids?: string[] } = {}): Promise<DeliveryStats> {
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const staleIso = new Date(now.getTime() - STALE_SENDING_MS).toISOString();
  const stats: DeliveryStats = { sent: 0, retried: 0, dead: 0 };
  const filter = options.ids?.length ? `AND id IN (${options.ids.map(() => '?').join(',')})` : '';
  const due = await db.execute({
    sql: `SELECT id FROM messages
          WHERE ((status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND updated_at <= ?)) ${filter}
          ORDER BY next_attempt_at LIMIT ?`,
    args: [nowIso, staleIso, ...(options.ids ?? []), options.limit ?? 50],
  });
  for (const row of due.rows) {
    const id = String(row.id);
    const claim = await db.execute({
      sql: `UPDATE messages SET status = 'sending', updated_at = ?
            WHERE id = ? AND ((status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND updated_at <= ?))
            RETURNING idempotency_key, payload, attempts`,
      args: [nowIso, id, nowIso, staleIso],
    });
    const claimed = claim.rows[0];
    if (!claimed) continue;
    const payload = JSON.parse(String(claimed.payload)) as MessagePayload;
    const key = String(claimed.idempotency_key);
    let result: SendResult;
    try {
      result =
        payload.kind === 'email' ? await mailer.sendEmail(payload.email, key)
        : payload.kind === 'contact' ? await mailer.createContact(payload.email)
        : await mailer.unsubscribeContact(payload.email);
    } catch (error) {
      result = { ok: false, retryable: true, error: `${(error as Error).name}: ${(error as Error).message}`.slice(0, 500) };
    }
    const attempts = Number(claimed.attempts) + 1;
    const at = new Date().toISOString();
    if (result.ok) {
      await db.execute({ sql: `UPDATE messages SET status = 'sent', attempts = ?, provider_id = ?, sent_at = ?, updated_at = ?, last_error = NULL WHERE id = ?`, args: [attempts, result.providerId, at, at, id] });
      stats.sent++;
    } else if (result.retryable && attempts < MAX_ATTEMPTS) {
      const next = new Date(now.getTime() + backoffMs(attempts, result.retryAfterSeconds)).toISOString();
      await db.execute({ sql: `UPDATE messages SET status = 'pending', attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?`, args: [attempts, next, result.error, at, id] });
      stats.retried++;
    } else {
      await db.execute({ sql: `UPDATE messages SET status = 'dead', attempts = ?, last_error = ?, updated_at = ? WHERE id = ?`, args: [attempts, result.error, at, id] });
      stats.dead++;
      console.error(`[outbox] message ${id} dead-lettered after ${attempts} attempt(s): ${result.error}`);
    }
  }
  return stats;
}
