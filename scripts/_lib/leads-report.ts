// What the operator command reads: subscribers and messages as rows, and CSV that spreadsheets open
// safely (cells starting with = + - @ are prefixed, so an address cannot become a formula).
import type { Client } from '@libsql/client';

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
