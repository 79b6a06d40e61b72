// The deletions the privacy page promises: unconfirmed sign-ups after 30 days, bookings 24 months
// after the call, each with the emails about it; nothing younger, nothing confirmed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb } from '../../api/_lib/store/db.ts';
import { deleteExpiredRecords } from '../../api/_lib/store/retention.ts';

describe('retention', () => {
  it('deletes what has expired, with its messages and claims, and keeps the rest', async () => {
    const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'retention-')) }));
    const now = new Date('2026-12-01T12:00:00Z');
    const subscriber = (id: string, status: string, consentAt: string) =>
      db.execute({ sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at) VALUES (?, ?, ?, ?, 'footer', 'v1', ?, 'h', ?)`, args: [id, `${id}@x.test`, id, status, consentAt, consentAt] });
    const booking = (id: string, endAt: string) =>
      db.execute({
        sql: `INSERT INTO bookings (id, uid, status, start_at, end_at, name, email, email_key, company, company_size, area, goal, time_zone, consent_text_version, consent_address_hash, created_at, updated_at)
              VALUES (?, ?, 'confirmed', ?, ?, 'N', 'n@x.test', ?, 'C', '1-10', 'sales', 'goal text', 'UTC', 'v1', 'h', ?, ?)`,
        args: [id, `${id}@x`, endAt, endAt, id, endAt, endAt],
      });
    const message = (key: string, column: 'subscriber_id' | 'booking_id', owner: string) =>
      db.execute({ sql: `INSERT INTO messages (id, kind, idempotency_key, ${column}, payload, status, next_attempt_at, created_at, updated_at) VALUES (?, 'email', ?, ?, '{}', 'sent', ?, ?, ?)`, args: [key, key, owner, now.toISOString(), now.toISOString(), now.toISOString()] });

    await subscriber('old-pending', 'pending', '2026-10-31T11:59:00Z'); // 30 days and 1 minute ago
    await subscriber('young-pending', 'pending', '2026-11-01T12:01:00Z');
    await subscriber('old-confirmed', 'confirmed', '2020-01-01T00:00:00Z');
    // Unsubscribed addresses someone signed up again: the sign-up waiting for confirmation expires, the unsubscribe stays.
    await subscriber('old-rejoin', 'unsubscribed', '2020-01-01T00:00:00Z');
    await subscriber('young-rejoin', 'unsubscribed', '2020-01-01T00:00:00Z');
    const waiting = (id: string, consentAt: string) => db.execute({ sql: 'UPDATE subscribers SET pending_signup = ? WHERE id = ?', args: [JSON.stringify({ consent_at: consentAt }), id] });
    await waiting('old-rejoin', '2026-10-31T11:59:00Z');
    await waiting('young-rejoin', '2026-11-01T12:01:00Z');
    await message('m-old-pending', 'subscriber_id', 'old-pending');
    await message('m-confirmed', 'subscriber_id', 'old-confirmed');
    await booking('old-call', '2024-11-30T12:00:00Z'); // 24 months and a day ago
    await booking('recent-call', '2024-12-02T12:00:00Z');
    await message('m-old-call', 'booking_id', 'old-call');
    await db.execute(`INSERT INTO booking_claims (block_start, booking_id) VALUES ('2024-11-30T11:40:00Z', 'old-call'), ('2024-12-02T11:40:00Z', 'recent-call')`);

    expect(await deleteExpiredRecords(db, now)).toEqual({ subscribers: 1, bookings: 1 });
    const ids = async (sql: string) => (await db.execute(sql)).rows.map((r) => String(Object.values(r)[0])).sort();
    expect(await ids('SELECT id FROM subscribers')).toEqual(['old-confirmed', 'old-rejoin', 'young-pending', 'young-rejoin']);
    expect(await ids('SELECT id FROM subscribers WHERE pending_signup IS NOT NULL')).toEqual(['young-rejoin']);
    expect(await ids('SELECT id FROM bookings')).toEqual(['recent-call']);
    expect(await ids('SELECT id FROM messages')).toEqual(['m-confirmed']);
    expect(await ids('SELECT booking_id FROM booking_claims')).toEqual(['recent-call']);
  });
});
