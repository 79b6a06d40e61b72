// Who may run the retry job (GET /api/outbox/retry), through HTTP on the real local server: on a Vercel
// deployment (VERCEL_ENV set) only the scheduler with the right CRON_SECRET, and a deployment without
// CRON_SECRET refuses everyone with a plain 403 (a preview once ran the job for anyone); the local server
// without a secret runs it for anyone only on a loopback address, as in development. A refused call changes nothing.
import { describe, expect, it, vi } from 'vitest';
import { fileOutbox } from '../fixtures/file-outbox.ts';

const CRON_SECRET = 'cron-secret-for-the-test-0123456789';
const PREVIEW = { VERCEL_ENV: 'preview', VERCEL_URL: 'site-abc123-team.vercel.app', SITE_URL: undefined, RESEND_API_KEY: undefined };
const LOCAL = { VERCEL_ENV: undefined, VERCEL_URL: undefined, SITE_URL: undefined, RESEND_API_KEY: undefined };

/** A local server with these settings, on a fresh module graph (the API reads its settings when its modules load). */
async function serverWith(name: string, env: Record<string, string | undefined>) {
  vi.resetModules();
  const { startApiServer: start } = await import('../fixtures/api-server.ts');
  const started = await start(name, env);
  const { enqueue } = await import('../../api/_lib/mail/outbox.ts');
  /** Queues one email that is due now, as a sign-up would. */
  const queueOne = async () => {
    const ctx = await started.apiContext();
    await ctx.writes.run((tx) =>
      enqueue(tx, { idempotencyKey: 'due-now', payload: { kind: 'email', email: { template: 'confirm-subscription', to: 'reader@example.com', props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } } }),
    );
  };
  const messageStatus = async () => String((await (await started.apiContext()).db.execute(`SELECT status FROM messages WHERE idempotency_key = 'due-now'`)).rows[0]?.status);
  return { ...started, queueOne, messageStatus, sent: () => fileOutbox(started.dataDir).mails().length };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('a Vercel preview without CRON_SECRET', () => {
  it('refuses every call with a plain 403 that says why, and delivers nothing', async () => {
    const { server, queueOne, messageStatus, sent } = await serverWith('retry-preview-no-secret', { ...PREVIEW, CRON_SECRET: undefined });
    await queueOne();
    for (const headers of [{}, bearer('anything'), bearer('undefined'), { authorization: 'Bearer ' }]) {
      const reply = await server.send('/api/outbox/retry', { headers });
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(reply.headers['cache-control']).toBe('no-store');
      const { error } = JSON.parse(reply.body);
      expect(error.code).toBe('cron_secret_not_set');
      expect(error.message).toContain('no CRON_SECRET set');
      expect(reply.body).not.toMatch(/\bat .*\.ts:\d+/); // no stack
    }
    expect((await server.send('/api/outbox/retry', { method: 'HEAD' })).status).toBe(403);
    expect(await messageStatus()).toBe('pending');
    expect(sent()).toBe(0);
  });

  it('opens nothing before it refuses: no database file and no generated secret appear', async () => {
    const { server, dataDir } = await serverWith('retry-preview-untouched', { ...PREVIEW, CRON_SECRET: undefined });
    const { readdirSync } = await import('node:fs');
    expect((await server.send('/api/outbox/retry')).status).toBe(403);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('a Vercel preview with CRON_SECRET', () => {
  it('runs the job only for the right secret', async () => {
    const { server, queueOne, messageStatus, sent } = await serverWith('retry-preview-secret', { ...PREVIEW, CRON_SECRET });
    await queueOne();
    for (const headers of [{}, bearer('wrong'), bearer(`${CRON_SECRET}x`), { authorization: CRON_SECRET }]) {
      const reply = await server.send('/api/outbox/retry', { headers });
      expect(reply.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe('unauthorized');
    }
    expect(await messageStatus()).toBe('pending');
    const reply = await server.send('/api/outbox/retry', { headers: bearer(CRON_SECRET) });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, sent: 1 });
    expect(await messageStatus()).toBe('sent');
    expect(sent()).toBe(1);
  });
});

describe('the local server (no Vercel environment)', () => {
  it('without CRON_SECRET runs the job for anyone, as in development', async () => {
    const { server, queueOne, messageStatus } = await serverWith('retry-local-open', { ...LOCAL, CRON_SECRET: undefined });
    await queueOne();
    const reply = await server.send('/api/outbox/retry');
    expect(reply.status).toBe(200);
    expect(await messageStatus()).toBe('sent');
  });

  it('without CRON_SECRET but listening on the network (HOST=0.0.0.0, self-hosted) refuses everyone', async () => {
    const { server, queueOne, messageStatus } = await serverWith('retry-network-no-secret', { ...LOCAL, CRON_SECRET: undefined, HOST: '0.0.0.0' });
    await queueOne();
    const reply = await server.send('/api/outbox/retry');
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'cron_secret_not_set' } });
    expect(await messageStatus()).toBe('pending');
  });

  it('with CRON_SECRET asks for it too', async () => {
    const { server } = await serverWith('retry-local-secret', { ...LOCAL, CRON_SECRET });
    expect((await server.send('/api/outbox/retry')).status).toBe(401);
    expect((await server.send('/api/outbox/retry', { headers: bearer(CRON_SECRET) })).status).toBe(200);
  });
});
