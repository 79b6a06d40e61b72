// The newsletter's rules: double opt-in, neutral answers (nobody can probe who is subscribed),
// unsubscribe at once. Every state change and the messages it causes are written in one transaction.
import { v7 as timeOrderedId } from 'uuid';
import type { Transaction } from '@libsql/client';
import type { ApiContext } from '../runtime/context.ts';
import { enqueue } from '../mail/outbox.ts';
import { queueWebhook, utmFromRow } from '../webhook/events.ts';
import { createToken, emailKey, keyedHash, normalizeEmail } from '../signing/tokens.ts';
import { NEWSLETTER_CONSENT_VERSION, type NewsletterSignup } from '../../../src/lib/newsletter/request.ts';
import { CONFIRM_LINK_DAYS, CONFIRM_RESEND_MINUTES, CONFIRMATIONS_PER_DAY } from '../../../src/config/newsletter.ts';
import { UTM_KEYS, type LeadSource } from '../../../src/lib/leads/source.ts';
import { MINUTE_MS, DAY_MS } from '../../../src/lib/time/durations.ts';

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

/**
 * Stores the sign-up and queues its confirmation email, inside the caller's transaction; returns how
 * many messages it queued. One upsert, so two identical sign-ups racing cannot both insert.
 */
export async function subscribe(tx: Transaction, secret: string, signup: NewsletterSignup, meta: SignupMeta): Promise<number> {
  const now = meta.now ?? new Date();
  const at = now.toISOString();
  const email = normalizeEmail(signup.email);
  // A confirmed address stays as it is (no row comes back); a pending or unsubscribed one is pending
  // again with this consent: an unsubscribed address that signs up must confirm anew. The upsert leaves
  // `unsubscribed_at` as it was and returns it (RETURNING shows the row after the update), so a
  // sign-up after an unsubscribe is known without a read of its own on every sign-up.
  const upsert = await tx.execute({
    sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at,
            source_page, utm_source, utm_medium, utm_campaign, utm_term, utm_content)
          VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(email_key) DO UPDATE SET status = 'pending', source = excluded.source,
            source_page = excluded.source_page, utm_source = excluded.utm_source, utm_medium = excluded.utm_medium,
            utm_campaign = excluded.utm_campaign, utm_term = excluded.utm_term, utm_content = excluded.utm_content,
            consent_text_version = excluded.consent_text_version, consent_at = excluded.consent_at,
            consent_address_hash = excluded.consent_address_hash
          WHERE subscribers.status <> 'confirmed'
          RETURNING id, unsubscribed_at`,
    args: [
      timeOrderedId(), email, emailKey(secret, email), signup.source, NEWSLETTER_CONSENT_VERSION, at, keyedHash(secret, 'address', meta.clientAddress), at,
      meta.source.page, ...UTM_KEYS.map((key) => meta.source.utm[key] ?? null),
    ],
  });
  const row = upsert.rows[0];
  if (!row) return 0;
  const id = String(row.id);
  // Only the address's owner can unsubscribe (the link is signed): a sign-up after that starts afresh,
  // so the pause after a confirmation sent before the unsubscribe does not hold back the new one.
  const unsubscribedAt = row.unsubscribed_at ? String(row.unsubscribed_at) : null;
  if (unsubscribedAt) await tx.execute({ sql: 'UPDATE subscribers SET unsubscribed_at = NULL WHERE id = ?', args: [id] });
  // A third party can type anyone's address into the form: the inbox behind it is protected by a cap,
  // and by a pause after each confirmation measured from that email, not from a clock's window (two
  // sign-ups three seconds apart across a window's edge each sent one).
  const pauseFrom = new Date(now.getTime() - CONFIRM_RESEND_WINDOW_MS).toISOString();
  const sent = await tx.execute({
    sql: `SELECT COUNT(*) AS today, COALESCE(SUM(created_at > ?), 0) AS recent FROM messages
          WHERE subscriber_id = ? AND idempotency_key LIKE 'newsletter-confirm-%' AND created_at > ?`,
    args: [unsubscribedAt && unsubscribedAt > pauseFrom ? unsubscribedAt : pauseFrom, id, new Date(now.getTime() - DAY_MS).toISOString()],
  });
  if (Number(sent.rows[0]?.today ?? 0) >= CONFIRMATIONS_PER_DAY || Number(sent.rows[0]?.recent ?? 0) > 0) return 0;
  const token = createToken(secret, 'newsletter-confirm', id, CONFIRM_TOKEN_TTL_SECONDS, now.getTime());
  const props = { confirmUrl: `${meta.siteUrl}/api/newsletter/confirm?token=${token}`, siteUrl: meta.siteUrl, privacyUrl: `${meta.siteUrl}/privacy` };
  // The window in the key still makes racing identical sign-ups one email, whatever the transaction isolation.
  const window = Math.floor(now.getTime() / CONFIRM_RESEND_WINDOW_MS);
  const afresh = unsubscribedAt ? `-after-${Date.parse(unsubscribedAt)}` : '';
  const queued = await enqueue(tx, {
    idempotencyKey: `newsletter-confirm-${id}-${window}${afresh}`,
    subscriberId: id,
    payload: { kind: 'email', email: { template: 'confirm-subscription', to: email, props }, guard: { subject: 'subscriber', id, status: ['pending'] } },
  }, now);
  return queued ? 1 : 0;
}

export type SubscriberRow = { email: string; status: 'pending' | 'confirmed' | 'unsubscribed' };

/** The subscriber a verified token names, or null. Reads only. */
export async function findSubscriber(ctx: ApiContext, id: string): Promise<SubscriberRow | null> {
  const row = (await ctx.db.execute({ sql: 'SELECT email, status FROM subscribers WHERE id = ?', args: [id] })).rows[0];
  return row ? { email: String(row.email), status: String(row.status) as SubscriberRow['status'] } : null;
}

/** Confirms the address once (later presses land on the confirmed page too); returns how many messages it queued. */
export async function confirmSubscriber(ctx: ApiContext, id: string, now = new Date()): Promise<{ outcome: 'confirmed' | 'invalid'; queued: number }> {
  const siteUrl = ctx.config.siteUrl;
  return ctx.writes.run(async (tx) => {
    const row = (await tx.execute({ sql: 'SELECT * FROM subscribers WHERE id = ?', args: [id] })).rows[0];
    if (!row || row.status === 'unsubscribed') return { outcome: 'invalid', queued: 0 };
    if (row.status === 'confirmed') return { outcome: 'confirmed', queued: 0 };
    await tx.execute({ sql: `UPDATE subscribers SET status = 'confirmed', confirmed_at = ? WHERE id = ?`, args: [now.toISOString(), id] });
    const email = String(row.email);
    const unsubscribeToken = createToken(ctx.secret, 'newsletter-unsubscribe', id, UNSUBSCRIBE_TOKEN_TTL_SECONDS, now.getTime());
    const props = {
      siteUrl,
      checklistUrl: `${siteUrl}/blog/ai-automation-audit-checklist#readiness-check`,
      unsubscribeUrl: `${siteUrl}/api/newsletter/unsubscribe?token=${unsubscribeToken}`,
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
    queued += await queueWebhook(ctx, tx, `subscriber.confirmed:${id}:${now.getTime()}`, { type: 'subscriber.confirmed', subscriber }, now);
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
