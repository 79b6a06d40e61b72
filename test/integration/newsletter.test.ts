// The newsletter through HTTP on the real local server: a real database file, mail read back from
// the file outbox. Each test speaks from its own loopback address, so rate limits stay per test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import type { Reply } from '../fixtures/http-client.ts';

const { server, apiContext, deliverDue, dataDir } = await startApiServer('newsletter', {
  NEWSLETTER_RATE_LIMIT: '5',
  // Emailed links come from this origin, whatever Host a request names.
  SITE_URL: 'https://site.test',
  RESEND_API_KEY: undefined,
});
let nextAddress = 2;
const outbox = join(dataDir, 'outbox');

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
  const open = await ctx.db.execute(`SELECT status, attempts, next_attempt_at, last_error FROM messages WHERE status IN ('sending', 'pending')`);
  throw new Error(`the outbox did not settle: ${JSON.stringify(open.rows)}`);
}

/** The path and query of an emailed link (all of them point at SITE_URL, not at this test server). */
const pathOf = (link: string) => {
  const url = new URL(link);
  expect(url.origin).toBe('https://site.test');
  return url.pathname + url.search;
};

/** Opens a signed-action link as a person would: GET shows a page with one form; pressing its button posts it. */
async function pressButton(path: string): Promise<Reply> {
  const page = await send(path);
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  const form = /<form method="post" action="([^"]+)">(.*?)<button/s.exec(page.body);
  expect(form, 'the page has one form with a button').not.toBeNull();
  const fields = new URLSearchParams([...form![2]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
  return send(form![1]!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
}

const count = async (sql: string, args: string[] = []) => Number((await (await apiContext()).db.execute({ sql, args })).rows[0]?.n ?? 0);

describe('newsletter double opt-in', () => {
  it('stores, mails a confirmation, confirms by button, welcomes with one-click unsubscribe, unsubscribes', async () => {
    const from = freshAddress();
    const signup = await form({ email: '  Dana@Example.COM ', consent: 'yes', source: 'footer' }, from);
    expect(signup.status).toBe(303);
    expect(signup.headers.location).toBe('/newsletter/check-your-inbox');
    await settle();

    const [confirmation] = mailsTo('dana@example.com');
    expect(confirmation?.meta.subject).toBe('Confirm your AI Operator newsletter subscription');
    const link = /https:\/\/site\.test\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(confirmation!.meta.text)![0];
    expect(confirmation!.html).toContain(link.replace(/&/g, '&amp;'));
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'dana@example.com' AND status = 'pending' AND consent_text_version != '' AND consent_address_hash != ?`, [from])).toBe(1);

    const page = await send(pathOf(link));
    expect(page.body).toContain('dana@example.com');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const confirmed = await pressButton(pathOf(link));
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.location).toBe('/newsletter/confirmed');
    // A second press (a double click) and a later visit to the link land on the confirmed page too.
    const token = new URL(link).searchParams.get('token')!;
    const again = await send('/api/newsletter/confirm', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() });
    expect(again.headers.location).toBe('/newsletter/confirmed');
    expect((await send(pathOf(link))).headers.location).toBe('/newsletter/confirmed');
    await settle();

    const welcome = mailsTo('dana@example.com').find((m) => m.meta.subject.startsWith('You are subscribed'));
    expect(welcome?.meta.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const unsubscribeLink = welcome!.meta.headers['List-Unsubscribe']!.slice(1, -1);
    expect(welcome!.html).toContain('>Unsubscribe</a>');

    // RFC 8058: the mail client POSTs to the link itself, multipart or form-encoded, with no cookie or Origin.
    const boundary = 'x-boundary';
    const oneClick = await send(pathOf(unsubscribeLink), {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(oneClick.status).toBe(200);
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'dana@example.com' AND status = 'unsubscribed'`)).toBe(1);
    // The link now says so instead of offering the button again.
    expect((await send(pathOf(unsubscribeLink))).headers.location).toBe('/newsletter/unsubscribed');
  });

  it('changes nothing when a mail scanner GETs and HEADs every link in every email, however often', async () => {
    const from = freshAddress();
    await json({ email: 'sam@example.com', consent: true }, from);
    await settle();
    const state = async () => (await (await apiContext()).db.execute(`SELECT s.status, (SELECT COUNT(*) FROM messages m WHERE m.subscriber_id = s.id) AS messages FROM subscribers s WHERE email = 'sam@example.com'`)).rows[0];
    const scan = async (mail: { meta: { text: string } }) => {
      for (const link of mail.meta.text.match(/https:\/\/site\.test\/[^\s\]\)>]+/g) ?? []) {
        for (let i = 0; i < 3; i++) for (const method of ['GET', 'HEAD']) expect((await send(pathOf(link), { method })).status).toBeLessThan(500);
      }
    };
    const before = await state();
    await scan(mailsTo('sam@example.com')[0]!);
    expect(await state()).toEqual(before);
    expect(before?.status).toBe('pending');

    // Confirmed by a person, the welcome email is scanned in turn: the reader stays subscribed.
    const link = /https:\/\/site\.test\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(mailsTo('sam@example.com')[0]!.meta.text)![0];
    await pressButton(pathOf(link));
    await settle();
    const welcome = mailsTo('sam@example.com').find((m) => m.meta.subject.startsWith('You are subscribed'))!;
    const unsubscribeLink = welcome.meta.headers['List-Unsubscribe']!.slice(1, -1);
    const confirmedState = await state();
    await scan({ meta: { text: `${welcome.meta.text}\n${unsubscribeLink}` } });
    expect(await state()).toEqual(confirmedState);
    expect(confirmedState?.status).toBe('confirmed');
  });

  it('answers a confirmed address exactly like a new one, and sends it nothing', async () => {
    const from = freshAddress();
    await json({ email: 'eli@example.com', consent: true }, from);
    await settle();
    const link = /https:\/\/site\.test\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(mailsTo('eli@example.com')[0]!.meta.text)![0];
    await pressButton(pathOf(link));
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

  it('refuses a wrong-purpose or forged token on the button too, and changes nothing', async () => {
    const from = freshAddress();
    await json({ email: 'ned@example.com', consent: true }, from);
    await settle();
    const link = /https:\/\/site\.test\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(mailsTo('ned@example.com')[0]!.meta.text)![0];
    const token = new URL(link).searchParams.get('token')!;
    const post = (path: string, body: string) => send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    // A confirm token cannot unsubscribe, and a token with one character changed confirms nothing.
    // A broken unsubscribe link lands on a page that says how to get off the list, not on the sign-up's.
    expect((await post('/api/newsletter/unsubscribe', `token=${token}`)).headers.location).toBe('/newsletter/unsubscribe-link-invalid');
    expect((await send(`/api/newsletter/unsubscribe?token=${token}`)).headers.location).toBe('/newsletter/unsubscribe-link-invalid');
    expect((await post(`/api/newsletter/unsubscribe?token=${token}`, 'List-Unsubscribe=One-Click')).status).toBe(400);
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await post('/api/newsletter/confirm', `token=${forged}`)).headers.location).toBe('/newsletter/link-expired');
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'ned@example.com' AND status = 'pending'`)).toBe(1);
  });

  it('builds every emailed link from SITE_URL, whatever Host the request names', async () => {
    const from = freshAddress();
    const reply = await send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/json', host: 'evil.example' }, body: JSON.stringify({ email: 'ola@example.com', consent: true }), from });
    expect(reply.status).toBe(200);
    await settle();
    const mail = mailsTo('ola@example.com')[0]!;
    expect(mail.meta.text).not.toContain('evil.example');
    expect(mail.html).not.toContain('evil.example');
    expect(mail.meta.text).toMatch(/https:\/\/site\.test\/api\/newsletter\/confirm\?token=/);
  });

  it('answers a malformed Host with 400, not 500', async () => {
    for (const host of ['exa mple.com', 'a/b', 'x@y', '[::1', 'http://evil']) {
      const reply = await send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/json', host }, body: '{}' });
      expect(reply.status, host).toBe(400);
    }
  });

  it('sends one address at most 3 confirmation emails a day, however many sign-ups name it', async () => {
    const ctx = await apiContext();
    const { subscribe } = await import('../../api/_lib/newsletter/subscriptions.ts');
    const t0 = Date.now() - 3 * 24 * 3600_000; // all in the past, so the settle() of later tests delivers them
    const signUpAt = (minutes: number) => ctx.writes.run((tx) => subscribe(tx, ctx.secret, { email: 'pat@example.com', consent: true, source: 'footer' }, { clientAddress: '127.0.0.1', siteUrl: 'https://site.test', source: { page: null, utm: {} }, now: new Date(t0 + minutes * 60_000) }));
    // One sign-up every 15 minutes (each outside the previous one's 10-minute window) for 3 hours.
    const queued: number[] = [];
    for (let minutes = 0; minutes < 180; minutes += 15) queued.push(await signUpAt(minutes));
    expect(queued.reduce((a, b) => a + b, 0)).toBe(3);
    // A day after the first, the address can be sent one again.
    expect(await signUpAt(24 * 60 + 1)).toBe(1);
  });

  it('pauses ten minutes after each confirmation email, measured from it, not from a clock window', async () => {
    const ctx = await apiContext();
    const { subscribe } = await import('../../api/_lib/newsletter/subscriptions.ts');
    // Two seconds before a 10-minute boundary, days in the past (later tests' settle() delivers them).
    const edge = Math.ceil((Date.now() - 5 * 24 * 3600_000) / 600_000) * 600_000;
    const signUpAt = (ms: number) => ctx.writes.run((tx) => subscribe(tx, ctx.secret, { email: 'win@example.com', consent: true, source: 'footer' }, { clientAddress: '127.0.0.1', siteUrl: 'https://site.test', source: { page: null, utm: {} }, now: new Date(ms) }));
    expect(await signUpAt(edge - 2_000)).toBe(1);
    expect(await signUpAt(edge + 1_000)).toBe(0); // across the boundary: a window key alone sent a second
    expect(await signUpAt(edge - 2_000 + 599_000)).toBe(0);
    expect(await signUpAt(edge - 2_000 + 601_000)).toBe(1);
  });

  it('sends a fresh confirmation to an address that signs up again minutes after unsubscribing, once however often it tries', async () => {
    const ctx = await apiContext();
    const { subscribe, confirmSubscriber, unsubscribeSubscriber } = await import('../../api/_lib/newsletter/subscriptions.ts');
    const t0 = Date.now() - 4 * 24 * 3600_000; // in the past, so the settle() of later tests delivers them
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const signUpAt = (minutes: number) => ctx.writes.run((tx) => subscribe(tx, ctx.secret, { email: 'back@example.com', consent: true, source: 'footer' }, { clientAddress: '127.0.0.1', siteUrl: 'https://site.test', source: { page: null, utm: {} }, now: at(minutes) }));
    expect(await signUpAt(0)).toBe(1);
    const id = String((await ctx.db.execute(`SELECT id FROM subscribers WHERE email = 'back@example.com'`)).rows[0]!.id);
    expect((await confirmSubscriber(ctx, id, at(1))).outcome).toBe('confirmed');
    expect((await unsubscribeSubscriber(ctx, id, at(2))).outcome).toBe('unsubscribed');
    // Three minutes after the first confirmation: the pause counted from it held this one back, and the
    // page said a link was on its way.
    expect(await signUpAt(3)).toBe(1);
    expect(await signUpAt(4)).toBe(0); // the pause holds from the new confirmation
    const confirmations = await ctx.db.execute({ sql: `SELECT COUNT(*) AS n FROM messages WHERE subscriber_id = ? AND idempotency_key LIKE 'newsletter-confirm-%'`, args: [id] });
    expect(Number(confirmations.rows[0]!.n)).toBe(2);
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

  it('gives bots (the honeypot, in a form or JSON) the neutral answer and stores nothing', async () => {
    const from = freshAddress();
    expect((await form({ email: 'ivy@example.com', consent: 'yes', website: 'http://spam' }, from)).headers.location).toBe('/newsletter/check-your-inbox');
    expect((await json({ email: 'ivy@example.com', consent: true, website: 'http://spam' }, from)).status).toBe(200);
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'ivy@example.com'`)).toBe(0);
  });

  it('signs up a JSON client whose clock runs minutes fast: no start time read on the client\'s clock is compared with the server\'s', async () => {
    const from = freshAddress();
    // A start time 4 minutes ahead of the server's clock, sent after a minute of typing: the server's clock
    // minus it looked like an instant post, and the client got the neutral answer with nothing stored.
    expect((await json({ email: 'fast-clock@example.com', consent: true, startedAt: Date.now() + 240_000 }, from)).status).toBe(200);
    expect(await count(`SELECT COUNT(*) AS n FROM subscribers WHERE email = 'fast-clock@example.com'`)).toBe(1);
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
