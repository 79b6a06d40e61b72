// One connection cannot fill the calendar by booking a new address into every free time: a client
// address books at most BOOKING_CLIENT_DAILY_LIMIT calls a day (3 by default), counted only on calls
// made, so a refused try never uses it up; the next client books the time that was refused. An IPv6
// client counts by its /64, and a /48 books at most four times that.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { bookingPayload, emailSequence } from '../fixtures/booking-request.ts';
import { fileOutbox } from '../fixtures/file-outbox.ts';

const { server, apiContext, deliverDue, dataDir } = await startApiServer('booking-client-limit', {
  ...OPEN_EVERY_HOUR,
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  BOOKING_CLIENT_DAILY_LIMIT: undefined,
  // So a test can book from IPv6 addresses (X-Forwarded-For): the server reads the last hop.
  TRUST_PROXY: '1',
  BOOKING_BUSY_FEEDS: undefined,
  RESEND_API_KEY: undefined,
});

const { addressBucket } = await import('../../api/_lib/http/rate-limit.ts');
const { keyedHash } = await import('../../api/_lib/signing/tokens.ts');

const freshEmail = emailSequence('limit');
/** Books from `client`: an IPv4 loopback address is the socket's, an IPv6 address is claimed in X-Forwarded-For. */
const book = (start: string, email: string, client: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (client.includes(':')) headers['x-forwarded-for'] = client;
  return server.send('/api/bookings', { method: 'POST', headers, body: JSON.stringify(bookingPayload(start, email, { timeZone: 'Europe/Berlin' })), ...(client.includes(':') ? {} : { from: client }) });
};
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const bookingsFor = async (email: string) =>
  Number((await (await apiContext()).db.execute({ sql: 'SELECT COUNT(*) AS n FROM bookings WHERE email = ?', args: [email] })).rows[0]?.n);

async function freeTimes(): Promise<string[]> {
  const reply = await server.send(`/api/slots?from=${isoDate(Date.now() + 86_400_000)}&to=${isoDate(Date.now() + 4 * 86_400_000)}&tz=Europe/Berlin`, { from: '127.0.9.250' });
  expect(reply.status).toBe(200);
  // Free times start every few minutes and a call blocks its neighbours: one an hour apart never collide.
  const apart: string[] = [];
  for (const { start } of JSON.parse(reply.body).slots as { start: string }[]) {
    if (apart.length === 0 || Date.parse(start) - Date.parse(apart.at(-1)!) >= 3_600_000) apart.push(start);
  }
  return apart;
}

describe('calls booked from one client address in a day', () => {
  // The day is a UTC day: the clock (shared with the server, which runs in this process) starts at noon
  // and runs on, so no test straddles midnight, where the count starts again.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`), shouldAdvanceTime: true });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it('the default is 3: a 4th call from the same address, under a new email, is refused with 429 and stores nothing; another client books that time', async () => {
    expect((await apiContext()).config.bookingClientDailyLimit).toBe(3);
    const times = await freeTimes();
    for (const start of times.slice(0, 3)) expect((await book(start, freshEmail(), '127.0.9.1')).status).toBe(201);

    const fourth = freshEmail();
    const refused = await book(times[3]!, fourth, '127.0.9.1');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'booked_from_here_today', message: 'This connection has booked as many calls today as one connection may. Try again in 12 hour(s), or write to us.' });
    const retryAfter = Number(refused.headers['retry-after']);
    // Until the UTC day ends: about 12 hours from noon.
    expect(retryAfter).toBeGreaterThan(11 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(12 * 3600);
    expect(await bookingsFor(fourth)).toBe(0);

    expect((await book(times[3]!, fourth, '127.0.9.2')).status).toBe(201);

    // The operator hears of it, once a day however many are refused.
    expect((await book(times[4]!, freshEmail(), '127.0.9.1')).status).toBe(429);
    // The refusal started a delivery of its own: this run sends whatever that one has not claimed, and
    // the poll waits for whichever of them holds the alert to write it.
    const ctx = await apiContext();
    await deliverDue(ctx.db, ctx.mailer, { limit: 100 });
    const alerts = () => fileOutbox(dataDir).mails((mail) => mail.to === 'operator@site.test' && mail.subject.startsWith('A visitor was refused a booking'));
    await expect.poll(() => alerts().map((mail) => mail.subject)).toEqual(['A visitor was refused a booking: their connection had booked its calls for today']);
    expect(alerts()[0]!.text).toContain('raise BOOKING_CLIENT_DAILY_LIMIT or set TRUST_PROXY');
  });

  it('counts only calls made: tries refused for a taken time leave the client its three calls', async () => {
    const times = await freeTimes();
    const taken = times[0]!;
    expect((await book(taken, freshEmail(), '127.0.9.3')).status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await book(taken, freshEmail(), '127.0.9.4')).status).toBe(409);
    for (const start of times.slice(1, 4)) expect((await book(start, freshEmail(), '127.0.9.4')).status).toBe(201);
    expect((await book(times[4]!, freshEmail(), '127.0.9.4')).status).toBe(429);
  });

  it('an IPv6 site (a /48, 65,536 /64s: a tunnel broker gives one away) books at most 4 times as many: 12', async () => {
    const times = await freeTimes();
    const statuses: number[] = [];
    // Five /64s of one /48, three calls each (each /64's own limit), and the site's 12 run out on the fifth.
    for (let net = 1; net <= 5; net++) for (let call = 0; call < 3; call++) statuses.push((await book(times[statuses.length]!, freshEmail(), `2001:db8:42:${net}::1`)).status);
    expect(statuses).toEqual([...Array(12).fill(201), 429, 429, 429]);
    // A refusal rolls back what it counted: the fifth /64's own count was never kept.
    const ctx = await apiContext();
    const key = `booking-made:${keyedHash(ctx.secret, 'address', addressBucket('2001:db8:42:5::1')!)}`;
    expect((await ctx.db.execute({ sql: 'SELECT count FROM rate_limits WHERE key = ?', args: [key] })).rows).toEqual([]);
    // Another site is not held back.
    expect((await book(times[15]!, freshEmail(), '2001:db8:43:1::1')).status).toBe(201);
  });
});
