// The outbox: messages are rows written in the same transaction as the lead, then delivered by
// deliverDue(), which the request kicks off and a retry job repeats. Each ends `sent` or `dead` with
// its last error; a retried message carries the same idempotency key, so it is delivered once.
// Besides email and the provider's contacts, the outbox carries the operator's webhook messages
// (../webhook/): a run delivers them only when it is given the webhook sender (ctx.webhook).
import { v7 as timeOrderedId } from 'uuid';
import type { Client, Transaction } from '@libsql/client';
import { guardBlocks, type DeliveryGuard } from './delivery-guards.ts';
import type { TemplatedEmail } from './templates/catalog.ts';
import type { Mailer, OutgoingEmail, SendResult } from './mailer.ts';
import type { StoredWebhook } from '../operator/events.ts';
import type { WebhookSender } from '../webhook/send.ts';
import { MINUTE_MS, HOUR_MS } from '../../../src/lib/time/durations.ts';

export type MessagePayload = (
  | { kind: 'email'; email: TemplatedEmail }
  | { kind: 'contact'; email: string }
  | { kind: 'contact-unsubscribe'; email: string }
  | { kind: 'webhook'; webhook: StoredWebhook }
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
/** A claim this old (its worker crashed or hung) lapses, and the message is claimed and tried again. */
export const STALE_SENDING_MS = 5 * MINUTE_MS;
/**
 * How long a run starts sends. A run the platform cuts off has counted an attempt for every message it
 * claimed and never tried (ten such runs and a message dies unsent), and one that outlives the lease
 * above lets another run take what it is still sending. So a run stops starting sends after this and
 * hands back what it has not started; this, the last send's deadline (MAIL_TIMEOUT_MS) and the writes
 * after it fit the retry function's maxDuration (vercel.json) and stay far inside STALE_SENDING_MS.
 */
export const DELIVERY_BUDGET_MS = 25_000;

/** 30 s, 1 min, 2 min ... capped at 1 h, or the provider's Retry-After when it is longer. */
export function backoffMs(attempts: number, retryAfterSeconds?: number): number {
  const exponential = Math.min(HOUR_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
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

/**
 * The email templates, imported when a run first has an email to render, not with the route: React
 * Email is most of a function's modules (0.5 s of a cold start here), and a booking or a sign-up
 * answers before its emails are rendered. Vercel's file tracing follows the literal import.
 */
let templates: Promise<typeof import('./templates/catalog.ts')> | undefined;
const loadTemplates = () =>
  (templates ??= import('./templates/catalog.ts').catch((error: unknown) => {
    templates = undefined; // the next run tries again
    throw error;
  }));

export interface DeliveryStats {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  /** Guarded messages whose subject had moved on: not sent, and not an error. */
  cancelled: number;
  /** Outcomes not written because this run's claim had lapsed and another worker owns the message now. */
  superseded: number;
  /** Claimed but not started before the run's time was up: pending again, the attempt not counted. */
  handedBack: number;
}

type Attempt = SendResult | { ok: false; cancelled: string };

/** A message that has just gone dead, as the operator's alert (DeliveryOptions.failureAlerts) is told of it. */
export interface DeadMessage {
  id: string;
  idempotencyKey: string;
  bookingId: string | null;
  subscriberId: string | null;
  /** Null when the stored payload does not parse (nothing can be said about it). */
  payload: MessagePayload | null;
  error: string;
  attempts: number;
}

/**
 * Queues the operator's alert about a message that has just gone dead (./failure-alerts.ts), inside the
 * transaction that records it; returns how many messages it queued.
 */
export type FailureAlerts = (tx: Transaction, message: DeadMessage, now: Date) => Promise<number>;

export interface DeliveryOptions {
  /** The clock (tests pass a fixed one); now by default. */
  now?: Date;
  /** At most this many messages a run (50). */
  limit?: number;
  /** Sends start only this long after the run begins (DELIVERY_BUDGET_MS); the claims not started by then are handed back. */
  budgetMs?: number;
  /** Milliseconds on a steady clock, for the budget: performance.now() by default (tests pass one they move). */
  clock?: () => number;
  /**
   * Delivers the operator's webhook messages (ctx.webhook). Without it a run leaves them alone: they
   * stay pending, unclaimed, for a run that has it. With a sender whose URL is unset, they are cancelled.
   */
  webhook?: WebhookSender;
  /**
   * Tells the operator of a message that goes dead (every run of the site passes it: deliveryOptions in
   * ./deliver.ts). Without it a death is only logged.
   */
  failureAlerts?: FailureAlerts;
}

/** What one message's attempt leaves in its row. */
interface Outcome {
  id: string;
  status: 'sent' | 'pending' | 'dead' | 'cancelled';
  providerId?: string;
  error?: string;
  nextAttemptAt?: string;
  /** Set only to undo the claim's count when the claim attempted nothing. */
  attempts?: number;
}

/**
 * Delivers up to `limit` due messages. One statement claims the whole batch, so two workers never
 * take the same message: it counts the attempt and stamps each row with this run's claim id. Each
 * outcome is written as soon as its message is done, and only while the row still carries that
 * stamp, so a worker killed mid-batch leaves every finished message recorded (only the one it was
 * sending goes again, under the same idempotency key), and a worker whose claim lapsed cannot undo
 * the outcome of the one that took over. A message waits while an earlier one with its ordering key
 * is still pending or in flight. Sends start only within the run's budget: the claims it has not
 * started by then are handed back, uncounted, in one statement.
 */
export async function deliverDue(db: Client, mailer: Mailer, options: DeliveryOptions = {}): Promise<DeliveryStats> {
  const clock = options.clock ?? (() => performance.now());
  const deadline = clock() + (options.budgetMs ?? DELIVERY_BUDGET_MS);
  const stats: DeliveryStats = { claimed: 0, sent: 0, retried: 0, dead: 0, cancelled: 0, superseded: 0, handedBack: 0 };
  // No time left (a caller's budget already spent): claiming now would only hand it all back.
  if (clock() >= deadline) return stats;
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const staleIso = new Date(now.getTime() - STALE_SENDING_MS).toISOString();
  const claimId = timeOrderedId();
  const claim = await db.execute({
    sql: `UPDATE messages SET status = 'sending', attempts = attempts + 1, claim_id = ?4, claimed_at = ?1, updated_at = ?1
          WHERE id IN (SELECT m.id FROM messages m
                       WHERE ((m.status = 'pending' AND m.next_attempt_at <= ?1) OR (m.status = 'sending' AND m.claimed_at <= ?2))
                         AND (?5 OR m.kind <> 'webhook')
                         AND (m.ordering_key IS NULL OR NOT EXISTS (
                           SELECT 1 FROM messages earlier
                           WHERE earlier.ordering_key = m.ordering_key AND earlier.rowid < m.rowid
                             AND earlier.status IN ('pending', 'sending')))
                       ORDER BY m.next_attempt_at LIMIT ?3)
          RETURNING id, kind, idempotency_key, booking_id, subscriber_id, payload, attempts`,
    args: [nowIso, staleIso, options.limit ?? 50, claimId, options.webhook ? 1 : 0],
  });
  // Before any send starts: loading the templates holds the event loop (0.3-0.5 s in a cold function),
  // which inside a batch would run down the timeouts of webhook posts already in flight.
  if (claim.rows.some((row) => row.kind === 'email')) await loadTemplates();
  stats.claimed = claim.rows.length;
  const outcomes = outcomeWriter(db, claimId);
  const { unstarted, failure } = await eachAtMost(claim.rows, mailer.concurrency, () => clock() < deadline, async (row) => {
    const id = String(row.id);
    // Counted by the claim, so this one included: a message whose worker keeps dying mid-send (a
    // crash it causes, a hang) runs out of attempts too, instead of being claimed forever.
    const attempts = Number(row.attempts);
    const outcome = attempts > MAX_ATTEMPTS
      ? { id, status: 'dead' as const, attempts: MAX_ATTEMPTS, error: `the worker stopped during attempt ${MAX_ATTEMPTS} (a crash or a timeout); no attempts left` }
      : decide(id, attempts, await attempt(db, mailer, options.webhook, String(row.payload), String(row.idempotency_key), now), now);
    // Awaited before this runner takes its next message: a kill can only ever catch the messages in flight unrecorded.
    const recorded = outcome.status === 'dead' && options.failureAlerts
      ? await recordDeath(db, claimId, outcome, row, options.failureAlerts, now, outcomes)
      : await outcomes.write(outcome);
    if (!recorded) {
      stats.superseded++;
      console.warn(`[outbox] message ${id}: outcome ${outcome.status} not recorded, its claim lapsed and another worker owns it`);
      return;
    }
    if (outcome.status === 'sent') stats.sent++;
    else if (outcome.status === 'cancelled') stats.cancelled++;
    else if (outcome.status === 'pending') stats.retried++;
    else {
      stats.dead++;
      console.error(`[outbox] message ${id} dead-lettered after ${Math.min(attempts, MAX_ATTEMPTS)} attempt(s): ${outcome.error}`);
    }
  });
  if (unstarted.length > 0) {
    try {
      stats.handedBack = await handBack(db, claimId, unstarted.map((row) => String(row.id)));
      if (!failure) console.warn(`[outbox] the run's time was up: ${stats.handedBack} message(s) handed back untried, for the next run`);
    } catch (error) {
      // The database failed: the claims lapse after STALE_SENDING_MS and are retried, as before.
      if (!failure) throw error;
    }
  }
  if (failure) throw failure.error;
  return stats;
}

/**
 * Gives back claims this run never started, in one statement: pending again, due as they were, and
 * the claim's attempt taken back, so a run that ran out of time costs them nothing. Only rows still
 * `sending` under this claim change. Returns how many it gave back.
 */
async function handBack(db: Client, claimId: string, ids: string[]): Promise<number> {
  const result = await db.execute({
    sql: `UPDATE messages SET status = 'pending', attempts = attempts - 1, updated_at = ?1
          WHERE id IN (SELECT value FROM json_each(?2)) AND +status = 'sending' AND claim_id = ?3`,
    args: [new Date().toISOString(), JSON.stringify(ids), claimId],
  });
  return result.rowsAffected;
}

function decide(id: string, attempts: number, result: Attempt, now: Date): Outcome {
  if (result.ok) return { id, status: 'sent', providerId: result.providerId };
  if ('cancelled' in result) return { id, status: 'cancelled', error: result.cancelled };
  if (result.retryable && attempts < MAX_ATTEMPTS) {
    return { id, status: 'pending', error: result.error, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, result.retryAfterSeconds)).toISOString() };
  }
  return { id, status: 'dead', error: result.error };
}

/**
 * Records a message's death and queues the operator's alert about it in one transaction: both or
 * neither, so a crash cannot lose the alert, and only the worker whose claim the row still carries
 * writes either (with the alert's own key, the database refuses a second alert in any case). An alert
 * that cannot be queued (a bug) must not keep the message from being recorded: its death is then
 * written alone, and the failure logged.
 */
async function recordDeath(
  db: Client, claimId: string, outcome: Outcome, row: Record<string, unknown>, alerts: FailureAlerts, now: Date, outcomes: ReturnType<typeof outcomeWriter>,
): Promise<boolean> {
  let payload: MessagePayload | null = null;
  try {
    payload = JSON.parse(String(row.payload)) as MessagePayload;
  } catch {
    // Poison: dead, and nothing to tell about it.
  }
  const dead: DeadMessage = {
    id: outcome.id,
    idempotencyKey: String(row.idempotency_key),
    bookingId: row.booking_id == null ? null : String(row.booking_id),
    subscriberId: row.subscriber_id == null ? null : String(row.subscriber_id),
    payload,
    error: outcome.error ?? 'no error recorded',
    attempts: outcome.attempts ?? Number(row.attempts),
  };
  let tx: Transaction | undefined;
  try {
    tx = await db.transaction('write');
    const recorded = (await writeOutcomes(tx, claimId, [outcome])).has(outcome.id);
    if (recorded) await alerts(tx, dead, now);
    await tx.commit();
    return recorded;
  } catch (error) {
    await tx?.rollback().catch(() => {});
    console.error(`[outbox] message ${outcome.id}: the operator's alert about its failure could not be queued; recording the failure alone:`, error);
    return outcomes.write(outcome);
  } finally {
    tx?.close();
  }
}

/**
 * Writes outcomes as they come, resolving each with whether it was recorded (false: the row no
 * longer carries this run's claim). Outcomes that finish while a write is under way, or in the same
 * event-loop turn, share the next statement: with a concurrent mailer a batch costs a few writes, not
 * one per message, which keeps sign-ups' group commits from queueing behind them.
 */
function outcomeWriter(db: Client, claimId: string) {
  type Waiting = { outcome: Outcome; resolve: (recorded: boolean) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    try {
      await new Promise((resolve) => setImmediate(resolve));
      while (waiting.length > 0) {
        const group = waiting;
        waiting = [];
        try {
          const recorded = await writeOutcomes(db, claimId, group.map((w) => w.outcome));
          for (const w of group) w.resolve(recorded.has(w.outcome.id));
        } catch (error) {
          for (const w of group) w.reject(error);
        }
      }
    } finally {
      writing = false;
    }
  };
  return {
    write: (outcome: Outcome) =>
      new Promise<boolean>((resolve, reject) => {
        waiting.push({ outcome, resolve, reject });
        if (!writing) void drain();
      }),
  };
}

/**
 * One statement for any mix of outcomes; only rows still `sending` under this claim change. Returns
 * the ids it recorded. The count answers the usual case (all of them) without reading rows back (a
 * RETURNING here showed up in the CPU profile); only a short count asks which ones went through.
 */
async function writeOutcomes(db: Client | Transaction, claimId: string, outcomes: Outcome[]): Promise<Set<string>> {
  const result = await db.execute({
    sql: `UPDATE messages SET
            status = o.value ->> 'status',
            provider_id = coalesce(o.value ->> 'providerId', messages.provider_id),
            last_error = o.value ->> 'error',
            next_attempt_at = coalesce(o.value ->> 'nextAttemptAt', messages.next_attempt_at),
            attempts = coalesce(o.value ->> 'attempts', messages.attempts),
            sent_at = CASE WHEN o.value ->> 'status' = 'sent' THEN ?1 ELSE messages.sent_at END,
            updated_at = ?1
          FROM json_each(?2) AS o
          -- The unary + keeps the planner on the primary key, one lookup per outcome, instead of
          -- walking every in-flight row of the status index against the whole list.
          WHERE messages.id = o.value ->> 'id' AND +messages.status = 'sending' AND messages.claim_id = ?3`,
    args: [new Date().toISOString(), JSON.stringify(outcomes), claimId],
  });
  if (result.rowsAffected === outcomes.length) return new Set(outcomes.map((o) => o.id));
  // The claim id is this run's alone, so a row that carries it and has left `sending` was written just now.
  const recorded = await db.execute({
    sql: `SELECT id FROM messages WHERE id IN (SELECT value FROM json_each(?1)) AND claim_id = ?2 AND status <> 'sending'`,
    args: [JSON.stringify(outcomes.map((o) => o.id)), claimId],
  });
  return new Set(recorded.rows.map((row) => String(row.id)));
}

const describeError = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);

/**
 * One message's delivery attempt, which never throws: a payload that does not parse or an email that
 * does not render will not get better on a retry, so it is a permanent failure (dead at once, with its
 * error) and never takes its batch down; a provider call that throws (network) is retried.
 */
async function attempt(db: Client, mailer: Mailer, webhook: WebhookSender | undefined, rawPayload: string, idempotencyKey: string, now: Date): Promise<Attempt> {
  let payload: MessagePayload;
  let email: OutgoingEmail | undefined;
  try {
    payload = JSON.parse(rawPayload) as MessagePayload;
    if (payload.kind === 'email') email = await (await loadTemplates()).renderEmail(payload.email);
    else if (payload.kind !== 'contact' && payload.kind !== 'contact-unsubscribe' && payload.kind !== 'webhook') throw new Error(`Unknown message kind: ${String((payload as { kind?: unknown }).kind)}`);
  } catch (error) {
    return { ok: false, retryable: false, error: `cannot be sent: ${describeError(error)}` };
  }
  try {
    // Read just before sending, on the run's clock (a database hiccup here is retried like a provider one).
    const blocked = payload.guard ? await guardBlocks(db, payload.guard, now) : null;
    if (blocked) return { ok: false, cancelled: blocked };
    if (payload.kind === 'email') return await mailer.sendEmail(email!, idempotencyKey);
    if (payload.kind === 'webhook') {
      // Not claimed without a sender (deliverDue); kept for a run that has one.
      if (!webhook) return { ok: false, retryable: true, error: 'this delivery run had no webhook sender' };
      // The format follows the URL configured now; with none left there is nowhere to send it.
      if (webhook.flavour === null) return { ok: false, cancelled: 'cancelled: OPERATOR_WEBHOOK_URL is no longer set' };
      return await webhook.send(payload.webhook);
    }
    return payload.kind === 'contact' ? await mailer.createContact(payload.email) : await mailer.unsubscribeContact(payload.email);
  } catch (error) {
    return { ok: false, retryable: true, error: describeError(error) };
  }
}

/**
 * Runs `fn` over `items` with at most `size` running at once, each runner taking the next item as it
 * finishes one, while `mayStart()` says yes. After a failure (the database) no new item is started.
 * Resolves once the running ones are done, with the items never started and the first error.
 */
async function eachAtMost<T>(items: readonly T[], size: number, mayStart: () => boolean, fn: (item: T) => Promise<void>): Promise<{ unstarted: T[]; failure?: { error: unknown } }> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const runner = async () => {
    while (!failure && next < items.length && mayStart()) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, runner));
  return { unstarted: items.slice(next), ...(failure ? { failure } : {}) };
}

/** A dead message as `npm run leads -- requeue` lists it. */
export interface DeadMessageLine {
  id: string;
  kind: string;
  idempotencyKey: string;
  /** The email's address; null for a webhook or contact message, or a payload that does not parse. */
  recipient: string | null;
  /** When it went dead. */
  diedAt: string;
  attempts: number;
  lastError: string | null;
  /** Why it stays dead; null when it may be requeued. */
  leftDead: string | null;
}

/**
 * Puts dead messages back in the queue once their cause is fixed (a domain verified, a key replaced):
 * those that went dead from `diedSince` on and/or carry `key`. Each becomes pending with no attempts,
 * due now, in its own row, so it keeps its idempotency key and the provider never sends it twice. Two
 * stay dead: one whose ordering key a later message has already taken out (a contact created after
 * its unsubscribe went through would undo it), and one about a call that is over.
 */
export async function requeueDead(db: Client, filter: { diedSince?: string; key?: string }, now = new Date()): Promise<DeadMessageLine[]> {
  const at = now.toISOString();
  const tx = await db.transaction('write');
  try {
    const found = await tx.execute({
      // json_valid first: json_extract fails the whole statement on a payload that does not parse.
      sql: `SELECT m.id, m.kind, m.idempotency_key, m.updated_at, m.attempts, m.last_error,
                   CASE WHEN json_valid(m.payload) THEN json_extract(m.payload, '$.email.to') END AS recipient,
                   CASE
                     WHEN m.ordering_key IS NOT NULL AND EXISTS (
                       SELECT 1 FROM messages later
                       WHERE later.ordering_key = m.ordering_key AND later.rowid > m.rowid AND later.status IN ('sent', 'sending'))
                       THEN 'a later message with its ordering key has gone out, and this one would undo it'
                     WHEN b.end_at < ?1 THEN 'the call it is about is over'
                   END AS left_dead
            FROM messages m LEFT JOIN bookings b ON b.id = m.booking_id
            WHERE m.status = 'dead' AND (?2 IS NULL OR m.updated_at >= ?2) AND (?3 IS NULL OR m.idempotency_key = ?3)
            ORDER BY m.rowid`,
      args: [at, filter.diedSince ?? null, filter.key ?? null],
    });
    const lines: DeadMessageLine[] = found.rows.map((row) => ({
      id: String(row.id),
      kind: String(row.kind),
      idempotencyKey: String(row.idempotency_key),
      recipient: row.recipient == null ? null : String(row.recipient),
      diedAt: String(row.updated_at),
      attempts: Number(row.attempts),
      lastError: row.last_error == null ? null : String(row.last_error),
      leftDead: row.left_dead == null ? null : String(row.left_dead),
    }));
    await tx.execute({
      sql: `UPDATE messages SET status = 'pending', attempts = 0, next_attempt_at = ?1, updated_at = ?1
            WHERE id IN (SELECT value FROM json_each(?2)) AND status = 'dead'`,
      args: [at, JSON.stringify(lines.filter((line) => line.leftDead === null).map((line) => line.id))],
    });
    await tx.commit();
    return lines;
  } catch (error) {
    await tx.rollback().catch(() => {});
    throw error;
  } finally {
    tx.close();
  }
}
