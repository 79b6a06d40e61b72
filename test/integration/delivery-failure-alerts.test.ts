// An email to a visitor that can never be delivered is reported to the operator, once: on the real local
// server, through the resend SDK against test/fixtures/fake-resend.ts and a webhook receiver on
// 127.0.0.1. A sender domain that is not verified (403) fails the booking confirmation, with its manage
// link, while the visitor saw "booked". An answer about the account is retried like an outage (the
// domain may be fixed within the hours the attempts last), so the alert comes when the confirmation dies
// after its last attempt: one alert, by webhook and by email, and two delivery runs at once post it once.
// The alert email fails the same way, is retried like any email, and queues nothing (no loops). A
// newsletter confirmation dead after its last attempt is reported too (README: "Leads and the newsletter"),
// and so is an unsubscribe Resend never took: the reader would get the next issue.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { startFakeResend, type FakeResend } from '../fixtures/fake-resend.ts';
import { bookingPayload } from '../fixtures/booking-request.ts';
import { isoDate } from '../fixtures/bookings-http.ts';
import { deliveryOptions } from '../../api/_lib/mail/deliver.ts';
import { failureAlerts } from '../../api/_lib/mail/failure-alerts.ts';
import { enqueue, MAX_ATTEMPTS } from '../../api/_lib/mail/outbox.ts';

const received: { type: string; text: string; data: Record<string, any> }[] = [];
const receiver = createServer((req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    received.push(JSON.parse(raw));
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
afterAll(() => receiver.close());
const resend: FakeResend = await startFakeResend();
afterAll(() => resend.close());

const { server, apiContext, deliverDue } = await startApiServer('delivery-failure-alerts', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  ...OPEN_EVERY_HOUR,
  RESEND_API_KEY: 're_test_key',
  RESEND_BASE_URL: resend.url,
  NEWSLETTER_RATE_LIMIT: '1000',
  OPERATOR_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/alerts`,
  OPERATOR_WEBHOOK_SECRET: 'alerts-receiver-secret-1',
});

const messages = async (where: string, args: string[] = []) =>
  (await (await apiContext()).db.execute({ sql: `SELECT idempotency_key AS key, kind, status, attempts, last_error FROM messages WHERE ${where} ORDER BY rowid`, args })).rows.map((r) => ({ ...r }));
/** Two delivery runs at once, as two instances would, until nothing is due at `at` or in flight. */
async function deliverTwiceAtOnce(at = () => new Date()) {
  const ctx = await apiContext();
  for (let i = 0; i < 50; i++) {
    await Promise.all([deliverDue(ctx.db, ctx.mailer, { ...deliveryOptions(ctx), now: at() }), deliverDue(ctx.db, ctx.mailer, { ...deliveryOptions(ctx), now: at() })]);
    const open = await ctx.db.execute(`SELECT COUNT(*) AS n FROM messages WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= ?)`, [at().toISOString()]);
    if (Number(open.rows[0]?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the outbox did not settle');
}

describe("the operator's alert when an email to a visitor cannot be delivered", () => {
  it('a booking confirmation refused until its last attempt (403, domain not verified): one alert, by webhook and email, posted once by two runs; the failed alert email alerts nobody', async () => {
    // Three days ahead: the reminders stay out of the way of these runs' hours and the next test's.
    const reply = await server.send(`/api/slots?from=${isoDate(Date.now() + 3 * 86_400_000)}&to=${isoDate(Date.now() + 5 * 86_400_000)}&tz=UTC`);
    const slot = (JSON.parse(reply.body).slots as { start: string }[])[0]!;
    resend.fail(1000, 403, 'emails');
    const booked = await server.send('/api/bookings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bookingPayload(slot.start, 'dana@example.com')) });
    expect(booked.status).toBe(201);
    const id = JSON.parse(booked.body).booking.id as string;
    const confirmation = `booking-${id}-0-confirmed-visitor`;

    // Retried, not dead at once: each run an hour and five minutes after the last, past every backoff.
    const t0 = Date.now();
    let run = 0;
    const at = () => new Date(t0 + run * 65 * 60_000);
    await deliverTwiceAtOnce(at);
    expect(await messages('idempotency_key = ?', [confirmation])).toEqual([{ key: confirmation, kind: 'email', status: 'pending', attempts: 1, last_error: expect.stringContaining('domain is not verified') }]);
    expect(received.filter((r) => r.type === 'delivery.failed')).toHaveLength(0);
    while ((await messages('idempotency_key = ?', [confirmation]))[0]!.status !== 'dead' && run < 2 * MAX_ATTEMPTS) {
      run++;
      await deliverTwiceAtOnce(at);
    }

    expect(await messages('idempotency_key LIKE ?', [`booking-${id}-0-confirmed-%`])).toEqual([
      { key: confirmation, kind: 'email', status: 'dead', attempts: MAX_ATTEMPTS, last_error: expect.stringMatching(/^403 validation_error: The site\.test domain is not verified/) },
      // The operator's own notice failed too: it is not a visitor's email, so no alert of its own.
      { key: `booking-${id}-0-confirmed-operator`, kind: 'email', status: 'dead', attempts: MAX_ATTEMPTS, last_error: expect.stringContaining('403') },
    ]);
    // One alert for the one visitor's email: the email fails as everything sent from the domain does (and
    // is retried), the webhook went through. Nothing about the failed alert.
    expect(await messages(`idempotency_key LIKE '%delivery-failed:%'`)).toEqual([
      { key: `delivery-failed:${confirmation}`, kind: 'email', status: 'pending', attempts: 1, last_error: expect.stringContaining('403') },
      { key: `webhook:delivery-failed:${confirmation}`, kind: 'webhook', status: 'sent', attempts: 1, last_error: null },
    ]);
    // The email stores the event the webhook posts (one source for both), not props of its own.
    const stored = (await (await apiContext()).db.execute({ sql: `SELECT payload ->> '$.email.template' AS template, payload -> '$.email.props.event' AS event FROM messages WHERE idempotency_key = ?`, args: [`delivery-failed:${confirmation}`] })).rows[0]!;
    expect(stored.template).toBe('operator-alert');
    const alerts = received.filter((r) => r.type === 'delivery.failed');
    expect(alerts).toHaveLength(1);
    expect(JSON.parse(String(stored.event))).toEqual({ type: 'delivery.failed', ...alerts[0]!.data });
    expect(alerts[0]!.data).toMatchObject({
      message: { key: confirmation, email: 'booking.confirmed', description: 'the booking confirmation', to: 'dana@example.com', attempts: MAX_ATTEMPTS, error: expect.stringContaining('domain is not verified') },
      booking: { id, name: 'Dana Reyes', company: 'Reyes Logistics', start: slot.start },
      manageUrl: expect.stringMatching(/^https:\/\/site\.test\/book-audit\/manage\?token=/),
    });
    expect(alerts[0]!.text).toContain('Email: the booking confirmation\nTo: dana@example.com\nWhy: 403 validation_error: The site.test domain is not verified');
    expect(alerts[0]!.text).toContain('npm run leads -- failed');
    expect(alerts[0]!.text).toContain('MAIL_FROM must be on a domain verified in Resend');

    // Put back in the queue by hand with one attempt left, and dead again: the database refuses a second alert (its key).
    await (await apiContext()).db.execute({ sql: `UPDATE messages SET status = 'pending', attempts = ?, next_attempt_at = ? WHERE idempotency_key = ?`, args: [MAX_ATTEMPTS - 1, at().toISOString(), confirmation] });
    run++;
    await deliverTwiceAtOnce(at);
    expect(await messages('idempotency_key = ?', [confirmation])).toMatchObject([{ status: 'dead', attempts: MAX_ATTEMPTS }]);
    expect(await messages(`idempotency_key LIKE '%delivery-failed:%'`)).toHaveLength(2);
    expect(received.filter((r) => r.type === 'delivery.failed')).toHaveLength(1);

    // Later runs, the domain fixed, say nothing more about it; the alert email, still retrying, reaches the operator once.
    resend.fail(0, 403);
    run++;
    await deliverTwiceAtOnce(at);
    expect(received.filter((r) => r.type === 'delivery.failed')).toHaveLength(1);
    expect(await messages(`idempotency_key LIKE '%delivery-failed:%'`)).toHaveLength(2);
    expect(resend.delivered.filter((m) => m.idempotencyKey === `delivery-failed:${confirmation}`)).toEqual([expect.objectContaining({ to: 'operator@site.test', subject: 'Not delivered: the booking confirmation to dana@example.com' })]);
  });

  it('a newsletter confirmation dead after its last attempt is reported, and the alert email reaches the operator once', async () => {
    const signup = await server.send('/api/newsletter', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=reader%40example.com&consent=yes&source=footer', from: '127.0.4.2' });
    expect(signup.status).toBe(303);
    resend.fail(1000, 500, 'emails');
    const t0 = Date.now();
    // Each run an hour and five minutes after the last: past every backoff (at most an hour).
    const confirmationRow = async () => (await messages(`kind = 'email' AND payload ->> '$.email.to' = 'reader@example.com'`))[0]!;
    let run = 0;
    for (; run < 2 * MAX_ATTEMPTS && (await confirmationRow()).status !== 'dead'; run++) await deliverTwiceAtOnce(() => new Date(t0 + run * 65 * 60_000));
    const confirmation = await confirmationRow();
    expect(confirmation).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, last_error: '500 internal_server_error: Unavailable' });

    resend.fail(0, 500);
    await deliverTwiceAtOnce(() => new Date(t0 + run * 65 * 60_000));
    const alertKey = `delivery-failed:${String(confirmation.key)}`;
    expect(await messages('idempotency_key IN (?, ?)', [alertKey, `webhook:${alertKey}`])).toEqual([
      // Its first try, right after it was queued, met the same outage; retried like any email.
      { key: alertKey, kind: 'email', status: 'sent', attempts: 2, last_error: null },
      { key: `webhook:${alertKey}`, kind: 'webhook', status: 'sent', attempts: 1, last_error: null },
    ]);
    const mails = resend.delivered.filter((m) => m.idempotencyKey === alertKey);
    expect(mails).toHaveLength(1);
    expect(resend.sendsPerKey.get(alertKey)).toBe(1);
    expect(mails[0]).toMatchObject({ to: 'operator@site.test', subject: 'Not delivered: the newsletter confirmation link to reader@example.com' });
    expect(mails[0]!.text).toContain(`Attempts: ${MAX_ATTEMPTS}`);
    expect(mails[0]!.text).toContain('npm run leads -- failed');
    expect(mails[0]!.text).toContain('Once it is fixed, they can sign up again.');
    expect(received.filter((r) => r.type === 'delivery.failed' && r.data.message.to === 'reader@example.com')).toHaveLength(1);
  });

  it('an unsubscribe Resend never took is reported, tied to the reader, with what to do in Resend', async () => {
    const ctx = await apiContext();
    await ctx.db.execute(`INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at, unsubscribed_at)
                          VALUES ('leaver', 'leaver@example.com', 'leaver', 'unsubscribed', 'footer', 'v1', '2026-01-01T00:00:00Z', 'h', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')`);
    const key = 'newsletter-unsubscribe-leaver-1';
    await ctx.writes.run((tx) => enqueue(tx, { idempotencyKey: key, subscriberId: 'leaver', orderingKey: 'newsletter-contact:leaver', payload: { kind: 'contact-unsubscribe', email: 'leaver@example.com' } }, new Date()));
    resend.fail(1000, 500, 'contacts');
    const t0 = Date.now();
    let run = 0;
    const row = async () => (await messages('idempotency_key = ?', [key]))[0]!;
    for (; run < 2 * MAX_ATTEMPTS && (await row()).status !== 'dead'; run++) await deliverTwiceAtOnce(() => new Date(t0 + run * 65 * 60_000));
    expect(await row()).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    resend.fail(0, 500);
    await deliverTwiceAtOnce(() => new Date(t0 + run * 65 * 60_000));

    const alertKey = `provider-failed:${key}`;
    const alerts = await ctx.db.execute({ sql: 'SELECT idempotency_key AS key, status, subscriber_id FROM messages WHERE idempotency_key IN (?, ?) ORDER BY idempotency_key', args: [alertKey, `webhook:${alertKey}`] });
    expect(alerts.rows.map((r) => ({ ...r }))).toEqual([
      { key: alertKey, status: 'sent', subscriber_id: 'leaver' },
      { key: `webhook:${alertKey}`, status: 'sent', subscriber_id: 'leaver' },
    ]);
    const mail = resend.delivered.find((m) => m.idempotencyKey === alertKey)!;
    expect(mail).toMatchObject({ to: 'operator@site.test', subject: 'Resend did not take the unsubscribe of leaver@example.com' });
    expect(mail.text).toContain('they will get the next issue');
    expect(mail.text).toContain('mark it unsubscribed');
    const posted = received.filter((r) => r.type === 'newsletter.provider-failed');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.data).toMatchObject({ change: 'unsubscribe', to: 'leaver@example.com', key, attempts: MAX_ATTEMPTS });
  });

  it("a subscribe Resend never took is reported as one; a change the reader has since undone is not", async () => {
    const ctx = await apiContext();
    const reader = (id: string, status: string) =>
      ctx.db.execute({ sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at) VALUES (?, ?, ?, ?, 'footer', 'v1', '2026-01-01T00:00:00Z', 'h', '2026-01-01T00:00:00Z')`, args: [id, `${id}@example.com`, id, status] });
    await reader('joiner', 'confirmed');
    await reader('came-back', 'confirmed');
    await reader('left-again', 'unsubscribed');
    const deadChange = (id: string, kind: 'contact' | 'contact-unsubscribe') => ({ id: `m-${id}`, idempotencyKey: `${kind}-${id}`, bookingId: null, subscriberId: id, payload: { kind, email: `${id}@example.com` }, error: '500 internal_server_error: Unavailable', attempts: MAX_ATTEMPTS });
    const alert = failureAlerts(ctx);
    const queued = await ctx.writes.run(async (tx) => [
      await alert(tx, deadChange('joiner', 'contact'), new Date()),
      // Unsubscribed, then confirmed again: the unsubscribe that died is undone by the subscribe behind it.
      await alert(tx, deadChange('came-back', 'contact-unsubscribe'), new Date()),
      // Confirmed, then unsubscribed: the subscribe that died would only be undone.
      await alert(tx, deadChange('left-again', 'contact'), new Date()),
    ]);
    expect(queued).toEqual([2, 0, 0]); // the email and the webhook, for the first alone
    const stored = await ctx.db.execute(`SELECT payload ->> '$.email.subject' AS subject, payload ->> '$.email.props.event.change' AS change FROM messages WHERE idempotency_key = 'provider-failed:contact-joiner'`);
    expect({ ...stored.rows[0] }).toMatchObject({ change: 'subscribe' });
    expect(await ctx.db.execute(`SELECT COUNT(*) AS n FROM messages WHERE idempotency_key LIKE 'provider-failed:contact-unsubscribe-came-back%' OR idempotency_key LIKE '%left-again'`).then((r) => Number(r.rows[0]!.n))).toBe(0);
  });
});
