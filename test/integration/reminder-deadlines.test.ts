// Reminders that can no longer arrive in time are cancelled at delivery, never sent late: a provider
// outage (retries up to an hour apart) or a paused cron must not send "In an hour" after the call, or
// the day-before one together with it. Each case books one call on its own database with fixed clocks
// and delivers at, just before and just after each cutoff (README: "No call lost to a no-show").
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { OPEN_EVERY_HOUR } from '../fixtures/api-server.ts';
import { bookingPayload } from '../fixtures/booking-request.ts';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb, migrate } from '../../api/_lib/store/db.ts';
import { MIGRATIONS } from '../../api/_lib/store/migrations.ts';
import { createWriteBatches } from '../../api/_lib/store/write-batches.ts';
import { createWebhookSender } from '../../api/_lib/webhook/send.ts';
import { deliverDue } from '../../api/_lib/mail/outbox.ts';
import { createBooking } from '../../api/_lib/booking/create-booking.ts';
import { recordOutcome } from '../../api/_lib/booking/record-outcome.ts';
import type { ApiContext } from '../../api/_lib/runtime/context.ts';
import type { Mailer, SendResult } from '../../api/_lib/mail/mailer.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SECOND = 1000;
/** Booked two days ahead, at a fixed time; the call starts at START. */
const BOOKED_AT = new Date('2026-11-24T08:00:00Z');
const START = Date.parse('2026-11-26T10:00:00Z');
const DAY_SUBJECT = 'Tomorrow: your 20-minute workflow audit';
const HOUR_SUBJECT = 'In an hour: your 20-minute workflow audit';

/** A mailer that records every email it is given and answers `answer(subject)` (sent by default). */
function recordingMailer(answer: (subject: string) => SendResult = () => ({ ok: true, providerId: 'p' })): Mailer & { subjects: string[] } {
  const subjects: string[] = [];
  return {
    kind: 'file',
    concurrency: 1,
    subjects,
    async sendEmail(email) {
      subjects.push(email.subject);
      return answer(email.subject);
    },
    createContact: async () => ({ ok: true, providerId: 'c' }),
    unsubscribeContact: async () => ({ ok: true, providerId: 'u' }),
  };
}

/** One call at START on a database of its own, its confirmations delivered at booking time. */
async function bookedCall() {
  const config = readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'reminder-deadlines-')), SITE_URL: 'https://site.test', OPERATOR_EMAIL: 'operator@site.test', ...OPEN_EVERY_HOUR });
  const db = await getDb(config);
  const ctx: ApiContext = { config, db, writes: createWriteBatches(db), secret: 'x'.repeat(40), mailer: recordingMailer(), webhook: createWebhookSender(undefined) };
  const request = bookingPayload(new Date(START).toISOString(), 'dana@example.com') as Parameters<typeof createBooking>[2];
  const { booking } = await ctx.writes.run((tx) => createBooking(ctx, tx, request, { clientAddress: '127.0.0.1', now: BOOKED_AT }));
  await deliverDue(db, ctx.mailer, { now: BOOKED_AT });
  const reminder = async (suffix: 'reminder' | 'reminder-hour') =>
    (await db.execute({ sql: 'SELECT status, last_error FROM messages WHERE idempotency_key = ?', args: [`booking-${booking.id}-0-${suffix}`] })).rows[0]!;
  return { ctx, db, booking, reminder };
}

describe('the hour-before reminder', () => {
  it('goes out until 10 minutes before the call: 10 minutes and 1 second before, and exactly 10 minutes before', async () => {
    for (const at of [START - 10 * MINUTE - SECOND, START - 10 * MINUTE]) {
      const { db, reminder } = await bookedCall();
      const mailer = recordingMailer();
      await deliverDue(db, mailer, { now: new Date(at) });
      expect(mailer.subjects).toContain(HOUR_SUBJECT);
      expect((await reminder('reminder-hour')).status).toBe('sent');
    }
  });

  it('is cancelled, with the reason, once the call is closer than that, and after it has started', async () => {
    for (const [at, left] of [[START - 10 * MINUTE + SECOND, 'starts in 9 min'], [START + 25 * MINUTE, 'started 25 min ago']] as const) {
      const { db, reminder } = await bookedCall();
      const mailer = recordingMailer();
      const stats = await deliverDue(db, mailer, { now: new Date(at) });
      expect(mailer.subjects).not.toContain(HOUR_SUBJECT);
      expect(await reminder('reminder-hour')).toEqual({ status: 'cancelled', last_error: `cancelled: too late to send, the call ${left} (this message goes out only until 10 min before it)` });
      // Not an error and not retried: a later run leaves it alone.
      expect(stats.dead).toBe(0);
      expect((await deliverDue(db, mailer, { now: new Date(at + HOUR) })).claimed).toBe(0);
    }
  });

  it('held up by a provider outage, is not sent after the call, even in the run that sends the no-show email', async () => {
    const { db, reminder } = await bookedCall();
    // Due an hour before; the provider answers 503 from then until after the call.
    const down = recordingMailer(() => ({ ok: false, retryable: true, error: '503 service_unavailable' }));
    for (let at = START - HOUR; at < START + 20 * MINUTE; at += 15 * MINUTE) await deliverDue(db, down, { now: new Date(at) });
    expect(down.subjects.filter((s) => s === HOUR_SUBJECT).length).toBeGreaterThan(1);
    expect((await reminder('reminder-hour')).status).toBe('cancelled');

    // The same, with the last retry still pending when the operator marks the no-show.
    const late = await bookedCall();
    await deliverDue(late.db, down, { now: new Date(START - HOUR) });
    expect((await late.reminder('reminder-hour')).status).toBe('pending');
    const missed = new Date(START + 30 * MINUTE);
    expect(await recordOutcome(late.ctx, late.booking.id, 'no-show', missed)).toMatchObject({ result: 'recorded', queued: 1 });
    const back = recordingMailer();
    await deliverDue(late.db, back, { now: missed });
    expect(back.subjects).toEqual(['We missed you: book another time for your workflow audit']);
    expect((await late.reminder('reminder-hour')).status).toBe('cancelled');
  });
});

describe('the day-before reminder', () => {
  it('goes out until 12 hours before the call, and is cancelled after', async () => {
    for (const [at, status] of [[START - 12 * HOUR - SECOND, 'sent'], [START - 12 * HOUR, 'sent'], [START - 12 * HOUR + SECOND, 'cancelled']] as const) {
      const { db, reminder } = await bookedCall();
      const mailer = recordingMailer();
      await deliverDue(db, mailer, { now: new Date(at) });
      expect((await reminder('reminder')).status, new Date(at).toISOString()).toBe(status);
      expect(mailer.subjects.includes(DAY_SUBJECT)).toBe(status === 'sent');
    }
    const { db, reminder } = await bookedCall();
    await deliverDue(db, recordingMailer(), { now: new Date(START - 12 * HOUR + SECOND) });
    expect((await reminder('reminder')).last_error).toBe('cancelled: too late to send, the call starts in 719 min (this message goes out only until 720 min before it)');
  });

  it('never arrives together with the hour-before one: a cron paused until both are due sends only the hour one', async () => {
    const { db, reminder } = await bookedCall();
    const mailer = recordingMailer();
    await deliverDue(db, mailer, { now: new Date(START - 59 * MINUTE) });
    expect(mailer.subjects).toEqual([HOUR_SUBJECT]);
    expect((await reminder('reminder')).status).toBe('cancelled');
  });
});

describe('migration 10', () => {
  it('gives reminders queued by earlier code the same deadlines, and leaves every other message as it was', async () => {
    const db = createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'migration-10-')), 'site.db')}` });
    await db.execute('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 9)) {
      for (const sql of migration.statements) await db.execute(sql);
      await db.execute({ sql: 'INSERT INTO schema_migrations VALUES (?, ?, ?)', args: [migration.version, migration.name, '2026-11-01T00:00:00Z'] });
    }
    // As the code before this version queued them: the booking's guard, no deadline.
    const guard = { subject: 'booking', id: 'b1', status: ['confirmed'], sequence: 0 };
    const email = (event: string) => JSON.stringify({ kind: 'email', email: { template: 'booking', to: 'dana@example.com', props: { event, audience: 'visitor' } }, guard });
    const insert = `INSERT INTO messages (id, kind, idempotency_key, booking_id, payload, status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, 'email', ?, 'b1', ?, ?, 0, '2026-11-25T10:00:00Z', '2026-11-24T08:00:00Z', '2026-11-24T08:00:00Z')`;
    const rows: [string, string, string][] = [['day', 'reminder', 'pending'], ['hour', 'reminder-hour', 'pending'], ['hour-sent', 'reminder-hour', 'sent'], ['confirmed', 'confirmed', 'pending']];
    for (const [key, event, status] of rows) await db.execute({ sql: insert, args: [key, key, email(event), status] });
    const before = new Map((await db.execute('SELECT idempotency_key, payload FROM messages')).rows.map((r) => [String(r.idempotency_key), String(r.payload)]));

    // 10 and every later version, each once.
    expect(await migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version >= 10).map((m) => m.version));
    const deadline = async (key: string) => JSON.parse(String((await db.execute({ sql: 'SELECT payload FROM messages WHERE idempotency_key = ?', args: [key] })).rows[0]!.payload)).guard;
    expect(await deadline('day')).toEqual({ ...guard, untilBeforeStartMs: 12 * HOUR });
    expect(await deadline('hour')).toEqual({ ...guard, untilBeforeStartMs: 10 * MINUTE });
    for (const key of ['hour-sent', 'confirmed']) {
      expect(String((await db.execute({ sql: 'SELECT payload FROM messages WHERE idempotency_key = ?', args: [key] })).rows[0]!.payload)).toBe(before.get(key));
    }
    expect(await migrate(db)).toEqual([]);
    db.close();
  });
});
