// Tokens and the outbox's delivery rules, against a real (temporary) database and a scripted mailer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken, keyedHash, verifyToken } from '../../api/_lib/signing/tokens.ts';
import { getDb, migrate } from '../../api/_lib/store/db.ts';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { backoffMs, deliverDue, enqueue, MAX_ATTEMPTS, requeueDead } from '../../api/_lib/mail/outbox.ts';
import type { Mailer, SendResult } from '../../api/_lib/mail/mailer.ts';

const SECRET = 'x'.repeat(40);

describe('tokens', () => {
  const now = Date.UTC(2026, 10, 24);
  it('round-trips subject and purpose', () => {
    expect(verifyToken(SECRET, 'newsletter-confirm', createToken(SECRET, 'newsletter-confirm', 'sub-1', 60, now), now)).toEqual({ ok: true, subject: 'sub-1' });
  });
  it('refuses tampering, another secret, another purpose and expiry', () => {
    const token = createToken(SECRET, 'newsletter-confirm', 'sub-1', 60, now);
    const [data, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ p: 'newsletter-confirm', s: 'sub-2', e: now / 1000 + 60 })).toString('base64url');
    expect(verifyToken(SECRET, 'newsletter-confirm', `${forged}.${signature}`, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyToken('y'.repeat(40), 'newsletter-confirm', token, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyToken(SECRET, 'newsletter-unsubscribe', token, now)).toEqual({ ok: false, reason: 'wrong-purpose' });
    expect(verifyToken(SECRET, 'newsletter-confirm', token, now + 61_000)).toEqual({ ok: false, reason: 'expired' });
    for (const junk of ['', '.', 'a.b.c', `${data}.`, 'x'.repeat(2000)]) expect(verifyToken(SECRET, 'newsletter-confirm', junk, now).ok).toBe(false);
  });
  it('accepts one spelling of a token: characters a base64url decoder would skip make it malformed', () => {
    const token = createToken(SECRET, 'newsletter-confirm', 'sub-1', 60, now);
    for (const spelling of [`${token}!!`, `${token}====`, `${token} `, ` ${token}`, token.replace('.', '.='), `${token.slice(0, 5)}+${token.slice(5)}`]) {
      expect([spelling, verifyToken(SECRET, 'newsletter-confirm', spelling, now)]).toEqual([spelling, { ok: false, reason: 'malformed' }]);
    }
    // The signature's last character holds 2 bits no decoder reads: its three neighbours in the
    // alphabet decode to the same bytes, and must not verify.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    for (let low = 0; low < 4; low++) {
      const twin = alphabet[(last & ~3) | low]!;
      if (twin === token.at(-1)) continue;
      expect(verifyToken(SECRET, 'newsletter-confirm', token.slice(0, -1) + twin, now)).toEqual({ ok: false, reason: 'bad-signature' });
    }
  });
  it('keys hashes by purpose and secret', () => {
    expect(keyedHash(SECRET, 'address', '127.0.0.1')).not.toBe(keyedHash(SECRET, 'email', '127.0.0.1'));
    expect(keyedHash(SECRET, 'address', '127.0.0.1')).toBe(keyedHash(SECRET, 'address', '127.0.0.1'));
    expect(keyedHash(SECRET, 'address', '127.0.0.1')).not.toContain('127');
  });
});

/** A mailer that answers from a script, recording the idempotency key of every call. */
function scriptedMailer(script: SendResult[]): Mailer & { calls: string[] } {
  const calls: string[] = [];
  return {
    kind: 'resend',
    concurrency: 1,
    calls,
    async sendEmail(_email, key) {
      calls.push(key);
      return script.shift() ?? { ok: true, providerId: `id-${calls.length}` };
    },
    async createContact() {
      return { ok: true, providerId: 'c' };
    },
    async unsubscribeContact() {
      return { ok: true, providerId: 'u' };
    },
  };
}

async function freshDb() {
  const config = readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'outbox-')) });
  return getDb(config);
}

async function queue(db: Awaited<ReturnType<typeof freshDb>>, key: string, at: Date) {
  const tx = await db.transaction('write');
  await enqueue(tx, { idempotencyKey: key, payload: { kind: 'email', email: { template: 'confirm-subscription', to: 'a@b.c', props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } } }, at);
  await tx.commit();
  tx.close();
}

const status = async (db: Awaited<ReturnType<typeof freshDb>>, key: string) =>
  (await db.execute({ sql: 'SELECT status, attempts, last_error, next_attempt_at FROM messages WHERE idempotency_key = ?', args: [key] })).rows[0]!;

describe('outbox', () => {
  it('migrations are idempotent', async () => {
    const db = await freshDb();
    expect(await migrate(db)).toEqual([]);
  });

  it('retries 5xx and 429 with backoff, then delivers once with the same key', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    await queue(db, 'k1', t0);
    const mailer = scriptedMailer([
      { ok: false, retryable: true, error: '500 internal_server_error' },
      { ok: false, retryable: true, error: '429 rate_limit_exceeded', retryAfterSeconds: 120 },
    ]);
    expect(await deliverDue(db, mailer, { now: t0 })).toEqual({ claimed: 1, sent: 0, retried: 1, dead: 0, cancelled: 0, superseded: 0, handedBack: 0 });
    expect(await deliverDue(db, mailer, { now: t0 })).toEqual({ claimed: 0, sent: 0, retried: 0, dead: 0, cancelled: 0, superseded: 0, handedBack: 0 }); // not due yet
    const t1 = new Date(t0.getTime() + backoffMs(1));
    expect(await deliverDue(db, mailer, { now: t1 })).toEqual({ claimed: 1, sent: 0, retried: 1, dead: 0, cancelled: 0, superseded: 0, handedBack: 0 });
    expect(String((await status(db, 'k1')).next_attempt_at)).toBe(new Date(t1.getTime() + 120_000).toISOString());
    expect(await deliverDue(db, mailer, { now: new Date(t1.getTime() + 120_000) })).toEqual({ claimed: 1, sent: 1, retried: 0, dead: 0, cancelled: 0, superseded: 0, handedBack: 0 });
    expect(mailer.calls).toEqual(['k1', 'k1', 'k1']);
    expect((await status(db, 'k1')).status).toBe('sent');
  });

  it('dead-letters a permanent error at once and a retryable one after MAX_ATTEMPTS, keeping the last error', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    await queue(db, 'bad', t0);
    await deliverDue(db, scriptedMailer([{ ok: false, retryable: false, error: '422 validation_error: bad from' }]), { now: t0 });
    expect(await status(db, 'bad')).toMatchObject({ status: 'dead', attempts: 1, last_error: '422 validation_error: bad from' });

    await queue(db, 'flaky', t0);
    const failing = scriptedMailer(Array(MAX_ATTEMPTS).fill({ ok: false, retryable: true, error: 'network' }));
    let at = t0;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDue(db, failing, { now: at });
      at = new Date(at.getTime() + 2 * 60 * 60_000);
    }
    expect(await status(db, 'flaky')).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, last_error: 'network' });
  });

  it('records each sent message with its own provider id, and sends with the mailer\'s concurrency', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    for (const key of ['p1', 'p2', 'p3']) await queue(db, key, t0);
    let inFlight = 0;
    let maxInFlight = 0;
    const mailer: Mailer = {
      kind: 'file',
      concurrency: 2,
      async sendEmail(email, key) {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        expect(email.html).toContain('https://x.test/c');
        return { ok: true, providerId: `provider-${key}` };
      },
      createContact: async () => ({ ok: true, providerId: 'c' }),
      unsubscribeContact: async () => ({ ok: true, providerId: 'u' }),
    };
    expect(await deliverDue(db, mailer, { now: t0 })).toEqual({ claimed: 3, sent: 3, retried: 0, dead: 0, cancelled: 0, superseded: 0, handedBack: 0 });
    expect(maxInFlight).toBe(2);
    const rows = (await db.execute(`SELECT idempotency_key, provider_id, status, attempts FROM messages ORDER BY idempotency_key`)).rows;
    expect(rows.map((r) => [r.idempotency_key, r.provider_id, r.status, r.attempts])).toEqual([
      ['p1', 'provider-p1', 'sent', 1],
      ['p2', 'provider-p2', 'sent', 1],
      ['p3', 'provider-p3', 'sent', 1],
    ]);
  });

  it('never sends one message twice when two workers run at once', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    for (let i = 0; i < 20; i++) await queue(db, `m${i}`, t0);
    const mailer = scriptedMailer([]);
    await Promise.all([deliverDue(db, mailer, { now: t0 }), deliverDue(db, mailer, { now: t0 }), deliverDue(db, mailer, { now: t0 })]);
    expect(mailer.calls.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
  });

  it('lets a message that makes the worker throw die alone, with its error, while its batch is sent', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    await queue(db, 'good-1', t0);
    // Poison, written as a bug or a bad migration could leave it: a payload that is not JSON, and an
    // email whose template does not exist (it throws when rendered).
    const insert = 'INSERT INTO messages (id, kind, idempotency_key, payload, status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, \'pending\', 0, ?, ?, ?)';
    const at = t0.toISOString();
    await db.execute({ sql: insert, args: ['poison-1', 'email', 'not-json', '{"kind":"email",', at, at, at] });
    await db.execute({ sql: insert, args: ['poison-2', 'email', 'no-template', JSON.stringify({ kind: 'email', email: { template: 'nope', to: 'a@b.c', props: {} } }), at, at, at] });
    await queue(db, 'good-2', t0);
    const mailer = scriptedMailer([]);
    expect(await deliverDue(db, mailer, { now: t0 })).toEqual({ claimed: 4, sent: 2, retried: 0, dead: 2, cancelled: 0, superseded: 0, handedBack: 0 });
    expect(mailer.calls.sort()).toEqual(['good-1', 'good-2']);
    expect(await status(db, 'not-json')).toMatchObject({ status: 'dead', attempts: 1 });
    expect(String((await status(db, 'not-json')).last_error)).toMatch(/^cannot be sent: SyntaxError/);
    expect(await status(db, 'no-template')).toMatchObject({ status: 'dead', attempts: 1, last_error: 'cannot be sent: Error: Unknown email template: nope' });
    // Dead means done: a later run does not pick them up again.
    expect((await deliverDue(db, mailer, { now: new Date(t0.getTime() + 86_400_000) })).claimed).toBe(0);
  });

  it('retries a provider call that throws (a network error) instead of killing the message', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    await queue(db, 'net', t0);
    const throwing: Mailer = { ...scriptedMailer([]), sendEmail: async () => { throw new TypeError('fetch failed'); } };
    expect(await deliverDue(db, throwing, { now: t0 })).toMatchObject({ claimed: 1, retried: 1, dead: 0 });
    expect(await status(db, 'net')).toMatchObject({ status: 'pending', attempts: 1, last_error: 'TypeError: fetch failed' });
  });

  it('delivers messages that share an ordering key one after another, in the order they were queued', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    const tx = await db.transaction('write');
    await enqueue(tx, { idempotencyKey: 'create', orderingKey: 'contact:1', payload: { kind: 'contact', email: 'a@b.c' } }, t0);
    await enqueue(tx, { idempotencyKey: 'other', orderingKey: 'contact:2', payload: { kind: 'contact', email: 'x@y.z' } }, t0);
    await enqueue(tx, { idempotencyKey: 'unsubscribe', orderingKey: 'contact:1', payload: { kind: 'contact-unsubscribe', email: 'a@b.c' } }, t0);
    await tx.commit();
    tx.close();
    const calls: string[] = [];
    let createFails = true;
    const mailer: Mailer = {
      ...scriptedMailer([]),
      async createContact(email) {
        calls.push(`create ${email}`);
        if (email === 'a@b.c' && createFails) return { ok: false, retryable: true, error: '503' };
        return { ok: true, providerId: 'c' };
      },
      async unsubscribeContact(email) {
        calls.push(`unsubscribe ${email}`);
        return { ok: true, providerId: 'u' };
      },
    };
    // The create fails and waits out its backoff; the unsubscribe behind it waits too; another key is not held up.
    await deliverDue(db, mailer, { now: t0 });
    await deliverDue(db, mailer, { now: t0 });
    expect(calls).toEqual(['create a@b.c', 'create x@y.z']);
    createFails = false;
    await deliverDue(db, mailer, { now: new Date(t0.getTime() + 60_000) });
    await deliverDue(db, mailer, { now: new Date(t0.getTime() + 60_000) });
    expect(calls).toEqual(['create a@b.c', 'create x@y.z', 'create a@b.c', 'unsubscribe a@b.c']);
  });

  it('holds a message back while an earlier one with its ordering key is in flight in another worker', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    const tx = await db.transaction('write');
    await enqueue(tx, { idempotencyKey: 'create', orderingKey: 'contact:1', payload: { kind: 'contact', email: 'a@b.c' } }, t0);
    await enqueue(tx, { idempotencyKey: 'unsubscribe', orderingKey: 'contact:1', payload: { kind: 'contact-unsubscribe', email: 'a@b.c' } }, t0);
    await tx.commit();
    tx.close();
    // Another worker claimed the create a minute ago and is still sending it: a live claim, well short of STALE_SENDING_MS.
    await db.execute({ sql: `UPDATE messages SET status = 'sending', attempts = 1, claim_id = 'other-worker', claimed_at = ?1, updated_at = ?1 WHERE idempotency_key = 'create'`, args: [t0.toISOString()] });
    const calls: string[] = [];
    const mailer: Mailer = {
      ...scriptedMailer([]),
      async createContact(email) {
        calls.push(`create ${email}`);
        return { ok: true, providerId: 'c' };
      },
      async unsubscribeContact(email) {
        calls.push(`unsubscribe ${email}`);
        return { ok: true, providerId: 'u' };
      },
    };
    const t1 = new Date(t0.getTime() + 60_000);
    // Sent now, the unsubscribe could reach the provider before the create and be undone by it.
    expect(await deliverDue(db, mailer, { now: t1 })).toEqual({ claimed: 0, sent: 0, retried: 0, dead: 0, cancelled: 0, superseded: 0, handedBack: 0 });
    expect(calls).toEqual([]);
    expect(await status(db, 'unsubscribe')).toMatchObject({ status: 'pending', attempts: 0 });
    // Once the other worker records the create, the unsubscribe goes.
    await db.execute(`UPDATE messages SET status = 'sent' WHERE idempotency_key = 'create'`);
    expect(await deliverDue(db, mailer, { now: t1 })).toMatchObject({ claimed: 1, sent: 1 });
    expect(calls).toEqual(['unsubscribe a@b.c']);
  });

  it('stops starting sends when its time is up and hands the claims it never started back: not counted, due at once', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    const keys = ['t1', 't2', 't3', 't4', 't5'];
    for (const key of keys) await queue(db, key, t0);
    // A slow provider on a clock the test moves: each send takes 10 s, and the run may start sends for 25 s.
    let elapsed = 0;
    const calls: string[] = [];
    const slow: Mailer = {
      ...scriptedMailer([]),
      async sendEmail(_email, key) {
        calls.push(key);
        elapsed += 10_000;
        return { ok: true, providerId: `id-${key}` };
      },
    };
    expect(await deliverDue(db, slow, { now: t0, budgetMs: 25_000, clock: () => elapsed })).toEqual({ claimed: 5, sent: 3, retried: 0, dead: 0, cancelled: 0, superseded: 0, handedBack: 2 });
    expect(calls).toEqual(['t1', 't2', 't3']);
    const rows = async () => (await db.execute('SELECT idempotency_key, status, attempts, next_attempt_at FROM messages ORDER BY rowid')).rows.map((r) => [r.idempotency_key, r.status, Number(r.attempts), r.next_attempt_at]);
    expect(await rows()).toEqual([
      ['t1', 'sent', 1, t0.toISOString()],
      ['t2', 'sent', 1, t0.toISOString()],
      ['t3', 'sent', 1, t0.toISOString()],
      // Never tried: pending again, their attempt given back, due as they were (no backoff).
      ['t4', 'pending', 0, t0.toISOString()],
      ['t5', 'pending', 0, t0.toISOString()],
    ]);
    // The next run, on the same instant, takes them as if nothing had happened.
    elapsed = 0;
    expect(await deliverDue(db, slow, { now: t0, budgetMs: 25_000, clock: () => elapsed })).toMatchObject({ claimed: 2, sent: 2, handedBack: 0 });
    expect((await rows()).map((r) => [r[0], r[1], r[2]])).toEqual(keys.map((k) => [k, 'sent', 1]));
  });

  it('claims nothing when its time is already up', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-11-24T10:00:00Z');
    await queue(db, 'late', t0);
    expect(await deliverDue(db, scriptedMailer([]), { now: t0, budgetMs: 0 })).toMatchObject({ claimed: 0, sent: 0, handedBack: 0 });
    expect(await status(db, 'late')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('requeues a dead email about a call still ahead, and leaves dead one about a call that is over', async () => {
    const db = await freshDb();
    const t0 = new Date('2026-12-07T10:00:00Z');
    const booking = (id: string, end: string) => db.execute({
      sql: `INSERT INTO bookings (id, uid, status, start_at, end_at, name, email, email_key, company, company_size, area, goal, time_zone, consent_text_version, consent_address_hash, created_at, updated_at)
            VALUES (?, ?, 'confirmed', ?, ?, 'Ada', 'ada@example.com', 'k', 'Acme', '1-10', 'sales', 'Leads', 'UTC', 'v1', 'h', ?, ?)`,
      args: [id, `${id}@test`, end, end, t0.toISOString(), t0.toISOString()],
    });
    await booking('ahead', '2026-12-09T10:20:00.000Z');
    await booking('over', '2026-12-07T09:20:00.000Z');
    for (const id of ['ahead', 'over']) {
      const tx = await db.transaction('write');
      await enqueue(tx, { idempotencyKey: `booking-${id}-0-confirmed-visitor`, bookingId: id, payload: { kind: 'email', email: { template: 'confirm-subscription', to: 'ada@example.com', props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } } }, t0);
      await tx.commit();
      tx.close();
    }
    await deliverDue(db, scriptedMailer([{ ok: false, retryable: false, error: '422 x' }, { ok: false, retryable: false, error: '422 x' }]), { now: t0 });
    const lines = await requeueDead(db, { diedSince: '2026-12-01T00:00:00.000Z' }, t0);
    expect(lines.map((l) => [l.idempotencyKey, l.leftDead])).toEqual([
      ['booking-ahead-0-confirmed-visitor', null],
      ['booking-over-0-confirmed-visitor', 'the call it is about is over'],
    ]);
    expect(await status(db, 'booking-ahead-0-confirmed-visitor')).toMatchObject({ status: 'pending', attempts: 0, next_attempt_at: t0.toISOString() });
    expect(await status(db, 'booking-over-0-confirmed-visitor')).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('backs off exponentially, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(60 * 60_000);
    expect(backoffMs(1, 600)).toBe(600_000);
  });
});

describe('operator export', async () => {
  const { toCsv, toTable } = await import('../../scripts/_lib/leads-report.ts');
  it('writes CSV a spreadsheet reads as text, not formulas', () => {
    const csv = toCsv([{ email: '=HYPERLINK("http://evil")@x.com', status: 'pending', note: 'a, "b"\nc' }, { email: '+1@x.com', status: 'confirmed', note: null }]);
    expect(csv).toBe('email,status,note\n"\'=HYPERLINK(""http://evil"")@x.com",pending,"a, ""b""\nc"\n\'+1@x.com,confirmed,\n');
  });
  it('prints a readable table or says there is nothing', () => {
    expect(toTable([])).toBe('(none)\n');
    expect(toTable([{ a: 'x', bb: 1 }])).toBe('a  bb\nx  1 \n');
  });
});
