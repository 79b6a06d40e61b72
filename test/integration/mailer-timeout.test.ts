// A mail provider that takes a request and never answers must not hold up delivery: delivery runs one
// message at a time, so without a deadline every email behind the stalled one (and the retry job)
// waited for Node's 5-minute header timeout. The stalled message is retried with the same key.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../api/_lib/mail/mailer.ts';
import { deliverDue, enqueue } from '../../api/_lib/mail/outbox.ts';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb } from '../../api/_lib/store/db.ts';
import { startFakeResend } from '../fixtures/fake-resend.ts';

const resend = await startFakeResend();
afterAll(() => resend.close());

const config = readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'mailer-timeout-')), RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url });
const mailer = createMailer(config, { timeoutMs: 300 });

const email = (to: string) => ({ to, subject: 'Your call', html: '<p>Booked.</p>', text: 'Booked.' });

describe('the Resend mailer under a provider that never answers', () => {
  it('gives up on the call at its deadline with a retryable failure, and the retry is sent once', async () => {
    const held = resend.holdAfter(0);
    const result = await mailer.sendEmail(email('ada@example.com'), 'booking-1-confirmation');
    expect(await held).toBe('booking-1-confirmation');
    expect(result).toEqual({ ok: false, retryable: true, error: 'timeout: the provider did not answer within 0.3 s' });

    // The provider had taken it; the retry carries the same key, so it is answered without a second email.
    expect(await mailer.sendEmail(email('ada@example.com'), 'booking-1-confirmation')).toEqual({ ok: true, providerId: expect.any(String) });
    expect(resend.sendsPerKey.get('booking-1-confirmation')).toBe(2);
    expect(resend.delivered.filter((m) => m.idempotencyKey === 'booking-1-confirmation')).toHaveLength(1);
  });

  it('lets a delivery run go on to the next message after a stalled one', async () => {
    const db = await getDb(config);
    const now = new Date('2026-12-07T09:00:00Z');
    const tx = await db.transaction('write');
    for (const key of ['stalled', 'next']) {
      await enqueue(tx, { idempotencyKey: key, payload: { kind: 'email', email: { template: 'confirm-subscription', to: `${key}@example.com`, props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } } }, now);
    }
    await tx.commit();
    tx.close();

    void resend.holdAfter(0);
    const stats = await deliverDue(db, mailer, { now });
    expect(stats).toMatchObject({ claimed: 2, sent: 1, retried: 1, dead: 0 });
    const rows = Object.fromEntries((await db.execute('SELECT idempotency_key, status, last_error FROM messages')).rows.map((r) => [String(r.idempotency_key), [String(r.status), r.last_error]]));
    expect(rows).toEqual({
      stalled: ['pending', expect.stringContaining('did not answer within 0.3 s')],
      next: ['sent', null],
    });
  });
});
