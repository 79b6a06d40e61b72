// Keeping the shared copy of the operator's busy times fresh, without stampedes: a copy older than its
// allowed age is refreshed by the one request that takes the feed's lease (busy-copy.ts); every other
// request, on any instance, reads the last good copy meanwhile. A refresh fetches (conditional GET, 5 s,
// 20 MB), parses (only here, never per slots request), drops our own calls that came back through the
// operator's calendar, and stores the spans in one write. The spans reach only as far as the horizon
// did at that parse, so the validators are left out (a full fetch) once they no longer reach past
// today's horizon: a 304 says the file is unchanged, not that the copy covers the days now bookable.
// A failure keeps the last good copy, records the error, and tells the operator once it has lasted an
// hour (at once for a feed that never loaded: then the booking page cannot see that calendar at all),
// and once when it loads again. A feed cut at the size cap is stored (what was read blocks) but counts
// as failing, and the operator is told at once: the cut follows the file's order, not the dates, so
// upcoming events after it read as free, and waiting does not mend a feed that is too large.
import { randomUUID } from 'node:crypto';
import type { Transaction } from '@libsql/client';
import { keepAlive } from '../runtime/background.ts';
import type { ApiContext } from '../runtime/context.ts';
import { deliverInBackground } from '../mail/deliver.ts';
import { queueOperatorAlert } from '../mail/queue-operator-alert.ts';
import { keyedHash } from '../signing/tokens.ts';
import { busyFromIcs } from './busy-from-ics.ts';
import { feedRows, feedStates, forgetRecentStates, markAlerted, markFailed, markUnchanged, storeCopy, takeLease, type FeedRow, type FeedState, type StoredCopy } from './busy-copy.ts';
import { FEED_TIMEOUT_MS, MAX_FEED_BYTES, fetchFeed } from './fetch-feed.ts';
import type { BusyFeed } from './feed-list.ts';
import { mergeSpans } from '../../../src/lib/booking/busy-times.ts';
import { MINUTE_MS, HOUR_MS, DAY_MS } from '../../../src/lib/time/durations.ts';

/** A booking (or a move) refreshes a copy older than this before its write. */
export const BOOKING_MAX_AGE_MS = MINUTE_MS;
/** A refresh that has not finished in this long (a crashed instance) lets another one take over. */
const LEASE_MS = MINUTE_MS;
/** A feed failing this long (after having loaded) is worth an email to the operator. */
const ALERT_AFTER_MS = HOUR_MS;
/** Spans kept per feed: a real calendar has a few hundred in the horizon. */
const MAX_SPANS_PER_FEED = 10_000;
/** A copy's spans are expanded this far past the booking horizon. */
const WINDOW_MARGIN_DAYS = 2;
/**
 * A 304 keeps a copy only while its window reaches at least this far past the horizon (the last
 * offered call and its buffers end within a day of it): an unchanged feed is parsed again about daily.
 */
const REFETCH_MARGIN_DAYS = 1;

/** The feed's URL as stored: a keyed hash, so a changed URL is noticed without keeping the secret (remembered: every slots request asks). */
const hashes = new Map<string, string>();
function urlHash(ctx: ApiContext, feed: BusyFeed): string {
  const key = `${ctx.secret}\0${feed.url}`;
  let hash = hashes.get(key);
  if (hash === undefined) {
    hash = keyedHash(ctx.secret, 'busy-feed-url', feed.url);
    hashes.set(key, hash);
  }
  return hash;
}

const isStale = (row: Pick<FeedState, 'checkedAt' | 'urlHash'> | undefined, hash: string, staleBefore: Date) =>
  !row || !row.checkedAt || row.urlHash !== hash || Date.parse(row.checkedAt) <= staleBefore.getTime();

export interface RefreshOptions {
  maxAgeMs: number;
  now?: Date;
}

/**
 * Refreshes every configured feed whose copy is older than `maxAgeMs` and whose lease is free.
 * Resolves once the refreshes this call took have finished; never rejects (failures are recorded).
 */
export async function refreshStaleFeeds(ctx: ApiContext, options: RefreshOptions): Promise<void> {
  const feeds = ctx.config.busyFeeds;
  if (feeds.length === 0) return;
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - options.maxAgeMs);
  try {
    const rows = await feedRows(ctx.db, feeds);
    await Promise.all(
      feeds.map(async (feed) => {
        const row = rows.get(feed.label);
        const hash = urlHash(ctx, feed);
        if (!isStale(row, hash, staleBefore)) return;
        const token = randomUUID();
        if (!(await takeLease(ctx.db, feed, hash, token, now, staleBefore, LEASE_MS))) return;
        await refreshFeed(ctx, feed, row, hash, token, now);
      }),
    );
  } catch (error) {
    // The database itself failed: the copy stays as it was, and the next request tries again.
    console.error('[calendar] refreshing the busy feeds failed:', (error as Error).message);
  }
}

export interface FreshnessOptions extends RefreshOptions {
  /** Wait for the refresh (at most the fetch timeout): always (a booking), or only while a feed has never loaded. */
  wait: 'always' | 'if-never-loaded';
}

/**
 * Starts a refresh of stale feeds and waits as `wait` says, never longer than the fetch timeout; the
 * refresh goes on after that (on Vercel too) and the caller reads whatever copy is stored by then.
 */
export async function freshenFeeds(ctx: ApiContext, options: FreshnessOptions): Promise<void> {
  const feeds = ctx.config.busyFeeds;
  if (feeds.length === 0) return;
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - options.maxAgeMs);
  // A read that only shows times may decide on a state a second old; a booking asks the database.
  const rows = await feedStates(ctx.db, feeds, { recent: options.wait !== 'always' });
  const stale = feeds.filter((feed) => isStale(rows.get(feed.label), urlHash(ctx, feed), staleBefore));
  if (stale.length === 0) return;
  const run = refreshStaleFeeds(ctx, { ...options, now });
  keepAlive(run);
  const neverLoaded = stale.some((feed) => !rows.get(feed.label)?.loadedAt);
  if (options.wait === 'always' || neverLoaded) {
    // The refresh may be another request's (it holds the lease): then wait for its outcome in the database.
    const deadline = Date.now() + FEED_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([run.then(() => refreshedByAnyone(ctx, stale, staleBefore, deadline)), new Promise((resolve) => (timer = setTimeout(resolve, FEED_TIMEOUT_MS)))]);
    clearTimeout(timer);
  }
}

/** Resolves once every feed in `feeds` has a copy newer than `staleBefore` (or its failure recorded), or at `deadline`. */
async function refreshedByAnyone(ctx: ApiContext, feeds: readonly BusyFeed[], staleBefore: Date, deadline: number): Promise<void> {
  for (;;) {
    const rows = await feedStates(ctx.db, feeds);
    if (feeds.every((feed) => !isStale(rows.get(feed.label), urlHash(ctx, feed), staleBefore))) return;
    if (Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Outcome = { ok: true; copy?: StoredCopy } | { ok: false; error: string };

async function refreshFeed(ctx: ApiContext, feed: BusyFeed, before: FeedRow | undefined, hash: string, token: string, now: Date): Promise<void> {
  const outcome = await fetchAndParse(ctx, feed, before, hash, now);
  const problem = outcome.ok ? (outcome.copy?.problem ?? null) : null;
  if (problem) console.warn(`[calendar] feed "${feed.label}" (${feed.host}) was stored cut short: ${problem}`);
  if (!outcome.ok) console.warn(`[calendar] feed "${feed.label}" (${feed.host}) could not be refreshed: ${outcome.error}. ${before?.loadedAt ? 'The last good copy stays.' : 'It has never loaded: times are offered without it.'}`);
  let queued = 0;
  await ctx.writes.run(async (tx) => {
    const recorded = !outcome.ok
      ? await markFailed(tx, feed.label, token, hash, outcome.error, now)
      : outcome.copy
        ? await storeCopy(tx, feed.label, token, outcome.copy, now)
        : await markUnchanged(tx, feed.label, token, hash, now);
    // A refresh that outlived its lease leaves the row to the one that took it over.
    if (recorded) queued = await alertIfDue(ctx, tx, feed, before, now, problem !== null);
  });
  forgetRecentStates();
  deliverInBackground(ctx, queued);
}

async function fetchAndParse(ctx: ApiContext, feed: BusyFeed, before: FeedRow | undefined, hash: string, now: Date): Promise<Outcome> {
  try {
    const sameUrl = before?.urlHash === hash;
    const { horizonDays } = ctx.config.booking;
    // A copy from before its window was recorded (null) or one running short is read again in full.
    const covers = before?.coveredUntil != null && Date.parse(before.coveredUntil) >= now.getTime() + (horizonDays + REFETCH_MARGIN_DAYS) * DAY_MS;
    const fetched = await fetchFeed(feed.url, sameUrl && covers ? { etag: before.etag, lastModified: before.lastModified } : {});
    // 304, or a 304-like answer to a copy that never loaded (nothing to keep): nothing new to store.
    if (!fetched.changed) return before?.loadedAt ? { ok: true } : { ok: false, error: 'the server answered 304 Not Modified, but no copy was ever stored' };
    const to = now.getTime() + (horizonDays + WINDOW_MARGIN_DAYS) * DAY_MS;
    const parsed = busyFromIcs(fetched.text, {
      from: now.getTime(),
      to,
      timeZone: ctx.config.booking.timeZone,
      maxSpans: MAX_SPANS_PER_FEED,
      owner: { fromUrl: feed.owner, configured: ctx.config.operatorEmail },
    });
    // The site's own calls come back in the operator's calendar once they accept the invite: they
    // must not block themselves (a move, or the time freed by a cancel).
    const uids = [...new Set(parsed.spans.map((s) => s.uid).filter((uid) => uid !== ''))];
    const ours = new Set((await ctx.db.execute({ sql: 'SELECT uid FROM bookings WHERE uid IN (SELECT value FROM json_each(?))', args: [JSON.stringify(uids)] })).rows.map((row) => String(row.uid)));
    const mb = MAX_FEED_BYTES / 1024 / 1024;
    const warnings = [...(fetched.truncated ? [`the feed is larger than ${mb} MB; only its first ${mb} MB were read`] : []), ...parsed.warnings];
    // A cut copy covers no window for sure, so the next refresh reads the feed in full again rather
    // than take a 304 as the end of the failure.
    const problem = fetched.truncated
      ? `the feed is larger than ${mb} MB, so only its first ${mb} MB were read: events after the cut (in the file's order, not by date) are not seen, and their times may be offered; delete old events or move them to another calendar to bring it under ${mb} MB`
      : null;
    return {
      ok: true,
      copy: {
        urlHash: hash, etag: fetched.etag, lastModified: fetched.lastModified, coveredUntil: problem ? null : new Date(to).toISOString(), eventCount: parsed.events,
        spans: mergeSpans(parsed.spans.filter((s) => !ours.has(s.uid))), warnings, problem,
      },
    };
  } catch (error) {
    return { ok: false, error: (error as Error).message.slice(0, 300) };
  }
}

/**
 * Queues the operator's email (and webhook message) when a failure is due one, or a recovery after one;
 * returns how many. `atOnce`: no hour of grace for a failure that waiting does not mend (a feed cut at
 * the size cap).
 */
async function alertIfDue(ctx: ApiContext, tx: Transaction, feed: BusyFeed, before: FeedRow | undefined, now: Date, atOnce: boolean): Promise<number> {
  const row = (await feedRows(tx, [feed])).get(feed.label);
  if (!row) return 0;
  const named = { label: feed.label, host: feed.host };

  if (row.failingSince && !row.alertedAt) {
    const longEnough = now.getTime() - Date.parse(row.failingSince) >= ALERT_AFTER_MS;
    if (!longEnough && row.loadedAt && !atOnce) return 0;
    await markAlerted(tx, feed.label, now.toISOString());
    const event = { type: 'calendar.feed-failing' as const, feed: named, since: row.failingSince, reason: row.lastError, lastLoadedAt: row.loadedAt };
    return queueOperatorAlert(ctx, tx, `busy-feed-${feed.label}-failing-${row.failingSince}`, event, now);
  }
  if (!row.failingSince && row.alertedAt) {
    await markAlerted(tx, feed.label, null);
    const since = before?.failingSince ?? row.alertedAt;
    return queueOperatorAlert(ctx, tx, `busy-feed-${feed.label}-recovered-${since}`, { type: 'calendar.feed-recovered', feed: named, since }, now);
  }
  return 0;
}
