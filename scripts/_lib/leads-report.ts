// What the operator command reads: subscribers and messages as rows, and CSV that spreadsheets open
// safely (cells starting with = + - @ are prefixed, so an address cannot become a formula).
import type { Client } from '@libsql/client';
import { feedRows } from '../../api/_lib/calendar/busy-copy.ts';
import type { BusyFeed } from '../../api/_lib/calendar/feed-list.ts';

export type Row = Record<string, string | number | null>;

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'dead', 'cancelled'] as const;

export async function subscribers(db: Client, status?: string): Promise<Row[]> {
  const result = await db.execute({
    sql: `SELECT email, status, source, consent_text_version, consent_at, created_at, confirmed_at, unsubscribed_at
          FROM subscribers ${status ? 'WHERE status = ?' : ''} ORDER BY created_at`,
    args: status ? [status] : [],
  });
  return result.rows.map((row) => ({ ...row }) as Row);
}

export async function messages(db: Client, status?: string): Promise<Row[]> {
  const result = await db.execute({
    sql: `SELECT kind, status, attempts, next_attempt_at, last_error, idempotency_key, created_at, sent_at
          FROM messages ${status ? 'WHERE status = ?' : ''} ORDER BY created_at`,
    args: status ? [status] : [],
  });
  return result.rows.map((row) => ({ ...row }) as Row);
}

/**
 * Bookings from `fromDate` (YYYY-MM-DD, UTC) on, by start, with what the visitor brought: the
 * calculator scenario and the readiness answers, as the booking stored them (JSON).
 */
export async function bookings(db: Client, fromDate?: string): Promise<Row[]> {
  const result = await db.execute({
    sql: `SELECT start_at, end_at, status, name, email, company, company_size, area, goal, time_zone, sequence,
                 json_extract(context, '$.scenario') AS calculator_scenario, json_extract(context, '$.readiness') AS readiness_answers,
                 created_at, cancelled_at
          FROM bookings ${fromDate ? 'WHERE start_at >= ?' : ''} ORDER BY start_at`,
    args: fromDate ? [`${fromDate}T00:00:00Z`] : [],
  });
  return result.rows.map((row) => ({ ...row }) as Row);
}

/** "4 min", "3 h 5 min", "2 d 4 h": how old a copy is, at a glance. */
function age(fromIso: string | null, now: Date): string {
  if (!fromIso) return '';
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} d ${Math.floor((minutes % 1440) / 60)} h`;
}

/**
 * Each configured calendar feed by its label and host (never its URL): whether it loads, when it last
 * did, how old the copy the booking page uses is, what it holds, and what went wrong last.
 */
export async function calendarReport(db: Client, feeds: readonly BusyFeed[], now: Date): Promise<Row[]> {
  const rows = await feedRows(db, feeds);
  return feeds.map((feed) => {
    const row = rows.get(feed.label);
    const state = !row?.loadedAt ? (row?.lastError ? 'never loaded' : 'not fetched yet') : row.failingSince ? `failing since ${row.failingSince}` : 'ok';
    return {
      feed: feed.label,
      host: feed.host,
      state,
      last_refresh: row?.okAt ?? '',
      age: age(row?.okAt ?? null, now),
      events: row?.eventCount ?? '',
      busy_times: row?.spanCount ?? '',
      warnings: row?.warnings.join('; ') ?? '',
      last_error: row?.failingSince || !row?.loadedAt ? (row?.lastError ?? '') : '',
    };
  });
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Row[], columns = rows[0] ? Object.keys(rows[0]) : []): string {
  return [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c] ?? null)).join(','))].join('\n') + '\n';
}

export function toTable(rows: Row[]): string {
  if (rows.length === 0) return '(none)\n';
  const columns = Object.keys(rows[0]!);
  const cells = [columns, ...rows.map((row) => columns.map((c) => String(row[c] ?? '').slice(0, 60)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n') + '\n';
}
