// The outbox under a crash: a delivery worker killed between messages, a worker whose claim lapsed
// while another took its message over, a worker that keeps dying on one message, and the file
// outbox killed mid-write. Clocks are fixed and jumped past the lease (`now`), never slept through.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb } from '../../api/_lib/store/db.ts';
import { createMailer, type Mailer, type OutgoingEmail, type SendResult } from '../../api/_lib/mail/mailer.ts';
import { deliverDue, enqueue, MAX_ATTEMPTS, STALE_SENDING_MS } from '../../api/_lib/mail/outbox.ts';
import { startFakeResend } from '../fixtures/fake-resend.ts';

// The file outbox's writes go through this pass-through, which can stop "the process" inside one
// writeFile: half the content reaches the disk and the call never returns, so nothing after it runs
// (no rename, no cleanup), as with a SIGKILL at that moment.
const kill = vi.hoisted(() => ({ atWrite: 0, writes: 0, killed: undefined as undefined | (() => void) }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile = (async (path: string, data: string, ...rest: [never]) => {
    if (kill.atWrite === 0 || ++kill.writes !== kill.atWrite) return fs.writeFile(path, data, ...rest);
    await fs.writeFile(path, data.slice(0, Math.floor(data.length / 2)));
    kill.killed?.();
    return new Promise<never>(() => {});
  }) as typeof fs.writeFile;
  return { ...fs, default: { ...fs, writeFile }, writeFile };
});

const root = join(import.meta.dirname, '../..');
const t0 = new Date('2026-11-24T10:00:00Z');
/** Just past the lease: a claim made at t0 has lapsed. */
const afterLease = new Date(t0.getTime() + STALE_SENDING_MS + 1000);

async function freshDb(extra: Record<string, string> = {}) {
  const config = readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'outbox-crash-')), ...extra });
  return { config, db: await getDb(config) };
}
type Db = Awaited<ReturnType<typeof freshDb>>['db'];

async function queue(db: Db, keys: string[]) {
  const tx = await db.transaction('write');
  for (const key of keys) {
    await enqueue(tx, { idempotencyKey: key, payload: { kind: 'email', email: { template: 'confirm-subscription', to: `${key}@example.com`, props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } } }, t0);
  }
  await tx.commit();
  tx.close();
}

const rows = async (db: Db) =>
  Object.fromEntries((await db.execute('SELECT idempotency_key, status, attempts, provider_id, last_error FROM messages')).rows.map((r) => [String(r.idempotency_key), { status: String(r.status), attempts: Number(r.attempts), providerId: r.provider_id, error: r.last_error }]));

/** A mailer whose sends wait until the test answers them, so two workers can be interleaved step by step. */
function heldMailer(providerId: string) {
  let started!: () => void;
  const calls: string[] = [];
  const pending = { started: new Promise<void>((resolve) => (started = resolve)), answer: (_: SendResult) => {} };
  const mailer: Mailer = {
    kind: 'resend',
    concurrency: 1,
    async sendEmail(_email, key) {
      calls.push(key);
      started();
      return new Promise<SendResult>((resolve) => (pending.answer = resolve));
    },
    createContact: async () => ({ ok: true, providerId }),
    unsubscribeContact: async () => ({ ok: true, providerId }),
  };
  return { mailer, calls, pending };
}

const answering = (providerId: string): Mailer & { calls: string[] } => {
  const calls: string[] = [];
  return {
    kind: 'resend',
    concurrency: 1,
    calls,
    async sendEmail(_email, key) {
      calls.push(key);
      return { ok: true, providerId };
    },
    createContact: async () => ({ ok: true, providerId }),
    unsubscribeContact: async () => ({ ok: true, providerId }),
  };
};

describe('outbox under a crash', () => {
  const resendPromise = startFakeResend({ deduplicate: false });
  afterAll(async () => (await resendPromise).close());

  it('a worker killed between messages leaves each finished message recorded: none of them is sent again', async () => {
    const resend = await resendPromise;
    const { config, db } = await freshDb({ RESEND_API_KEY: 're_test_key' });
    const keys = Array.from({ length: 6 }, (_, i) => `crash-${i}`);
    await queue(db, keys);

    // The provider answers 3 sends, then takes the 4th and does not answer: the worker is killed
    // while it waits, after the provider has the email and before the worker could record it.
    const cutOff = resend.holdAfter(3);
    const worker = spawn(process.execPath, ['test/fixtures/outbox-crash-worker.ts', t0.toISOString()], {
      cwd: root,
      env: { PATH: process.env.PATH, DATA_DIR: config.dataDir, RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => (output += chunk));
    worker.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const exited = new Promise<string>((resolve) => worker.on('exit', (code, signal) => resolve(`${code ?? signal}`)));
    const midSend = await Promise.race([cutOff, exited.then((how) => Promise.reject(new Error(`the worker ended (${how}) before its 4th send: ${output}`)))]);
    worker.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // What the provider answered is what the database holds: 3 sent, with the provider's ids.
    const answered = resend.delivered.slice(0, 3);
    const afterKill = await rows(db);
    expect(Object.entries(afterKill).filter(([, r]) => r.status === 'sent').map(([key]) => key).sort()).toEqual(answered.map((m) => m.idempotencyKey).sort());
    for (const [i, mail] of answered.entries()) expect(afterKill[mail.idempotencyKey]).toMatchObject({ providerId: `email_${i + 1}`, attempts: 1 });
    expect(afterKill[midSend]).toMatchObject({ status: 'sending', attempts: 1 });

    // Another worker after the lease (the clock jumped, not slept): it sends the rest.
    const mailer = createMailer({ ...config, resendBaseUrl: resend.url });
    expect(await deliverDue(db, mailer, { now: afterLease })).toMatchObject({ claimed: 3, sent: 3, superseded: 0 });

    const final = await rows(db);
    expect(Object.values(final).map((r) => r.status)).toEqual(keys.map(() => 'sent'));
    // Every message reached the provider at least once; the recorded ones exactly once. The one cut
    // off mid-send went twice: the worker died before it knew. It goes with the same idempotency key,
    // which a real provider (Resend keeps keys 24 hours) answers without sending it again; this fake
    // ignores the key, so the second POST shows. The crash counted as an attempt.
    for (const key of keys) expect(resend.sendsPerKey.get(key), key).toBe(key === midSend ? 2 : 1);
    expect(final[midSend]!.attempts).toBe(2);
    expect(resend.emailPosts).toBe(keys.length + 1);
  });

  it('a worker whose claim lapsed cannot overwrite the outcome of the worker that took the message over', async () => {
    const late: SendResult[] = [
      { ok: false, retryable: true, error: '503 after the lease' },
      { ok: false, retryable: false, error: '422 after the lease' },
      { ok: true, providerId: 'first-worker' },
    ];
    // The late answer lands after the second worker has recorded its outcome, or while it is still sending.
    for (const secondDone of [true, false]) {
      for (const [i, answer] of late.entries()) {
        const key = `late-${secondDone ? 'after' : 'during'}-${i}`;
        const { db } = await freshDb();
        await queue(db, [key]);
        const first = heldMailer('first-worker');
        const firstRun = deliverDue(db, first.mailer, { now: t0 });
        await first.pending.started; // claimed at t0, and sending

        const second = heldMailer('second-worker');
        const secondRun = deliverDue(db, second.mailer, { now: afterLease });
        await second.pending.started;
        const finishSecond = () => {
          second.pending.answer({ ok: true, providerId: 'second-worker' });
          return secondRun;
        };
        const secondEarly = secondDone ? await finishSecond() : undefined;
        first.pending.answer(answer); // the first worker's answer arrives after all
        const firstStats = await firstRun;
        const secondStats = secondEarly ?? (await finishSecond());

        expect((await rows(db))[key], key).toEqual({ status: 'sent', attempts: 2, providerId: 'second-worker', error: null });
        expect(firstStats, key).toMatchObject({ claimed: 1, sent: 0, retried: 0, dead: 0, superseded: 1 });
        expect(secondStats, key).toMatchObject({ claimed: 1, sent: 1, superseded: 0 });
        // Settled is settled: nothing is left for a later run.
        expect((await deliverDue(db, answering('third-worker'), { now: new Date(afterLease.getTime() + 86_400_000) })).claimed, key).toBe(0);
      }
    }
  });

  it('dead-letters a message whose worker died on its last attempt, without sending it again', async () => {
    const { db } = await freshDb();
    await queue(db, ['poison']);
    // Nine attempts failed; the tenth claimed it and its worker never came back.
    await db.execute({ sql: `UPDATE messages SET attempts = ? WHERE idempotency_key = 'poison'`, args: [MAX_ATTEMPTS - 1] });
    const dying = heldMailer('never');
    void deliverDue(db, dying.mailer, { now: t0 });
    await dying.pending.started;

    const next = answering('next');
    expect(await deliverDue(db, next, { now: afterLease })).toMatchObject({ claimed: 1, sent: 0, dead: 1 });
    expect(next.calls).toEqual([]);
    expect((await rows(db)).poison).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, error: expect.stringContaining(`attempt ${MAX_ATTEMPTS}`) });
  });
});

describe('file outbox under a crash', () => {
  const email: OutgoingEmail = {
    to: 'ada@example.com',
    subject: 'Your call',
    html: `<p>${'Booked. '.repeat(500)}</p>`,
    text: 'Booked.',
    attachments: [{ filename: 'invite.ics', content: `BEGIN:VCALENDAR\r\n${'X-PAD:0123456789\r\n'.repeat(200)}END:VCALENDAR\r\n`, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }],
  };
  const fileMailer = () => {
    const config = readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'file-outbox-')) });
    const dir = join(config.dataDir, 'outbox');
    mkdirSync(dir);
    return { mailer: createMailer(config), dir };
  };
  const complete: Record<string, (content: string) => boolean> = {
    'key-1.invite.ics': (c) => c === email.attachments![0]!.content,
    'key-1.html': (c) => c === email.html,
    'key-1.json': (c) => JSON.parse(c).subject === email.subject,
  };
  /** Every file under a final name, with whether it is whole; temporary files are listed apart. */
  const listing = (dir: string) => {
    const names = readdirSync(dir).sort();
    const temporary = names.filter((n) => n.startsWith('.') && n.endsWith('.tmp'));
    const final = Object.fromEntries(names.filter((n) => !temporary.includes(n)).map((n) => [n, complete[n]?.(readFileSync(join(dir, n), 'utf8')) ?? 'unexpected file']));
    return { final, temporary };
  };

  it('shows every file whole or not at all when the process dies inside any of its writes', async () => {
    // Writes 1 to 3: the invite, the page, the index.
    for (let atWrite = 1; atWrite <= 3; atWrite++) {
      const { mailer, dir } = fileMailer();
      Object.assign(kill, { atWrite, writes: 0 });
      await new Promise<void>((resolve) => {
        kill.killed = resolve;
        void mailer.sendEmail(email, 'key-1');
      });
      Object.assign(kill, { atWrite: 0, killed: undefined });
      const { final, temporary } = listing(dir);
      expect(Object.values(final), `killed in write ${atWrite}: ${JSON.stringify(final)}`).not.toContain(false);
      expect(Object.keys(final)).toEqual(Object.keys(complete).slice(0, atWrite - 1).sort());
      expect(temporary).toHaveLength(1); // the half-written one, under its temporary name

      // The retry (same key) leaves the three files whole.
      await mailer.sendEmail(email, 'key-1');
      expect(listing(dir).final).toEqual({ 'key-1.html': true, 'key-1.invite.ics': true, 'key-1.json': true });
    }
  });

  it('leaves no temporary file behind after a send, and keeps the first index when a message is sent twice', async () => {
    const { mailer, dir } = fileMailer();
    await mailer.sendEmail(email, 'key-1');
    const index = readFileSync(join(dir, 'key-1.json'), 'utf8');
    expect(readdirSync(dir).sort()).toEqual(['key-1.html', 'key-1.invite.ics', 'key-1.json']);
    await mailer.sendEmail({ ...email, subject: 'Sent again' }, 'key-1');
    expect(readdirSync(dir).sort()).toEqual(['key-1.html', 'key-1.invite.ics', 'key-1.json']);
    expect(readFileSync(join(dir, 'key-1.json'), 'utf8')).toBe(index);
  });
});
