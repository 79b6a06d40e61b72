// The retry job's steps live in one place (api/_lib/runtime/scheduled-jobs.ts): the Vercel Cron route and
// the local server's timer both run them, so a step added to one can no longer be missing from the other.
// On a fixed clock: stale calendar feeds refreshed, due mail delivered, old rate-limit windows swept and
// expired records deleted, in one call.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { fileOutbox } from '../fixtures/file-outbox.ts';

const { apiContext, dataDir } = await startApiServer('scheduled-jobs', { SITE_URL: 'https://site.test', RESEND_API_KEY: undefined, OPERATOR_WEBHOOK_URL: undefined, BOOKING_BUSY_FEEDS: undefined });
const { runScheduledJobs } = await import('../../api/_lib/runtime/scheduled-jobs.ts');
const { enqueue } = await import('../../api/_lib/mail/outbox.ts');

const source = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the scheduled jobs', () => {
  it('are run by the cron route and by the local server through one function, neither with steps of its own', () => {
    for (const path of ['api/outbox/retry.ts', 'scripts/serve.ts']) {
      const code = source(path);
      expect(code, path).toMatch(/runtime\/scheduled-jobs\.ts/);
      expect(code, path).toMatch(/runScheduledJobs\(/);
      for (const step of ['deliverDue', 'refreshStaleFeeds', 'sweepRateLimits', 'deleteExpiredRecords']) expect(code, `${path} calls ${step} itself`).not.toContain(step);
    }
  });

  it('deliver what is due, sweep old rate-limit windows and delete expired records, on the clock given', async () => {
    const ctx = await apiContext();
    const now = new Date('2026-12-07T09:00:00Z');
    await ctx.writes.run((tx) => enqueue(tx, { idempotencyKey: 'due', payload: { kind: 'email', email: { template: 'confirm-subscription', to: 'reader@example.com', props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } } }, now));
    const second = Math.floor(now.getTime() / 1000);
    await ctx.db.execute({ sql: 'INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1), (?, ?, 1)', args: ['old', second - 25 * 3600, 'fresh', second - 60] });
    // An unconfirmed sign-up from 31 days before: the privacy page says it goes after 30.
    const consentAt = new Date(now.getTime() - 31 * 86_400_000).toISOString();
    await ctx.db.execute({
      sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at)
            VALUES ('s-old', 'old@example.com', 'k-old', 'pending', 'footer', 'v1', ?, 'h', ?)`,
      args: [consentAt, consentAt],
    });

    const result = await runScheduledJobs(ctx, { now });
    expect(result.delivery).toMatchObject({ claimed: 1, sent: 1, handedBack: 0 });
    expect(result.deleted).toEqual({ subscribers: 1, bookings: 0 });
    expect(fileOutbox(dataDir).mails().map((m) => m.to)).toEqual(['reader@example.com']);
    expect((await ctx.db.execute('SELECT key FROM rate_limits ORDER BY key')).rows.map((r) => r.key)).toEqual(['fresh']);
  });
});
