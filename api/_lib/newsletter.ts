// The newsletter's rules: double opt-in, neutral answers (nobody can probe who is subscribed),
// unsubscribe at once. Every state change and the messages it causes are written in one transaction.
import { v7 as timeOrderedId } from 'uuid';
import type { Transaction } from '@libsql/client';
import type { ApiContext } from './context.ts';
import { enqueue } from './outbox.ts';
import { createToken, keyedHash, verifyToken } from './tokens.ts';
import { NEWSLETTER_CONSENT_VERSION, type NewsletterSignup } from '../../src/lib/schemas.ts';

export const CONFIRM_TOKEN_TTL_SECONDS = 7 * 24 * 3600;
/** Unsubscribe links in old emails keep working. */
const UNSUBSCRIBE_TOKEN_TTL_SECONDS = 10 * 365 * 24 * 3600;
/** A pending address gets at most one confirmation email per window, however often it signs up. */
export const CONFIRM_RESEND_WINDOW_MS = 10 * 60_000;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

interface SignupMeta {
  clientAddress: string;
  baseUrl: string;
  now?: Date;
}

/**
 * Stores the sign-up and queues its confirmation email, inside the caller's transaction; returns how
 * many messages it queued. One upsert, so two identical sign-ups racing cannot both insert.
 */
export async function subscribe(tx: Transaction, secret: string, signup: NewsletterSignup, meta: SignupMeta): Promise<number> {
  const now = meta.now ?? new Date();
  const at = now.toISOString();
  const email = normaliseEmail(signup.email);
  // A confirmed address stays as it is (no row comes back); a pending or unsubscribed one is pending
  // again with this consent: an unsubscribed address that signs up must confirm anew.
  const upsert = await tx.execute({
    sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at)
          VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)
          ON CONFLICT(email_key) DO UPDATE SET status = 'pending', source = excluded.source,
            consent_text_version = excluded.consent_text_version, consent_at = excluded.consent_at,
            consent_address_hash = excluded.consent_address_hash, unsubscribed_at = NULL
          WHERE subscribers.status <> 'confirmed'
          RETURNING id`,
    args: [timeOrderedId(), email, keyedHash(secret, 'email', email), signup.source, NEWSLETTER_CONSENT_VERSION, at, keyedHash(secret, 'address', meta.clientAddress), at],
  });
  const row = upsert.rows[0];
  if (!row) return 0;
  const id = String(row.id);
  const token = createToken(secret, 'newsletter-confirm', id, CONFIRM_TOKEN_TTL_SECONDS, now.getTime());
  const props = { confirmUrl: `${meta.baseUrl}/api/newsletter/confirm?token=${token}`, siteUrl: meta.baseUrl, privacyUrl: `${meta.baseUrl}/privacy` };
  const window = Math.floor(now.getTime() / CONFIRM_RESEND_WINDOW_MS);
  const queued = await enqueue(tx, { idempotencyKey: `newsletter-confirm-${id}-${window}`, subscriberId: id, payload: { kind: 'email', email: { template: 'confirm-subscription', to: email, props } } }, now);
  return queued ? 1 : 0;
}

export type ConfirmOutcome = 'confirmed' | 'expired' | 'invalid';

/** Confirms the address once (later clicks still land on the confirmed page); returns how many messages it queued. */
export async function confirm(ctx: ApiContext, token: string, baseUrl: string, now = new Date()): Promise<{ outcome: ConfirmOutcome; queued: number }> {
  const check = verifyToken(ctx.secret, 'newsletter-confirm', token, now.getTime());
  if (!check.ok) return { outcome: check.reason === 'expired' ? 'expired' : 'invalid', queued: 0 };
  const id = check.subject;
  return ctx.writes.run(async (tx) => {
    const row = (await tx.execute({ sql: 'SELECT email, status FROM subscribers WHERE id = ?', args: [id] })).rows[0];
    if (!row) return { outcome: 'invalid', queued: 0 };
    if (row.status === 'unsubscribed') return { outcome: 'invalid', queued: 0 };
    if (row.status === 'confirmed') return { outcome: 'confirmed', queued: 0 };
    await tx.execute({ sql: `UPDATE subscribers SET status = 'confirmed', confirmed_at = ? WHERE id = ?`, args: [now.toISOString(), id] });
    const email = String(row.email);
    const unsubscribeToken = createToken(ctx.secret, 'newsletter-unsubscribe', id, UNSUBSCRIBE_TOKEN_TTL_SECONDS, now.getTime());
    const props = {
      siteUrl: baseUrl,
      checklistUrl: `${baseUrl}/blog/ai-automation-audit-checklist#readiness-check`,
      unsubscribeUrl: `${baseUrl}/api/newsletter/unsubscribe?token=${unsubscribeToken}`,
    };
    const welcome = { kind: 'email', email: { template: 'welcome', to: email, props } } as const;
    let queued = Number(await enqueue(tx, { idempotencyKey: `newsletter-welcome-${id}`, subscriberId: id, payload: welcome }, now));
    // The provider's audience is only touched through the outbox, so an outage loses nothing.
    if (ctx.mailer.kind === 'resend') {
      queued += Number(await enqueue(tx, { idempotencyKey: `newsletter-contact-${id}`, subscriberId: id, payload: { kind: 'contact', email } }, now));
    }
    return { outcome: 'confirmed', queued };
  });
}

/** Unsubscribes at once; an already-unsubscribed address gets the same answer. Returns how many messages it queued. */
export async function unsubscribe(ctx: ApiContext, token: string, now = new Date()): Promise<{ outcome: 'unsubscribed' | 'invalid'; queued: number }> {
  const check = verifyToken(ctx.secret, 'newsletter-unsubscribe', token, now.getTime());
  if (!check.ok) return { outcome: 'invalid', queued: 0 };
  const id = check.subject;
  return ctx.writes.run(async (tx) => {
    const row = (await tx.execute({ sql: 'SELECT email, status FROM subscribers WHERE id = ?', args: [id] })).rows[0];
    if (!row) return { outcome: 'invalid', queued: 0 };
    if (row.status === 'unsubscribed') return { outcome: 'unsubscribed', queued: 0 };
    await tx.execute({ sql: `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ? WHERE id = ?`, args: [now.toISOString(), id] });
    if (ctx.mailer.kind !== 'resend') return { outcome: 'unsubscribed', queued: 0 };
    const payload = { kind: 'contact-unsubscribe', email: String(row.email) } as const;
    const queued = Number(await enqueue(tx, { idempotencyKey: `newsletter-unsubscribe-${id}-${now.getTime()}`, subscriberId: id, payload }, now));
    return { outcome: 'unsubscribed', queued };
  });
}
