// The newsletter's rules: double opt-in, neutral answers (nobody can probe who is subscribed),
// unsubscribe at once. Every state change and the messages it causes are written in one transaction.
import { v7 as timeOrderedId } from 'uuid';
import type { Transaction } from '@libsql/client';
import type { ApiContext } from '../runtime/context.ts';
import { enqueue } from '../mail/outbox.ts';
import type { SubscriberStatus } from '../mail/delivery-guards.ts';
import { queueWebhook } from '../webhook/events.ts';
import { createToken, emailKey, keyedHash, normalizeEmail } from '../signing/tokens.ts';
import { NEWSLETTER_CONSENT_VERSION, type NewsletterSignup } from '../../../src/lib/newsletter/request.ts';
import { CONFIRM_LINK_DAYS, CONFIRM_RESEND_MINUTES, CONFIRMATIONS_PER_DAY } from '../../../src/config/newsletter.ts';
import { UTM_KEYS, utmFromRow, type LeadSource } from '../../../src/lib/leads/source.ts';
import { routes } from '../../../src/config/site.ts';
import { MINUTE_MS, DAY_MS } from '../../../src/lib/time/durations.ts';

/** Every confirmation email's outbox key starts so: the daily cap counts them by it. */
export const CONFIRM_KEY_PREFIX = 'newsletter-confirm-';

const CONFIRM_TOKEN_TTL_SECONDS = CONFIRM_LINK_DAYS * 24 * 3600;
/** Unsubscribe links in old emails keep working. */
const UNSUBSCRIBE_TOKEN_TTL_SECONDS = 10 * 365 * 24 * 3600;
const CONFIRM_RESEND_WINDOW_MS = CONFIRM_RESEND_MINUTES * MINUTE_MS;

interface SignupMeta {
  clientAddress: string;
  /** Where the sign-up came from: the form's page, and the utm_* values of the address it was opened with. */
  source: Pick<LeadSource, 'page' | 'utm'>;
  /** The configured public origin the links are built from (never the request's Host). */
  siteUrl: string;
  now?: Date;
}

/** The provider's contact operations for one subscriber run in the order they were queued. */
const contactOrder = (id: string) => `newsletter-contact:${id}`;

/** What a sign-up records besides the address: its consent and where it came from (one column each). */
const SIGNUP_COLUMNS = ['source', 'consent_text_version', 'consent_at', 'consent_address_hash', 'source_page', ...UTM_KEYS] as const;

/**
 * Stores the sign-up and queues its confirmation email, inside the caller's transaction; returns how
 * many messages it queued. The insert is an upsert, so two identical sign-ups racing cannot both insert.
 */
export async function subscribe(tx: Transaction, secret: string, signup: NewsletterSignup, meta: SignupMeta): Promise<number> {
  const now = meta.now ?? new Date();
  const at = now.toISOString();
  const email = normalizeEmail(signup.email);
  const key = emailKey(secret, email);
  const recorded: Record<(typeof SIGNUP_COLUMNS)[number], string | null> = {
    source: signup.source,
    consent_text_version: NEWSLETTER_CONSENT_VERSION,
    consent_at: at,
    consent_address_hash: keyedHash(secret, 'address', meta.clientAddress),
    source_page: meta.source.page,
    ...(Object.fromEntries(UTM_KEYS.map((key) => [key, meta.source.utm[key] ?? null])) as Record<(typeof UTM_KEYS)[number], string | null>),
  };
  // A new address is inserted; a pending one is pending with this consent. A confirmed or unsubscribed
  // address is left as it is (no row comes back).
  const upsert = await tx.execute({
    sql: `INSERT INTO subscribers (id, email, email_key, status, created_at, ${SIGNUP_COLUMNS.join(', ')})
          VALUES (?, ?, ?, 'pending', ?, ${SIGNUP_COLUMNS.map(() => '?').join(', ')})
          ON CONFLICT(email_key) DO UPDATE SET ${SIGNUP_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}
          WHERE subscribers.status = 'pending'
          RETURNING id`,
    args: [timeOrderedId(), email, key, at, ...SIGNUP_COLUMNS.map((column) => recorded[column])],
  });
  let row = upsert.rows[0];
  // Anyone can type an unsubscribed address into the form: its unsubscribe and the consent it ended
  // stay on record, and this sign-up waits beside them until the confirmation link is pressed.
  const rejoin = row
    ? undefined
    : (await tx.execute({
        sql: `UPDATE subscribers SET pending_signup = ? WHERE email_key = ? AND status = 'unsubscribed' RETURNING id, unsubscribed_at`,
        args: [JSON.stringify(recorded), key],
      })).rows[0];
  row ??= rejoin;
  if (!row) return 0;
  const id = String(row.id);
  // Only the address's owner can unsubscribe (the link is signed): a sign-up after that starts afresh,
  // so the pause after a confirmation sent before the unsubscribe does not hold back the new one.
  const unsubscribedAt = rejoin?.unsubscribed_at ? String(rejoin.unsubscribed_at) : null;
  // A third party can type anyone's address into the form: the inbox behind it is protected by a cap,
  // and by a pause after each confirmation measured from that email, not from a clock's window (two
  // sign-ups three seconds apart across a window's edge each sent one).
  const pauseFrom = new Date(now.getTime() - CONFIRM_RESEND_WINDOW_MS).toISOString();
  const sent = await tx.execute({
    sql: `SELECT COUNT(*) AS today, COALESCE(SUM(created_at > ?), 0) AS recent FROM messages
          WHERE subscriber_id = ? AND idempotency_key LIKE '${CONFIRM_KEY_PREFIX}%' AND created_at > ?`,
    args: [unsubscribedAt && unsubscribedAt > pauseFrom ? unsubscribedAt : pauseFrom, id, new Date(now.getTime() - DAY_MS).toISOString()],
  });
  if (Number(sent.rows[0]?.today ?? 0) >= CONFIRMATIONS_PER_DAY || Number(sent.rows[0]?.recent ?? 0) > 0) return 0;
  const token = createToken(secret, 'newsletter-confirm', id, CONFIRM_TOKEN_TTL_SECONDS, now.getTime());
  const props = { confirmUrl: `${meta.siteUrl}${routes.newsletterConfirmApi}?token=${token}`, siteUrl: meta.siteUrl, privacyUrl: `${meta.siteUrl}${routes.privacy}` };
  // The window in the key still makes racing identical sign-ups one email, whatever the transaction isolation.
  const window = Math.floor(now.getTime() / CONFIRM_RESEND_WINDOW_MS);
  const afresh = unsubscribedAt ? `-after-${Date.parse(unsubscribedAt)}` : '';
  const queued = await enqueue(tx, {
    idempotencyKey: `${CONFIRM_KEY_PREFIX}${id}-${window}${afresh}`,
    subscriberId: id,
    // An unsubscribed address stays unsubscribed until the link is pressed.
    payload: { kind: 'email', email: { template: 'confirm-subscription', to: email, props }, guard: { subject: 'subscriber', id, status: [rejoin ? 'unsubscribed' : 'pending'] } },
  }, now);
  return queued ? 1 : 0;
}

export type SubscriberRow = {
  email: string;
  status: SubscriberStatus;
  /** An unsubscribed address signed up again: its confirmation link may subscribe it. */
  signupPending: boolean;
};

/** The subscriber a verified token names, or null. Reads only. */
export async function findSubscriber(ctx: ApiContext, id: string): Promise<SubscriberRow | null> {
  const row = (await ctx.db.execute({ sql: 'SELECT email, status, pending_signup FROM subscribers WHERE id = ?', args: [id] })).rows[0];
  return row ? { email: String(row.email), status: String(row.status) as SubscriberRow['status'], signupPending: row.pending_signup != null } : null;
}

/** Confirms the address once (later presses land on the confirmed page too); returns how many messages it queued. */
export async function confirmSubscriber(ctx: ApiContext, id: string, now = new Date()): Promise<{ outcome: 'confirmed' | 'invalid'; queued: number }> {
  const siteUrl = ctx.config.siteUrl;
  return ctx.writes.run(async (tx) => {
    const before = (await tx.execute({ sql: 'SELECT status, pending_signup FROM subscribers WHERE id = ?', args: [id] })).rows[0];
    if (!before || (before.status === 'unsubscribed' && before.pending_signup == null)) return { outcome: 'invalid', queued: 0 };
    if (before.status === 'confirmed') return { outcome: 'confirmed', queued: 0 };
    // An unsubscribed address that signed up again: the owner's press is what ends the unsubscribe,
    // and the new sign-up's consent and source replace the old ones only now.
    const rejoin = before.status === 'unsubscribed' ? `, unsubscribed_at = NULL, pending_signup = NULL, ${SIGNUP_COLUMNS.map((column) => `${column} = pending_signup ->> '$.${column}'`).join(', ')}` : '';
    const row = (await tx.execute({ sql: `UPDATE subscribers SET status = 'confirmed', confirmed_at = ?${rejoin} WHERE id = ? RETURNING *`, args: [now.toISOString(), id] })).rows[0]!;
    const email = String(row.email);
    const unsubscribeToken = createToken(ctx.secret, 'newsletter-unsubscribe', id, UNSUBSCRIBE_TOKEN_TTL_SECONDS, now.getTime());
    const props = {
      siteUrl,
      checklistUrl: `${siteUrl}${routes.readinessCheck}`,
      unsubscribeUrl: `${siteUrl}${routes.newsletterUnsubscribeApi}?token=${unsubscribeToken}`,
    };
    const guard = { subject: 'subscriber', id, status: ['confirmed'] } as const;
    const welcome = { kind: 'email', email: { template: 'welcome', to: email, props }, guard } as const;
    let queued = Number(await enqueue(tx, { idempotencyKey: `newsletter-welcome-${id}`, subscriberId: id, payload: welcome }, now));
    // The provider's audience is only touched through the outbox, so an outage loses nothing. Keyed by
    // the confirmation time: a reader who unsubscribes and comes back is added (and resubscribed) again.
    if (ctx.mailer.kind === 'resend') {
      queued += Number(await enqueue(tx, { idempotencyKey: `newsletter-contact-${id}-${now.getTime()}`, subscriberId: id, orderingKey: contactOrder(id), payload: { kind: 'contact', email } }, now));
    }
    // The operator's channel hears of it once per confirmation (a reader who comes back is news again).
    const subscriber = { email, page: row.source_page == null ? null : String(row.source_page), utm: utmFromRow(row) };
    // Tied to the record (it names the address), so a deletion by subscriber takes it too.
    queued += await queueWebhook(ctx, tx, `subscriber.confirmed:${id}:${now.getTime()}`, { type: 'subscriber.confirmed', subscriber }, now, { subscriberId: id });
    return { outcome: 'confirmed', queued };
  });
}

/** Unsubscribes at once; an already-unsubscribed address gets the same answer. Returns how many messages it queued. */
export async function unsubscribeSubscriber(ctx: ApiContext, id: string, now = new Date()): Promise<{ outcome: 'unsubscribed' | 'invalid'; queued: number }> {
  return ctx.writes.run(async (tx) => {
    const row = (await tx.execute({ sql: 'SELECT email, status FROM subscribers WHERE id = ?', args: [id] })).rows[0];
    if (!row) return { outcome: 'invalid', queued: 0 };
    if (row.status === 'unsubscribed') return { outcome: 'unsubscribed', queued: 0 };
    await tx.execute({ sql: `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ? WHERE id = ?`, args: [now.toISOString(), id] });
    if (ctx.mailer.kind !== 'resend') return { outcome: 'unsubscribed', queued: 0 };
    const payload = { kind: 'contact-unsubscribe', email: String(row.email) } as const;
    const queued = Number(await enqueue(tx, { idempotencyKey: `newsletter-unsubscribe-${id}-${now.getTime()}`, subscriberId: id, orderingKey: contactOrder(id), payload }, now));
    return { outcome: 'unsubscribed', queued };
  });
}

/**
 * The reader left through the unsubscribe link Resend puts in every issue (Resend's contact event, which
 * happened `at`): the site's record follows, and nothing is queued (Resend already has it). Not when
 * Resend has since been told, or is about to be told, to subscribe them: a confirmation newer than the
 * event, or a subscribe in the outbox still to go or sent after it. That is also how the echo of the
 * site's own unsubscribe, delayed past a reader's new confirmation by an outage, leaves them subscribed.
 * Returns whether a record changed.
 */
export async function unsubscribedAtProvider(ctx: ApiContext, email: string, at: Date, now = new Date()): Promise<boolean> {
  const key = emailKey(ctx.secret, normalizeEmail(email));
  const happened = at.toISOString();
  return ctx.writes.run(async (tx) => {
    const changed = await tx.execute({
      sql: `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?
            WHERE email_key = ? AND status = 'confirmed' AND (confirmed_at IS NULL OR confirmed_at < ?)
              AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.subscriber_id = subscribers.id AND m.kind = 'contact'
                              AND (m.status IN ('pending', 'sending') OR m.sent_at >= ?))`,
      args: [now.toISOString(), key, happened, happened],
    });
    return changed.rowsAffected > 0;
  });
}
