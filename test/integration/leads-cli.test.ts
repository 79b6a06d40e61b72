// `npm run leads`: what it refuses, and that a refusal touches nothing. A typo in a command or option
// must not open (or create and migrate) the database; a bad setting is named in one message, not a
// stack trace; `retry` against a hosted database without the deployment's mail key would mark every
// due email sent while writing it only to this machine's outbox folder, so it is refused. `requeue` puts
// the dead messages it is told of back in the queue, under the same idempotency key.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function leads(args: string[], env: Record<string, string> = {}) {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'leads-cli-')), 'data');
  const run = spawnSync(process.execPath, ['scripts/leads.ts', ...args], { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { ...run, dataDir };
}

describe('npm run leads refuses before it opens the database', () => {
  it('answers help with the usage line and exit 0, creating no data folder', () => {
    const run = leads(['help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run leads -- subscribers\|messages\|failed\|retry\|requeue\|bookings\|calendar\|funnel/);
    expect(existsSync(run.dataDir)).toBe(false);
  });

  it('refuses a mistyped command, naming it, with exit 2 and no data folder', () => {
    const run = leads(['subscriber']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"subscriber" is not a command.');
    expect(run.stderr).toContain('usage: npm run leads');
    expect(existsSync(run.dataDir)).toBe(false);
  });

  it("refuses another command's option instead of ignoring it: --since on bookings, --from on funnel", () => {
    const bookings = leads(['bookings', '--since', '2026-12-08']);
    expect(bookings.status).toBe(2);
    expect(bookings.stderr.trim()).toBe('bookings has no --since option: it takes --from, --csv.');
    const funnel = leads(['funnel', '--from', '2026-12-06']);
    expect(funnel.status).toBe(2);
    expect(funnel.stderr.trim()).toBe('funnel has no --from option: it takes --since, --csv.');
    const retry = leads(['retry', '--csv']);
    expect(retry.stderr.trim()).toBe('retry has no --csv option: it takes none.');
    for (const run of [bookings, funnel, retry]) expect(existsSync(run.dataDir)).toBe(false);
  });

  it('refuses an unknown option and a stray argument', () => {
    const unknown = leads(['funnel', '--sinse', '2026-12-01']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--sinse'/);
    const stray = leads(['failed', 'now']);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('failed takes no argument "now".');
    for (const run of [unknown, stray]) expect(existsSync(run.dataDir)).toBe(false);
  });

  it('names a bad setting in one message, exit 1, without a stack trace', () => {
    const run = leads(['bookings'], { BOOKING_HOURS: 'mon 9-5' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("The server's settings are not valid:");
    expect(run.stderr).toContain('BOOKING_HOURS');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(run.dataDir)).toBe(false);
  });

  it('refuses retry against a hosted database without RESEND_API_KEY, and writes nothing to the local outbox', () => {
    // .invalid never resolves: had the command gone on, it would have failed to connect, not refused.
    const run = leads(['retry'], { DATABASE_URL: 'libsql://leads-cli-test.invalid', DATABASE_AUTH_TOKEN: 'token' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('retry refused: DATABASE_URL is a hosted database but RESEND_API_KEY is not set here');
    expect(existsSync(run.dataDir) ? readdirSync(run.dataDir) : []).toEqual([]);
  });

  it('runs retry on the local file database without a mail key, and leaves webhook messages for a run that has the webhook', async () => {
    const first = leads(['retry']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/claimed: 0/);
    // A webhook message the deployment queued (its run has OPERATOR_WEBHOOK_URL; this shell does not).
    const db = createClient({ url: `file:${join(first.dataDir, 'site.db')}` });
    const due = new Date(Date.now() - 60_000).toISOString();
    await db.execute({
      sql: `INSERT INTO messages (id, kind, idempotency_key, payload, status, attempts, next_attempt_at, created_at, updated_at)
            VALUES ('m1', 'webhook', 'webhook-m1', '{"kind":"webhook","webhook":{}}', 'pending', 0, ?, ?, ?)`,
      args: [due, due, due],
    });
    const second = spawnSync(process.execPath, ['scripts/leads.ts', 'retry'], { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: first.dataDir }, encoding: 'utf8', timeout: 30_000 });
    expect(second.status).toBe(0);
    const row = (await db.execute(`SELECT status, attempts, last_error FROM messages WHERE id = 'm1'`)).rows[0]!;
    db.close();
    expect({ status: row.status, attempts: Number(row.attempts), lastError: row.last_error }).toEqual({ status: 'pending', attempts: 0, lastError: null });
  });
});

describe('a .env file', () => {
  it('is read by npm run leads (as by npm start and npm run serve), and a variable set in the shell wins', () => {
    // The project as a new user has it, with a .env beside package.json: the scripts run from that folder.
    const project = mkdtempSync(join(tmpdir(), 'leads-env-'));
    copyFileSync(join(root, 'package.json'), join(project, 'package.json'));
    for (const dir of ['scripts', 'api', 'src', 'node_modules']) symlinkSync(join(root, dir), join(project, dir));
    writeFileSync(join(project, '.env'), `DATA_DIR=${join(project, 'data')}\nBOOKING_BUSY_FEEDS=work=https://calendar.example.invalid/busy.ics\n`);
    const npm = (env: Record<string, string> = {}) =>
      spawnSync('npm', ['run', '--silent', 'leads', '--', 'calendar'], { cwd: project, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 60_000 });

    const fromFile = npm();
    expect(fromFile.stderr).toBe('');
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toContain('work');
    expect(fromFile.stdout).not.toContain('No calendar feeds');
    expect(existsSync(join(project, 'data', 'site.db'))).toBe(true);

    const fromShell = npm({ BOOKING_BUSY_FEEDS: '' });
    expect(fromShell.status).toBe(0);
    expect(fromShell.stdout).toContain('No calendar feeds');
  });
});

describe('npm run leads -- requeue', () => {
  it('refuses without --since or --key, with a date that is not one, or another option, before it opens the database', () => {
    const bare = leads(['requeue']);
    expect(bare.status).toBe(2);
    expect(bare.stderr.trim()).toBe('requeue needs --since YYYY-MM-DD, --key KEY or both: it puts back only the dead messages you name.');
    const csv = leads(['requeue', '--csv']);
    expect(csv.status).toBe(2);
    expect(csv.stderr.trim()).toBe('requeue has no --csv option: it takes --since, --key.');
    const date = leads(['requeue', '--since', '2026-02-30']);
    expect(date.status).toBe(2);
    expect(date.stderr.trim()).toBe('--since must be a real date written YYYY-MM-DD (got "2026-02-30")');
    // --key is requeue's alone.
    expect(leads(['failed', '--key', 'x']).stderr.trim()).toBe('failed has no --key option: it takes --csv.');
    for (const run of [bare, csv, date]) expect(existsSync(run.dataDir)).toBe(false);
  });

  it('puts the dead messages named back: pending, no attempts, due now, the same key; prints them, and leaves the rest', async () => {
    const first = leads(['failed']);
    expect(first.status).toBe(0);
    const db = createClient({ url: `file:${join(first.dataDir, 'site.db')}` });
    const email = (to: string) => JSON.stringify({ kind: 'email', email: { template: 'confirm-subscription', to, props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } });
    const rows: [string, string, string, string, string, number, string | null, string][] = [
      // id, kind, key, payload, status, attempts, ordering key, when it last changed (went dead)
      ['m1', 'email', 'dead-before', email('old@example.com'), 'dead', 10, null, '2026-11-20T10:00:00.000Z'],
      ['m2', 'email', 'dead-since', email('ada@example.com'), 'dead', 10, null, '2026-12-05T10:00:00.000Z'],
      ['m3', 'email', 'sent-since', email('bo@example.com'), 'sent', 1, null, '2026-12-05T10:00:00.000Z'],
      // A contact's create died, and its unsubscribe, queued after it, went through: creating it now would undo the unsubscribe.
      ['m4', 'contact', 'contact-create', '{"kind":"contact","email":"cy@example.com"}', 'dead', 10, 'contact:cy', '2026-12-05T11:00:00.000Z'],
      ['m5', 'contact-unsubscribe', 'contact-unsubscribe', '{"kind":"contact-unsubscribe","email":"cy@example.com"}', 'sent', 1, 'contact:cy', '2026-12-05T12:00:00.000Z'],
      // Poison: a payload that does not parse is listed, not a reason to fail.
      ['m6', 'email', 'not-json', '{"kind":"email",', 'dead', 1, null, '2026-12-06T10:00:00.000Z'],
    ];
    for (const [id, kind, key, payload, status, attempts, orderingKey, at] of rows) {
      await db.execute({
        sql: `INSERT INTO messages (id, kind, idempotency_key, ordering_key, payload, status, attempts, next_attempt_at, last_error, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [id, kind, key, orderingKey, payload, status, attempts, at, status === 'dead' ? '403 validation_error: The site.test domain is not verified' : null, at, at],
      });
    }
    const state = async () => Object.fromEntries((await db.execute('SELECT id, idempotency_key, status, attempts, next_attempt_at FROM messages ORDER BY rowid')).rows.map((r) => [String(r.idempotency_key), [r.id, r.status, Number(r.attempts), r.next_attempt_at]]));
    const run = (args: string[]) => spawnSync(process.execPath, ['scripts/leads.ts', 'requeue', ...args], { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: first.dataDir }, encoding: 'utf8', timeout: 30_000 });

    // `failed` lists them all, the one that does not parse included (json_extract used to fail the whole list on it).
    const failed = spawnSync(process.execPath, ['scripts/leads.ts', 'failed'], { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: first.dataDir }, encoding: 'utf8', timeout: 30_000 });
    expect(failed.stderr).toBe('');
    expect(failed.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/).find((cell) => ['dead-before', 'dead-since', 'contact-create', 'not-json'].includes(cell)))).toEqual(['dead-before', 'dead-since', 'contact-create', 'not-json']);

    const before = new Date().toISOString();
    const since = run(['--since', '2026-12-01']);
    const after = new Date().toISOString();
    expect(since.stderr).toBe('');
    expect(since.status).toBe(0);
    expect(since.stdout).toContain('dead-since');
    expect(since.stdout).toContain('ada@example.com');
    expect(since.stdout).toContain('not-json');
    expect(since.stdout).toContain('Requeued 2 dead messages');
    expect(since.stdout).toMatch(/Left dead: contact-create \(a later message with its ordering key has gone out/);
    expect(since.stdout).not.toContain('dead-before');
    const now = await state();
    // The same row, so the same idempotency key: the provider sends an email it had taken once only.
    expect(now['dead-since']).toEqual(['m2', 'pending', 0, expect.any(String)]);
    expect(String(now['dead-since']![3]) >= before && String(now['dead-since']![3]) <= after).toBe(true);
    expect(now['not-json']).toEqual(['m6', 'pending', 0, expect.any(String)]);
    expect(now['dead-before']).toEqual(['m1', 'dead', 10, '2026-11-20T10:00:00.000Z']);
    expect(now['contact-create']).toEqual(['m4', 'dead', 10, '2026-12-05T11:00:00.000Z']);
    expect(now['sent-since']).toEqual(['m3', 'sent', 1, '2026-12-05T10:00:00.000Z']);

    const byKey = run(['--key', 'dead-before']);
    expect(byKey.status).toBe(0);
    expect(byKey.stdout).toContain('Requeued 1 dead message');
    expect((await state())['dead-before']).toEqual(['m1', 'pending', 0, expect.any(String)]);

    const none = run(['--key', 'sent-since']);
    expect(none.status).toBe(0);
    expect(none.stdout.trim()).toBe('No dead message matches: nothing requeued.');
    expect((await state())['sent-since']).toEqual(['m3', 'sent', 1, '2026-12-05T10:00:00.000Z']);
    db.close();
  });
});
