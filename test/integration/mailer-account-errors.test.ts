// An answer about the account rather than the email: a sender domain that is not verified (403), a key
// that was rotated or revoked (403 invalid_api_key), a key restricted to sending (401). Every email fails
// the same way until the operator fixes it, so none of them is dead on its first try (they were: every
// visitor's confirmation with its manage link, every operator's notice of that window). They are retried
// with the usual backoff, the same idempotency key each time, and the attempt cap still ends them after
// about three hours. An email the provider will never take (422) is still dead at once. Through the real
// resend SDK against test/fixtures/fake-resend.ts, on fixed clocks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../api/_lib/mail/mailer.ts';
import { backoffMs, deliverDue, enqueue } from '../../api/_lib/mail/outbox.ts';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb } from '../../api/_lib/store/db.ts';
import { startFakeResend } from '../fixtures/fake-resend.ts';

const resend = await startFakeResend();
afterAll(() => resend.close());

const settings = (key: string) => readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'mailer-account-')), RESEND_API_KEY: key, RESEND_BASE_URL: resend.url });
const config = settings('re_test_key');
const mailer = createMailer(config);
const email = { to: 'ada@example.com', subject: 'Your call', html: '<p>Booked.</p>', text: 'Booked.' };

describe('a provider answer about the account', () => {
  it('is retryable: a domain not verified, an unknown or rotated key, a key restricted to sending', async () => {
    resend.fail(1, 403, 'emails');
    expect(await mailer.sendEmail(email, 'domain-not-verified')).toEqual({ ok: false, retryable: true, error: expect.stringMatching(/^403 validation_error: The site\.test domain is not verified/) });

    const rotated = createMailer(settings('re_rotated_key'));
    expect(await rotated.sendEmail(email, 'rotated-key')).toEqual({ ok: false, retryable: true, error: '403 invalid_api_key: API key is invalid' });

    resend.fail(1, 401, 'contacts');
    expect(await mailer.createContact('ada@example.com')).toEqual({ ok: false, retryable: true, error: '401 restricted_api_key: This API key is restricted to only send emails' });
    expect(resend.delivered).toEqual([]);
  });

  it('is not confused with an email the provider will never take (422): that one stays permanent', async () => {
    resend.fail(1, 422, 'emails');
    expect(await mailer.sendEmail(email, 'bad-address')).toEqual({ ok: false, retryable: false, error: expect.stringMatching(/^422 validation_error: Invalid `to` field/) });
  });

  it('keeps the email pending through the outage, with backoff, and sends it once when the domain is fixed', async () => {
    const db = await getDb(config);
    const t0 = new Date('2026-12-07T09:00:00Z');
    const tx = await db.transaction('write');
    await enqueue(tx, { idempotencyKey: 'booking-1-0-confirmed-visitor', payload: { kind: 'email', email: { template: 'confirm-subscription', to: 'ada@example.com', props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } } }, t0);
    await tx.commit();
    tx.close();
    const row = async () => (await db.execute(`SELECT status, attempts, next_attempt_at, last_error FROM messages WHERE idempotency_key = 'booking-1-0-confirmed-visitor'`)).rows[0]!;

    resend.fail(3, 403, 'emails');
    let at = t0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverDue(db, mailer, { now: at })).toMatchObject({ claimed: 1, retried: 1, dead: 0 });
      const next = new Date(at.getTime() + backoffMs(attempt));
      expect(await row()).toMatchObject({ status: 'pending', attempts: attempt, next_attempt_at: next.toISOString(), last_error: expect.stringContaining('domain is not verified') });
      at = next;
    }
    expect(await deliverDue(db, mailer, { now: at })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row()).toMatchObject({ status: 'sent', attempts: 4, last_error: null });
    expect(resend.sendsPerKey.get('booking-1-0-confirmed-visitor')).toBe(1);
  });
});
