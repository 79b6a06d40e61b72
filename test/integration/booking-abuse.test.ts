// The booking API as an attacker tries it, on the real local server with the operator's default hours
// (Berlin, Mon-Fri 09:00-12:00 and 13:00-17:00, 12 h notice, 45 days, at most 6 calls a day): 200
// clients holding times cannot blank a day, holds never fill the daily cap, moves and signed-action
// presses are limited (one-click unsubscribes never), a time that cannot be booked answers the same
// for any address and no address can be locked out, an idempotency key answers only its own request,
// the honeypot's answer looks real, and the claim itself refuses an overlap in the database.
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { bookingPayload, emailSequence } from '../fixtures/booking-request.ts';
import { fileOutbox } from '../fixtures/file-outbox.ts';

const { server, apiContext, dataDir } = await startApiServer('booking-abuse', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  BOOKING_TIMEZONE: undefined,
  BOOKING_HOURS: undefined,
  BOOKING_NOTICE_HOURS: undefined,
  BOOKING_DAILY_CAP: undefined,
  BOOKING_HORIZON_DAYS: undefined,
  // Small, so the per-client and per-address limits show within a few requests.
  BOOKING_RATE_LIMIT: '5',
  BOOKING_BUSY_FEEDS: undefined,
  RESEND_API_KEY: undefined,
});
const { createToken } = await import('../../api/_lib/signing/tokens.ts');
const { claim } = await import('../../api/_lib/booking/claims.ts');

let nextAddress = 1;
const freshAddress = () => `127.0.${4 + Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;
const freshEmail = emailSequence('abuse');
const post = (path: string, payload: unknown, from = freshAddress()) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(payload), from });
const request = (start: string, overrides: Record<string, unknown> = {}) => bookingPayload(start, freshEmail(), { timeZone: 'Europe/Berlin', ...overrides });
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const berlinDate = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

/** Every free time of the horizon, grouped by the operator's date. */
async function freeByDay(): Promise<Map<string, string[]>> {
  const reply = await server.send(`/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now() + 46 * 86_400_000)}&tz=Europe/Berlin`, { from: freshAddress() });
  expect(reply.status).toBe(200);
  const days = new Map<string, string[]>();
  for (const { start } of JSON.parse(reply.body).slots as { start: string }[]) days.set(berlinDate(start), [...(days.get(berlinDate(start)) ?? []), start]);
  return days;
}
const count = async (sql: string, args: (string | number)[] = []) => Number((await (await apiContext()).db.execute({ sql, args })).rows[0]?.n ?? 0);
const operatorMails = (subject: string) => fileOutbox(dataDir).mails((m) => m.to === 'operator@site.test' && m.subject === subject);
const { deliverDue } = await import('../../api/_lib/mail/outbox.ts');
const deliver = async () => {
  const ctx = await apiContext();
  await deliverDue(ctx.db, ctx.mailer, { limit: 500 });
};

describe('holds cannot blank the calendar', () => {
  it('200 clients holding times leave free, bookable times on every full working day, and the operator hears of it once', async () => {
    const before = await freeByDay();
    // Full days only: the first day may have just a few times left after the 12 hours' notice.
    const fullDays = [...before].filter(([, times]) => times.length >= 15).map(([day]) => day);
    expect(fullDays.length).toBeGreaterThanOrEqual(25);
    // Each client holds one time, spread over every day as an attacker would, in parallel waves.
    const targets = Array.from({ length: 200 }, (_, i) => before.get(fullDays[i % fullDays.length]!)![2 * Math.floor(i / fullDays.length)]!);
    const statuses: number[] = [];
    for (let wave = 0; wave < 200; wave += 25) {
      const replies = await Promise.all(targets.slice(wave, wave + 25).map((start) => post('/api/slots/hold', { start })));
      statuses.push(...replies.map((r) => r.status));
      for (const reply of replies.filter((r) => r.status === 409)) expect(['hold_refused', 'slot_taken']).toContain(JSON.parse(reply.body).error.code);
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(3 * fullDays.length);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThan(0);

    const after = await freeByDay();
    for (const day of fullDays) {
      const free = after.get(day) ?? [];
      expect(free.length, `free times on ${day}`).toBeGreaterThan(0);
      // Bookable, not just shown: the first of them books.
      expect((await post('/api/bookings', request(free[0]!))).status, `booking on ${day}`).toBe(201);
    }
    for (const day of fullDays) {
      const held = await count(`SELECT COUNT(*) AS n FROM booking_holds WHERE expires_at > ? AND start_at LIKE ?`, [new Date().toISOString(), `${day}%`]);
      expect(held, `holds on ${day}`).toBeLessThanOrEqual(3);
    }
    await deliver();
    expect(operatorMails('Many visitors are holding times on the booking page')).toHaveLength(1);
  });

  it('holds never count toward the daily cap: a day with three holds and four calls still offers times (cap 6)', async () => {
    // Ten minutes later: the attack's holds have run out (the sweep a claiming transaction runs).
    await (await apiContext()).db.batch([`DELETE FROM booking_claims WHERE booking_id LIKE 'hold:%'`, 'DELETE FROM booking_holds'], 'write');
    const day = [...(await freeByDay())].filter(([, t]) => t.length >= 15).at(-1)![0];
    const firstFree = async () => (await freeByDay()).get(day)![0]!;
    // The day already has the attack test's call; three holds and three more calls, each on the first free time.
    for (let i = 0; i < 3; i++) expect((await post('/api/slots/hold', { start: await firstFree() })).status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await post('/api/bookings', request(await firstFree()))).status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE status = 'confirmed' AND start_at LIKE ?`, [`${day}%`])).toBe(4);
    // Seven things on the day, four of them calls: under the cap of 6, so the day still offers and books.
    expect((await post('/api/bookings', request(await firstFree()))).status).toBe(201);
  });
});

describe('moves and signed-action presses are limited', () => {
  const rescheduleToken = async (id: string) => createToken((await apiContext()).secret, 'booking-reschedule', id, 3600);

  it('a call moves at most 3 times a day: the 4th answers 429 to JSON and sends a person to a page that says so; no emails for it', async () => {
    const times = [...(await freeByDay()).values()].flat().slice(-12);
    const booked = await post('/api/bookings', request(times[0]!));
    expect(booked.status).toBe(201);
    const id = JSON.parse(booked.body).booking.id as string;
    const token = await rescheduleToken(id);
    for (const start of [times[3]!, times[6]!, times[3]!]) {
      const moved = await post('/api/bookings/reschedule', { token, start });
      expect(moved.status, start).toBe(200);
    }
    const fourth = await post('/api/bookings/reschedule', { token, start: times[9]! });
    expect(fourth.status).toBe(429);
    expect(JSON.parse(fourth.body).error.code).toBe('too_many_moves');
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    const person = await server.send('/api/bookings/reschedule', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, start: times[9]! }).toString(), from: freshAddress() });
    expect(person.status).toBe(303);
    expect(person.headers.location).toBe('/book-audit/too-many-changes');
    expect(await count(`SELECT sequence AS n FROM bookings WHERE id = ?`, [id])).toBe(3);
    expect(await count(`SELECT COUNT(*) AS n FROM messages WHERE booking_id = ? AND idempotency_key LIKE '%-rescheduled-%'`, [id])).toBe(6);
  });

  it('one client may press a booking\'s signed actions BOOKING_RATE_LIMIT times an hour; one-click unsubscribes are never refused', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post('/api/bookings/cancel', { token: 'not-a-token' }, address)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    const mailProvider = freshAddress();
    for (let i = 0; i < 12; i++) {
      const reply = await server.send('/api/newsletter/unsubscribe?token=not-a-token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click', from: mailProvider });
      expect(reply.status).not.toBe(429);
    }
  });
});

describe('nobody can probe an address or lock it out', () => {
  it('a time that cannot be booked answers the same whoever asks, and failed tries do not lock the address out', async () => {
    const times = [...(await freeByDay()).values()].flat();
    const owner = freshEmail();
    expect((await post('/api/bookings', request(times[20]!, { email: owner }))).status).toBe(201);
    const past = '2020-01-06T09:00:00Z';
    const offGrid = new Date(Date.parse(times[25]!) + 5 * 60_000).toISOString();
    for (const [start, status, code] of [[past, 422, 'start_passed'], [offGrid, 422, 'start_not_offered'], [times[20]!, 409, 'slot_taken']] as const) {
      const probes = [await post('/api/bookings', request(start, { email: owner })), await post('/api/bookings', request(start))];
      expect(probes.map((r) => r.status), start).toEqual([status, status]);
      expect(probes.map((r) => JSON.parse(r.body).error.code), start).toEqual([code, code]);
    }
    // More failed tries than the address's limit (5 an hour here): the address can still book.
    const victim = freshEmail();
    for (let i = 0; i < 8; i++) expect((await post('/api/bookings', request(past, { email: victim }))).status).toBe(422);
    expect((await post('/api/bookings', request(times[30]!, { email: victim }))).status).toBe(201);
  });
});

describe('an idempotency key answers only its own request', () => {
  it('a key reused with other details is refused, and a cancelled booking is never answered 201', async () => {
    const times = [...(await freeByDay()).values()].flat();
    const first = request(times[40]!, { idempotencyKey: 'abuse-key-0001' });
    const made = await post('/api/bookings', first);
    expect(made.status).toBe(201);
    expect((await post('/api/bookings', first)).status).toBe(201);
    const other = await post('/api/bookings', { ...first, email: freshEmail() });
    expect(other.status).toBe(422);
    expect(JSON.parse(other.body).error.code).toBe('idempotency_key_reused');
    expect((await post('/api/bookings', { ...first, start: times[44]! })).status).toBe(422);
    const { cancelBooking } = await import('../../api/_lib/booking/cancel-booking.ts');
    expect((await cancelBooking(await apiContext(), JSON.parse(made.body).booking.id)).outcome).toBe('cancelled');
    const again = await post('/api/bookings', first);
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body).error.code).toBe('booking_cancelled');
  });
});

describe('the honeypot', () => {
  it('answers a bot in the real answer\'s shape (a time-ordered id, filled calendar links, the same headers), stores nothing, and its links lead nowhere', async () => {
    const times = [...(await freeByDay()).values()].flat();
    const real = await post('/api/bookings', request(times[50]!));
    const bookingsBefore = await count('SELECT COUNT(*) AS n FROM bookings');
    const bot = await post('/api/bookings', request(times[52]!, { website: 'https://spam.example' }));
    expect(bot.status).toBe(201);
    expect(await count('SELECT COUNT(*) AS n FROM bookings')).toBe(bookingsBefore);
    const [realBody, botBody] = [JSON.parse(real.body), JSON.parse(bot.body)];
    const shape = (value: unknown): unknown => (value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)])) : typeof value);
    expect(shape(botBody)).toEqual(shape(realBody));
    expect(botBody.booking.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const link of Object.values(botBody.calendar) as string[]) expect(link.length).toBeGreaterThan(20);
    expect(botBody.calendar.ics).toMatch(/^\/api\/bookings\/invite\?token=[\w.-]+$/);
    for (const header of ['content-type', 'cache-control']) expect(bot.headers[header], header).toBe(real.headers[header]);
    expect((await server.send(botBody.calendar.ics)).status).toBe(404);
  });
});

describe('the claim itself', () => {
  it('refuses, in the database, a second owner\'s overlapping blocks, with the slot re-check out of the way', async () => {
    const ctx = await apiContext();
    const rules = ctx.config.booking;
    const at = (minutes: number) => new Date(Date.UTC(2030, 0, 7, 9, minutes)).toISOString().replace('.000Z', 'Z');
    const now = new Date();
    await ctx.writes.run((tx) => claim(tx, rules, 'owner-a', at(0), at(20), now));
    // 09:10-09:30 overlaps 09:00-09:20 (and their buffers): the primary key refuses it, nothing of it stays.
    await expect(ctx.writes.run((tx) => claim(tx, rules, 'owner-b', at(10), at(30), now))).rejects.toThrow('That time is no longer free.');
    expect(await count(`SELECT COUNT(*) AS n FROM booking_claims WHERE booking_id = 'owner-b'`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM booking_claims WHERE booking_id = 'owner-a'`)).toBe(8); // 08:50-09:30, buffers included
    // Touching blocks are fine: 09:40 starts where owner-a's buffer ends.
    await ctx.writes.run((tx) => claim(tx, rules, 'owner-c', at(40), at(60), now));
  });
});
