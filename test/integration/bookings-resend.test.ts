// A booking through the real resend SDK against a local server that answers like Resend: the
// provider is down (500s, then 429s) while visitors book. Every booking still gets its 201, nothing
// reaches the provider while it is down, and afterwards each email (with its invite) arrives once. A call
// moved before the provider took its first notices: the operator still hears of the booking, then of
// the move, in that order; the visitor gets only the move (their confirmation's time is gone).
import { afterAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { startFakeResend, type FakeResend } from '../fixtures/fake-resend.ts';
import { formOn, icsField } from '../fixtures/bookings-http.ts';

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
  BOOKING_CLIENT_DAILY_LIMIT: '1000',
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

  it("tells the operator of a call moved before its first notices went out: the booking, then the move, in that order", async () => {
    const from = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
    const free = JSON.parse((await server.send(`/api/slots?from=${from}&to=${to}&tz=UTC`)).body).slots as { start: string }[];
    // More than 30 hours ahead: no reminder is due within the hour this test delivers over.
    const slot = free.find((s) => Date.parse(s.start) > Date.now() + 30 * 3600_000 && Date.parse(s.start) < Date.now() + 60 * 3600_000)!;
    // The provider refuses the first two sends (the visitor's confirmation and the operator's notice):
    // both wait out their backoff, as in a backlog.
    resend.fail(2, 500, 'emails');
    const booked = await server.send('/api/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ start: slot.start, name: 'Mo Ver', email: 'mover@example.com', company: 'Mover Co', companySize: '1-10', area: 'sales', goal: 'Answer leads the same day.', timeZone: 'UTC', consent: true }),
    });
    expect(booked.status).toBe(201);
    const id = JSON.parse(booked.body).booking.id as string;
    await drain();
    const ctx = await apiContext();
    const manageUrl = new URL(String((await ctx.db.execute({ sql: `SELECT payload ->> '$.email.props.manageUrl' AS url FROM messages WHERE idempotency_key = ?`, args: [`booking-${id}-0-confirmed-visitor`] })).rows[0]!.url));

    // The visitor moves the call before either notice has gone out.
    const page = (await server.send(manageUrl.pathname + manageUrl.search)).body;
    const fields = formOn(page, '/api/bookings/reschedule');
    const offered = [...page.slice(page.indexOf('/api/bookings/reschedule')).matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]!);
    const newStart = offered.find((start) => start !== slot.start && Date.parse(start) > Date.now() + 30 * 3600_000)!;
    const moved = await server.send('/api/bookings/reschedule', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...fields, start: newStart }).toString() });
    expect(moved.status).toBe(303);
    await drain();
    await drain(60 * 60_000);

    const toOperator = resend.delivered.filter((m) => m.to === 'operator@site.test' && m.replyTo === 'mover@example.com');
    expect(toOperator.map((m) => m.subject)).toEqual(['New audit: Mover Co (Mo Ver)', 'Moved audit: Mover Co (Mo Ver)']);
    // Each as it happened: the booking at its first time, then the move from it; the invites in order.
    const [first, second] = toOperator.map((m) => m.attachments[0]!.content);
    expect([icsField(first!, 'SEQUENCE'), icsField(first!, 'DTSTART')]).toEqual(['0', slot.start.replace(/[-:]/g, '')]);
    expect([icsField(second!, 'SEQUENCE'), icsField(second!, 'DTSTART')]).toEqual(['1', newStart.replace(/[-:]/g, '')]);
    expect(toOperator[0]!.text).toContain('Mo Ver of Mover Co booked a workflow audit.');
    expect(toOperator[1]!.text).toContain('was moved');
    // The visitor gets the move only: a confirmation for a time that is gone would put it in their calendar.
    expect(resend.delivered.filter((m) => m.to === 'mover@example.com').map((m) => m.subject)).toEqual(['Moved: your workflow audit has a new time']);
    const visitorConfirmation = (await ctx.db.execute({ sql: `SELECT status FROM messages WHERE idempotency_key = ?`, args: [`booking-${id}-0-confirmed-visitor`] })).rows[0]!;
    expect(visitorConfirmation.status).toBe('cancelled');
    for (const mail of [...toOperator]) expect(resend.sendsPerKey.get(mail.idempotencyKey)).toBe(1);
  });
});
