// What the privacy page promises about deletion, done by the retry job (Vercel Cron every 5 minutes,
// the local server's timer): unconfirmed sign-ups go after 30 days, bookings 24 months after the call,
// each with the queued emails about it (they hold the address).
import type { Client } from '@libsql/client';
import { expiredHoldSweep } from '../booking/claims.ts';
import { CONFIRM_KEY_PREFIX } from '../newsletter/subscriptions.ts';
import { DAY_MS } from '../../../src/lib/time/durations.ts';

const UNCONFIRMED_SIGNUP_DAYS = 30;
const BOOKING_RETENTION_MONTHS = 24;

export async function deleteExpiredRecords(db: Client, now = new Date()): Promise<{ subscribers: number; bookings: number }> {
  const signupCutoff = new Date(now.getTime() - UNCONFIRMED_SIGNUP_DAYS * DAY_MS).toISOString();
  const bookingCutoff = new Date(now);
  bookingCutoff.setUTCMonth(bookingCutoff.getUTCMonth() - BOOKING_RETENTION_MONTHS);
  const results = await db.batch(
    [
      { sql: `DELETE FROM messages WHERE subscriber_id IN (SELECT id FROM subscribers WHERE status = 'pending' AND consent_at < ?)`, args: [signupCutoff] },
      { sql: `DELETE FROM subscribers WHERE status = 'pending' AND consent_at < ?`, args: [signupCutoff] },
      // An unsubscribed address's unconfirmed sign-up goes too, with its confirmation emails and any alert
      // about one (keyed after it; all hold the address), all made since the unsubscribe; the unsubscribe
      // stays on record with the emails of the subscription it ended.
      {
        sql: `DELETE FROM messages WHERE idempotency_key LIKE '%${CONFIRM_KEY_PREFIX}%' AND EXISTS (
                SELECT 1 FROM subscribers s WHERE s.id = messages.subscriber_id AND s.pending_signup ->> '$.consent_at' < ? AND messages.created_at > s.unsubscribed_at)`,
        args: [signupCutoff],
      },
      { sql: `UPDATE subscribers SET pending_signup = NULL WHERE pending_signup ->> '$.consent_at' < ?`, args: [signupCutoff] },
      { sql: `DELETE FROM messages WHERE booking_id IN (SELECT id FROM bookings WHERE end_at < ?)`, args: [bookingCutoff.toISOString()] },
      { sql: `DELETE FROM booking_claims WHERE booking_id IN (SELECT id FROM bookings WHERE end_at < ?)`, args: [bookingCutoff.toISOString()] },
      { sql: `DELETE FROM bookings WHERE end_at < ?`, args: [bookingCutoff.toISOString()] },
      // Slot holds that ran out (each claiming transaction sweeps them too; this catches quiet days).
      ...expiredHoldSweep(now),
    ],
    'write',
  );
  return { subscribers: results[1]!.rowsAffected, bookings: results[6]!.rowsAffected };
}
