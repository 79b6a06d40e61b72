// The operator's webhook for real: messages queued with what they report, delivered through the
// outbox by deliverDue on a fixed clock, to a local receiver on 127.0.0.1 that checks the signature
// and answers from a script (200, 500 for a while, 400, no answer at all). No chat app is reachable
// here, so Slack and Teams bodies are checked by shape in test/unit/webhook/.
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { v7 as timeOrderedId } from 'uuid';
import type { ApiContext } from '../../api/_lib/runtime/context.ts';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb } from '../../api/_lib/store/db.ts';
import { createMailer } from '../../api/_lib/mail/mailer.ts';
import { backoffMs, deliverDue } from '../../api/_lib/mail/outbox.ts';
import { createWriteBatches } from '../../api/_lib/store/write-batches.ts';
import { createWebhookSender } from '../../api/_lib/webhook/send.ts';
import { queueWebhook } from '../../api/_lib/webhook/events.ts';
import { confirmSubscriber } from '../../api/_lib/newsletter/subscriptions.ts';
import { queueHoldsSpikeAlert } from '../../api/_lib/booking/slot-holds.ts';
import { refreshStaleFeeds } from '../../api/_lib/calendar/refresh.ts';
import { configError } from '../fixtures/config-error.ts';

const SECRET = 'receiver-shared-secret-42';

// The receiver ---------------------------------------------------------------------------------------

type Answer = number | 'hang';
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: { id: string; type: string; occurredAt: string; text: string; data: Record<string, any> };
}
const received: Received[] = [];
/** What the next POSTs are answered, in order; 200 once it runs out. */
let script: Answer[] = [];
const receiver = createServer((req, res) => {
  if (req.method === 'GET') {
    // The calendar feed test's feed: not there.
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    received.push({ path: req.url!, headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')) });
    const answer = script.shift() ?? 200;
    if (answer === 'hang') return; // never answers; the sender's timeout ends it
    if (answer === 503) res.writeHead(503, { 'retry-after': '600' }).end('busy');
    else if (answer === 400) res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
    else res.writeHead(answer).end(answer === 200 ? 'ok' : 'error');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
const HOOK = `${origin}/hook?token=secret-path-123`;
afterAll(() => {
  receiver.closeAllConnections();
  receiver.close();
});

// A context of its own per test: a fresh database, the receiver as OPERATOR_WEBHOOK_URL -----------------

async function freshContext(env: Record<string, string> = {}, webhookTimeoutMs = 5_000): Promise<ApiContext> {
  const config = readConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'webhook-')),
    SITE_URL: 'https://site.test',
    BOOKING_TIMEZONE: 'Europe/Berlin',
    OPERATOR_WEBHOOK_URL: HOOK,
    OPERATOR_WEBHOOK_SECRET: SECRET,
    ...env,
  });
  const db = await getDb(config);
  // The sender's own 5 s unless a test waits for the timeout: a receiver on a busy machine may take
  // longer than half a second to answer, and that is not what these tests are about.
  return { config, db, writes: createWriteBatches(db), secret: 'x'.repeat(40), mailer: createMailer(config), webhook: createWebhookSender(config.operatorWebhook, { timeoutMs: webhookTimeoutMs }) };
}

/** Far ahead of the real clock: no background delivery (which runs on it) finds these messages due. */
const T0 = new Date('2031-03-04T09:00:00.000Z');
const after = (ms: number) => new Date(T0.getTime() + ms);

const deliver = (ctx: ApiContext, now: Date) => deliverDue(ctx.db, ctx.mailer, { now, webhook: ctx.webhook });

async function addSubscriber(ctx: ApiContext, fields: { page?: string; utmSource?: string } = {}): Promise<string> {
  const id = timeOrderedId();
  await ctx.db.execute({
    sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at, source_page, utm_source)
          VALUES (?, ?, ?, 'pending', 'footer', 'v1', ?, 'h', ?, ?, ?)`,
    args: [id, `reader-${id}@example.com`, `key-${id}`, T0.toISOString(), T0.toISOString(), fields.page ?? null, fields.utmSource ?? null],
  });
  return id;
}

async function webhookRow(ctx: ApiContext) {
  const rows = (await ctx.db.execute(`SELECT idempotency_key, subscriber_id, status, attempts, last_error, next_attempt_at FROM messages WHERE kind = 'webhook'`)).rows;
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const signatureOf = (raw: Buffer) => `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;

/** What arrives while `run` runs. */
async function arrivals(run: () => Promise<unknown>): Promise<Received[]> {
  const before = received.length;
  await run();
  return received.slice(before);
}

describe('webhook messages reach the receiver', () => {
  it('a confirmed subscriber is posted once, signed over the exact bytes, with its source', async () => {
    const ctx = await freshContext();
    const id = await addSubscriber(ctx, { page: '/blog/ai-automation-audit-checklist', utmSource: 'news' });
    // The welcome email and the webhook message, in the confirmation's transaction.
    expect(await confirmSubscriber(ctx, id, T0)).toEqual({ outcome: 'confirmed', queued: 2 });
    const posts = await arrivals(() => deliver(ctx, T0));
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.path).toBe('/hook?token=secret-path-123');
    expect(post!.headers['content-type']).toBe('application/json');
    expect(post!.headers['x-webhook-signature']).toBe(signatureOf(post!.raw));
    expect(post!.headers['idempotency-key']).toBe(`webhook:subscriber.confirmed:${id}:${T0.getTime()}`);
    expect(post!.body).toMatchObject({
      id: `webhook:subscriber.confirmed:${id}:${T0.getTime()}`,
      type: 'subscriber.confirmed',
      occurredAt: T0.toISOString(),
      data: { subscriber: { email: `reader-${id}@example.com`, page: '/blog/ai-automation-audit-checklist', utm: { utm_source: 'news' } } },
    });
    expect(post!.body.text).toBe(`Newsletter subscriber confirmed\nEmail: reader-${id}@example.com\nSource: /blog/ai-automation-audit-checklist · utm_source=news`);
    // Tied to the subscriber it names, so deleting their record deletes it.
    expect(await webhookRow(ctx)).toMatchObject({ subscriber_id: id, status: 'sent', attempts: 1, last_error: null });

    // Delivered is delivered: a later run, and a second press of the link, post nothing.
    expect(await arrivals(() => deliver(ctx, after(86_400_000)))).toEqual([]);
    expect(await confirmSubscriber(ctx, id, after(60_000))).toEqual({ outcome: 'confirmed', queued: 0 });
    expect(await arrivals(() => deliver(ctx, after(2 * 86_400_000)))).toEqual([]);
  });

  it('the operator alerts are posted too: a holds spike, a feed that never loaded', async () => {
    const ctx = await freshContext({ BOOKING_BUSY_FEEDS: `work=${origin}/work.ics` });
    expect(await ctx.writes.run((tx) => queueHoldsSpikeAlert(ctx, tx, '2031-03-06', T0))).toBe(2); // the email and the webhook
    expect(await ctx.writes.run((tx) => queueHoldsSpikeAlert(ctx, tx, '2031-03-07', after(60_000)))).toBe(0); // once a day
    // The feed answers 404 and has never loaded: the alert goes at once.
    await refreshStaleFeeds(ctx, { maxAgeMs: 0, now: T0 });
    const posts = await arrivals(() => deliver(ctx, after(60_000)));
    expect(posts.map((p) => p.body.type).sort()).toEqual(['calendar.feed-failing', 'holds.spike']);
    for (const post of posts) expect(post.headers['x-webhook-signature']).toBe(signatureOf(post.raw));
    const spike = posts.find((p) => p.body.type === 'holds.spike')!;
    expect(spike.body.data).toEqual({ day: '2031-03-06', holds: 0, clients: 0, perDay: 3 });
    const feed = posts.find((p) => p.body.type === 'calendar.feed-failing')!;
    expect(feed.body.data).toMatchObject({ feed: { label: 'work', host: `127.0.0.1:${(receiver.address() as AddressInfo).port}` }, since: T0.toISOString(), lastLoadedAt: null });
    expect(feed.body.data.reason).toMatch(/404/);
    expect(feed.body.text).toContain('First tried: Tuesday, March 4, 2031, 10:00 AM GMT+1');
  });
});

describe('delivery through the outbox', () => {
  it('retries with backoff (and the receiver\'s Retry-After) while it fails, then delivers exactly once', async () => {
    const ctx = await freshContext();
    await ctx.writes.run((tx) => queueWebhook(ctx, tx, 'spike-retry', { type: 'holds.spike', day: '2031-03-06', holds: 9, clients: 7, perDay: 3 }, T0));
    script = [500, 503, 500];
    // Attempt 1 at T0: 500, next in 30 s.
    expect(await deliver(ctx, T0)).toMatchObject({ claimed: 1, retried: 1 });
    expect(await webhookRow(ctx)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500 from the webhook receiver: error', next_attempt_at: after(backoffMs(1)).toISOString() });
    // Not due a second early.
    expect(await arrivals(() => deliver(ctx, after(backoffMs(1) - 1000)))).toEqual([]);
    // Attempt 2: 503 with Retry-After: 600, longer than the 1 min backoff.
    let at = after(backoffMs(1));
    await deliver(ctx, at);
    expect(await webhookRow(ctx)).toMatchObject({ attempts: 2, last_error: 'HTTP 503 from the webhook receiver: busy', next_attempt_at: new Date(at.getTime() + 600_000).toISOString() });
    // Attempt 3: 500 again; attempt 4: delivered.
    at = new Date(at.getTime() + 600_000);
    await deliver(ctx, at);
    at = new Date(at.getTime() + backoffMs(3));
    expect(await deliver(ctx, at)).toMatchObject({ claimed: 1, sent: 1 });
    expect(await webhookRow(ctx)).toMatchObject({ status: 'sent', attempts: 4, last_error: null });
    expect(await arrivals(() => deliver(ctx, new Date(at.getTime() + 86_400_000)))).toEqual([]);

    // All four posts were the same message: one id, the same bytes, each validly signed.
    const posts = received.filter((p) => p.body.id === 'webhook:spike-retry');
    expect(posts).toHaveLength(4);
    expect(new Set(posts.map((p) => p.raw.toString('base64'))).size).toBe(1);
    expect(new Set(posts.map((p) => p.headers['idempotency-key']))).toEqual(new Set(['webhook:spike-retry']));
    for (const post of posts) expect(post.headers['x-webhook-signature']).toBe(signatureOf(post.raw));
  });

  it('a 400 is permanent: dead at once, the status in its last error, never posted again', async () => {
    const ctx = await freshContext();
    await ctx.writes.run((tx) => queueWebhook(ctx, tx, 'spike-400', { type: 'holds.spike', day: '2031-03-06', holds: 9, clients: 7, perDay: 3 }, T0));
    script = [400];
    expect(await deliver(ctx, T0)).toMatchObject({ claimed: 1, dead: 1 });
    expect(await webhookRow(ctx)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'HTTP 400 from the webhook receiver: invalid_payload' });
    expect(await arrivals(() => deliver(ctx, after(86_400_000)))).toEqual([]);
  });

  it('a receiver that never answers times out, and the message is retried', async () => {
    // A short timeout, so the hanging receiver costs half a second, not five.
    const ctx = await freshContext({}, 500);
    await ctx.writes.run((tx) => queueWebhook(ctx, tx, 'spike-hang', { type: 'holds.spike', day: '2031-03-06', holds: 9, clients: 7, perDay: 3 }, T0));
    script = ['hang'];
    expect(await deliver(ctx, T0)).toMatchObject({ claimed: 1, retried: 1 });
    expect(await webhookRow(ctx)).toMatchObject({ status: 'pending', last_error: 'the receiver did not answer within 0.5 s' });
    expect(await deliver(ctx, after(backoffMs(1)))).toMatchObject({ claimed: 1, sent: 1 });
    expect(received.filter((p) => p.body.id === 'webhook:spike-hang')).toHaveLength(2);
  });

  it('a run without the webhook sender leaves the message alone; with the URL removed it is cancelled, not dead', async () => {
    const ctx = await freshContext();
    await ctx.writes.run((tx) => queueWebhook(ctx, tx, 'spike-removed', { type: 'holds.spike', day: '2031-03-06', holds: 9, clients: 7, perDay: 3 }, T0));
    expect(await deliverDue(ctx.db, ctx.mailer, { now: T0 })).toMatchObject({ claimed: 0 });
    expect(await webhookRow(ctx)).toMatchObject({ status: 'pending', attempts: 0 });
    const unset = createWebhookSender(readConfig({ DATA_DIR: ctx.config.dataDir }).operatorWebhook);
    const posts = await arrivals(() => deliverDue(ctx.db, ctx.mailer, { now: T0, webhook: unset }));
    expect(posts).toEqual([]);
    expect(await webhookRow(ctx)).toMatchObject({ status: 'cancelled', last_error: 'cancelled: OPERATOR_WEBHOOK_URL is no longer set' });
  });

  it('without OPERATOR_WEBHOOK_URL nothing is queued', async () => {
    const ctx = await freshContext({ OPERATOR_WEBHOOK_URL: '', OPERATOR_WEBHOOK_SECRET: '' });
    const id = await addSubscriber(ctx);
    expect(await confirmSubscriber(ctx, id, T0)).toEqual({ outcome: 'confirmed', queued: 1 }); // the welcome email only
    expect(await ctx.writes.run((tx) => queueWebhook(ctx, tx, 'nothing', { type: 'holds.spike', day: '2031-03-06', holds: 1, clients: 1, perDay: 3 }, T0))).toBe(0);
    expect((await ctx.db.execute(`SELECT COUNT(*) AS n FROM messages WHERE kind = 'webhook'`)).rows[0]!.n).toBe(0);
  });
});

describe('OPERATOR_WEBHOOK_URL and OPERATOR_WEBHOOK_SECRET at start', () => {
  it('refuses plain http off loopback, and credentials in the URL, without echoing the URL', () => {
    for (const url of ['http://example.com/hook', 'https://someone:pa55word@hooks.example.net/secret-path']) {
      const message = configError({ OPERATOR_WEBHOOK_URL: url, OPERATOR_WEBHOOK_SECRET: SECRET });
      expect(message, url).toContain('OPERATOR_WEBHOOK_URL');
      for (const part of ['example.com', 'example.net', 'pa55word', 'secret-path', '/hook']) expect(message, url).not.toContain(part);
    }
    expect(configError({ OPERATOR_WEBHOOK_URL: 'http://example.com/hook' })).toMatch(/OPERATOR_WEBHOOK_URL must use https:\/\//);
  });

  it('requires a secret of 16 characters or more for a receiver that is neither Slack nor Teams', () => {
    expect(configError({ OPERATOR_WEBHOOK_URL: 'https://receiver.example/hook' })).toMatch(/OPERATOR_WEBHOOK_SECRET is required when OPERATOR_WEBHOOK_URL is neither a Slack nor a Teams webhook/);
    expect(configError({ OPERATOR_WEBHOOK_URL: 'https://receiver.example/hook', OPERATOR_WEBHOOK_SECRET: 'short' })).toMatch(/OPERATOR_WEBHOOK_SECRET must be at least 16 characters/);
    expect(configError({ OPERATOR_WEBHOOK_URL: 'https://receiver.example/hook', OPERATOR_WEBHOOK_SECRET: SECRET })).toBeNull();
    expect(configError({ OPERATOR_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/XYZ' })).toBeNull();
    expect(configError({ OPERATOR_WEBHOOK_URL: 'https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x' })).toBeNull();
    expect(readConfig({ OPERATOR_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/XYZ' }).operatorWebhook).toEqual({ url: 'https://hooks.slack.com/services/T0/B0/XYZ', flavour: 'slack', secret: undefined });
  });
});
