// The operator's calendar feeds through HTTP on the real local server, with feeds served by a local
// calendar host (test/fixtures/feed-server.ts): a busy event blocks slots, holds, bookings (409 with
// alternatives around it) and moves; our own calls coming back in the feed block nothing; failures
// (500, a hang, garbage) keep the last good copy; 304; one fetch for 50 requests; one copy for two
// processes; the operator's emails when a feed fails and recovers; the report; nothing but times stored;
// a meeting the operator declined blocks nothing.
// Staleness is set by hand in the database (no sleeping for a TTL to pass); the cron route is the
// deterministic way to run a refresh to the end.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { bookingPayload, emailSequence } from '../fixtures/booking-request.ts';
import { icsFeed, icsUtc, startFeedServer } from '../fixtures/feed-server.ts';
import { fileOutbox } from '../fixtures/file-outbox.ts';
import { secondServer } from '../fixtures/second-server.ts';
import { afterTheAnswer } from '../fixtures/after-the-answer.ts';

const feeds = await startFeedServer();
afterAll(() => feeds.close());
const BERLIN = 'Europe/Berlin';
const DAY = 86_400_000;

/** The instant of `time` (HH:MM) in Berlin on the Berlin date `days` from today. */
function berlin(days: number, time: string): number {
  const date = Temporal.Now.plainDateISO(BERLIN).add({ days });
  return date.toZonedDateTime({ timeZone: BERLIN, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
}
const berlinDate = (days: number) => Temporal.Now.plainDateISO(BERLIN).add({ days }).toString();
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

// "work" is a good feed from the start; "home" hangs until a test gives it an answer, so it has never
// loaded when the first request comes.
const WORK_EVENT = { start: berlin(3, '10:00'), end: berlin(3, '11:00') };
const workFeed = (extra: string[][] = []) =>
  icsFeed([
    ['SUMMARY:Board meeting (private)', 'DESCRIPTION:Do not show this', `DTSTART:${icsUtc(WORK_EVENT.start)}`, `DTEND:${icsUtc(WORK_EVENT.end)}`],
    ...extra,
  ]);
// The first answer is slow, so requests arrive while another one's fetch is in flight.
feeds.set('/work.ics', { body: workFeed(), etag: '"work-1"', delayMs: 1000 });
feeds.set('/home.ics', { hang: true });

const { server, apiContext, dataDir } = await startApiServer('busy-feeds', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  ...OPEN_EVERY_HOUR,
  BOOKING_BUSY_FEEDS: `work=${feeds.url('/work.ics')}\nhome=${feeds.url('/home.ics')}`,
  RESEND_API_KEY: undefined,
});

let nextAddress = 2;
const post = (path: string, payload: unknown) =>
  server.send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), from: `127.0.2.${nextAddress++}` });
const freshEmail = emailSequence('feeds');
const booking = (start: number) => bookingPayload(iso(start), freshEmail());
async function slotStarts(days: number): Promise<Set<string>> {
  const reply = await server.send(`/api/slots?from=${berlinDate(days)}&to=${berlinDate(days)}&tz=${BERLIN}`);
  expect(reply.status).toBe(200);
  return new Set((JSON.parse(reply.body).slots as { start: string }[]).map((s) => s.start));
}
const db = async () => (await apiContext()).db;
const feedRow = async (id: string) => (await (await db()).execute({ sql: 'SELECT * FROM busy_feeds WHERE id = ?', args: [id] })).rows[0];
const { forgetRecentStates } = await import('../../api/_lib/calendar/busy-copy.ts');
const { createToken } = await import('../../api/_lib/signing/tokens.ts');
/** Makes every stored copy old, as if the TTL had passed (and the second an instance may reuse its last read of them). */
async function ageCopies() {
  await (await db()).execute(`UPDATE busy_feeds SET checked_at = '2000-01-01T00:00:00.000Z'`);
  forgetRecentStates();
}
/** Runs the cron job, which refreshes stale feeds to the end before it answers. */
async function cron() {
  const reply = await server.send('/api/outbox/retry');
  expect(reply.status).toBe(200);
}
const operatorMails = () => fileOutbox(dataDir).mails((m) => m.to === 'operator@site.test' && m.subject.startsWith('Calendar feed'));

describe('a feed that has never loaded', () => {
  it('holds the first slots requests no longer than the 5-second timeout, each sees the first copy, records why a feed failed, and tells the operator at once', async () => {
    const started = Date.now();
    // Two at once: one takes the refresh, the other waits for its outcome in the database.
    const both = await Promise.all([slotStarts(3), slotStarts(3)]);
    // The wait is bounded by the fetch timeout (5 s); the margin is for a busy machine, not a speed target.
    expect(Date.now() - started).toBeLessThan(9_000);
    // "work" loaded meanwhile (after a second), so its event already blocks in both answers.
    for (const starts of both) expect(starts.has(iso(berlin(3, '10:00')))).toBe(false);
    await expect.poll(async () => (await feedRow('home'))?.last_error, { timeout: 10_000 }).toBe('no answer within 5 s');
    expect((await feedRow('home'))?.loaded_at).toBeNull();
    await expect.poll(() => operatorMails().map((m) => m.subject), { timeout: 10_000 }).toEqual(['Calendar feed "home" is not loading']);
    expect(operatorMails()[0]!.text).toContain('It has never loaded, so the booking page offers times without it');
    expect(operatorMails()[0]!.text).not.toContain('/home.ics');

    // It loads: the operator hears so once, and from here on the tests are about "work".
    feeds.set('/home.ics', { body: icsFeed([]) });
    await ageCopies();
    await cron();
    expect((await feedRow('home'))?.loaded_at).not.toBeNull();
    await expect.poll(() => operatorMails().map((m) => m.subject), { timeout: 10_000 }).toEqual(['Calendar feed "home" is not loading', 'Calendar feed "home" loads again']);
  });
});

describe('busy times block every way to a time', () => {
  it('slots: every time whose call with its 10-minute buffers would overlap 10:00-11:00 Berlin is gone, the neighbours stay', async () => {
    const starts = await slotStarts(3);
    for (const time of ['09:40', '10:00', '10:20', '10:40', '11:00']) expect(starts.has(iso(berlin(3, time))), time).toBe(false);
    for (const time of ['09:20', '11:20']) expect(starts.has(iso(berlin(3, time))), time).toBe(true);
  });

  it('a hold, a booking and a move onto the busy time are refused; the 409 offers only times around it', async () => {
    expect((await post('/api/slots/hold', { start: iso(berlin(3, '10:00')) })).status).toBe(409);
    const refused = await post('/api/bookings', booking(berlin(3, '10:20')));
    expect(refused.status).toBe(409);
    const alternatives = (JSON.parse(refused.body).alternatives as { start: string }[]).map((a) => a.start);
    expect(alternatives[0]).toBe(iso(berlin(3, '11:20')));
    for (const start of alternatives) expect(Date.parse(start) + 30 * 60_000 <= WORK_EVENT.start || Date.parse(start) - 10 * 60_000 >= WORK_EVENT.end, start).toBe(true);

    const booked = await post('/api/bookings', booking(berlin(3, '09:20')));
    expect(booked.status).toBe(201);
    const id = JSON.parse(booked.body).booking.id as string;
    const { rescheduleBooking } = await import('../../api/_lib/booking/reschedule-booking.ts');
    const { SlotTakenError } = await import('../../api/_lib/booking/claims.ts');
    await expect(rescheduleBooking(await apiContext(), id, iso(berlin(3, '10:40')))).rejects.toBeInstanceOf(SlotTakenError);
  });
});

describe('a start no calendar could make bookable', () => {
  it('is refused with its 422 (a booking, a hold, a move) without fetching a stale feed first; a start the hours offer still fetches it', async () => {
    await ageCopies();
    const before = feeds.hits('/work.ics');
    const offGrid = await post('/api/bookings', booking(berlin(4, '10:07')));
    expect([offGrid.status, JSON.parse(offGrid.body).error.code]).toEqual([422, 'start_not_offered']);
    const passed = await post('/api/bookings', booking(berlin(-1, '10:00')));
    expect([passed.status, JSON.parse(passed.body).error.code]).toEqual([422, 'start_passed']);
    // A hold of such a start: the same answers. A hold does not wait for a feed that has loaded, so the
    // refresh it would start is caught where it is handed over to go on after the answer (keepAlive).
    const leftRunning = afterTheAnswer();
    const heldOffGrid = await post('/api/slots/hold', { start: iso(berlin(4, '10:07')) });
    expect([heldOffGrid.status, JSON.parse(heldOffGrid.body).error.code]).toEqual([422, 'start_not_offered']);
    const heldPassed = await post('/api/slots/hold', { start: iso(berlin(-1, '10:00')) });
    expect([heldPassed.status, JSON.parse(heldPassed.body).error.code]).toEqual([422, 'start_passed']);
    expect(await leftRunning.stop()).toBe(0);
    expect(feeds.hits('/work.ics')).toBe(before);

    const offered = await post('/api/bookings', booking(berlin(6, '09:00')));
    expect(offered.status).toBe(201);
    expect(feeds.hits('/work.ics')).toBe(before + 1);

    // Moving that call to such a start: the same answers, and the move (which waits for a refresh) does not.
    await ageCopies();
    const token = createToken((await apiContext()).secret, 'booking-reschedule', JSON.parse(offered.body).booking.id, 3600);
    const movedOffGrid = await post('/api/bookings/reschedule', { token, start: iso(berlin(6, '10:07')) });
    expect([movedOffGrid.status, JSON.parse(movedOffGrid.body).error.code]).toEqual([422, 'start_not_offered']);
    const movedPassed = await post('/api/bookings/reschedule', { token, start: iso(berlin(-1, '10:00')) });
    expect([movedPassed.status, JSON.parse(movedPassed.body).error.code]).toEqual([422, 'start_passed']);
    expect(feeds.hits('/work.ics')).toBe(before + 1);
  });
});

describe('our own calls in the operator\'s calendar', () => {
  it('an accepted invite of a booking made here does not block its own time, its move back, or the time a cancel frees', async () => {
    const first = berlin(4, '14:00');
    const reply = await post('/api/bookings', booking(first));
    expect(reply.status).toBe(201);
    const id = JSON.parse(reply.body).booking.id as string;
    const uid = String((await (await db()).execute({ sql: 'SELECT uid FROM bookings WHERE id = ?', args: [id] })).rows[0]!.uid);
    // The operator accepted the invite: the call is in their calendar, under the invite's UID.
    feeds.set('/work.ics', { body: workFeed([[`UID:${uid}`, 'SUMMARY:Workflow audit: Reyes Logistics', `DTSTART:${icsUtc(first)}`, `DTEND:${icsUtc(first + 20 * 60_000)}`]]), etag: '"work-2"' });
    await ageCopies();
    await cron();
    expect(Number((await feedRow('work'))!.event_count)).toBe(2);

    const { rescheduleBooking } = await import('../../api/_lib/booking/reschedule-booking.ts');
    const { cancelBooking } = await import('../../api/_lib/booking/cancel-booking.ts');
    const ctx = await apiContext();
    expect((await rescheduleBooking(ctx, id, iso(berlin(4, '15:00')))).outcome).toBe('moved');
    // The old time is free for everyone, although the operator's feed still shows the call there...
    expect((await slotStarts(4)).has(iso(first))).toBe(true);
    // ...and the call can move back to it.
    expect((await rescheduleBooking(ctx, id, iso(first))).outcome).toBe('moved');
    expect((await cancelBooking(ctx, id)).outcome).toBe('cancelled');
    expect((await slotStarts(4)).has(iso(first))).toBe(true);
  });
});

describe('a feed that fails after loading', () => {
  it('answers 500: the last good copy still blocks, the error is recorded, nobody sees a 5xx', async () => {
    feeds.set('/work.ics', { status: 500 });
    await ageCopies();
    await cron();
    const row = await feedRow('work');
    expect(row?.last_error).toBe('HTTP 500 Internal Server Error');
    expect(row?.failing_since).not.toBeNull();
    expect((await slotStarts(3)).has(iso(berlin(3, '10:00')))).toBe(false);
  });

  it('answers garbage (an HTML sign-in page): the same', async () => {
    feeds.set('/work.ics', { body: '<!doctype html><title>Sign in</title>', contentType: 'text/html' });
    await ageCopies();
    await cron();
    expect((await feedRow('work'))?.last_error).toBe('the answer is not an iCalendar file (it does not start with BEGIN:VCALENDAR)');
    expect((await slotStarts(3)).has(iso(berlin(3, '10:00')))).toBe(false);
  });

  it('hangs: slots, with a copy to read, do not wait; the refresh behind them gives up after 5 s and records it', async () => {
    feeds.set('/work.ics', { hang: true });
    await ageCopies();
    const started = Date.now();
    expect((await slotStarts(3)).has(iso(berlin(3, '10:00')))).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000); // not the 5 s of the fetch: it runs behind the answer
    await expect.poll(async () => (await feedRow('work'))?.last_error, { timeout: 10_000 }).toBe('no answer within 5 s');
  });

  it('comes back with an ETag, and a repeat answers 304: the copy stands, no new version', async () => {
    feeds.set('/work.ics', { body: workFeed(), etag: '"work-3"' });
    await ageCopies();
    await cron();
    const loaded = await feedRow('work');
    expect(loaded?.last_error).toBeNull();
    expect(loaded?.etag).toBe('"work-3"');
    const notModified = feeds.notModified('/work.ics');
    await ageCopies();
    await cron();
    expect(feeds.notModified('/work.ics') - notModified).toBe(1);
    const again = await feedRow('work');
    expect(Number(again?.version)).toBe(Number(loaded?.version));
    expect(again?.ok_at).not.toBe(loaded?.ok_at);
  });
});

describe('one refresh for everyone', () => {
  it('50 simultaneous slot requests against a stale copy cause exactly one fetch', async () => {
    const before = feeds.hits('/work.ics');
    const version = Number((await feedRow('work'))?.version);
    await ageCopies();
    const replies = await Promise.all(Array.from({ length: 50 }, () => server.send(`/api/slots?from=${berlinDate(3)}&to=${berlinDate(3)}&tz=${BERLIN}`)));
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(200));
    // The one refresh runs behind the answers: once it has stored its outcome, no other can start.
    await expect.poll(async () => (await feedRow('work'))?.checked_at, { timeout: 10_000 }).not.toBe('2000-01-01T00:00:00.000Z');
    expect(feeds.hits('/work.ics') - before).toBe(1);
    expect(Number((await feedRow('work'))?.version)).toBe(version); // 304: the same copy
  });
});

describe('alerts', () => {
  it('a feed failing for over an hour emails the operator once, and once more when it loads again', async () => {
    const { refreshStaleFeeds } = await import('../../api/_lib/calendar/refresh.ts');
    const ctx = await apiContext();
    const mailsBefore = operatorMails().length;
    const t0 = Date.now() + DAY; // a clock of its own, ahead of every stored time
    const at = (minutes: number) => ({ maxAgeMs: 300_000, now: new Date(t0 + minutes * 60_000) });
    feeds.set('/work.ics', { status: 503 });
    const { deliverDue } = await import('../../api/_lib/mail/outbox.ts');
    const delivered = async () => {
      await deliverDue(ctx.db, ctx.mailer, { now: new Date(t0 + 1000 * 60_000) });
      return operatorMails().slice(mailsBefore).map((m) => m.subject);
    };
    await refreshStaleFeeds(ctx, at(0));
    await refreshStaleFeeds(ctx, at(30));
    expect(await delivered()).toEqual([]); // it has a good copy: half an hour of failing is no news yet
    await refreshStaleFeeds(ctx, at(61));
    await refreshStaleFeeds(ctx, at(90));
    expect(await delivered()).toEqual(['Calendar feed "work" is not loading']);
    const failing = operatorMails().at(-1)!;
    expect(failing.text).toContain('HTTP 503 Service Unavailable');
    expect(failing.text).toContain('the booking page blocks the busy times from its last good copy');
    feeds.set('/work.ics', { body: workFeed(), etag: '"work-4"' });
    await refreshStaleFeeds(ctx, at(120));
    await refreshStaleFeeds(ctx, at(130));
    expect(await delivered()).toEqual(['Calendar feed "work" is not loading', 'Calendar feed "work" loads again']);
  });
});

describe('the stored copy', () => {
  it('holds times only: no title or description of the operator\'s events anywhere in the database files', async () => {
    await (await db()).execute('PRAGMA wal_checkpoint(TRUNCATE)');
    const files = readdirSync(dataDir).filter((f) => f.startsWith('site.db'));
    for (const file of files) {
      const bytes = readFileSync(join(dataDir, file)).toString('latin1');
      expect(bytes, file).not.toContain('Board meeting');
      expect(bytes, file).not.toContain('Do not show this');
    }
    const columns = (await (await db()).execute('PRAGMA table_info(busy_spans)')).rows.map((r) => String(r.name));
    expect(columns).toEqual(['feed_id', 'start_at', 'end_at']);
  });

  it('the operator\'s report names each feed by label and host, with its counts and state, never the secret URL', async () => {
    const { calendarReport } = await import('../../scripts/_lib/leads-report.ts');
    const ctx = await apiContext();
    const rows = await calendarReport(ctx.db, ctx.config.busyFeeds, new Date(), 'Europe/Berlin');
    expect(rows.map((r) => r.feed)).toEqual(['work', 'home']);
    // The last refresh in the operator's zone, as the bookings list shows its calls, not a UTC timestamp.
    expect(rows[0]!.last_refresh).toMatch(/^\w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M GMT\+[12]$/);
    expect(rows[0]).toMatchObject({ host: feeds.origin.replace('http://', ''), events: 1, busy_times: 1, last_error: '' });
    expect(JSON.stringify(rows)).not.toContain('.ics');
  });
});

describe('across processes', () => {
  const other = secondServer();

  it('two server processes on one database share one copy: one fetch, the same busy time blocked in both', async () => {
    const moved = { start: berlin(5, '13:00'), end: berlin(5, '13:30') };
    feeds.set('/work.ics', { body: icsFeed([[`DTSTART:${icsUtc(moved.start)}`, `DTEND:${icsUtc(moved.end)}`]]), etag: '"work-5"' });
    await ageCopies();
    const before = feeds.hits('/work.ics');
    await cron(); // this process refreshes
    const viaChild = await fetch(`${other.origin()}/api/slots?from=${berlinDate(5)}&to=${berlinDate(5)}&tz=${BERLIN}`);
    expect(viaChild.status).toBe(200);
    const childStarts = new Set(((await viaChild.json()) as { slots: { start: string }[] }).slots.map((s) => s.start));
    expect(childStarts.has(iso(berlin(5, '13:00')))).toBe(false);
    expect(childStarts.has(iso(berlin(5, '12:20')))).toBe(true);
    expect(feeds.hits('/work.ics') - before).toBe(1);
  });
});

describe("the operator's replies in a feed", () => {
  it('a meeting OPERATOR_EMAIL declined leaves its time bookable; one they accepted blocks', async () => {
    const guest = (partstat: string) => `ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=${partstat}:mailto:Operator@site.test`;
    feeds.set('/work.ics', {
      body: icsFeed([
        [`DTSTART:${icsUtc(berlin(6, '10:00'))}`, `DTEND:${icsUtc(berlin(6, '11:00'))}`, 'ORGANIZER:mailto:someone@elsewhere.test', guest('DECLINED')],
        [`DTSTART:${icsUtc(berlin(6, '14:00'))}`, `DTEND:${icsUtc(berlin(6, '15:00'))}`, guest('ACCEPTED')],
      ]),
      etag: '"work-6"',
    });
    await ageCopies();
    await cron();
    const starts = await slotStarts(6);
    expect(starts.has(iso(berlin(6, '10:00')))).toBe(true);
    expect(starts.has(iso(berlin(6, '14:00')))).toBe(false);
  });
});
