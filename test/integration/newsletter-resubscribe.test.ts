// An unsubscribe stays on record whoever types the address into the form again: a sign-up for an
// unsubscribed address waits beside it until the address's owner presses the emailed confirmation
// link. Through HTTP on the real local server (and, for the race, a second server process on the same
// database file), mail read back from the file outbox.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { fileOutbox, settleOutbox, type Mail } from '../fixtures/file-outbox.ts';
import type { Reply } from '../fixtures/http-client.ts';
import { secondServer } from '../fixtures/second-server.ts';
import { migrate } from '../../api/_lib/store/db.ts';
import { MIGRATIONS } from '../../api/_lib/store/migrations.ts';
import { subscribers } from '../../scripts/_lib/leads-report.ts';
import { NEWSLETTER_CONSENT_VERSION } from '../../src/lib/newsletter/request.ts';

const { server, apiContext, deliverDue, dataDir } = await startApiServer('newsletter-resubscribe', {
  NEWSLETTER_RATE_LIMIT: '20',
  SITE_URL: 'https://site.test',
  RESEND_API_KEY: undefined,
});
// The database and the site secret exist before a second process opens them.
const ctx = await apiContext();
const outbox = fileOutbox(dataDir);
const settle = () => settleOutbox(apiContext, deliverDue);
let nextAddress = 2;
const freshAddress = () => `127.0.0.${nextAddress++}`;

const signUp = (email: string, from: string, page = '/blog/first-post') =>
  server.send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, consent: true, source: 'footer', page }), from });

const mailsTo = (email: string, subject: string) => outbox.mails((mail: Mail) => mail.to === email && mail.subject.startsWith(subject));
/** The confirmation links mailed to an address, oldest first, as paths on this server. */
const confirmLinks = (email: string) => mailsTo(email, 'Confirm').map((mail) => pathOf(/https:\/\/site\.test\/api\/newsletter\/confirm\?token=[\w.-]+/.exec(mail.text)![0]));
const welcomes = (email: string) => mailsTo(email, 'You are subscribed');

const pathOf = (link: string) => {
  const url = new URL(link);
  expect(url.origin).toBe('https://site.test');
  return url.pathname + url.search;
};

/** Opens a signed-action link as a person would: GET shows a page with one form; pressing its button posts it. */
async function pressButton(path: string): Promise<Reply> {
  const page = await server.send(path);
  const form = /<form method="post" action="([^"]+)">(.*?)<button/s.exec(page.body);
  expect(form, 'the page has one form with a button').not.toBeNull();
  const fields = new URLSearchParams([...form![2]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
  return server.send(form![1]!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
}

/** The confirm button's POST for a link, as a second press (or a stale page) sends it. */
const pressAgain = (path: string) =>
  server.send('/api/newsletter/confirm', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: new URL(path, 'https://site.test').searchParams.get('token')! }).toString() });

/** What the row records about the address: its state, the consent it holds and where that came from. */
async function row(email: string) {
  const rows = (await ctx.db.execute({
    sql: `SELECT status, created_at, confirmed_at, unsubscribed_at, source, consent_text_version, consent_at, consent_address_hash, source_page, pending_signup
          FROM subscribers WHERE email = ?`,
    args: [email],
  })).rows;
  expect(rows, `one row for ${email}`).toHaveLength(1);
  return { ...rows[0]! };
}

/** The owner signs up, confirms by the button, and unsubscribes by the welcome email's one-click POST. */
async function subscribedThenUnsubscribed(email: string) {
  expect((await signUp(email, freshAddress())).status).toBe(200);
  await settle();
  expect((await pressButton(confirmLinks(email).at(-1)!)).headers.location).toBe('/newsletter/confirmed');
  await settle();
  const [welcome] = welcomes(email);
  const unsubscribe = pathOf(welcome!.headers!['List-Unsubscribe']!.slice(1, -1));
  const oneClick = await server.send(unsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
  expect(oneClick.status).toBe(200);
  const record = await row(email);
  expect(record).toMatchObject({ status: 'unsubscribed', pending_signup: null });
  expect(record.unsubscribed_at).not.toBeNull();
  return record;
}

describe('a sign-up for an unsubscribed address', () => {
  it("leaves the owner's unsubscribe and consent on record, and sends no newsletter, when someone else signs the address up", async () => {
    const email = 'owner@example.com';
    const owner = await subscribedThenUnsubscribed(email);
    // With no sign-up waiting, the first confirmation link no longer works.
    const [first] = confirmLinks(email);
    expect((await server.send(first!)).headers.location).toBe('/newsletter/link-expired');
    expect((await pressAgain(first!)).headers.location).toBe('/newsletter/link-expired');

    const stranger = await signUp(email, freshAddress(), '/newsletter');
    expect(stranger.status).toBe(200);
    expect(JSON.parse(stranger.body)).toMatchObject({ ok: true }); // the same neutral answer as any sign-up
    await settle();

    // Every column the owner's record holds is as they left it; the sign-up waits beside it.
    const after = await row(email);
    expect({ ...after, pending_signup: null }).toEqual(owner);
    expect(after.pending_signup).not.toBeNull();
    // The operator's report shows the address unsubscribed, with the consent the owner once gave.
    const reported = (await subscribers(ctx.db)).filter((line) => line.email === email);
    expect(reported).toEqual([
      expect.objectContaining({ status: 'unsubscribed', unsubscribed_at: owner.unsubscribed_at, consent_at: owner.consent_at, consent_text_version: owner.consent_text_version, source_page: '/blog/first-post' }),
    ]);
    expect(await subscribers(ctx.db, 'confirmed')).not.toContainEqual(expect.objectContaining({ email }));

    // The owner is sent a confirmation link (the form cannot tell who typed the address), nothing else:
    // no second welcome, and nothing queued for them since the unsubscribe but that link.
    const links = confirmLinks(email);
    expect(links).toHaveLength(2);
    expect(welcomes(email)).toHaveLength(1);
    const queued = await ctx.db.execute({
      sql: `SELECT m.idempotency_key, m.status FROM messages m JOIN subscribers s ON s.id = m.subscriber_id WHERE s.email = ? AND m.created_at >= s.unsubscribed_at`,
      args: [email],
    });
    expect(queued.rows.map((message) => ({ ...message }))).toEqual([{ idempotency_key: expect.stringMatching(/^newsletter-confirm-/), status: 'sent' }]);

    // A mail scanner opening that link, however often, changes nothing either.
    for (let i = 0; i < 3; i++) {
      expect((await server.send(links[1]!)).status).toBe(200);
      expect((await server.send(links[1]!, { method: 'HEAD' })).status).toBe(200);
    }
    expect(await row(email)).toEqual(after);
  });

  it('subscribes the address again once its owner presses the new confirmation link, with the new consent', async () => {
    const email = 'returning@example.com';
    const owner = await subscribedThenUnsubscribed(email);

    expect((await signUp(email, freshAddress(), '/newsletter')).status).toBe(200);
    await settle();
    const links = confirmLinks(email);
    expect(links).toHaveLength(2); // a fresh link at once: the unsubscribe ended the pause after the first

    // Until the button is pressed the address stays unsubscribed with the consent it had.
    const page = await server.send(links[1]!);
    expect(page.status).toBe(200);
    expect(page.body).toContain(email);
    expect({ ...(await row(email)), pending_signup: null }).toEqual(owner);

    const pressed = await pressButton(links[1]!);
    expect(pressed.status).toBe(303);
    expect(pressed.headers.location).toBe('/newsletter/confirmed');
    const back = await row(email);
    expect(back).toMatchObject({ status: 'confirmed', unsubscribed_at: null, pending_signup: null, created_at: owner.created_at, source: 'footer', consent_text_version: NEWSLETTER_CONSENT_VERSION, source_page: '/newsletter' });
    // The new sign-up's consent: its time (after the unsubscribe) and its client's address hash.
    expect(back.consent_at).not.toBe(owner.consent_at);
    expect(String(back.consent_at) >= String(owner.unsubscribed_at)).toBe(true);
    expect(back.consent_address_hash).not.toBe(owner.consent_address_hash);
    expect(back.confirmed_at).not.toBe(owner.confirmed_at);
    expect(await subscribers(ctx.db, 'confirmed')).toContainEqual(expect.objectContaining({ email, unsubscribed_at: null, source_page: '/newsletter' }));

    // A second press lands on the confirmed page and changes nothing; the first sign-up's link does too.
    expect((await pressAgain(links[1]!)).headers.location).toBe('/newsletter/confirmed');
    expect((await server.send(links[0]!)).headers.location).toBe('/newsletter/confirmed');
    expect(await row(email)).toEqual(back);
    await settle();
  });
});

describe('two identical sign-ups racing on two server processes, one database', () => {
  const other = secondServer();
  const viaOther = (email: string) =>
    fetch(`${other.origin()}/api/newsletter`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, consent: true, source: 'footer', page: '/newsletter' }) }).then((r) => r.status);
  const race = (email: string) => Promise.all([viaOther(email), signUp(email, freshAddress(), '/newsletter').then((r) => r.status)]);

  it('store one row and send one confirmation, for a new address and for an unsubscribed one, which stays unsubscribed', async () => {
    expect(await race('racer@example.com')).toEqual([200, 200]);
    await settle();
    expect(await row('racer@example.com')).toMatchObject({ status: 'pending', pending_signup: null });
    expect(confirmLinks('racer@example.com')).toHaveLength(1);

    const email = 'racer-back@example.com';
    const owner = await subscribedThenUnsubscribed(email);
    expect(await race(email)).toEqual([200, 200]);
    await settle();
    const after = await row(email);
    expect({ ...after, pending_signup: null }).toEqual(owner);
    const links = confirmLinks(email);
    expect(links).toHaveLength(2);
    // Either sign-up's consent may be the one waiting; the owner's press makes it theirs.
    expect((await pressButton(links[1]!)).headers.location).toBe('/newsletter/confirmed');
    expect(await row(email)).toMatchObject({ status: 'confirmed', unsubscribed_at: null, pending_signup: null, source_page: '/newsletter' });
    await settle();
  });
});

describe('migration 9', () => {
  it('adds the waiting sign-up to a database that already holds subscribers, and keeps them as they were', async () => {
    const db = createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'migration-9-')), 'site.db')}` });
    await db.execute('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 8)) {
      for (const sql of migration.statements) await db.execute(sql);
      await db.execute({ sql: 'INSERT INTO schema_migrations VALUES (?, ?, ?)', args: [migration.version, migration.name, '2026-11-01T00:00:00Z'] });
    }
    const insert = `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at, confirmed_at, unsubscribed_at, source_page)
                    VALUES (?, ?, ?, ?, 'footer', 'v1', '2026-11-02T10:00:00Z', 'h', '2026-11-02T10:00:00Z', ?, ?, '/blog/x')`;
    await db.execute({ sql: insert, args: ['a', 'a@x.test', 'ka', 'unsubscribed', '2026-11-02T10:01:00Z', '2026-11-03T10:00:00Z'] });
    await db.execute({ sql: insert, args: ['b', 'b@x.test', 'kb', 'confirmed', '2026-11-02T10:01:00Z', null] });
    const before = (await db.execute('SELECT * FROM subscribers ORDER BY id')).rows.map((r) => ({ ...r }));

    // 9 and every later version, each once.
    expect(await migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version >= 9).map((m) => m.version));
    const after = (await db.execute('SELECT * FROM subscribers ORDER BY id')).rows.map((r) => ({ ...r }));
    expect(after).toEqual(before.map((r) => ({ ...r, pending_signup: null })));
    expect(await migrate(db)).toEqual([]);
    db.close();
  });
});
