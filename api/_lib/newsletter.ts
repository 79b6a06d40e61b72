// The newsletter's rules: double opt-in, neutral answers (nobody can probe who is subscribed),
// unsubscribe at once. Every state change and the messages it causes are written in one transaction.
import { randomUUID } from 'node:crypto';
import type { ApiContext } from './context.ts';
import { confirmSubscriptionEmail } from './emails/confirm-subscription.ts';
import { welcomeEmail } from './emails/welcome.ts';
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

/** Stores the sign-up and queues its confirmation email; returns the queued message id, if any. */
export async function subscribe(ctx: ApiContext, signup: NewsletterSignup, meta: SignupMeta): Promise<string[]> {
  const now = meta.now ?? new Date();
  const email = normaliseEmail(signup.email);
  const emailKey = keyedHash(ctx.secret, 'email', email);
  const addressHash = keyedHash(ctx.secret, 'address', meta.clientAddress);
  // Two identical sign-ups racing: one insert wins, the other retries and finds the row.
  for (let attempt = 0; ; attempt++) {
    try {
      return await subscribeOnce(ctx, { email, emailKey, addressHash, source: signup.source, now, baseUrl: meta.baseUrl });
    } catch (error) {
      if (attempt < 3 && /UNIQUE|SQLITE_BUSY|database is locked/i.test(String(error))) continue;
      throw error;
    }
  }
}

async function subscribeOnce(ctx: ApiContext, s: { email: string; emailKey: string; addressHash: string; source: string; now: Date; baseUrl: string }): Promise<string[]> {
  const at = s.now.toISOString();
  const tx = await ctx.db.transaction('write');
  try {
    const found = (await tx.execute({ sql: 'SELECT id, status FROM subscribers WHERE email_key = ?', args: [s.emailKey] })).rows[0];
    let id: string;
    if (!found) {
      id = randomUUID();
      await tx.execute({
        sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at)
              VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
        args: [id, s.email, s.emailKey, s.source, NEWSLETTER_CONSENT_VERSION, at, s.addressHash, at],
      });
    } else {
      id = String(found.id);
      if (found.status === 'confirmed') {
        await tx.commit();
        return [];
      }
      // Pending again, with this consent: an unsubscribed address that signs up must confirm anew.
      await tx.execute({
        sql: `UPDATE subscribers SET status = 'pending', source = ?, consent_text_version = ?, consent_at = ?, consent_address_hash = ?, unsubscribed_at = NULL WHERE id = ?`,
        args: [s.source, NEWSLETTER_CONSENT_VERSION, at, s.addressHash, id],
      });
    }
    const token = createToken(ctx.secret, 'newsletter-confirm', id, CONFIRM_TOKEN_TTL_SECONDS, s.now.getTime());
    const mail = await confirmSubscriptionEmail({
      confirmUrl: `${s.baseUrl}/api/newsletter/confirm?token=${token}`,
      siteUrl: s.baseUrl,
      privacyUrl: `${s.baseUrl}/privacy`,
    });
    const window = Math.floor(s.now.getTime() / CONFIRM_RESEND_WINDOW_MS);
    const idempotencyKey = `newsletter-confirm-${id}-${window}`;
    const queued = await enqueue(tx, { idempotencyKey, subscriberId: id, payload: { kind: 'email', email: { to: s.email, ...mail } } }, s.now);
    await tx.commit();
    return queued ? [idempotencyKey] : [];
  } catch (error) {
    await tx.rollback();
    throw error;
  } finally {
    tx.close();
  }
}

export type ConfirmOutcome = 'confirmed' | 'expired' | 'invalid';

/** Confirms the address once (later clicks still land on the confirmed page); returns what it queued. */
export async function confirm(ctx: ApiContext, token: string, baseUrl: string, now = new Date()): Promise<{ outcome: ConfirmOutcome; queued: string[] }> {
  const check = verifyToken(ctx.secret, 'newsletter-confirm', token, now.getTime());
  if (!check.ok) return { outcome: check.reason === 'expired' ? 'expired' : 'invalid', queued: [] };
  const queued: string[] = [];
  const tx = await ctx.db.transaction('write');
  try {
    const row = (await tx.execute({ sql: 'SELECT email, status FROM subscribers WHERE id = ?', args: [check.subject] })).rows[0];
    if (!row) {
      await tx.rollback();
      return { outcome: 'invalid', queued };
    }
    if (row.status === 'pending') {
      const at = now.toISOString();
      await tx.execute({ sql: `UPDATE subscribers SET status = 'confirmed', confirmed_at = ? WHERE id = ?`, args: [at, check.subject] });
      const email = String(row.email);
      const unsubscribeToken = createToken(ctx.secret, 'newsletter-unsubscribe', check.subject, UNSUBSCRIBE_TOKEN_TTL_SECONDS, now.getTime());
      const welcome = await welcomeEmail({
        siteUrl: baseUrl,
        checklistUrl: `${baseUrl}/blog/ai-automation-audit-checklist#readiness-check`,
        unsubscribeUrl: `${baseUrl}/api/newsletter/unsubscribe?token=${unsubscribeToken}`,
      });
      if (await enqueue(tx, { idempotencyKey: `newsletter-welcome-${check.subject}`, subscriberId: check.subject, payload: { kind: 'email', email: { to: email, ...welcome } } }, now)) {
        queued.push(`newsletter-welcome-${check.subject}`);
      }
      // The provider's audience is only touched through the outbox, so an outage loses nothing.
      if (ctx.mailer.kind === 'resend') {
        if (await enqueue(tx, { idempotencyKey: `newsletter-contact-${check.subject}`, subscriberId: check.subject, payload: { kind: 'contact', email } }, now)) {
          queued.push(`newsletter-contact-${check.subject}`);
        }
      }
    }
    await tx.commit();
    return { outcome: row.status === 'unsubscribed' ? 'invalid' : 'confirmed', queued };
  } catch (error) {
    await tx.rollback();
    throw error;
  } finally {
    tx.close();
  }
}

/** Unsubscribes at once; an already-unsubscribed address gets the same answer. Returns what it queued. */
export async function unsubscribe(ctx: ApiContext, token: string, now = new Date()): Promise<{ outcome: 'unsubscribed' | 'invalid'; queued: string[] }> {
  const check = verifyToken(ctx.secret, 'newsletter-unsubscribe', token, now.getTime());
  if (!check.ok) return { outcome: 'invalid', queued: [] };
  const tx = await ctx.db.transaction('write');
  try {
    const row = (await tx.execute({ sql: 'SELECT email, status FROM subscribers WHERE id = ?', args: [check.subject] })).rows[0];
    if (!row) {
      await tx.rollback();
      return { outcome: 'invalid', queued: [] };
    }
    const queued: string[] = [];
    if (row.status !== 'unsubscribed') {
      await tx.execute({ sql: `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ? WHERE id = ?`, args: [now.toISOString(), check.subject] });
      if (ctx.mailer.kind === 'resend') {
        const key = `newsletter-unsubscribe-${check.subject}-${now.getTime()}`;
        if (await enqueue(tx, { idempotencyKey: key, subscriberId: check.subject, payload: { kind: 'contact-unsubscribe', email: String(row.email) } }, now)) queued.push(key);
      }
    }
    await tx.commit();
    return { outcome: 'unsubscribed', queued };
  } catch (error) {
    await tx.rollback();
    throw error;
  } finally {
    tx.close();
  }
}
