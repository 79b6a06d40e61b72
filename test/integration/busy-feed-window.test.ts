// What a stored copy of a calendar feed covers, on fixed clocks (refreshStaleFeeds with its own `now`,
// slots computed for that `now`; no waiting, no real time): the busy spans are expanded only up to the
// booking horizon (+2 days) from the refresh that parsed them, so a 304 must not keep a copy whose window
// no longer reaches past the horizon; and a feed cut at the 20 MB cap (in file order, not by date) is
// reported to the operator as a failing feed, while what was read still blocks.
import { Temporal } from 'temporal-polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import { OPEN_EVERY_HOUR, startApiServer } from '../fixtures/api-server.ts';
import { icsFeed, icsUtc, startFeedServer } from '../fixtures/feed-server.ts';

const feeds = await startFeedServer();
afterAll(() => feeds.close());

const { apiContext } = await startApiServer('busy-feed-window', {
  SITE_URL: 'https://site.test',
  OPERATOR_EMAIL: 'operator@site.test',
  ...OPEN_EVERY_HOUR,
  BOOKING_HORIZON_DAYS: '45',
  BOOKING_BUSY_FEEDS: `trip=${feeds.url('/trip.ics')}\nbig=${feeds.url('/big.ics')}`,
  RESEND_API_KEY: undefined,
});
const { refreshStaleFeeds } = await import('../../api/_lib/calendar/refresh.ts');
const { operatorBusy, forgetRecentStates } = await import('../../api/_lib/calendar/busy-copy.ts');
const { MAX_FEED_BYTES } = await import('../../api/_lib/calendar/fetch-feed.ts');
const { availableSlots } = await import('../../src/lib/booking/slots.ts');

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Day 0 of these tests: a fixed Monday 07:00 UTC, far from every real clock. */
const T0 = Date.UTC(2031, 2, 3, 7);
const at = (days: number, hours = 0) => new Date(T0 + days * DAY + hours * HOUR);
const iso = (ms: number) => new Date(ms).toISOString();
/** The first instant of the operator's (Berlin) date `days` after day 0, and that date as iCalendar writes it. */
const berlinDay = (days: number) => Temporal.PlainDate.from('2031-03-03').add({ days });
const berlinMidnight = (days: number) => berlinDay(days).toZonedDateTime({ timeZone: 'Europe/Berlin' }).epochMilliseconds;
const icsDate = (days: number) => berlinDay(days).toString().replace(/-/g, '');

/** A context whose configuration names one feed only, so each test refreshes its own row. */
async function onlyFeed(label: string) {
  const ctx = await apiContext();
  const feed = ctx.config.busyFeeds.find((f) => f.label === label)!;
  return { ctx: { ...ctx, config: { ...ctx.config, busyFeeds: [feed] } }, feed };
}
/** Runs a refresh as the TTL allows at `now` (every stored copy is older than 5 minutes by then). */
async function refreshAt(ctx: Awaited<ReturnType<typeof onlyFeed>>['ctx'], now: Date) {
  await refreshStaleFeeds(ctx, { maxAgeMs: 5 * 60_000, now });
  forgetRecentStates();
}
/** The slots the booking page offers at `now` in [from, to), with the operator's busy times from the stored copy. */
async function slotsAt(ctx: Awaited<ReturnType<typeof onlyFeed>>['ctx'], now: Date, from: number, to: number) {
  const busy = await operatorBusy(ctx.db, ctx.config.busyFeeds);
  return availableSlots(ctx.config.booking, { from: iso(from), to: iso(to) }, now.toISOString(), [], busy);
}
const row = async (ctx: Awaited<ReturnType<typeof onlyFeed>>['ctx'], id: string) =>
  (await ctx.db.execute({ sql: 'SELECT * FROM busy_feeds WHERE id = ?', args: [id] })).rows[0]!;
/** The operator's calendar-feed emails queued so far for `label`: their event and reason. */
async function feedAlerts(ctx: Awaited<ReturnType<typeof onlyFeed>>['ctx'], label: string) {
  const rows = await ctx.db.execute({
    sql: `SELECT payload ->> '$.email.props.event.type' AS type, payload ->> '$.email.props.event.reason' AS reason FROM messages
          WHERE payload ->> '$.email.template' = 'operator-alert' AND payload ->> '$.email.props.event.feed.label' = ? ORDER BY rowid`,
    args: [label],
  });
  return rows.rows.map((r) => ({ event: String(r.type).replace('calendar.feed-', ''), reason: r.reason === null ? null : String(r.reason) }));
}

describe('a feed that answers 304 for weeks', () => {
  // A trip on days 50-53 (past the 45-day horizon on day 0) and a weekly meeting from day 1, both in the
  // feed from the start; the operator's calendar then does not change, so the server answers 304.
  const trip = { start: berlinMidnight(50), end: berlinMidnight(53) }; // whole days in the operator's zone
  const weekly = T0 + DAY + 2 * HOUR; // Tuesdays 09:00 UTC
  feeds.set('/trip.ics', {
    body: icsFeed([
      [`DTSTART;VALUE=DATE:${icsDate(50)}`, `DTEND;VALUE=DATE:${icsDate(53)}`],
      [`DTSTART:${icsUtc(weekly)}`, `DTEND:${icsUtc(weekly + HOUR)}`, 'RRULE:FREQ=WEEKLY'],
    ]),
    etag: '"trip-1"',
  });

  it('still asks with its ETag (and gets 304) while the stored window covers the horizon', async () => {
    const { ctx } = await onlyFeed('trip');
    await refreshAt(ctx, at(0));
    const first = await row(ctx, 'trip');
    expect(first.loaded_at).toBe(at(0).toISOString());
    expect(await slotsAt(ctx, at(0), weekly, weekly + HOUR)).toEqual([]);
    const notModified = feeds.notModified('/trip.ics');
    await refreshAt(ctx, at(0, 6));
    expect(feeds.notModified('/trip.ics') - notModified).toBe(1);
    expect(Number((await row(ctx, 'trip')).version)).toBe(Number(first.version));
  });

  it('on day 30, fetches and parses the whole feed again: the trip and the meeting\'s later weeks block', async () => {
    const { ctx } = await onlyFeed('trip');
    const hits = feeds.hits('/trip.ics');
    const notModified = feeds.notModified('/trip.ics');
    await refreshAt(ctx, at(30));
    expect(feeds.hits('/trip.ics') - hits).toBe(1);
    expect(feeds.notModified('/trip.ics') - notModified).toBe(0); // asked without its validators: a 200
    expect((await row(ctx, 'trip')).loaded_at).toBe(at(30).toISOString());
    // The trip is within the horizon now: none of its days is offered (the reviewer's run offered 84 slots).
    expect(await slotsAt(ctx, at(30), trip.start, trip.end)).toEqual([]);
    // The meeting on day 71 (week 10), past the first parse's window.
    expect(await slotsAt(ctx, at(30), weekly + 70 * DAY, weekly + 70 * DAY + HOUR)).toEqual([]);
    expect((await slotsAt(ctx, at(30), weekly + 70 * DAY + 2 * HOUR, weekly + 70 * DAY + 3 * HOUR)).length).toBeGreaterThan(0);
  });

  it('a copy stored before the window was recorded (no window end) is fetched in full on its next refresh', async () => {
    const { ctx } = await onlyFeed('trip');
    await ctx.db.execute(`UPDATE busy_feeds SET covered_until = NULL WHERE id = 'trip'`);
    const notModified = feeds.notModified('/trip.ics');
    await refreshAt(ctx, at(30, 1));
    expect(feeds.notModified('/trip.ics') - notModified).toBe(0);
    expect((await row(ctx, 'trip')).loaded_at).toBe(at(30, 1).toISOString());
    // ...and from then on the ETag is sent again.
    await refreshAt(ctx, at(30, 2));
    expect(feeds.notModified('/trip.ics') - notModified).toBe(1);
  });
});

describe('a feed over the 20 MB cap', () => {
  // Google's feed carries every past event first: ~21 MB of them, then an upcoming meeting the cut loses.
  // One upcoming meeting comes before the padding, so the cut copy still has something to block.
  const early = T0 + 2 * DAY + 3 * HOUR;
  const lost = T0 + 3 * DAY + 3 * HOUR;
  const padding = 'x'.repeat(9_000);
  const past = Array.from({ length: 2_400 }, (_, i) => [`DTSTART:${icsUtc(Date.UTC(2015, 0, 1) + i * DAY)}`, `DTEND:${icsUtc(Date.UTC(2015, 0, 1) + i * DAY + HOUR)}`, `DESCRIPTION:${padding}`]);
  const huge = icsFeed([[`DTSTART:${icsUtc(early)}`, `DTEND:${icsUtc(early + HOUR)}`], ...past, [`DTSTART:${icsUtc(lost)}`, `DTEND:${icsUtc(lost + HOUR)}`]]);

  it('counts as a failing feed at once, through the operator\'s feed alert; what was read still blocks; a smaller feed recovers it', async () => {
    expect(Buffer.byteLength(huge)).toBeGreaterThan(MAX_FEED_BYTES);
    feeds.set('/big.ics', { body: huge, etag: '"big-1"' });
    const { ctx } = await onlyFeed('big');
    await refreshAt(ctx, at(0));
    const cut = await row(ctx, 'big');
    expect(cut.loaded_at).toBe(at(0).toISOString());
    expect(cut.failing_since).toBe(at(0).toISOString());
    expect(String(cut.last_error)).toMatch(/larger than 20 MB/);
    expect(await feedAlerts(ctx, 'big')).toEqual([{ event: 'failing', reason: cut.last_error }]);
    expect(await slotsAt(ctx, at(0), early, early + HOUR)).toEqual([]);
    // The meeting after the cut is not seen: why the operator must hear of it.
    expect((await slotsAt(ctx, at(0), lost, lost + HOUR)).length).toBeGreaterThan(0);

    // Unchanged, it is read in full again (a 304 must not end the failure), and the operator is not told twice.
    const notModified = feeds.notModified('/big.ics');
    await refreshAt(ctx, at(0, 1));
    expect(feeds.notModified('/big.ics') - notModified).toBe(0);
    expect((await row(ctx, 'big')).failing_since).toBe(at(0).toISOString());
    expect(await feedAlerts(ctx, 'big')).toHaveLength(1);

    // The operator trims the calendar: the feed loads whole, the lost meeting blocks, and they hear so once.
    feeds.set('/big.ics', { body: icsFeed([[`DTSTART:${icsUtc(early)}`, `DTEND:${icsUtc(early + HOUR)}`], [`DTSTART:${icsUtc(lost)}`, `DTEND:${icsUtc(lost + HOUR)}`]]), etag: '"big-2"' });
    await refreshAt(ctx, at(0, 2));
    expect((await row(ctx, 'big')).failing_since).toBeNull();
    expect((await feedAlerts(ctx, 'big')).map((a) => a.event)).toEqual(['failing', 'recovered']);
    expect(await slotsAt(ctx, at(0, 2), lost, lost + HOUR)).toEqual([]);
  });
});
