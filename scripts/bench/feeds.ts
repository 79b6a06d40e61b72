// GET /api/slots with and without the operator's calendar feeds: the same 31-day target as the `http`
// part, each run on a fresh server (fresh DATA_DIR, the same settings but BOOKING_BUSY_FEEDS). A feed
// run reads two generated feeds of 500 events each from a loopback calendar host, and is warmed until
// both copies are stored, so the measured period reads the stored copy (a refresh would come only after
// BOOKING_BUSY_TTL_SECONDS, 300 s by default, far past the run). These feeds block most of the month's
// times, so their answer is shorter; a control run serves the same feeds with every meeting moved to
// the evening (as many events, nothing blocked, the full-size answer), to show what reading the feeds
// costs apart from the shorter answer.
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { Temporal } from 'temporal-polyfill';
import { generateFeed, startCalendarHost } from './calendar-feeds.ts';
import { slotsTarget } from './http-targets.ts';
import { loadTarget, startBenchServer, type BenchServer, type ThroughputRow } from './http-throughput.ts';

export const FEED_EVENTS = 500;
export const FEED_DAYS = 45;
export const WARMUP_SECONDS = 2;
const FEED_LABELS = ['work', 'team'];
const EVENING_LABELS = FEED_LABELS.map((label) => `${label}-evenings`);

export interface FeedRun {
  row: ThroughputRow;
  /** Slots in the target's 31-day answer, asked once before the load. */
  slots: number;
  /** Rows in busy_spans and the events the refresh counted (0 without feeds). */
  busySpans: number;
  events: number;
  /** Requests the calendar host answered while the load ran (0: every request read the stored copy). */
  feedFetchesDuringLoad: number;
}

/** One round: the three runs, each on its own fresh server. */
export interface FeedsRound {
  withoutFeeds: FeedRun;
  withFeeds: FeedRun;
  /** The control: the same feeds with every meeting in the evening, blocking no bookable time. */
  eveningFeeds: FeedRun;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function slotCount(server: BenchServer): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${server.port}${slotsTarget.path}`);
  if (!response.ok) throw new Error(`GET ${slotsTarget.path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return ((await response.json()) as { slots: unknown[] }).slots.length;
}

/** Waits until every feed's copy is stored (busy_feeds.loaded_at), then counts what was stored. */
async function storedCopy(server: BenchServer, feeds: number, timeoutMs = 20_000): Promise<{ busySpans: number; events: number }> {
  const db = createClient({ url: `file:${join(server.dataDir, 'site.db')}` });
  try {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const loaded = await db.execute('SELECT COUNT(*) AS n, SUM(event_count) AS events FROM busy_feeds WHERE loaded_at IS NOT NULL').catch(() => undefined);
      if (loaded && Number(loaded.rows[0]!.n) === feeds) {
        const spans = await db.execute('SELECT COUNT(*) AS n FROM busy_spans');
        return { busySpans: Number(spans.rows[0]!.n), events: Number(loaded.rows[0]!.events) };
      }
      if (Date.now() > until) {
        const rows = await db.execute('SELECT id, loaded_at, last_error FROM busy_feeds').catch(() => undefined);
        throw new Error(`the feeds' copies were not stored within ${timeoutMs / 1000} s: ${JSON.stringify(rows?.rows ?? 'no busy_feeds table')}`);
      }
      await sleep(100);
    }
  } finally {
    db.close();
  }
}

interface Feeds {
  setting: string;
  count: number;
  fetches: () => number;
}

async function run(seconds: number, connections: number, name: string, feeds: Feeds | undefined, profile: string | undefined): Promise<FeedRun> {
  const server = await startBenchServer({
    // Without feeds, an inherited BOOKING_BUSY_FEEDS is removed: the runs differ in this setting only.
    env: { BOOKING_BUSY_FEEDS: feeds?.setting },
    nodeArgs: profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [],
  });
  try {
    // The same warm-up in both runs: a first request (with feeds it starts the refresh and waits for
    // it, since no copy was ever loaded), then one more that counts the slots.
    await slotCount(server);
    const copy = feeds ? await storedCopy(server, feeds.count) : { busySpans: 0, events: 0 };
    const slots = await slotCount(server);
    // Then the same unmeasured load in every run, so the JIT has settled on the request path before it is timed.
    await loadTarget(server, slotsTarget, WARMUP_SECONDS, connections);
    const fetchesBefore = feeds?.fetches() ?? 0;
    const row = await loadTarget(server, { ...slotsTarget, name }, seconds, connections);
    return { row, slots, ...copy, feedFetchesDuringLoad: (feeds?.fetches() ?? 0) - fetchesBefore };
  } finally {
    await server.stop();
  }
}

/**
 * `rounds` rounds of the three runs. One 5-second run on a shared 2-core machine varies by 20% or more
 * from one fresh server to the next, so the ratio is read from several rounds; the order of the runs
 * alternates between rounds, so no configuration always runs first.
 */
export async function measureFeeds({ seconds = 5, connections = 50, rounds = 3, profileDir = process.env.BENCH_CPU_PROF || undefined } = {}): Promise<FeedsRound[]> {
  // Operator-local days from today, as the refresh expands them (it keeps what lies ahead of now).
  const today = Temporal.Now.plainDateISO('Europe/Berlin');
  const feed = (label: string, i: number, placement: 'working-hours' | 'evenings') => [label, generateFeed({ events: FEED_EVENTS, days: FEED_DAYS, today, seed: 1 + i, name: label, placement })];
  const host = await startCalendarHost(Object.fromEntries([...FEED_LABELS.map((l, i) => feed(l, i, 'working-hours')), ...EVENING_LABELS.map((l, i) => feed(l, i, 'evenings'))]));
  const feeds = (labels: string[]): Feeds => ({
    setting: host.busyFeedsSetting(labels),
    count: labels.length,
    fetches: () => labels.reduce((sum, label) => sum + host.fetches.get(label)!, 0),
  });
  const runs = {
    withoutFeeds: { name: 'no feeds', feeds: undefined },
    withFeeds: { name: `${FEED_LABELS.length} feeds x ${FEED_EVENTS} events`, feeds: feeds(FEED_LABELS) },
    eveningFeeds: { name: 'control: the same, all in the evening', feeds: feeds(EVENING_LABELS) },
  } satisfies Record<keyof FeedsRound, { name: string; feeds: Feeds | undefined }>;
  const results: FeedsRound[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const order = Object.keys(runs) as (keyof FeedsRound)[];
      if (round % 2 === 1) order.reverse();
      const result: Partial<FeedsRound> = {};
      for (const key of order) {
        const { name, feeds } = runs[key];
        result[key] = await run(seconds, connections, name, feeds, profileDir ? join(profileDir, `${key}-round${round + 1}`) : undefined);
      }
      results.push(result as FeedsRound);
    }
    return results;
  } finally {
    await host.close();
  }
}
