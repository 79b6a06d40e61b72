// Resend's contact events: a reader who leaves through the unsubscribe link Resend puts in every issue is
// unsubscribed at Resend only, and the site's record must follow, or a later sign-up of the address does
// nothing while the page says a confirmation link is on its way (a lost reader). On the real local server;
// each event is signed here by hand the way Standard Webhooks says (HMAC-SHA256 of "id.timestamp.body"
// with the base64 secret after "whsec_"), not by the SDK the route checks it with.
import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { startFakeResend } from '../fixtures/fake-resend.ts';
import { emailKey } from '../../api/_lib/signing/tokens.ts';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const resend = await startFakeResend();
afterAll(() => resend.close());
const { server, apiContext } = await startApiServer('newsletter-provider-events', {
  SITE_URL: 'https://site.test',
  RESEND_API_KEY: 're_test_key',
  RESEND_BASE_URL: resend.url,
  RESEND_WEBHOOK_SECRET: SECRET,
  NEWSLETTER_RATE_LIMIT: '1000',
});
const ctx = await apiContext();

const CONFIRMED_AT = '2026-12-01T10:00:00.000Z';
let nextId = 1;
/** A reader on the list, confirmed at CONFIRMED_AT. */
async function confirmedReader(email: string) {
  const id = `reader-${nextId++}`;
  await ctx.db.execute({
    sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at, confirmed_at)
          VALUES (?, ?, ?, 'confirmed', 'footer', 'v1', ?, 'h', ?, ?)`,
    args: [id, email, emailKey(ctx.secret, email), CONFIRMED_AT, CONFIRMED_AT, CONFIRMED_AT],
  });
  return id;
}
const record = async (id: string) => ({ ...(await ctx.db.execute({ sql: 'SELECT status, unsubscribed_at FROM subscribers WHERE id = ?', args: [id] })).rows[0] });
const messagesOf = async (id: string) => (await ctx.db.execute({ sql: 'SELECT idempotency_key FROM messages WHERE subscriber_id = ? ORDER BY rowid', args: [id] })).rows.map((r) => String(r.idempotency_key));

function signed(body: string, { secret = SECRET, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  const id = `msg_${randomBytes(6).toString('hex')}`;
  const signature = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'content-type': 'application/json', 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': `v1,${signature}` };
}
const contactEvent = (type: string, email: string, unsubscribed: boolean, at = new Date().toISOString()) =>
  JSON.stringify({ type, created_at: at, data: { id: 'c1', audience_id: 'a1', segment_ids: [], created_at: at, updated_at: at, email, unsubscribed } });
const post = (body: string, headers: Record<string, string>) => server.send('/api/newsletter/provider-events', { method: 'POST', headers, body });

describe("Resend's contact events", () => {
  it('an unsubscribe at Resend unsubscribes the record, queues nothing back, and a later sign-up asks for a confirmation again', async () => {
    const id = await confirmedReader('leaver@example.com');
    const body = contactEvent('contact.updated', 'Leaver@Example.com', true);
    const reply = await post(body, signed(body));
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, changed: true });
    expect(await record(id)).toMatchObject({ status: 'unsubscribed', unsubscribed_at: expect.any(String) });
    expect(await messagesOf(id)).toEqual([]);
    // The same event again (Resend retries until it hears 200) changes nothing.
    expect(JSON.parse((await post(body, signed(body))).body)).toEqual({ ok: true, changed: false });

    const signup = await server.send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'leaver@example.com', consent: true, source: 'footer' }), from: '127.0.9.1' });
    expect(signup.status).toBe(200);
    expect(await messagesOf(id)).toEqual([expect.stringMatching(/^newsletter-confirm-/)]);
  });

  it('a deleted contact ends the subscription too; a contact switched on, or another event, changes nothing', async () => {
    const deleted = await confirmedReader('deleted@example.com');
    const stays = await confirmedReader('stays@example.com');
    for (const body of [contactEvent('contact.updated', 'stays@example.com', false), contactEvent('contact.created', 'stays@example.com', true), JSON.stringify({ type: 'email.delivered', created_at: new Date().toISOString(), data: { email_id: 'e1', to: ['stays@example.com'] } })]) {
      const reply = await post(body, signed(body));
      expect(reply.status, body).toBe(200);
      expect(JSON.parse(reply.body), body).toEqual({ ok: true, changed: false });
    }
    expect((await record(stays)).status).toBe('confirmed');
    const body = contactEvent('contact.deleted', 'deleted@example.com', false);
    expect(JSON.parse((await post(body, signed(body))).body)).toEqual({ ok: true, changed: true });
    expect((await record(deleted)).status).toBe('unsubscribed');
  });

  it('an event from before the reader confirmed (a late retry) leaves the newer confirmation alone', async () => {
    const id = await confirmedReader('back@example.com');
    const body = contactEvent('contact.updated', 'back@example.com', true, '2026-12-01T09:59:59.000Z');
    expect(JSON.parse((await post(body, signed(body))).body)).toEqual({ ok: true, changed: false });
    expect((await record(id)).status).toBe('confirmed');
  });

  it("leaves a reader subscribed whose subscribe Resend is still to get, or got after the event: the echo of an old unsubscribe, delayed by an outage", async () => {
    const waiting = await confirmedReader('waiting@example.com');
    const resubscribed = await confirmedReader('resubscribed@example.com');
    const contact = (id: string, email: string, status: string, sentAt: string | null) =>
      ctx.db.execute({
        sql: `INSERT INTO messages (id, kind, idempotency_key, subscriber_id, payload, status, next_attempt_at, created_at, updated_at, sent_at) VALUES (?, 'contact', ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [`m-${id}`, `newsletter-contact-${id}`, id, JSON.stringify({ kind: 'contact', email }), status, CONFIRMED_AT, CONFIRMED_AT, CONFIRMED_AT, sentAt],
      });
    await contact(waiting, 'waiting@example.com', 'pending', null);
    await contact(resubscribed, 'resubscribed@example.com', 'sent', '2026-12-01T10:05:00.000Z');
    for (const [email, id] of [['waiting@example.com', waiting], ['resubscribed@example.com', resubscribed]] as const) {
      const body = contactEvent('contact.updated', email, true, '2026-12-01T10:04:00.000Z');
      expect(JSON.parse((await post(body, signed(body))).body), email).toEqual({ ok: true, changed: false });
      expect((await record(id)).status, email).toBe('confirmed');
    }
    // An unsubscribe Resend records after the subscribe was sent is the reader's own: it counts.
    const later = contactEvent('contact.updated', 'resubscribed@example.com', true, '2026-12-01T10:06:00.000Z');
    expect(JSON.parse((await post(later, signed(later))).body)).toEqual({ ok: true, changed: true });
    expect((await record(resubscribed)).status).toBe('unsubscribed');
  });

  it('answers a signed event it cannot read (no address, a time that is not a date) 200 and changes nothing', async () => {
    const id = await confirmedReader('odd@example.com');
    for (const body of [
      JSON.stringify({ type: 'contact.updated', created_at: 'yesterday', data: { email: 'odd@example.com', unsubscribed: true } }),
      JSON.stringify({ type: 'contact.updated', created_at: new Date().toISOString(), data: { unsubscribed: true } }),
      JSON.stringify(['contact.updated']),
    ]) {
      const reply = await post(body, signed(body));
      expect(reply.status, body).toBe(200);
      expect(JSON.parse(reply.body), body).toEqual({ ok: true, changed: false });
    }
    expect((await record(id)).status).toBe('confirmed');
  });

  it('refuses an unsigned, altered, wrongly keyed or stale event with 401, and changes nothing', async () => {
    const id = await confirmedReader('target@example.com');
    const body = contactEvent('contact.updated', 'target@example.com', true);
    const good = signed(body);
    const cases: [string, string, Record<string, string>][] = [
      ['no signature headers', body, { 'content-type': 'application/json' }],
      ['a body changed after signing', body.replace('target@', 'other@'), good],
      ['signed with another secret', body, signed(body, { secret: `whsec_${randomBytes(24).toString('base64')}` })],
      ['signed ten minutes ago', body, signed(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })],
    ];
    for (const [what, sent, headers] of cases) {
      const reply = await post(sent, headers);
      expect(reply.status, what).toBe(401);
      expect(JSON.parse(reply.body).error.code, what).toBe('invalid_signature');
    }
    expect((await record(id)).status).toBe('confirmed');
  });

  it('refuses a body over 64 kB with 413', async () => {
    const body = JSON.stringify({ type: 'contact.updated', padding: 'x'.repeat(70 * 1024) });
    const reply = await post(body, signed(body));
    expect(reply.status).toBe(413);
  });
});
