// Booking through HTTP on the real local server, with a real database file and the file outbox:
// slots, a booking with its invite, races between bookers (in one process and across two), buffers,
// one active booking per address, retries, the manage link (scanner-safe), reschedule and cancel with
// their invites, the reminder, and tokens that are tampered, expired or meant for something else.
import { describe, expect, it } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { bookingPayload, emailSequence } from '../fixtures/booking-request.ts';
import { fileOutbox, settleOutbox, type Mail } from '../fixtures/file-outbox.ts';
import { secondServer } from '../fixtures/second-server.ts';

const { server, apiContext, deliverDue, dataDir } = await startApiServer('bookings', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  ...OPEN_EVERY_HOUR,
  // Not the built-in 45: the slots answer must carry the server's setting to the page.
  BOOKING_HORIZON_DAYS: '60',
  RESEND_API_KEY: undefined,
});
const { createToken } = await import('../../api/_lib/tokens.ts');
const { placeHold } = await import('../../api/_lib/slot-holds.ts');

const outbox = fileOutbox(dataDir);
let nextAddress = 2;
const freshAddress = () => `127.0.1.${nextAddress++}`;
const freshEmail = emailSequence('booker');

const post = (path: string, payload: unknown, from = freshAddress()) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), from });
const form = (path: string, fields: Record<string, string>) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

const request = (start: string, overrides: Record<string, unknown> = {}) => bookingPayload(start, freshEmail(), overrides);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
async function slots(days = 7, from = Date.now()): Promise<{ start: string; end: string }[]> {
  const reply = await server.send(`/api/slots?from=${isoDate(from)}&to=${isoDate(from + (days - 1) * 86_400_000)}&tz=UTC`);
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body).slots;
}

/** Slots at least `hours` ahead, so a test's call is more (or less) than a day away as it needs. */
async function slotAfter(hours: number, skip = 0) {
  const after = Date.now() + hours * 3600_000;
  return (await slots(14)).filter((s) => Date.parse(s.start) >= after)[skip]!;
}

const settle = () => settleOutbox(apiContext, deliverDue);

const mails = (to: string) => outbox.mails((mail) => mail.to === to);
const { attachment } = outbox;
const icsField = (ics: string, name: string) => new RegExp(`^${name}[:;](.*)$`, 'm').exec(ics.replace(/\r\n /g, ''))?.[1];
const count = async (sql: string, args: (string | number)[] = []) => Number((await (await apiContext()).db.execute({ sql, args })).rows[0]?.n ?? 0);
const manageLink = (mail: Mail) => {
  const url = new URL(/https:\/\/site\.test\/book-audit\/manage\?token=[\w.-]+/.exec(mail.text)![0]);
  return url.pathname + url.search;
};
/** The form on a rendered page that posts to `action`, with its fields. */
function formOn(html: string, action: string): Record<string, string> {
  const match = new RegExp(`<form method="post" action="${action.replace(/\//g, '\\/')}">(.*?)</form>`, 's').exec(html);
  expect(match, `a form posting to ${action}`).not.toBeNull();
  return Object.fromEntries([...match![1]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
}

describe('GET /api/slots', () => {
  it('answers free UTC slots for the visitor\'s dates with the operator\'s zone, cacheable for seconds', async () => {
    const reply = await server.send(`/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now() + 86_400_000)}&tz=Asia/Kathmandu`);
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=5, s-maxage=5');
    const body = JSON.parse(reply.body);
    expect(body.timeZone).toBe('Europe/Berlin');
    expect(body.horizonDays).toBe(60);
    expect(body.slots.length).toBeGreaterThan(10);
    for (const slot of body.slots) {
      expect(slot.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(20 * 60_000);
      expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.now() + 2 * 3600_000 - 60_000);
    }
  });

  it('names the bad parameter with a 400', async () => {
    const today = isoDate(Date.now());
    const cases: [string, string][] = [
      [`from=2026-02-30&to=${today}&tz=UTC`, 'from'],
      [`from=${today}&to=tomorrow&tz=UTC`, 'to'],
      [`from=${today}&to=${today}&tz=Mars/Olympus`, 'tz'],
      [`to=${today}&tz=UTC`, 'from'],
      [`from=${today}&to=${isoDate(Date.now() - 86_400_000)}&tz=UTC`, 'to'],
      [`from=${today}&to=${isoDate(Date.now() + 62 * 86_400_000)}&tz=UTC`, 'to'],
    ];
    for (const [query, field] of cases) {
      const reply = await server.send(`/api/slots?${query}`);
      expect(reply.status, query).toBe(400);
      expect(Object.keys(JSON.parse(reply.body).error.fields), query).toContain(field);
    }
    expect((await server.send(`/api/slots?from=${today}&to=${isoDate(Date.now() + 61 * 86_400_000)}&tz=UTC`)).status).toBe(200);
  });
});

describe('POST /api/bookings', () => {
  it('books a call, mails both sides the same invite, and takes the time off the list', async () => {
    const slot = await slotAfter(30);
    const payload = request(slot.start, { context: { scenario: 'p=document-intake&n=300', readiness: { area: 'documents', workflowName: 'Supplier invoice intake' } } });
    const reply = await post('/api/bookings', payload);
    expect(reply.status).toBe(201);
    const body = JSON.parse(reply.body);
    expect(body.booking).toEqual({ id: expect.any(String), start: slot.start, end: slot.end });
    expect(body.calendar.ics).toMatch(/^\/api\/bookings\/invite\?token=/);
    expect(body.calendar.google).toContain('calendar.google.com');
    expect((await slots(14)).map((s) => s.start)).not.toContain(slot.start);
    await settle();

    const [visitor] = mails(payload.email);
    expect(visitor?.subject).toBe('Booked: your 20-minute workflow audit');
    expect(visitor!.attachments[0]).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST' });
    const ics = attachment(visitor!);
    expect(icsField(ics, 'METHOD')).toBe('REQUEST');
    expect(icsField(ics, 'SEQUENCE')).toBe('0');
    expect(icsField(ics, 'DTSTART')).toBe(slot.start.replace(/[-:]/g, '').replace('.000', ''));
    expect(visitor!.text).toMatch(/https:\/\/site\.test\/book-audit\/manage\?token=/);

    const operator = mails('operator@site.test').find((m) => m.text.includes(payload.email))!;
    expect(operator.subject).toBe('New audit: Reyes Logistics (Dana Reyes)');
    // The operator's brief carries the recomputed calculator figures and the checklist's result.
    expect(operator.text).toContain('Document intake');
    expect(operator.text).toContain('h saved a month');
    expect(operator.text).toContain('Supplier invoice intake (Documents)');
    expect(icsField(attachment(operator), 'UID')).toBe(icsField(ics, 'UID'));

    // The call is more than a day away: its reminder waits, due exactly 24 elapsed hours before.
    const reminder = (await (await apiContext()).db.execute({ sql: `SELECT status, next_attempt_at FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder'`, args: [body.booking.id] })).rows;
    expect(reminder).toEqual([expect.objectContaining({ status: 'pending', next_attempt_at: new Date(Date.parse(slot.start) - 86_400_000).toISOString() })]);
  });

  it('queues no reminder for a call less than a day away', async () => {
    const slot = await slotAfter(3);
    expect(Date.parse(slot.start) - Date.now()).toBeLessThan(20 * 3600_000);
    const reply = await post('/api/bookings', request(slot.start));
    expect(reply.status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder'`, [JSON.parse(reply.body).booking.id])).toBe(0);
  });

  it('gives 50 simultaneous bookings of one slot exactly one 201 and 49 409s with alternatives', async () => {
    const slot = await slotAfter(40);
    const replies = await Promise.all(Array.from({ length: 50 }, () => post('/api/bookings', request(slot.start))));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(49).fill(409)]);
    const conflict = JSON.parse(replies.find((r) => r.status === 409)!.body);
    expect(conflict.error.code).toBe('slot_taken');
    expect(conflict.alternatives.length).toBeGreaterThan(0);
    expect(conflict.alternatives.map((s: { start: string }) => s.start)).not.toContain(slot.start);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE start_at = ? AND status = 'confirmed'`, [slot.start])).toBe(1);
  });

  it('never lets two overlapping calls both succeed when only their buffers collide', async () => {
    // With 10-minute buffers on both sides, calls 20 minutes apart have overlapping blocks.
    const slot = await slotAfter(50);
    for (let round = 0; round < 5; round++) {
      const base = Date.parse(slot.start) + round * 3 * 3600_000;
      const a = new Date(base).toISOString().replace('.000Z', 'Z');
      const b = new Date(base + 20 * 60_000).toISOString().replace('.000Z', 'Z');
      const replies = await Promise.all([post('/api/bookings', request(a)), post('/api/bookings', request(b))]);
      expect(replies.map((r) => r.status).sort(), `${a} and ${b}`).toEqual([201, 409]);
      // The one that won is the one stored: exactly one confirmed call across the two times.
      expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE status = 'confirmed' AND start_at IN (?, ?)`, [a, b]), `${a} and ${b}`).toBe(1);
    }
  });

  it('keeps one active booking per address, and makes a retried request safe', async () => {
    const [first, second] = [await slotAfter(60), await slotAfter(62)];
    const payload = request(first.start, { idempotencyKey: 'retry-key-123456' });
    const replies = [await post('/api/bookings', payload), await post('/api/bookings', payload)];
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    expect(JSON.parse(replies[1]!.body).booking.id).toBe(JSON.parse(replies[0]!.body).booking.id);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = ?`, [payload.email])).toBe(1);

    const again = await post('/api/bookings', { ...payload, start: second.start, idempotencyKey: undefined });
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body).error.code).toBe('already_booked');
    expect(JSON.parse(again.body).error.message).toContain('We have emailed that address the link');
    // Nothing in the answer names the other booking's time.
    expect(again.body).not.toContain(first.start);
  });

  it('emails the call and its link to an address that tries to book twice, once a day, and tells the operator nothing', async () => {
    const [first, second] = [await slotAfter(64), await slotAfter(66)];
    const payload = request(first.start);
    expect((await post('/api/bookings', payload)).status).toBe(201);
    await settle();
    const operatorMails = () => mails('operator@site.test').filter((m) => m.text.includes(payload.email)).length;
    expect(operatorMails()).toBe(1);

    for (let attempt = 0; attempt < 3; attempt++) {
      const again = await post('/api/bookings', { ...payload, start: second.start });
      expect(again.status).toBe(409);
    }
    await settle();
    const resent = mails(payload.email).filter((m) => m.subject === 'Your workflow audit: the link to move or cancel it');
    expect(resent).toHaveLength(1);
    expect(resent[0]!.text).toContain('nothing new was booked');
    // The same call: its invite (same UID, the time first booked) and a working manage link built from SITE_URL.
    const [confirmation] = mails(payload.email);
    expect(icsField(attachment(resent[0]!), 'UID')).toBe(icsField(attachment(confirmation!), 'UID'));
    expect(icsField(attachment(resent[0]!), 'DTSTART')).toBe(first.start.replace(/[-:]/g, '').replace('.000', ''));
    const page = await server.send(manageLink(resent[0]!));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Move the call');
    expect(operatorMails()).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = ?`, [payload.email])).toBe(1);
  });

  it('rejects bad input with the fields named, and stores nothing', async () => {
    const slot = await slotAfter(70);
    const cases: [Record<string, unknown>, string][] = [
      [{ start: 'tomorrow' }, 'start'],
      [{ email: 'not-an-email' }, 'email'],
      [{ name: '' }, 'name'],
      [{ name: 'Dana\r\nBcc: x@evil.test' }, 'name'],
      [{ companySize: 'huge' }, 'companySize'],
      [{ area: 'hr' }, 'area'],
      [{ goal: 'short' }, 'goal'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ consent: false }, 'consent'],
    ];
    for (const [override, field] of cases) {
      const reply = await post('/api/bookings', request(slot.start, { ...override, email: override.email ?? 'bad-input@example.com' }));
      expect(reply.status, field).toBe(422);
      expect(Object.keys(JSON.parse(reply.body).error.fields), field).toContain(field);
    }
    // A time that is not a slot (off the grid, or in the past) is taken as gone: 409 with alternatives.
    const offGrid = new Date(Date.parse(slot.start) + 5 * 60_000).toISOString();
    expect((await post('/api/bookings', request(offGrid))).status).toBe(409);
    expect((await post('/api/bookings', request('2020-01-06T09:00:00Z'))).status).toBe(409);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = 'bad-input@example.com'`)).toBe(0);
  });

  it('answers bots (honeypot, instant posts) like people and stores nothing', async () => {
    const slot = await slotAfter(72);
    const email = freshEmail();
    expect((await post('/api/bookings', request(slot.start, { email, website: 'http://spam' }))).status).toBe(201);
    expect((await post('/api/bookings', request(slot.start, { email, startedAt: Date.now() }))).status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = ?`, [email])).toBe(0);
    expect((await slots(14)).map((s) => s.start)).toContain(slot.start);
  });
});

describe('the manage link, reschedule and cancel', () => {
  it('shows the call on GET and changes nothing, however often a scanner opens it', async () => {
    const slot = await slotAfter(80);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    await settle();
    const link = manageLink(mails(payload.email)[0]!);
    const before = await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ?`, [booking.id]);
    for (let i = 0; i < 3; i++) {
      for (const method of ['GET', 'HEAD']) expect((await server.send(link, { method })).status).toBe(200);
    }
    const page = await server.send(link);
    expect(page.body).toContain('Your workflow audit');
    expect(page.body).toContain('Reyes Logistics');
    // Each new time names its day: a closed select shows the option alone, not its group's label.
    expect(page.body).toMatch(/<option value="[^"]+">(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2} [AP]M P[SD]T<\/option>/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND status = 'confirmed' AND sequence = 0`, [booking.id])).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ?`, [booking.id])).toBe(before);
  });

  it('reschedules the same booking: same UID, higher SEQUENCE, old time freed, reminder moved', async () => {
    const slot = await slotAfter(90);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    await settle();
    const page = (await server.send(manageLink(mails(payload.email)[0]!))).body;
    const fields = formOn(page, '/api/bookings/reschedule');
    // A new time more than a day away, so the moved call gets a reminder of its own.
    const offered = [...page.slice(page.indexOf('/api/bookings/reschedule')).matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]!);
    const newStart = offered.find((start) => Date.parse(start) > Date.now() + 30 * 3600_000)!;
    expect(newStart).not.toBe(slot.start);
    const moved = await form('/api/bookings/reschedule', { ...fields, start: newStart });
    expect(moved.status).toBe(303);
    expect(moved.headers.location).toBe('/book-audit/rescheduled');
    await settle();

    const [created, update] = mails(payload.email).filter((m) => m.attachments.length);
    expect(update!.subject).toBe('Moved: your workflow audit has a new time');
    const [first, second] = [attachment(created!), attachment(update!)];
    expect(icsField(second, 'UID')).toBe(icsField(first, 'UID'));
    expect(icsField(second, 'SEQUENCE')).toBe('1');
    expect(icsField(second, 'METHOD')).toBe('REQUEST');
    expect(icsField(second, 'DTSTART')).toBe(newStart.replace(/[-:]/g, ''));
    const free = (await slots(14)).map((s) => s.start);
    expect(free).toContain(slot.start);
    expect(free).not.toContain(newStart);
    const reminders = (await (await apiContext()).db.execute({ sql: `SELECT status, next_attempt_at FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder' ORDER BY rowid`, args: [booking.id] })).rows;
    expect(reminders.map((r) => [r.status, r.next_attempt_at])).toEqual([
      ['cancelled', new Date(Date.parse(slot.start) - 86_400_000).toISOString()],
      ['pending', new Date(Date.parse(newStart) - 86_400_000).toISOString()],
    ]);
  });

  it('sends a reschedule to a time taken meanwhile back to the manage page with a notice', async () => {
    const [mine, theirs] = [await slotAfter(100), await slotAfter(103)];
    const payload = request(mine.start);
    await post('/api/bookings', payload);
    await settle();
    const link = manageLink(mails(payload.email)[0]!);
    const fields = formOn((await server.send(link)).body, '/api/bookings/reschedule');
    expect((await post('/api/bookings', request(theirs.start))).status).toBe(201);
    const reply = await form('/api/bookings/reschedule', { ...fields, start: theirs.start });
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe(`${link}&notice=slot_taken`);
    expect((await server.send(reply.headers.location as string)).body).toContain('booked by someone else');
    // A forged way back is refused rather than followed.
    expect((await form('/api/bookings/reschedule', { ...fields, back: 'https://evil.example/', start: theirs.start })).headers.location).toBe('/book-audit/link-expired');
  });

  it('cancels from the emailed link: METHOD:CANCEL with the same UID, the slot free again, the reminder dropped', async () => {
    const slot = await slotAfter(110);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    await settle();
    const page = (await server.send(manageLink(mails(payload.email)[0]!))).body;
    const cancelled = await form('/api/bookings/cancel', formOn(page, '/api/bookings/cancel'));
    expect(cancelled.headers.location).toBe('/book-audit/cancelled');
    await settle();
    const cancel = mails(payload.email).find((m) => m.subject.startsWith('Cancelled'))!;
    expect(cancel.attachments[0]).toMatchObject({ filename: 'cancel.ics', contentType: 'text/calendar; charset=utf-8; method=CANCEL' });
    const ics = attachment(cancel);
    expect(icsField(ics, 'METHOD')).toBe('CANCEL');
    expect(icsField(ics, 'STATUS')).toBe('CANCELLED');
    expect(icsField(ics, 'SEQUENCE')).toBe('1');
    expect(icsField(ics, 'UID')).toBe(icsField(attachment(mails(payload.email)[0]!), 'UID'));
    expect((await slots(14)).map((s) => s.start)).toContain(slot.start);
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-reminder' AND status = 'cancelled'`, [booking.id])).toBe(1);
    // A second press is harmless; the link now says the call was cancelled.
    expect((await form('/api/bookings/cancel', formOn(page, '/api/bookings/cancel'))).headers.location).toBe('/book-audit/cancelled');
    expect((await server.send(manageLink(mails(payload.email)[0]!))).body).toContain('This call was cancelled');
    // The address may book again.
    expect((await post('/api/bookings', { ...payload, start: (await slotAfter(120)).start })).status).toBe(201);
  });

  it('refuses tampered, expired and wrong-purpose tokens, and changes nothing', async () => {
    const slot = await slotAfter(130);
    const payload = request(slot.start);
    const booking = JSON.parse((await post('/api/bookings', payload)).body).booking;
    const ctx = await apiContext();
    const expired = createToken(ctx.secret, 'booking-cancel', booking.id, 60, Date.now() - 3600_000);
    const wrongPurpose = createToken(ctx.secret, 'newsletter-unsubscribe', booking.id, 3600);
    const manageOnly = createToken(ctx.secret, 'booking-manage', booking.id, 3600);
    const good = createToken(ctx.secret, 'booking-cancel', booking.id, 3600);
    const tampered = good.slice(0, -2) + (good.endsWith('AA') ? 'BB' : 'AA');
    for (const token of [expired, wrongPurpose, manageOnly, tampered, '', 'x.y']) {
      expect((await form('/api/bookings/cancel', { token })).headers.location).toBe('/book-audit/link-expired');
      expect((await form('/api/bookings/reschedule', { token, start: slot.start })).headers.location).toBe('/book-audit/link-expired');
    }
    for (const token of [createToken(ctx.secret, 'booking-cancel', booking.id, 3600), tampered]) {
      expect((await server.send(`/book-audit/manage?token=${token}`)).headers.location).toBe('/book-audit/link-expired');
    }
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE id = ? AND status = 'confirmed' AND sequence = 0`, [booking.id])).toBe(1);
  });
});

describe('slot holds', () => {
  const hold = (start: string, from: string, replaces?: string) => post('/api/slots/hold', { start, ...(replaces ? { replaces } : {}) }, from);
  const heldId = (reply: { body: string }) => (JSON.parse(reply.body) as { hold: { id: string } }).hold.id;
  const freeStarts = async (holdId?: string) => {
    const from = Date.now();
    const reply = await server.send(`/api/slots?from=${isoDate(from)}&to=${isoDate(from + 13 * 86_400_000)}&tz=UTC${holdId ? `&hold=${holdId}` : ''}`);
    expect(reply.status).toBe(200);
    return (JSON.parse(reply.body).slots as { start: string }[]).map((s) => s.start);
  };

  it('keeps a picked time for its visitor: others neither see nor book it, the holder books it', async () => {
    const slot = await slotAfter(160);
    const visitor = freshAddress();
    const before = Date.now();
    const reply = await hold(slot.start, visitor);
    expect(reply.status).toBe(201);
    const held = JSON.parse(reply.body).hold as { id: string; start: string; end: string; expiresAt: string };
    expect(held.start).toBe(slot.start);
    expect(held.end).toBe(slot.end);
    // Ten minutes from the moment it was placed.
    expect(Date.parse(held.expiresAt) - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    expect(Date.parse(held.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    expect(await freeStarts()).not.toContain(slot.start);
    expect(await freeStarts(held.id)).toContain(slot.start);
    const other = await post('/api/bookings', request(slot.start));
    expect(other.status).toBe(409);
    expect(JSON.parse(other.body).error.code).toBe('slot_taken');
    const otherHold = await hold(slot.start, freshAddress());
    expect(otherHold.status).toBe(409);
    expect(JSON.parse(otherHold.body).alternatives.map((s: { start: string }) => s.start)).not.toContain(slot.start);

    const booked = await post('/api/bookings', request(slot.start, { holdId: held.id }), visitor);
    expect(booked.status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE id = ?`, [held.id])).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_claims WHERE booking_id = ?`, [`hold:${held.id}`])).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_claims WHERE booking_id = ?`, [JSON.parse(booked.body).booking.id])).toBe(8);
  });

  it('gives a held time back at once when its visitor already has a call', async () => {
    const [first, second] = [await slotAfter(162), await slotAfter(164)];
    const payload = request(first.start);
    expect((await post('/api/bookings', payload)).status).toBe(201);
    const visitor = freshAddress();
    const held = heldId(await hold(second.start, visitor));
    expect(await freeStarts()).not.toContain(second.start);

    const again = await post('/api/bookings', { ...payload, start: second.start, holdId: held }, visitor);
    expect(JSON.parse(again.body).error.code).toBe('already_booked');
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE id = ?`, [held])).toBe(0);
    expect(await freeStarts()).toContain(second.start);
  });

  it('gives 50 simultaneous holds of one time exactly one 201', async () => {
    const slot = await slotAfter(170);
    const replies = await Promise.all(Array.from({ length: 50 }, () => hold(slot.start, freshAddress())));
    expect(replies.map((r) => r.status).sort()).toEqual([201, ...Array(49).fill(409)]);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE start_at = ?`, [slot.start])).toBe(1);
  });

  it('lets a hold block others for its ten minutes and not a moment longer (placed on a fixed clock)', async () => {
    const ctx = await apiContext();
    const [stillHeld, runOut] = [await slotAfter(180), await slotAfter(182)];
    const placedAt = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await ctx.writes.run((tx) => placeHold(ctx, tx, { start: stillHeld.start, clientAddress: freshAddress() }, placedAt(9)));
    await ctx.writes.run((tx) => placeHold(ctx, tx, { start: runOut.start, clientAddress: freshAddress() }, placedAt(10.5)));
    const free = await freeStarts();
    expect(free).not.toContain(stillHeld.start);
    expect(free).toContain(runOut.start);
    expect((await post('/api/bookings', request(stillHeld.start))).status).toBe(409);
    expect((await post('/api/bookings', request(runOut.start))).status).toBe(201);
    // The booking's transaction swept the expired hold and its claims.
    expect(await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE start_at = ?`, [runOut.start])).toBe(0);
  });

  it('gives the previous time back when the visitor picks another, and keeps one time per client', async () => {
    const [a, b, c] = [await slotAfter(190), await slotAfter(192), await slotAfter(194)];
    const visitor = freshAddress();
    const first = heldId(await hold(a.start, visitor));
    const second = await hold(b.start, visitor, first);
    expect(second.status).toBe(201);
    let free = await freeStarts();
    expect(free).toContain(a.start);
    expect(free).not.toContain(b.start);
    // Without `replaces` (a second tab), the new hold still takes the old one's place.
    expect((await hold(c.start, visitor)).status).toBe(201);
    free = await freeStarts();
    expect(free).toContain(b.start);
    expect(free).not.toContain(c.start);
  });

  it('refuses a bad hold with the field named, and holds nothing', async () => {
    const slot = await slotAfter(200);
    const holds = () => count(`SELECT COUNT(*) AS n FROM booking_holds`);
    const before = await holds();
    const cases: [unknown, number, string][] = [
      [{ start: 'tomorrow at 3' }, 422, 'start'],
      [{ start: slot.start, replaces: 'not-a-hold' }, 422, 'replaces'],
      [{}, 422, 'start'],
    ];
    for (const [payload, status, field] of cases) {
      const reply = await post('/api/slots/hold', payload);
      expect(reply.status, JSON.stringify(payload)).toBe(status);
      expect(JSON.parse(reply.body).error.fields).toHaveProperty(field);
    }
    const plain = await server.send('/api/slots/hold', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: slot.start });
    expect(plain.status).toBe(415);
    // A time outside the rules (in the past) is not free, so it cannot be held.
    const past = await hold('2020-01-06T09:00:00Z', freshAddress());
    expect(past.status).toBe(409);
    expect(await holds()).toBe(before);
    const badQuery = await server.send(`/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now())}&tz=UTC&hold=nope`);
    expect(badQuery.status).toBe(400);
    expect(JSON.parse(badQuery.body).error.fields).toHaveProperty('hold');
  });
});

describe('operator export', () => {
  it('lists bookings from a date with the context they brought, as CSV a spreadsheet reads safely', async () => {
    const { bookings, toCsv } = await import('../../scripts/_lib/leads-report.ts');
    const ctx = await apiContext();
    const rows = await bookings(ctx.db, isoDate(Date.now()));
    const withScenario = rows.find((r) => r.calculator_scenario === 'p=document-intake&n=300');
    expect(withScenario).toMatchObject({ status: 'confirmed', company: 'Reyes Logistics', area: 'documents' });
    expect(JSON.parse(String(withScenario!.readiness_answers))).toEqual({ area: 'documents', workflowName: 'Supplier invoice intake' });
    expect(await bookings(ctx.db, '2999-01-01')).toEqual([]);
    const csv = toCsv(rows);
    expect(csv.split('\n')[0]).toBe('start_at,end_at,status,name,email,company,company_size,area,goal,time_zone,sequence,calculator_scenario,readiness_answers,created_at,cancelled_at,source_page,source_referrer,utm_source,utm_medium,utm_campaign,utm_term,utm_content,outcome,outcome_at');
  });
});

describe('across processes', () => {
  const other = secondServer();

  it('gives 50 bookings of one slot split across two server processes exactly one 201', async () => {
    const slot = await slotAfter(140);
    const viaChild = (payload: unknown) =>
      fetch(`${other.origin()}/api/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? viaChild(request(slot.start)) : post('/api/bookings', request(slot.start)).then((r) => r.status))));
    expect(statuses.sort()).toEqual([201, ...Array(49).fill(409)]);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE start_at = ?`, [slot.start])).toBe(1);
  });
});
