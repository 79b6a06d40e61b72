// The slots answer and the booking API's refusals, through HTTP on the real local server with a
// database file: free UTC slots for the visitor's dates with the operator's zone and horizon, a 400
// naming each bad parameter; bad booking input refused with its fields named, a start that has passed or
// is not one of the offered times refused with 422 and its own message (a taken one still 409), and bots
// (honeypot, instant posts) answered like people; nothing stored.
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import { BOOKINGS_SERVER, bookingsOver, isoDate } from '../fixtures/bookings-http.ts';

const started = await startApiServer('bookings-slots-and-bad-input', BOOKINGS_SERVER);
const { server } = started;
const { freshEmail, post, request, slots, slotAfter, count } = bookingsOver(started);

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
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = 'bad-input@example.com'`)).toBe(0);
  });

  it('refuses a start that has passed, or is not one of the offered times, with 422 and its own message; a taken time is still 409', async () => {
    const slot = await slotAfter(74);
    // The shape the booking page reads: the message on `start`, which its error summary lists.
    const cases: [string, string, string][] = [
      ['2020-01-06T09:00:00Z', 'start_passed', 'That time has already passed. Pick another one.'],
      ['2020-01-06T09:07:00Z', 'start_passed', 'That time has already passed. Pick another one.'], // off the grid too: passed comes first
      [new Date(Date.parse(slot.start) + 5 * 60_000).toISOString(), 'start_not_offered', 'That is not one of the times we offer. Pick one from the list.'],
      [slot.start.replace(':00Z', ':30Z'), 'start_not_offered', 'That is not one of the times we offer. Pick one from the list.'],
    ];
    for (const [start, code, message] of cases) {
      const reply = await post('/api/bookings', request(start, { email: 'wrong-start@example.com' }));
      expect(reply.status, start).toBe(422);
      expect(JSON.parse(reply.body), start).toEqual({ error: { code, message, fields: { start: message } } });
    }
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = 'wrong-start@example.com'`)).toBe(0);

    // Someone else booked the time: the conflict keeps its 409, with the next free times.
    expect((await post('/api/bookings', request(slot.start))).status).toBe(201);
    const taken = await post('/api/bookings', request(slot.start));
    expect(taken.status).toBe(409);
    const body = JSON.parse(taken.body);
    expect(body.error).toEqual({ code: 'slot_taken', message: 'That time is no longer free. Pick another one.', fields: { start: 'That time is no longer free.' } });
    expect(body.alternatives.length).toBeGreaterThan(0);
  });

  it('answers bots (honeypot, instant posts) like people and stores nothing', async () => {
    const slot = await slotAfter(72);
    const email = freshEmail();
    expect((await post('/api/bookings', request(slot.start, { email, website: 'http://spam' }))).status).toBe(201);
    expect((await post('/api/bookings', request(slot.start, { email, fillMs: 400 }))).status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = ?`, [email])).toBe(0);
    expect((await slots(14)).map((s) => s.start)).toContain(slot.start);
  });

  it('books a visitor whose computer clock runs minutes fast: the fill time is a duration on their own clock', async () => {
    const slot = await slotAfter(72);
    const email = freshEmail();
    // The page's JavaScript before this change sent a start read on the visitor's clock (here 4 minutes
    // fast); the server subtracted it from its own clock and took the booking for an instant post.
    const reply = await post('/api/bookings', request(slot.start, { email, fillMs: 60_000, startedAt: Date.now() + 240_000 }));
    expect(reply.status).toBe(201);
    expect(await count(`SELECT COUNT(*) AS n FROM bookings WHERE email = ?`, [email])).toBe(1);
    expect((await slots(14)).map((s) => s.start)).not.toContain(slot.start);
  });
});
