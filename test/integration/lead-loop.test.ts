// The operator's loop on the real local server: each lead stores where it came from (a booking's page,
// referring site and utm values; a sign-up's form page and the utm values of the address it was opened
// with), reminders a day and an hour before a call are dropped when the call moves or is cancelled,
// and the operator's Held and No-show links record the outcome, a no-show mailing the visitor once.
import { describe, expect, it } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { bookingPayload, emailSequence } from '../fixtures/booking-request.ts';
import { fileOutbox, settleOutbox, type Mail } from '../fixtures/file-outbox.ts';
import { formOn, isoDate } from '../fixtures/bookings-http.ts';

const { server, apiContext, deliverDue, dataDir } = await startApiServer('lead-loop', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  ...OPEN_EVERY_HOUR,
  BOOKING_HORIZON_DAYS: '30',
  RESEND_API_KEY: undefined,
  OPERATOR_WEBHOOK_URL: undefined,
});

const outbox = fileOutbox(dataDir);
const freshEmail = emailSequence('loop');
let nextAddress = 2;
const freshAddress = () => `127.0.2.${nextAddress++}`;
const postJson = (path: string, payload: unknown) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(payload), from: freshAddress() });
const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString(), from: freshAddress() });
const settle = () => settleOutbox(apiContext, deliverDue);
const db = async () => (await apiContext()).db;
const row = async (sql: string, args: string[]) => (await (await db()).execute({ sql, args })).rows[0]!;
const mails = (to: string, subject?: string) => outbox.mails((m) => m.to === to && (subject === undefined || m.subject === subject));

/** The first free slot at least `hours` ahead. */
async function slotAfter(hours: number): Promise<{ start: string; end: string }> {
  const reply = await server.send(`/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now() + 20 * 86_400_000)}&tz=UTC`, { from: freshAddress() });
  const after = Date.now() + hours * 3600_000;
  return (JSON.parse(reply.body).slots as { start: string; end: string }[]).find((s) => Date.parse(s.start) >= after)!;
}
/** Books the first free time `hours` ahead: each test books hours apart from the others, clear of their buffers. */
async function book(hours: number, overrides: Record<string, unknown> = {}) {
  const slot = await slotAfter(hours);
  const payload = bookingPayload(slot.start, freshEmail(), overrides);
  const reply = await postJson('/api/bookings', payload);
  expect(reply.status, reply.body).toBe(201);
  return { id: JSON.parse(reply.body).booking.id as string, email: payload.email, start: slot.start, end: slot.end };
}
/** A link of the given path in a mail, as a path and query on this server. */
const linkIn = (mail: Mail, path: string) => {
  const url = new URL(new RegExp(`https://site\\.test${path.replace(/\//g, '\\/')}\\?token=[\\w.-]+`).exec(mail.text)![0]);
  return url.pathname + url.search;
};
const tokenOf = (link: string) => new URL(link, 'https://site.test').searchParams.get('token')!;

describe('where each lead came from', () => {
  it('a booking from /blog/x?utm_source=news stores its page, referring site and utm values, and the operator reads them', async () => {
    const source = { page: '/blog/x', referrerHost: 'news.ycombinator.com', utm: { utm_source: 'news', utm_medium: 'email', utm_campaign: 'december' } };
    const call = await book(30, { source });
    expect(await row('SELECT source_page, source_referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content FROM bookings WHERE id = ?', [call.id])).toMatchObject({
      source_page: '/blog/x', source_referrer: 'news.ycombinator.com', utm_source: 'news', utm_medium: 'email', utm_campaign: 'december', utm_term: null, utm_content: null,
    });
    await settle();
    const notice = mails('operator@site.test').find((m) => m.text.includes(call.email))!;
    expect(notice.text).toContain('Came from: /blog/x · via news.ycombinator.com · utm_source=news, utm_medium=email, utm_campaign=december');
  });

  it('drops bad source values and still books (never a 4xx for the visitor)', async () => {
    const call = await book(33, { source: { page: 'javascript:alert(1)', referrerHost: '<b>evil</b>', utm: { utm_source: 'ok', utm_medium: 'x'.repeat(300), utm_term: 'bidi\u202Etext' } } });
    expect(await row('SELECT source_page, source_referrer, utm_source, utm_medium, utm_term FROM bookings WHERE id = ?', [call.id])).toMatchObject({
      source_page: null, source_referrer: null, utm_source: 'ok', utm_medium: null, utm_term: null,
    });
    const garbage = await book(36, { source: 'not an object' });
    expect(await row('SELECT source_page, utm_source FROM bookings WHERE id = ?', [garbage.id])).toMatchObject({ source_page: null, utm_source: null });
  });

  it("a sign-up from a service page's footer form stores that page, and the utm values of the address it was opened with", async () => {
    const reply = await postForm(
      '/api/newsletter',
      { email: 'footer-reader@example.com', consent: 'yes', source: 'footer', page: '/services/ai-sales-automation' },
      { referer: 'https://site.test/services/ai-sales-automation?utm_source=linkedin&utm_campaign=q1' },
    );
    expect(reply.status).toBe(303);
    expect(await row(`SELECT source, source_page, utm_source, utm_campaign, utm_medium FROM subscribers WHERE email = 'footer-reader@example.com'`, [])).toMatchObject({
      source: 'footer', source_page: '/services/ai-sales-automation', utm_source: 'linkedin', utm_campaign: 'q1', utm_medium: null,
    });
  });

  it("a sign-up keeps its page but not another site's utm values, and a bad page is dropped, not refused", async () => {
    await postForm('/api/newsletter', { email: 'foreign@example.com', consent: 'yes', source: 'footer', page: '/blog/x' }, { referer: 'https://evil.example/?utm_source=spam' });
    expect(await row(`SELECT source_page, utm_source FROM subscribers WHERE email = 'foreign@example.com'`, [])).toMatchObject({ source_page: '/blog/x', utm_source: null });
    const reply = await postForm('/api/newsletter', { email: 'badpage@example.com', consent: 'yes', source: 'footer', page: '<script>' });
    expect(reply.status).toBe(303);
    expect(await row(`SELECT status, source_page FROM subscribers WHERE email = 'badpage@example.com'`, [])).toMatchObject({ status: 'pending', source_page: null });
  });
});

describe('reminders a day and an hour before', () => {
  const reminders = async (bookingId: string) =>
    (await (await db()).execute({ sql: `SELECT idempotency_key, status, next_attempt_at FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder%' ORDER BY rowid`, args: [bookingId] })).rows.map((r) => ({
      key: String(r.idempotency_key).replace(`booking-${bookingId}-`, ''), status: r.status, at: r.next_attempt_at,
    }));

  it('queues both; the hour one carries the manage link; a move drops both and a delivery after the old time sends neither', async () => {
    const call = await book(39);
    expect(await reminders(call.id)).toEqual([
      { key: '0-reminder', status: 'pending', at: new Date(Date.parse(call.start) - 86_400_000).toISOString() },
      { key: '0-reminder-hour', status: 'pending', at: new Date(Date.parse(call.start) - 3_600_000).toISOString() },
    ]);
    await settle();
    const manage = linkIn(mails(call.email, 'Booked: your 20-minute workflow audit')[0]!, '/book-audit/manage');
    const page = await server.send(manage);
    const reschedule = formOn(page.body, '/api/bookings/reschedule').token!;
    const later = await slotAfter(80);
    const moved = await postJson('/api/bookings/reschedule', { token: reschedule, start: later.start });
    expect(moved.status, moved.body).toBe(200);
    expect(await reminders(call.id)).toEqual([
      { key: '0-reminder', status: 'cancelled', at: new Date(Date.parse(call.start) - 86_400_000).toISOString() },
      { key: '0-reminder-hour', status: 'cancelled', at: new Date(Date.parse(call.start) - 3_600_000).toISOString() },
      { key: '1-reminder', status: 'pending', at: new Date(Date.parse(later.start) - 86_400_000).toISOString() },
      { key: '1-reminder-hour', status: 'pending', at: new Date(Date.parse(later.start) - 3_600_000).toISOString() },
    ]);
    // Past the old call's hour reminder and before the new call's: nothing is due for this call.
    const ctx = await apiContext();
    await deliverDue(ctx.db, ctx.mailer, { now: new Date(Date.parse(call.start) - 30 * 60_000), limit: 500 });
    expect(mails(call.email, 'In an hour: your 20-minute workflow audit')).toHaveLength(0);
    // At the new call's hour: its reminder goes, with the link to move or cancel.
    await deliverDue(ctx.db, ctx.mailer, { now: new Date(Date.parse(later.start) - 59 * 60_000), limit: 500 });
    const hour = mails(call.email, 'In an hour: your 20-minute workflow audit');
    expect(hour).toHaveLength(1);
    expect(hour[0]!.text).toMatch(/https:\/\/site\.test\/book-audit\/manage\?token=/);
    expect(hour[0]!.attachments).toEqual([]);
  });

  it('a cancel drops both reminders, and neither is sent when their time comes', async () => {
    const call = await book(50);
    await settle();
    const manage = linkIn(mails(call.email, 'Booked: your 20-minute workflow audit')[0]!, '/book-audit/manage');
    const page = await server.send(`${manage}&step=cancel`);
    const cancel = formOn(page.body, '/api/bookings/cancel').token!;
    expect((await postJson('/api/bookings/cancel', { token: cancel })).status).toBe(200);
    expect((await reminders(call.id)).map((r) => `${r.key} ${r.status}`)).toEqual(['0-reminder cancelled', '0-reminder-hour cancelled']);
    const ctx = await apiContext();
    await deliverDue(ctx.db, ctx.mailer, { now: new Date(Date.parse(call.start) - 10 * 60_000), limit: 500 });
    expect(mails(call.email).map((m) => m.subject)).toEqual(['Booked: your 20-minute workflow audit', 'Cancelled: your workflow audit']);
  });

  it('queues only the hour reminder for a call less than a day away', async () => {
    const soon = await book(3);
    expect((await reminders(soon.id)).map((r) => r.key)).toEqual(['0-reminder-hour']);
  });
});

describe("the operator's Held and No-show links", () => {
  /** Moves a booked call into the past, as if its time had come and gone (the API books only future times). */
  const happenedAgo = async (id: string, minutes: number) => {
    const start = new Date(Date.now() - minutes * 60_000);
    await (await db()).execute({ sql: 'UPDATE bookings SET start_at = ?, end_at = ? WHERE id = ?', args: [start.toISOString(), new Date(start.getTime() + 20 * 60_000).toISOString(), id] });
  };
  const noticeFor = (email: string) => mails('operator@site.test', 'New audit: Reyes Logistics (Dana Reyes)').find((m) => m.text.includes(email))!;

  it('before the call: the link shows the call and no button, and a press is refused', async () => {
    const call = await book(56);
    await settle();
    const held = linkIn(noticeFor(call.email), '/api/bookings/held');
    const page = await server.send(held);
    expect(page.status).toBe(200);
    expect(page.body).toContain('The call has not started yet.');
    expect(page.body).not.toContain('<form');
    const press = await postJson('/api/bookings/held', { token: tokenOf(held) });
    expect(press.status).toBe(409);
    expect(JSON.parse(press.body).error.code).toBe('call_not_started');
    expect((await row('SELECT outcome FROM bookings WHERE id = ?', [call.id])).outcome).toBeNull();
  });

  it('a GET changes nothing; the button records "held"; the record can be corrected', async () => {
    const call = await book(60);
    await settle();
    const notice = noticeFor(call.email);
    await happenedAgo(call.id, 45);
    const held = linkIn(notice, '/api/bookings/held');
    const page = await server.send(held);
    expect(page.body).toContain('Record: the call was held');
    expect((await row('SELECT outcome FROM bookings WHERE id = ?', [call.id])).outcome).toBeNull();
    const press = await postForm('/api/bookings/held', { token: tokenOf(held) });
    expect(press.status).toBe(303);
    expect(press.headers.location).toBe('/book-audit/outcome-recorded');
    expect(await row('SELECT outcome, outcome_at IS NOT NULL AS stamped FROM bookings WHERE id = ?', [call.id])).toMatchObject({ outcome: 'held', stamped: 1 });
    // The other link puts a slip right.
    await postForm('/api/bookings/no-show', { token: tokenOf(linkIn(notice, '/api/bookings/no-show')) });
    expect((await row('SELECT outcome FROM bookings WHERE id = ?', [call.id])).outcome).toBe('no-show');
  });

  it('a no-show pressed twice emails the visitor once, with a link to book again', async () => {
    const call = await book(63);
    await settle();
    const noShow = linkIn(noticeFor(call.email), '/api/bookings/no-show');
    await happenedAgo(call.id, 30);
    expect((await postJson('/api/bookings/no-show', { token: tokenOf(noShow) })).status).toBe(200);
    expect((await postJson('/api/bookings/no-show', { token: tokenOf(noShow) })).status).toBe(200);
    await settle();
    const sorry = mails(call.email, 'We missed you: book another time for your workflow audit');
    expect(sorry).toHaveLength(1);
    expect(sorry[0]!.text).toContain('https://site.test/book-audit');
    expect(sorry[0]!.text).not.toContain('/book-audit/manage');
    // The Held page says the email is not taken back.
    const heldLink = linkIn(noticeFor(call.email), '/api/bookings/held');
    expect((await server.send(heldLink)).body).toContain('does not take it back');
    // Held, then no-show again: still the one email.
    await postJson('/api/bookings/held', { token: tokenOf(heldLink) });
    await postJson('/api/bookings/no-show', { token: tokenOf(noShow) });
    await settle();
    expect(mails(call.email, 'We missed you: book another time for your workflow audit')).toHaveLength(1);
  });

  it('a "held" pressed before the no-show email went out stops it; a no-show pressed again sends it, once', async () => {
    const { recordOutcome } = await import('../../api/_lib/booking/record-outcome.ts');
    const subject = 'We missed you: book another time for your workflow audit';
    // Called directly, so no delivery runs between the presses (the routes start one after answering).
    const stopped = await book(80);
    await happenedAgo(stopped.id, 30);
    expect(await recordOutcome(await apiContext(), stopped.id, 'no-show')).toEqual({ result: 'recorded', queued: 1, email: 'queued' });
    expect(await recordOutcome(await apiContext(), stopped.id, 'held')).toEqual({ result: 'recorded', queued: 0 });
    await settle();
    expect(mails(stopped.email, subject)).toHaveLength(0);

    const corrected = await book(84);
    await happenedAgo(corrected.id, 30);
    await recordOutcome(await apiContext(), corrected.id, 'no-show');
    await recordOutcome(await apiContext(), corrected.id, 'held');
    expect(await recordOutcome(await apiContext(), corrected.id, 'no-show')).toEqual({ result: 'recorded', queued: 1, email: 'queued' });
    expect(await recordOutcome(await apiContext(), corrected.id, 'no-show')).toEqual({ result: 'recorded', queued: 0, email: 'on-its-way' });
    await settle();
    expect(mails(corrected.email, subject)).toHaveLength(1);
    expect(await row('SELECT outcome FROM bookings WHERE id = ?', [corrected.id])).toMatchObject({ outcome: 'no-show' });
  });

  it('a No-show press says what became of their email: being sent, on its way or already sent from an earlier press, or could not be sent', async () => {
    const { recordOutcome } = await import('../../api/_lib/booking/record-outcome.ts');
    const QUEUED = 'They are being emailed a link to book again (if it cannot be sent, you will get an alert).';
    const ON_ITS_WAY = 'The email with a link to book again, from an earlier press, is on its way to them; nothing more is sent.';
    const SENT = 'They were already emailed a link to book again, after an earlier press; it is not sent twice.';
    const FAILED = 'The email with a link to book again could not be sent, and it is not tried again: run `npm run leads -- failed` to see why, and write to them yourself.';
    const call = await book(88);
    await settle();
    const noShow = linkIn(noticeFor(call.email), '/api/bookings/no-show');
    await happenedAgo(call.id, 30);

    // A person's press lands back on the link's page, which says so, with no button to press again.
    const pressed = await postForm('/api/bookings/no-show', { token: tokenOf(noShow) });
    expect(pressed.status).toBe(303);
    expect(pressed.headers.location).toBe(`/api/bookings/no-show?token=${encodeURIComponent(tokenOf(noShow))}&recorded=queued`);
    const landed = await server.send(String(pressed.headers.location));
    expect(landed.body).toContain('Recorded: a no-show');
    expect(landed.body).toContain(QUEUED.replace(/'/g, '&#39;'));
    expect(landed.body).not.toContain('<form');
    await settle();
    // Pressed again once it has gone: nothing is queued, and the answer says it went earlier.
    const again = await postJson('/api/bookings/no-show', { token: tokenOf(noShow) });
    expect(JSON.parse(again.body).message).toBe(`Recorded: a no-show. ${SENT}`);
    expect(mails(call.email, 'We missed you: book another time for your workflow audit')).toHaveLength(1);

    // Still in the queue from an earlier press (no delivery between these direct calls).
    const waiting = await book(92);
    await happenedAgo(waiting.id, 30);
    expect(await recordOutcome(await apiContext(), waiting.id, 'no-show')).toEqual({ result: 'recorded', queued: 1, email: 'queued' });
    expect(await recordOutcome(await apiContext(), waiting.id, 'no-show')).toEqual({ result: 'recorded', queued: 0, email: 'on-its-way' });
    const { outcomeAction } = await import('../../api/_lib/booking/outcome-action.ts');
    expect(await outcomeAction('no-show').act(await apiContext(), waiting.id, {})).toMatchObject({ ok: true, message: `Recorded: a no-show. ${ON_ITS_WAY}`, queued: 0 });

    // The provider refused it for good (dead): pressing again queues nothing and says it could not be sent.
    await (await db()).execute({ sql: `UPDATE messages SET status = 'dead', last_error = '403 validation_error: domain is not verified' WHERE idempotency_key = ?`, args: [`booking-${waiting.id}-no-show`] });
    expect(await recordOutcome(await apiContext(), waiting.id, 'no-show')).toEqual({ result: 'recorded', queued: 0, email: 'failed' });
    await settle();
    const waitingNoShow = tokenOf(linkIn(noticeFor(waiting.email), '/api/bookings/no-show'));
    const refused = await postForm('/api/bookings/no-show', { token: waitingNoShow });
    expect(refused.headers.location).toMatch(/&recorded=failed$/);
    const page = (await server.send(String(refused.headers.location))).body;
    expect(page).toContain(FAILED);
    expect(page).toContain(waiting.email);
    expect(page).not.toContain('They are being emailed');
    expect(JSON.parse((await postJson('/api/bookings/no-show', { token: waitingNoShow })).body).message).toBe(`Recorded: a no-show. ${FAILED}`);
  });

  it('after a no-show, the visitor can book again at once, while the missed call would still be running', async () => {
    const call = await book(72);
    await settle();
    const noShow = linkIn(noticeFor(call.email), '/api/bookings/no-show');
    // Started 5 minutes ago: without its outcome, it would count as this address's upcoming call for 15 more.
    await happenedAgo(call.id, 5);
    expect((await postJson('/api/bookings/no-show', { token: tokenOf(noShow) })).status).toBe(200);
    const again = await book(75, { email: call.email });
    expect(again.id).not.toBe(call.id);
  });

  it('a week after the call the links no longer record anything, and a cancelled call has nothing to record', async () => {
    const stale = await book(66);
    await settle();
    const held = linkIn(noticeFor(stale.email), '/api/bookings/held');
    await happenedAgo(stale.id, 8 * 24 * 60);
    const press = await postJson('/api/bookings/held', { token: tokenOf(held) });
    expect(press.status).toBe(409);
    expect(JSON.parse(press.body).error.code).toBe('call_expired');
    // The operator pressing the button lands on a page written for them, and a GET of an altered link too.
    const pressed = await postForm('/api/bookings/held', { token: tokenOf(held) });
    expect(pressed.headers.location).toBe('/book-audit/outcome-link-expired');
    expect((await server.send(`${held}x`)).headers.location).toBe('/book-audit/outcome-link-expired');

    const { recordOutcome } = await import('../../api/_lib/booking/record-outcome.ts');
    const cancelled = await book(69);
    await (await db()).execute({ sql: `UPDATE bookings SET status = 'cancelled' WHERE id = ?`, args: [cancelled.id] });
    expect((await recordOutcome(await apiContext(), cancelled.id, 'held', new Date(Date.parse(cancelled.start) + 60_000))).result).toBe('cancelled');
  });
});
