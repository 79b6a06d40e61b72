// A booking through the real resend SDK against a local server that answers like Resend: the
// provider is down (500s, then 429s) while visitors book. Every booking still gets its 201, nothing
// reaches the provider while it is down, and afterwards each email (with its invite) arrives once.
import { afterAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { startFakeResend, type FakeResend } from '../fixtures/fake-resend.ts';

const resend: FakeResend = await startFakeResend();
afterAll(() => resend.close());
const { server, apiContext, deliverDue } = await startApiServer('bookings-resend', {
  RESEND_API_KEY: 're_test_key',
  RESEND_BASE_URL: resend.url,
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  BOOKING_HOURS: 'mon-sun 00:00-24:00',
  BOOKING_NOTICE_HOURS: '2',
  BOOKING_DAILY_CAP: '100',
  BOOKING_RATE_LIMIT: '1000',
});

async function drain(later = 0) {
  const ctx = await apiContext();
  for (let i = 0; i < 50; i++) {
    const at = new Date(Date.now() + later);
    await deliverDue(ctx.db, ctx.mailer, { now: at });
    const open = await ctx.db.execute(`SELECT COUNT(*) AS n FROM messages WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= ?)`, [at.toISOString()]);
    if (Number(open.rows[0]?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('booking through Resend', () => {
  it('takes every booking through an outage and delivers each email and invite exactly once afterwards', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inWeek = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const slots = JSON.parse((await server.send(`/api/slots?from=${today}&to=${inWeek}&tz=UTC`)).body).slots as { start: string }[];
    // Calls less than a day away (no day-before reminder) and more than 4 hours away (the hour-before
    // one is not due within the two hours the test delivers over): only the confirmations are due.
    const soon = slots.filter((s) => Date.parse(s.start) > Date.now() + 4 * 3600_000 && Date.parse(s.start) < Date.now() + 20 * 3600_000).filter((_, i) => i % 3 === 0).slice(0, 4);
    expect(soon).toHaveLength(4);

    resend.fail(1_000, 500);
    const replies = [];
    for (const [i, slot] of soon.entries()) {
      replies.push(await server.send('/api/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ start: slot.start, name: `Visitor ${i}`, email: `outage${i}@example.com`, company: 'Outage Co', companySize: '1-10', area: 'sales', goal: 'Reply to inbound leads within the hour.', timeZone: 'Europe/London', consent: true }),
      }));
    }
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    await drain();
    expect(resend.delivered).toHaveLength(0);

    resend.fail(3, 429);
    await drain(60 * 60_000);
    await drain(2 * 60 * 60_000);
    // 4 bookings, each one email to the visitor and one to the operator, each with its invite.
    expect(resend.delivered).toHaveLength(8);
    expect(resend.delivered.filter((m) => m.to === 'operator@site.test')).toHaveLength(4);
    // The operator's Reply goes to the visitor, through the SDK's reply_to.
    expect(resend.delivered.filter((m) => m.to === 'operator@site.test').map((m) => m.replyTo).sort()).toEqual(['outage0@example.com', 'outage1@example.com', 'outage2@example.com', 'outage3@example.com']);
    expect(resend.delivered.filter((m) => m.to !== 'operator@site.test').every((m) => m.replyTo === undefined)).toBe(true);
    for (const mail of resend.delivered) {
      expect(resend.sendsPerKey.get(mail.idempotencyKey), mail.subject).toBe(1);
      expect(mail.attachments).toEqual([expect.objectContaining({ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST' })]);
      expect(mail.attachments[0]!.content).toContain('METHOD:REQUEST');
    }
    // Everything else sent; only the hour-before reminders wait for their time.
    const statuses = (await (await apiContext()).db.execute(`SELECT status, COUNT(*) AS n FROM messages WHERE idempotency_key NOT LIKE '%-reminder-hour' GROUP BY status`)).rows.map((r) => String(r.status));
    expect(statuses).toEqual(['sent']);
    const waiting = await (await apiContext()).db.execute(`SELECT status, COUNT(*) AS n FROM messages WHERE idempotency_key LIKE '%-reminder-hour' GROUP BY status`);
    expect(waiting.rows.map((r) => [String(r.status), Number(r.n)])).toEqual([['pending', 4]]);
  });
});
