// The newsletter through HTTP on the real local server: a real database file, mail read back from
// the file outbox. Each test speaks from its own loopback address, so rate limits stay per test.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../fixtures/http-client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'newsletter-'));
process.env.DATA_DIR = dataDir;
process.env.NEWSLETTER_RATE_LIMIT = '5';
delete process.env.RESEND_API_KEY;
delete process.env.DATABASE_URL;

const { startTestServer } = await import('../fixtures/http-client.ts');
const { apiContext } = await import('../../api/_lib/context.ts');
const { deliverDue } = await import('../../api/_lib/outbox.ts');

let server: Awaited<ReturnType<typeof startTestServer>>;
let nextAddress = 2;
const outbox = join(dataDir, 'outbox');

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const send = (path: string, init?: Parameters<typeof server.send>[1]) => server.send(path, init);
const form = (fields: Record<string, string>, from: string) =>
  send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), from });
const json = (payload: unknown, from: string, headers: Record<string, string> = {}) =>
  send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload), from });
const freshAddress = () => `127.0.0.${nextAddress++}`;

function mailsTo(address: string): { meta: { to: string; subject: string; text: string; headers: Record<string, string> }; html: string }[] {
  let files: string[] = [];
  try {
    files = readdirSync(outbox).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .map((f) => ({ meta: JSON.parse(readFileSync(join(outbox, f), 'utf8')), html: readFileSync(join(outbox, f.replace(/\.json$/, '.html')), 'utf8') }))
    .filter((m) => m.meta.to === address);
}

/** Delivers what is due and waits for deliveries the requests started in the background. */
async function settle() {
  const ctx = await apiContext();
  for (let i = 0; i < 100; i++) {
    await deliverDue(ctx.db, ctx.mailer);
    const busy = await ctx.db.execute(`SELECT COUNT(*) AS n FROM messages WHERE status = 'sending' OR (status = 'pending' AND attempts = 0)`);
    if (Number(busy.rows[0]?.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the outbox did not settle');
}

const count = async (sql: string, args: string[] = []) => Number((await (await apiContext()).db.execute({ sql, args })).rows[0]?.n ?? 0);

describe('newsletter double opt-in', () => {
  it('stores, mails a confirmation, confirms, welcomes with one-click unsubscribe, unsubscribes', async () => {
    const from = freshAddress();
    const signup = await form({ email: '  Dana@Example.COM ', consent: 'yes', source: 'footer' }, from);
    expect(signup.status).toBe(303);
    expect(signup.headers.location).toBe('/newsletter/check-your-inbox');
    await settle();

    const [confirmation] = mailsTo('dana@example.com');
    expect(confirmation?.meta.subject).toBe('Confirm your AI Operator newsletter subscription');
    const link = /\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(confirmation!.meta.text)![0];
    expect(confirmation!.html).toContain(link.replace(/&/g, '&amp;'));
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'dana@example.com' AND status = 'pending' AND consent_text_version != '' AND consent_address_hash != ?`, [from])).toBe(1);

    const confirmed = await send(link);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.location).toBe('/newsletter/confirmed');
    expect((await send(link)).headers.location).toBe('/newsletter/confirmed');
    await settle();

    const welcome = mailsTo('dana@example.com').find((m) => m.meta.subject.startsWith('You are subscribed'));
    expect(welcome?.meta.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = new URL(welcome!.meta.headers['List-Unsubscribe']!.slice(1, -1));
    expect(welcome!.html).toContain('Unsubscribe in one click');

    const oneClick = await send(unsubscribeUrl.pathname + unsubscribeUrl.search, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'dana@example.com' AND status = 'unsubscribed'`)).toBe(1);
  });

  it('answers a confirmed address exactly like a new one, and sends it nothing', async () => {
    const from = freshAddress();
    await json({ email: 'eli@example.com', consent: true }, from);
    await settle();
    const link = /\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(mailsTo('eli@example.com')[0]!.meta.text)![0];
    await send(link);
    await settle();
    const before = mailsTo('eli@example.com').length;
    const again = await json({ email: 'eli@example.com', consent: true }, from);
    const fresh = await json({ email: 'fay@example.com', consent: true }, from);
    expect(again.status).toBe(fresh.status);
    expect(JSON.parse(again.body)).toEqual(JSON.parse(fresh.body));
    await settle();
    expect(mailsTo('eli@example.com')).toHaveLength(before);
  });

  it('sends expired, tampered and wrong-purpose links to the expired page', async () => {
    for (const token of ['', 'abc', 'abc.def', 'eyJwIjoibmV3c2xldHRlci1jb25maXJtIn0.AAAA']) {
      const reply = await send(`/api/newsletter/confirm?token=${encodeURIComponent(token)}`);
      expect(reply.status, token).toBe(303);
      expect(reply.headers.location).toBe('/newsletter/link-expired');
    }
  });

  it('gives 50 parallel identical sign-ups one subscriber and one confirmation email', async () => {
    // 50 requests from 10 addresses, 5 each: all within the per-address limit.
    const froms = Array.from({ length: 10 }, () => freshAddress());
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => json({ email: 'gus@example.com', consent: true }, froms[i % 10]!)));
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(200));
    await settle();
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'gus@example.com'`)).toBe(1);
    expect(mailsTo('gus@example.com')).toHaveLength(1);
  });
});

describe('newsletter guards', () => {
  it('rejects bad input with a specific 4xx and stores nothing', async () => {
    const from = freshAddress();
    const cases: [Promise<Reply>, number, string][] = [
      [json({ email: 'not-an-email', consent: true }, from), 422, 'invalid_input'],
      [json({ email: 'hal@example.com' }, from), 422, 'invalid_input'],
      [json({ email: 'hal@example.com\r\nBcc: x@evil.test', consent: true }, from), 422, 'invalid_input'],
      [json({ email: 'hal@example.com', consent: true, source: '<script>' }, from), 422, 'invalid_input'],
      [send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'email=x', from }), 415, 'unsupported_media_type'],
      [send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]', from }), 400, 'invalid_json'],
      [send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x'.repeat(9000) }), from }), 413, 'payload_too_large'],
      [json({ email: 'hal@example.com', consent: true }, from, { origin: 'https://evil.example' }), 403, 'cross_origin'],
      [send('/api/newsletter', { from }), 405, 'method_not_allowed'],
    ];
    for (const [reply, status, code] of cases) {
      const r = await reply;
      expect(r.status, code).toBe(status);
      expect(JSON.parse(r.body).error.code).toBe(code);
    }
    const invalid = JSON.parse((await json({ email: 'nope', consent: 'no' }, from)).body);
    expect(Object.keys(invalid.error.fields).sort()).toEqual(['consent', 'email']);
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email LIKE 'hal@%'`)).toBe(0);
  });

  it('sends a plain form post with a mistake to a page that says what to fix', async () => {
    const from = freshAddress();
    expect((await form({ email: 'kim at example', consent: 'yes' }, from)).headers.location).toBe('/newsletter/not-an-email');
    expect((await form({ email: 'kim@example.com' }, from)).headers.location).toBe('/newsletter/consent-needed');
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email LIKE 'kim%'`)).toBe(0);
  });

  it('gives bots (honeypot, instant posts) the neutral answer and stores nothing', async () => {
    const from = freshAddress();
    expect((await form({ email: 'ivy@example.com', consent: 'yes', website: 'http://spam' }, from)).headers.location).toBe('/newsletter/check-your-inbox');
    expect((await json({ email: 'ivy@example.com', consent: true, startedAt: Date.now() }, from)).status).toBe(200);
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'ivy@example.com'`)).toBe(0);
  });

  it('limits sign-ups per client address with 429 and Retry-After', async () => {
    const from = freshAddress();
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 7; i++) {
      const r = await json({ email: `jo${i}@example.com`, consent: true }, from);
      statuses.push(r.status);
      if (r.status === 429) retryAfter = String(r.headers['retry-after']);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email LIKE 'jo%'`)).toBe(5);
  });
});
