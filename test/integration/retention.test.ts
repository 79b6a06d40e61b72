// The deletions the privacy page promises: unconfirmed sign-ups after 30 days, bookings 24 months
// after the call, each with the messages about it (the operator's alerts and their webhook copies
// included); nothing younger, nothing confirmed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureAlerts } from '../../api/_lib/mail/failure-alerts.ts';
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
    const message = (key: string, column: 'subscriber_id' | 'booking_id', owner: string, createdAt = now.toISOString()) =>
      db.execute({ sql: `INSERT INTO messages (id, kind, idempotency_key, ${column}, payload, status, next_attempt_at, created_at, updated_at) VALUES (?, 'email', ?, ?, '{}', 'sent', ?, ?, ?)`, args: [key, key, owner, createdAt, createdAt, createdAt] });

    await subscriber('old-pending', 'pending', '2026-10-31T11:59:00Z'); // 30 days and 1 minute ago
    await subscriber('young-pending', 'pending', '2026-11-01T12:01:00Z');
    await subscriber('old-confirmed', 'confirmed', '2020-01-01T00:00:00Z');
    // Unsubscribed addresses someone signed up again: the sign-up waiting for confirmation expires, the unsubscribe stays.
    await subscriber('old-rejoin', 'unsubscribed', '2020-01-01T00:00:00Z');
    await subscriber('young-rejoin', 'unsubscribed', '2020-01-01T00:00:00Z');
    const waiting = (id: string, consentAt: string) => db.execute({ sql: `UPDATE subscribers SET pending_signup = ?, unsubscribed_at = '2025-06-01T00:00:00Z' WHERE id = ?`, args: [JSON.stringify({ consent_at: consentAt }), id] });
    await waiting('old-rejoin', '2026-10-31T11:59:00Z');
    await waiting('young-rejoin', '2026-11-01T12:01:00Z');
    await message('m-old-pending', 'subscriber_id', 'old-pending');
    // The expired rejoin's confirmation and the operator's alert about it go; the confirmation and welcome
    // of its first subscription (before the unsubscribe) are part of the unsubscribed record and stay, as
    // does the younger rejoin's confirmation.
    await message('newsletter-confirm-old-rejoin-1', 'subscriber_id', 'old-rejoin');
    await message('delivery-failed:newsletter-confirm-old-rejoin-1', 'subscriber_id', 'old-rejoin');
    await message('newsletter-confirm-old-rejoin-0', 'subscriber_id', 'old-rejoin', '2020-01-01T00:00:00Z');
    await message('newsletter-welcome-old-rejoin', 'subscriber_id', 'old-rejoin', '2020-01-01T00:05:00Z');
    await message('newsletter-confirm-young-rejoin-1', 'subscriber_id', 'young-rejoin');
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
    expect(await ids('SELECT id FROM messages')).toEqual(['m-confirmed', 'newsletter-confirm-old-rejoin-0', 'newsletter-confirm-young-rejoin-1', 'newsletter-welcome-old-rejoin']);
    expect(await ids('SELECT booking_id FROM booking_claims')).toEqual(['recent-call']);
  });

  it("deletes the operator's alert about an expired sign-up's dead confirmation, its webhook copy too (both name the address)", async () => {
    // A webhook URL set, so the alert goes out both ways. Nothing is delivered here.
    const config = readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'retention-')), OPERATOR_WEBHOOK_URL: 'http://127.0.0.1:9/hooks/alerts', OPERATOR_WEBHOOK_SECRET: 'retention-receiver-secret' });
    const db = await getDb(config);
    const now = new Date('2026-12-01T12:00:00Z');
    const consentAt = '2026-10-31T11:59:00Z'; // 30 days and 1 minute ago
    await db.execute({ sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at) VALUES ('gone', 'gone@x.test', 'gone', 'pending', 'footer', 'v1', ?, 'h', ?)`, args: [consentAt, consentAt] });
    const confirmation = { kind: 'email' as const, email: { template: 'confirm-subscription' as const, to: 'gone@x.test', props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } };
    await db.execute({ sql: `INSERT INTO messages (id, kind, idempotency_key, subscriber_id, payload, status, next_attempt_at, created_at, updated_at) VALUES ('m-confirm', 'email', 'confirm-gone', 'gone', ?, 'dead', ?, ?, ?)`, args: [JSON.stringify(confirmation), consentAt, consentAt, consentAt] });
    // The confirmation went dead: the outbox queues the alert in the transaction that records it.
    const tx = await db.transaction('write');
    const queued = await failureAlerts({ config })(tx, { id: 'm-confirm', idempotencyKey: 'confirm-gone', bookingId: null, subscriberId: 'gone', payload: confirmation, error: '500 internal_server_error', attempts: 10 }, new Date(consentAt));
    await tx.commit();
    expect(queued).toBe(2);
    const naming = async () => (await db.execute(`SELECT idempotency_key FROM messages WHERE payload LIKE '%gone@x.test%' ORDER BY idempotency_key`)).rows.map((r) => String(r.idempotency_key));
    expect(await naming()).toEqual(['confirm-gone', 'delivery-failed:confirm-gone', 'webhook:delivery-failed:confirm-gone']);

    expect(await deleteExpiredRecords(db, now)).toEqual({ subscribers: 1, bookings: 0 });
    expect(await naming()).toEqual([]);
    expect((await db.execute('SELECT COUNT(*) AS n FROM messages')).rows[0]!.n).toBe(0);
  });
});
