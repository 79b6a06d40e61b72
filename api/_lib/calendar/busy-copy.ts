// The shared copy of the operator's busy times: one row per feed (busy_feeds) and its spans
// (busy_spans), in the database, so every function instance offers the same times. Each instance keeps
// the merged spans in memory keyed on the feeds' versions and loads them again only when a refresh has
// stored a new copy. Reading the versions is one small query; a slots answer (cacheable for 5 s anyway)
// may use one read at most a second old, so under load an instance asks about once a second, while a
// write's re-check always reads inside its own transaction.
import type { Client, Transaction } from '@libsql/client';
import type { BusyFeed } from './feed-list.ts';
import { mergeSpans, type Span } from '../../../src/lib/booking/busy-times.ts';

type Db = Client | Transaction;

/** What the database knows of one feed (the refresh's and the operator report's view). */
export interface FeedRow {
  id: string;
  urlHash: string;
  version: number;
  etag: string | null;
  lastModified: string | null;
  /** Until when the stored spans were expanded (null: unknown, so the next refresh reads the whole feed). */
  coveredUntil: string | null;
  loadedAt: string | null;
  okAt: string | null;
  checkedAt: string | null;
  eventCount: number | null;
  spanCount: number | null;
  warnings: string[];
  lastError: string | null;
  lastErrorAt: string | null;
  failingSince: string | null;
  alertedAt: string | null;
  leaseUntil: string | null;
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const count = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function rowToFeed(row: Record<string, unknown>): FeedRow {
  let warnings: string[] = [];
  try {
    warnings = row.warnings ? (JSON.parse(String(row.warnings)) as string[]) : [];
  } catch {
    // A copy written by hand or by a future version: the report shows no warnings rather than failing.
  }
  return {
    id: String(row.id), urlHash: String(row.url_hash), version: Number(row.version), etag: text(row.etag), lastModified: text(row.last_modified), coveredUntil: text(row.covered_until),
    loadedAt: text(row.loaded_at), okAt: text(row.ok_at), checkedAt: text(row.checked_at), eventCount: count(row.event_count), spanCount: count(row.span_count),
    warnings, lastError: text(row.last_error), lastErrorAt: text(row.last_error_at), failingSince: text(row.failing_since), alertedAt: text(row.alerted_at), leaseUntil: text(row.lease_until),
  };
}

/** The stored rows of the configured feeds, in their configured order (a feed never refreshed has none). */
export async function feedRows(db: Db, feeds: readonly BusyFeed[]): Promise<Map<string, FeedRow>> {
  if (feeds.length === 0) return new Map();
  const result = await db.execute({ sql: 'SELECT * FROM busy_feeds WHERE id IN (SELECT value FROM json_each(?))', args: [JSON.stringify(feeds.map((f) => f.label))] });
  const byId = new Map(result.rows.map((row) => [String(row.id), rowToFeed(row)]));
  return new Map(feeds.flatMap((feed) => (byId.has(feed.label) ? [[feed.label, byId.get(feed.label)!] as const] : [])));
}

/** What deciding on a refresh, and finding the cached spans, needs of a feed's row. */
export interface FeedState {
  id: string;
  version: number;
  urlHash: string;
  checkedAt: string | null;
  loadedAt: string | null;
}

/** How old a read of the feeds' states may be for an answer that only reads (slots, the manage page). */
const RECENT_MS = 1000;
let recent: { at: number; ids: string; states: Map<string, FeedState> } | undefined;

/** Forgets the recent read: this instance has just committed a change to a feed's row. */
export const forgetRecentStates = () => (recent = undefined);

/**
 * The configured feeds' states (a feed never refreshed has none). With `recent`, a read made by this
 * instance less than a second ago serves; without it (inside a write, or waiting on a refresh), the
 * database is asked.
 */
export async function feedStates(db: Db, feeds: readonly BusyFeed[], options: { recent?: boolean } = {}): Promise<Map<string, FeedState>> {
  if (feeds.length === 0) return new Map();
  const ids = JSON.stringify(feeds.map((f) => f.label));
  if (options.recent && recent && recent.ids === ids && Date.now() - recent.at < RECENT_MS) return recent.states;
  const result = await db.execute({ sql: 'SELECT id, version, url_hash, checked_at, loaded_at FROM busy_feeds WHERE id IN (SELECT value FROM json_each(?))', args: [ids] });
  const states = new Map(result.rows.map((row) => [String(row.id), { id: String(row.id), version: Number(row.version), urlHash: String(row.url_hash), checkedAt: text(row.checked_at), loadedAt: text(row.loaded_at) }]));
  if (options.recent) recent = { at: Date.now(), ids, states };
  return states;
}

let cached: { key: string; spans: Span[] } | undefined;

/** Every configured feed's busy spans, merged: what blocks times on the booking page. `recent` as for feedStates. */
export async function operatorBusy(db: Db, feeds: readonly BusyFeed[], options: { recent?: boolean } = {}): Promise<Span[]> {
  if (feeds.length === 0) return [];
  const states = await feedStates(db, feeds, options);
  const key = [...states.values()].map((state) => `${state.id}@${state.version}`).sort().join(',');
  if (cached?.key === key) return cached.spans;
  const ids = JSON.stringify(feeds.map((f) => f.label));
  const rows = await db.execute({ sql: 'SELECT start_at, end_at FROM busy_spans WHERE feed_id IN (SELECT value FROM json_each(?))', args: [ids] });
  const spans = mergeSpans(rows.rows.map((row) => ({ start: Date.parse(String(row.start_at)), end: Date.parse(String(row.end_at)) })));
  // Two reads, no transaction: a refresh between them stores a newer copy under a newer key, so at
  // worst this copy is remembered under the older key and read again on the next request.
  cached = { key, spans };
  return spans;
}

/**
 * Takes the refresh lease of a feed whose copy is older than `staleBefore` (or missing), for `leaseMs`.
 * One statement, so of any number of instances asking at once exactly one gets it.
 */
export async function takeLease(db: Db, feed: BusyFeed, urlHash: string, token: string, now: Date, staleBefore: Date, leaseMs: number): Promise<boolean> {
  const at = now.toISOString();
  const result = await db.execute({
    sql: `INSERT INTO busy_feeds (id, url_hash, lease_token, lease_until, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
          ON CONFLICT(id) DO UPDATE SET lease_token = excluded.lease_token, lease_until = excluded.lease_until
          WHERE (busy_feeds.lease_until IS NULL OR busy_feeds.lease_until <= ?5)
            AND (busy_feeds.checked_at IS NULL OR busy_feeds.checked_at <= ?6 OR busy_feeds.url_hash <> ?2)`,
    args: [feed.label, urlHash, token, new Date(now.getTime() + leaseMs).toISOString(), at, staleBefore.toISOString()],
  });
  return result.rowsAffected === 1;
}

export interface StoredCopy {
  urlHash: string;
  etag: string | null;
  lastModified: string | null;
  /** The end of the window the spans were expanded for; null when it is not known to be whole (cut at the size cap). */
  coveredUntil: string | null;
  eventCount: number;
  spans: Span[];
  warnings: string[];
  /**
   * Why this copy, stored and blocking its times, still counts as a failed load (it was cut): recorded as
   * the error, and the feed stays failing, so the operator is told as for a feed that does not load.
   */
  problem: string | null;
}

/** Replaces a feed's spans with a new copy, if this refresh still holds the lease; false if it lost it. A copy with a problem leaves the feed failing. */
export async function storeCopy(tx: Transaction, feedId: string, token: string, copy: StoredCopy, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const updated = await tx.execute({
    sql: `UPDATE busy_feeds SET version = version + 1, url_hash = ?, etag = ?, last_modified = ?, loaded_at = ?4, ok_at = ?4, checked_at = ?4,
            event_count = ?, span_count = ?, warnings = ?, covered_until = ?, last_error = ?9,
            last_error_at = CASE WHEN ?9 IS NULL THEN last_error_at ELSE ?4 END, failing_since = CASE WHEN ?9 IS NULL THEN NULL ELSE COALESCE(failing_since, ?4) END,
            lease_token = NULL, lease_until = NULL
          WHERE id = ? AND lease_token = ?`,
    args: [copy.urlHash, copy.etag, copy.lastModified, at, copy.eventCount, copy.spans.length, JSON.stringify(copy.warnings), copy.coveredUntil, copy.problem, feedId, token],
  });
  if (updated.rowsAffected !== 1) return false;
  await tx.execute({ sql: 'DELETE FROM busy_spans WHERE feed_id = ?', args: [feedId] });
  const iso = (ms: number) => new Date(ms).toISOString();
  await tx.execute({
    sql: `INSERT INTO busy_spans (feed_id, start_at, end_at) SELECT ?, value ->> 0, value ->> 1 FROM json_each(?)`,
    args: [feedId, JSON.stringify(copy.spans.map((s) => [iso(s.start), iso(s.end)]))],
  });
  return true;
}

/** The feed answered 304: the copy stands (its window too: refresh.ts asks without validators once that runs short), and it is fresh again. */
export async function markUnchanged(tx: Transaction, feedId: string, token: string, urlHash: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const updated = await tx.execute({
    sql: `UPDATE busy_feeds SET url_hash = ?, ok_at = ?2, checked_at = ?2, last_error = NULL, failing_since = NULL, lease_token = NULL, lease_until = NULL
          WHERE id = ? AND lease_token = ?`,
    args: [urlHash, at, feedId, token],
  });
  return updated.rowsAffected === 1;
}

/**
 * The refresh failed: the last good copy stays, the error is recorded, and the feed counts as checked
 * (so a failing feed is tried again after the TTL, not on every request). A changed URL forgets the
 * old one's validators.
 */
export async function markFailed(tx: Transaction, feedId: string, token: string, urlHash: string, error: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const updated = await tx.execute({
    sql: `UPDATE busy_feeds SET
            etag = CASE WHEN url_hash = ?1 THEN etag END, last_modified = CASE WHEN url_hash = ?1 THEN last_modified END, url_hash = ?1,
            checked_at = ?2, last_error = ?3, last_error_at = ?2, failing_since = COALESCE(failing_since, ?2), lease_token = NULL, lease_until = NULL
          WHERE id = ?4 AND lease_token = ?5`,
    args: [urlHash, at, error, feedId, token],
  });
  return updated.rowsAffected === 1;
}

/** Records that the operator was told (or, with null, that the feed recovered and the alert is over). */
export async function markAlerted(tx: Transaction, feedId: string, at: string | null): Promise<void> {
  await tx.execute({ sql: 'UPDATE busy_feeds SET alerted_at = ? WHERE id = ?', args: [at, feedId] });
}
