// The operator's webhook for bookings, on the real local server: a call made, moved and cancelled through
// the API and the emailed links reaches a local receiver as three signed posts, in that order, each
// once (a retried booking request adds none), carrying name, company, the time in the operator's zone,
// area, where the lead came from and the manage link. The visitor's answer never waits for it: the
// receiver is down while the call is booked, and the booking still answers 201.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { bookingPayload } from '../fixtures/booking-request.ts';
import { settleOutbox } from '../fixtures/file-outbox.ts';
import { formOn, isoDate } from '../fixtures/bookings-http.ts';

const SECRET = 'bookings-receiver-secret-1';
const received: { raw: string; signature: string; body: { id: string; type: string; text: string; data: Record<string, any> } }[] = [];
let answer = 200;
const receiver = createServer((req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    if (answer === 200) received.push({ raw, signature: String(req.headers['x-webhook-signature']), body: JSON.parse(raw) });
    res.writeHead(answer).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
afterAll(() => receiver.close());

const { server, apiContext, deliverDue } = await startApiServer('webhook-bookings', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  ...OPEN_EVERY_HOUR,
  RESEND_API_KEY: undefined,
  OPERATOR_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/bookings`,
  OPERATOR_WEBHOOK_SECRET: SECRET,
});
const postJson = (path: string, payload: unknown) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(payload), from: '127.0.3.9' });
async function freeSlots(afterHours: number) {
  const reply = await server.send(`/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now() + 10 * 86_400_000)}&tz=UTC`);
  return (JSON.parse(reply.body).slots as { start: string; end: string }[]).filter((s) => Date.parse(s.start) >= Date.now() + afterHours * 3600_000);
}
/** Delivers everything due now (the webhook among it) until nothing is left. */
const settle = () => settleOutbox(apiContext, deliverDue);
const berlin = (instant: string) => new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hour: 'numeric', minute: '2-digit' }).format(new Date(instant));

describe('booking events on the operator webhook', () => {
  it('made, moved and cancelled: three signed posts, in order, once each, with what the operator needs', async () => {
    const [slot] = await freeSlots(30);
    const later = (await freeSlots(60))[0]!;
    const payload = bookingPayload(slot!.start, 'hooked@example.com', {
      idempotencyKey: 'webhook-booking-1',
      source: { page: '/blog/x', referrerHost: 'news.example', utm: { utm_source: 'news' } },
    });
    // The receiver is down while the call is booked: the visitor's answer does not wait for it.
    answer = 500;
    const made = await postJson('/api/bookings', payload);
    expect(made.status).toBe(201);
    const id = JSON.parse(made.body).booking.id as string;
    // A retried request (same key, same details) is the same booking: no second event.
    expect((await postJson('/api/bookings', payload)).status).toBe(201);
    const ctx = await apiContext();
    const waiting = (await ctx.db.execute({ sql: `SELECT status, attempts FROM messages WHERE kind = 'webhook' AND booking_id = ?`, args: [id] })).rows;
    expect(waiting).toHaveLength(1);
    answer = 200;
    // Its retry comes after the backoff: deliver as the retry job would, a minute on.
    await deliverDue(ctx.db, ctx.mailer, { webhook: ctx.webhook, now: new Date(Date.now() + 60_000) });
    await settle();

    const manage = (await ctx.db.execute({ sql: `SELECT payload FROM messages WHERE idempotency_key = ?`, args: [`booking-${id}-0-confirmed-visitor`] })).rows[0]!;
    const manageUrl = JSON.parse(String(manage.payload)).email.props.manageUrl as string;
    const page = await server.send(new URL(manageUrl).pathname + new URL(manageUrl).search);
    const reschedule = formOn(page.body, '/api/bookings/reschedule').token!;
    expect((await postJson('/api/bookings/reschedule', { token: reschedule, start: later.start })).status).toBe(200);
    const asked = await server.send(`${new URL(manageUrl).pathname}${new URL(manageUrl).search}&step=cancel`);
    const cancel = formOn(asked.body, '/api/bookings/cancel').token!;
    expect((await postJson('/api/bookings/cancel', { token: cancel })).status).toBe(200);
    await settle();

    const mine = received.filter((r) => r.body.data.booking?.id === id);
    expect(mine.map((r) => r.body.type)).toEqual(['booking.created', 'booking.moved', 'booking.cancelled']);
    expect(new Set(mine.map((r) => r.body.id)).size).toBe(3);
    for (const post of mine) expect(post.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(post.raw).digest('hex')}`);
    const [created, moved] = mine;
    expect(created!.body.data).toMatchObject({
      booking: { name: 'Dana Reyes', company: 'Reyes Logistics', area: 'documents', start: slot!.start },
      source: { page: '/blog/x', referrerHost: 'news.example', utm: { utm_source: 'news' } },
      manageUrl: expect.stringMatching(/^https:\/\/site\.test\/book-audit\/manage\?token=/),
    });
    expect(created!.body.text).toContain('Name: Dana Reyes');
    expect(created!.body.text).toContain('Area: Documents');
    expect(created!.body.text).toContain('Source: /blog/x · via news.example · utm_source=news');
    // The time as the operator reads it: their zone (Berlin), not the visitor's.
    expect(created!.body.text).toContain(berlin(slot!.start));
    expect(moved!.body.data.booking).toMatchObject({ start: later.start, previousStart: slot!.start });
  });
});
