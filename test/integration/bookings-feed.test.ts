// The operator's bookings feed through HTTP on the real local server, with a real database file and the file
// outbox: calls booked through POST /api/bookings, one cancelled, one moved, one already over; the feed at
// /api/calendar/bookings.ics (vercel.json's rewrite) shows exactly the confirmed upcoming ones, each with the
// UID and SEQUENCE of the invite the visitor was emailed, and nothing that can act on a call. Any key but the
// configured one, and a server with no key configured, get the 404 of an address with no route. A row that cannot be
// an event is left out and logged by id, and the feed still answers with every other call.
import { describe, expect, it, vi } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { bookingPayload } from '../fixtures/booking-request.ts';
import { fileOutbox, settleOutbox } from '../fixtures/file-outbox.ts';

// A key made by `openssl rand -base64 32` (the README once said so, and it still works): a '+', a '/' and
// padding, which the address carries as pasted (`direct` below) or percent-encoded (feedPath).
const KEY = 'r86FI0nz+Zq8vW3nR5tY/uI9oP1aS2dF4gH6jK8lX0=';

const { server, apiContext, deliverDue, dataDir } = await startApiServer('bookings-feed', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  ...OPEN_EVERY_HOUR,
  BOOKING_HORIZON_DAYS: '60',
  RESEND_API_KEY: undefined,
  OPERATOR_FEED_KEY: KEY,
});
const { cancelBooking } = await import('../../api/_lib/booking/cancel-booking.ts');
const { rescheduleBooking } = await import('../../api/_lib/booking/reschedule-booking.ts');

const outbox = fileOutbox(dataDir);
let nextAddress = 2;
const post = (path: string, payload: unknown) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), from: `127.0.2.${nextAddress++}` });

const request = (start: string, name: string, company: string, email: string) => bookingPayload(start, email, { name, company });

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The first free slot at least `hours` ahead, for each of `hours` (hours apart, so buffers never collide). */
async function slotsAfter(...hours: number[]): Promise<{ start: string; end: string }[]> {
  const from = Date.now();
  const reply = await server.send(`/api/slots?from=${isoDate(from)}&to=${isoDate(from + 13 * 86_400_000)}&tz=UTC`);
  expect(reply.status).toBe(200);
  const free = JSON.parse(reply.body).slots as { start: string; end: string }[];
  return hours.map((h) => free.find((s) => Date.parse(s.start) >= from + h * 3600_000)!);
}

const settle = () => settleOutbox(apiContext, deliverDue);

const mails = (to: string) => outbox.mails((mail) => mail.to === to);
const { attachment } = outbox;
const icsField = (ics: string, name: string) => new RegExp(`^${name}[:;](.*)$`, 'm').exec(ics.replace(/\r\n /g, ''))?.[1];
/** The feed's events, each as its unfolded content lines. */
const events = (ics: string): string[][] =>
  ics
    .replace(/\r\n /g, '')
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((event) => event.split('END:VEVENT')[0]!.split('\r\n').filter(Boolean));
const field = (event: string[], name: string) => event.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);
/** '2026-12-08T09:00:00Z' as iCalendar's basic UTC form, '20261208T090000Z'. */
const basic = (iso: string) => iso.replace(/[-:]/g, '').replace('.000', '');

const feedPath = (key?: string) => `/api/calendar/bookings.ics${key === undefined ? '' : `?key=${encodeURIComponent(key)}`}`;

describe('GET /api/calendar/bookings.ics', () => {
  it('lists exactly the confirmed upcoming calls, with the UID and SEQUENCE of the invites the visitors were emailed', async () => {
    const [a, b, c, d, later] = await slotsAfter(30, 33, 36, 39, 42);
    const kept = request(a!.start, 'Dana Reyes', 'Reyes Logistics', 'dana@example.com');
    const cancelled = request(b!.start, 'Cancelled Caller', 'Gone Co', 'gone@example.com');
    const moved = request(c!.start, 'Moved Mover', 'Shift Ltd', 'moved@example.com');
    const over = request(d!.start, 'Past Person', 'Yesterday Inc', 'past@example.com');
    const ids: string[] = [];
    for (const payload of [kept, cancelled, moved, over]) {
      const reply = await post('/api/bookings', payload);
      expect(reply.status, payload.name).toBe(201);
      ids.push(JSON.parse(reply.body).booking.id);
    }
    // The confirmations go out first, as they would before anyone moves or cancels a call.
    await settle();
    const ctx = await apiContext();
    expect((await cancelBooking(ctx, ids[1]!)).outcome).toBe('cancelled');
    expect((await rescheduleBooking(ctx, ids[2]!, later!.start)).outcome).toBe('moved');
    // A call that is over leaves the feed (set back in time directly: the API books no past call).
    await ctx.db.execute({ sql: `UPDATE bookings SET start_at = ?, end_at = ? WHERE id = ?`, args: ['2026-01-05T09:00:00Z', '2026-01-05T09:20:00Z', ids[3]!] });
    await settle();

    const reply = await server.send(feedPath(KEY));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('private, no-store');
    expect(reply.headers['x-robots-tag']).toBe('noindex');
    const feed = reply.body;
    expect(feed.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(icsField(feed, 'X-WR-CALNAME')).toBe('AI Operator bookings');
    expect(icsField(feed, 'METHOD')).toBe('PUBLISH');

    // The kept call and the moved one, in time order; not the cancelled call, not the one that is over.
    const [first, second, ...rest] = events(feed);
    expect(rest).toEqual([]);
    const keptInvite = attachment(mails('dana@example.com')[0]!);
    expect(field(first!, 'UID')).toBe(icsField(keptInvite, 'UID'));
    expect(field(first!, 'SEQUENCE')).toBe(icsField(keptInvite, 'SEQUENCE'));
    expect(field(first!, 'SEQUENCE')).toBe('0');
    expect(field(first!, 'DTSTART')).toBe(basic(a!.start));
    expect(field(first!, 'DTEND')).toBe(basic(a!.end));
    expect(field(first!, 'STATUS')).toBe('CONFIRMED');
    expect(field(first!, 'SUMMARY')).toBe('Workflow audit: Reyes Logistics (Dana Reyes)');
    expect(field(first!, 'DESCRIPTION')).toBe(
      'Visitor: Dana Reyes\\nCompany: Reyes Logistics (11-50 people)\\nArea: Documents\\nWants to fix: Supplier invoices take 15 minutes each to key into Xero.\\nTheir time zone: America/Los_Angeles',
    );

    const [movedConfirmation, movedUpdate] = mails('moved@example.com').filter((m) => m.attachments.length);
    expect(movedUpdate!.subject).toBe('Moved: your workflow audit has a new time');
    const movedInvite = attachment(movedUpdate!);
    expect(field(second!, 'UID')).toBe(icsField(movedInvite, 'UID'));
    expect(field(second!, 'UID')).toBe(icsField(attachment(movedConfirmation!), 'UID'));
    expect(field(second!, 'SEQUENCE')).toBe(icsField(movedInvite, 'SEQUENCE'));
    expect(field(second!, 'SEQUENCE')).toBe('1');
    expect(field(second!, 'DTSTART')).toBe(basic(later!.start));
    expect(field(second!, 'SUMMARY')).toBe('Workflow audit: Shift Ltd (Moved Mover)');

    const cancelledUid = icsField(attachment(mails('gone@example.com')[0]!), 'UID')!;
    const overUid = icsField(attachment(mails('past@example.com')[0]!), 'UID')!;
    expect(feed).not.toContain(cancelledUid);
    expect(feed).not.toContain(overUid);
    expect(feed).not.toContain('Gone Co');

    // Nothing that can act on a call: no manage link, no token, no address at all, no visitor's email.
    const lower = feed.toLowerCase();
    for (const word of ['manage', 'token', 'http', 'mailto', '@example.com']) expect(lower, word).not.toContain(word);

    // The function's own address answers too (the .ics address is vercel.json's rewrite to it), and HEAD works.
    const direct = await server.send(`/api/calendar/bookings?key=${KEY}`);
    expect(direct.status).toBe(200);
    expect(events(direct.body).map((e) => field(e, 'UID'))).toEqual([field(first!, 'UID'), field(second!, 'UID')]);
    const head = await server.send(feedPath(KEY), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(head.body).toBe('');
  });

  it('answers a wrong, altered, empty or missing key with the 404 of an address with no route', async () => {
    const unknownRoute = await server.send('/api/calendar/nothing-here');
    expect(unknownRoute.status).toBe(404);
    const altered = `${KEY.slice(0, 20)}${KEY[20] === 'x' ? 'y' : 'x'}${KEY.slice(21)}`;
    expect(altered).toHaveLength(KEY.length);
    for (const path of [feedPath('wrong'), feedPath(altered), feedPath(KEY.slice(0, -1)), feedPath(`${KEY}x`), feedPath(KEY.toUpperCase()), feedPath(KEY.replace('+', ' ')), `/api/calendar/bookings.ics?key=${KEY.replace('+', '%2')}`, feedPath(''), feedPath(), `/api/calendar/bookings.ics?Key=${KEY}`]) {
      const reply = await server.send(path);
      expect(reply.status, path).toBe(404);
      expect(reply.headers['content-type'], path).toMatch(/^application\/json/);
      const body = JSON.parse(reply.body);
      expect(body.error.code, path).toBe('not_found');
      expect(body.error.message, path).toBe('No API route at /api/calendar/bookings.ics.');
      expect(reply.body, path).not.toMatch(/key|feed|calendar subscription|unauthori[sz]ed|forbidden/i);
    }
  });
});

describe('a stored call that cannot be an event', () => {
  it('is left out and logged once by its id, with nothing about who is coming; the feed still answers 200 with every other call', async () => {
    const [good, bad] = await slotsAfter(50, 53);
    const ids: string[] = [];
    for (const payload of [request(good!.start, 'Gail Good', 'Good Works', 'gail@example.com'), request(bad!.start, 'Bernd Broken', 'Broken Row GmbH', 'bernd@example.com')]) {
      const reply = await post('/api/bookings', payload);
      expect(reply.status, payload.name).toBe(201);
      ids.push(JSON.parse(reply.body).booking.id);
    }
    await settle();
    const uidOf = async (id: string) => String((await (await apiContext()).db.execute({ sql: 'SELECT uid FROM bookings WHERE id = ?', args: [id] })).rows[0]!.uid);
    const [goodUid, badUid] = [await uidOf(ids[0]!), await uidOf(ids[1]!)];
    // A row damaged in storage (a hand edit, an old bug): its start is no time at all. Its end is still ahead, so the feed reads it.
    await (await apiContext()).db.execute({ sql: `UPDATE bookings SET start_at = 'not a time' WHERE id = ?`, args: [ids[1]!] });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const reply = await server.send(feedPath(KEY));
      expect(reply.status).toBe(200);
      const uids = events(reply.body).map((e) => field(e, 'UID'));
      expect(uids).toContain(goodUid);
      expect(uids).not.toContain(badUid);
      // Every other upcoming call (the first test's too) is still there: only the broken row is missing.
      const others = await (await apiContext()).db.execute({ sql: `SELECT uid FROM bookings WHERE status = 'confirmed' AND end_at > ? AND id != ? ORDER BY start_at`, args: [new Date().toISOString(), ids[1]!] });
      expect(uids).toEqual(others.rows.map((row) => String(row.uid)));
      expect(reply.body).not.toContain('Broken Row GmbH');

      const logged = warn.mock.calls.map((args) => args.join(' ')).filter((line) => line.includes('bookings feed'));
      expect(logged).toEqual([`[calendar] bookings feed left out booking ${ids[1]}: start must be an ISO 8601 instant with a zone, like 2026-03-10T14:20:00Z (got "not a time")`]);
      for (const personal of ['Bernd', 'Broken Row', 'bernd@example.com', 'Supplier invoices']) expect(logged[0], personal).not.toContain(personal);

      // However long the damaged value, the line stays short.
      await (await apiContext()).db.execute({ sql: `UPDATE bookings SET start_at = ? WHERE id = ?`, args: ['9'.repeat(100_000), ids[1]!] });
      warn.mockClear();
      expect((await server.send(feedPath(KEY))).status).toBe(200);
      const long = warn.mock.calls.map((args) => args.join(' ')).filter((line) => line.includes('bookings feed'));
      expect(long).toHaveLength(1);
      expect(long[0]!.length).toBeLessThan(300);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('a server without OPERATOR_FEED_KEY', () => {
  it('has no feed: every key gets 404', async () => {
    // The API reads its settings when its modules load: a fresh module graph is a fresh server.
    vi.resetModules();
    const { startApiServer: startAnother } = await import('../fixtures/api-server.ts');
    const { server: keyless } = await startAnother('bookings-feed-off', { SITE_URL: 'https://site.test', RESEND_API_KEY: undefined, OPERATOR_FEED_KEY: undefined });
    expect((await keyless.send('/api/health')).status).toBe(200);
    for (const path of [feedPath(KEY), feedPath(''), feedPath(), feedPath('undefined')]) {
      const reply = await keyless.send(path);
      expect(reply.status, path).toBe(404);
      expect(JSON.parse(reply.body).error.code, path).toBe('not_found');
    }
  });
});
