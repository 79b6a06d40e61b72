// What the operator command reads: subscribers, messages, bookings and the funnel as rows, and CSV that
// spreadsheets open safely (cells starting with = + - @ are prefixed, so an address cannot become a formula).
import type { Client } from '@libsql/client';
import { feedRows } from '../../api/_lib/calendar/busy-copy.ts';
import type { BusyFeed } from '../../api/_lib/calendar/feed-list.ts';
import { isCalendarDate } from '../../src/lib/readiness/dates.ts';
import { bookingContextLabels, computeFunnel, defaultSince, type BookingRow, type Funnel, type PageViewRow, type SignUpRow, type SourceLine } from '../../src/lib/leads/funnel.ts';
import { MINUTE_MS, DAY_MS } from '../../src/lib/time/durations.ts';
import { formatWhen } from '../../src/lib/booking/format.ts';
import { startOfLocalDate } from '../../src/lib/booking/slots.ts';
import { parseStoredContext, summarizeReadiness, summarizeScenario } from '../../src/lib/booking/context.ts';
import { readinessLines, scenarioLines, scenarioPath } from '../../src/lib/booking/context-text.ts';

export type Row = Record<string, string | number | null>;

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'dead', 'cancelled'] as const;

export async function subscribers(db: Client, status?: string): Promise<Row[]> {
  const result = await db.execute({
    sql: `SELECT email, status, source, consent_text_version, consent_at, created_at, confirmed_at, unsubscribed_at,
                 source_page, utm_source, utm_medium, utm_campaign, utm_term, utm_content
          FROM subscribers ${status ? 'WHERE status = ?' : ''} ORDER BY created_at`,
    args: status ? [status] : [],
  });
  return result.rows.map((row) => ({ ...row }) as Row);
}

export async function messages(db: Client, status?: string): Promise<Row[]> {
  const result = await db.execute({
    // The recipient from the stored email (a webhook message has none), so a glance says who got what.
    // json_valid first: json_extract fails the whole list on one payload that does not parse (a dead one).
    sql: `SELECT kind, CASE WHEN json_valid(payload) THEN json_extract(payload, '$.email.to') END AS recipient, status, attempts, next_attempt_at, last_error, idempotency_key, created_at, sent_at
          FROM messages ${status ? 'WHERE status = ?' : ''} ORDER BY created_at`,
    args: status ? [status] : [],
  });
  return result.rows.map((row) => ({ ...row }) as Row);
}

/**
 * Booked calls from a date on (midnight in `timeZone`, the operator's), by start, each led by its start
 * in that zone (`when`) as the operator reads their calendar (`start_at` and `end_at` stay UTC for
 * spreadsheets); with what the visitor brought, summed up as in the operator's email (the calculator's
 * figures and the path that opens it on them, the readiness check's score and blockers), where the lead
 * came from (page, referring host, utm_* values; empty when unknown) and what the operator marked after
 * the call (held or no-show, and when).
 */
export async function bookings(db: Client, fromDate?: string, timeZone = 'UTC'): Promise<Row[]> {
  const result = await db.execute({
    sql: `SELECT start_at, end_at, status, name, email, company, company_size, area, goal, time_zone, sequence,
                 context, created_at, cancelled_at,
                 source_page, source_referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content, outcome, outcome_at
          FROM bookings ${fromDate ? 'WHERE start_at >= ?' : ''} ORDER BY start_at`,
    args: fromDate ? [startOfLocalDate(fromDate, timeZone)] : [],
  });
  return result.rows.map((row) => {
    const start = String(row.start_at);
    const line: Row = { when: formatWhen(start, timeZone, { day: 'short' }) };
    for (const [column, value] of Object.entries(row)) {
      if (column === 'context') Object.assign(line, contextColumns(value === null ? null : String(value), String(row.created_at)));
      else line[column] = value as Row[string];
    }
    return line;
  });
}

/** A booking's stored context as the operator's email sums it up; the readiness check scored on the day the call was booked. */
function contextColumns(context: string | null, createdAt: string): Row {
  const stored = parseStoredContext(context);
  const scenario = stored.scenario === null ? null : summarizeScenario(stored.scenario);
  const readiness = stored.readiness === null ? null : summarizeReadiness(stored.readiness, createdAt.slice(0, 10));
  return {
    calculator: scenario ? scenarioLines(scenario).join('; ') : '',
    calculator_link: scenario ? scenarioPath(scenario) : '',
    readiness: readiness ? readinessLines(readiness).join('; ') : '',
  };
}

/** "4 min", "3 h 5 min", "2 d 4 h": how old a copy is, at a glance. */
function age(fromIso: string | null, now: Date): string {
  if (!fromIso) return '';
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / MINUTE_MS));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} d ${Math.floor((minutes % 1440) / 60)} h`;
}

/**
 * Each configured calendar feed by its label and host (never its URL): whether it loads, when it last
 * did (in `timeZone`, the operator's), how old the copy the booking page uses is, what it holds, and
 * what went wrong last.
 */
export async function calendarReport(db: Client, feeds: readonly BusyFeed[], now: Date, timeZone = 'UTC'): Promise<Row[]> {
  // In the operator's zone, as the bookings list shows its calls.
  const local = (iso: string) => formatWhen(iso, timeZone, { day: 'short' });
  const rows = await feedRows(db, feeds);
  return feeds.map((feed) => {
    const row = rows.get(feed.label);
    const state = !row?.loadedAt ? (row?.lastError ? 'never loaded' : 'not fetched yet') : row.failingSince ? `failing since ${local(row.failingSince)}` : 'ok';
    return {
      feed: feed.label,
      host: feed.host,
      state,
      last_refresh: row?.okAt ? local(row.okAt) : '',
      age: age(row?.okAt ?? null, now),
      events: row?.eventCount ?? '',
      busy_times: row?.spanCount ?? '',
      warnings: row?.warnings.join('; ') ?? '',
      last_error: row?.failingSince || !row?.loadedAt ? (row?.lastError ?? '') : '',
    };
  });
}

// The funnel ----------------------------------------------------------------------------------------

/** The period's first day from `--since`: 7 days before today (UTC) when absent; an error for anything but a real YYYY-MM-DD date. */
export function parseSince(value: string | undefined, now: Date): { since: string } | { error: string } {
  if (value === undefined) return { since: defaultSince(now) };
  return isCalendarDate(value) ? { since: value } : { error: `--since must be a real date written YYYY-MM-DD, such as ${defaultSince(now)} (got "${value}")` };
}

/** One line of a funnel table, and of the funnel's CSV: numbers, null where the column does not apply. */
export interface FunnelLine {
  name: string;
  views: number | null;
  signups: number | null;
  bookings: number | null;
  /** A fraction (0.02 is 2 %); what it divides is said by the section. */
  rate: number | null;
}

type FunnelField = Exclude<keyof FunnelLine, 'name'>;

export interface FunnelSection {
  /** The CSV's `section` value. */
  key: 'pages' | 'utm_source' | 'preset' | 'readiness_band' | 'referrer' | 'calls';
  title: string;
  /** The table's first column. */
  nameHeader: string;
  columns: readonly { field: FunnelField; header: string }[];
  lines: FunnelLine[];
  /** The sum of the lines, printed as the table's last row (CSV section `total`). */
  total?: FunnelLine;
  /** Said instead of a table when there are no lines. */
  empty: string;
  /** A line under the table. */
  note?: string;
}

export interface FunnelReport {
  since: string;
  now: Date;
  funnel: Funnel;
  sections: FunnelSection[];
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Reads the period's page views, confirmed sign-ups and booked calls (src/lib/leads/funnel.ts says what
 * counts) and sums them into the report's sections. The queries start a day early, so a timestamp written
 * in another form is never lost here: the funnel module draws the period's exact edge.
 */
export async function funnelReport(db: Client, since: string, now: Date): Promise<FunnelReport> {
  const dayBefore = new Date(Date.parse(`${since}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  const [viewRows, signUpRows, bookingRows] = await Promise.all([
    db.execute({ sql: `SELECT day, page, utm_source, views FROM page_views WHERE day >= ?`, args: [since] }),
    db.execute({ sql: `SELECT confirmed_at, source_page, utm_source FROM subscribers WHERE confirmed_at >= ?`, args: [dayBefore] }),
    db.execute({
      sql: `SELECT created_at, end_at, status, source_page, source_referrer, utm_source, context, outcome FROM bookings WHERE created_at >= ?`,
      args: [dayBefore],
    }),
  ]);
  const views: PageViewRow[] = viewRows.rows.map((row) => ({ day: String(row.day), page: String(row.page), utmSource: String(row.utm_source ?? ''), views: Number(row.views) }));
  const signUps: SignUpRow[] = signUpRows.rows.map((row) => ({ confirmedAt: text(row.confirmed_at), page: text(row.source_page), utmSource: text(row.utm_source) }));
  const bookingLines: BookingRow[] = bookingRows.rows.map((row) => ({
    createdAt: String(row.created_at),
    endAt: String(row.end_at),
    status: String(row.status),
    page: text(row.source_page),
    referrerHost: text(row.source_referrer),
    utmSource: text(row.utm_source),
    outcome: text(row.outcome),
    ...bookingContextLabels(text(row.context), String(row.created_at)),
  }));
  const funnel = computeFunnel({ since, now, views, signUps, bookings: bookingLines });
  return { since, now, funnel, sections: funnelSections(funnel) };
}

const sourceLine = (line: SourceLine): FunnelLine => ({ name: line.name, views: line.views, signups: line.signUps, bookings: line.bookings, rate: line.rate });
const countLine = (line: { name: string; bookings: number }): FunnelLine => ({ name: line.name, views: null, signups: null, bookings: line.bookings, rate: null });
const SOURCE_COLUMNS = [
  { field: 'views', header: 'views' },
  { field: 'signups', header: 'sign-ups' },
  { field: 'bookings', header: 'bookings' },
  { field: 'rate', header: 'rate' },
] as const;
const BOOKING_COLUMNS = [{ field: 'bookings', header: 'bookings' }] as const;

/** A fraction as a percentage with one decimal ("2.0%"), or "n/a" when there is nothing to divide by. */
export function formatRate(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`;
}

/** The funnel's tables, in the order printed. */
export function funnelSections(funnel: Funnel): FunnelSection[] {
  const { since, calls } = funnel;
  const noBookings = `No bookings since ${since}.`;
  const marked = calls.held + calls.noShow;
  return [
    {
      key: 'pages',
      title: 'Pages: views, and the sign-ups and bookings each page led to',
      nameHeader: 'page',
      columns: SOURCE_COLUMNS,
      lines: funnel.pages.map(sourceLine),
      total: sourceLine(funnel.total),
      empty: `No page views or leads since ${since}.`,
    },
    {
      key: 'utm_source',
      title: 'By utm_source: views, sign-ups and bookings',
      nameHeader: 'utm_source',
      columns: SOURCE_COLUMNS,
      lines: funnel.utmSources.map(sourceLine),
      empty: `No page views or leads since ${since}.`,
    },
    { key: 'preset', title: 'Bookings by calculator preset', nameHeader: 'preset', columns: BOOKING_COLUMNS, lines: funnel.presets.map(countLine), empty: noBookings },
    { key: 'readiness_band', title: 'Bookings by readiness band', nameHeader: 'readiness band', columns: BOOKING_COLUMNS, lines: funnel.bands.map(countLine), empty: noBookings },
    { key: 'referrer', title: 'Bookings by referring site', nameHeader: 'referrer host', columns: BOOKING_COLUMNS, lines: funnel.referrers.map(countLine), empty: noBookings },
    {
      key: 'calls',
      title: 'Calls booked in the period, and what became of them',
      nameHeader: 'calls',
      columns: [
        { field: 'bookings', header: 'count' },
        { field: 'rate', header: 'rate' },
      ],
      lines:
        calls.booked === 0
          ? []
          : [
              { name: 'booked', views: null, signups: null, bookings: calls.booked, rate: null },
              { name: 'cancelled', views: null, signups: null, bookings: calls.cancelled, rate: null },
              { name: 'held', views: null, signups: null, bookings: calls.held, rate: null },
              { name: 'no-show', views: null, signups: null, bookings: calls.noShow, rate: calls.noShowRate },
              { name: 'not marked yet', views: null, signups: null, bookings: calls.notMarked, rate: null },
              { name: 'upcoming', views: null, signups: null, bookings: calls.upcoming, rate: null },
            ],
      empty: `No calls booked since ${since}.`,
      note:
        marked === 0
          ? 'No-show rate: n/a (no call marked held or no-show yet).'
          : `No-show rate: ${formatRate(calls.noShowRate)} (${calls.noShow} of the ${marked} call${marked === 1 ? '' : 's'} marked held or no-show).`,
    },
  ];
}

/** A table cell: a rate as a percentage ("n/a" on a line that has views to divide by but none), a count as it is. */
function cell(line: FunnelLine, field: FunnelField): string | number {
  if (field !== 'rate') return line[field] ?? '';
  return line.rate === null && line.views === null ? '' : formatRate(line.rate);
}

/** The report as text: what counts, then each section's heading and its table, or a line saying it is empty. */
export function funnelText(report: FunnelReport): string {
  const parts = [
    `Funnel since ${report.since} (UTC), until ${report.now.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    'Sign-ups: newsletter addresses confirmed in the period. Bookings: calls booked in the period, cancelled ones included.',
    'Rate: (sign-ups + bookings) / views; n/a without views.',
  ];
  for (const section of report.sections) {
    parts.push('', section.title);
    if (section.lines.length === 0) {
      parts.push(section.empty);
      continue;
    }
    const lines = section.total ? [...section.lines, section.total] : section.lines;
    const rows = lines.map((line) => Object.fromEntries([[section.nameHeader, line.name], ...section.columns.map((c) => [c.header, cell(line, c.field)])]) as Row);
    parts.push(...toTable(rows).trimEnd().split('\n').map((line) => line.trimEnd()));
    if (section.note) parts.push(section.note);
  }
  return parts.join('\n') + '\n';
}

/** The CSV's columns: one line per table row, `section` naming the table (a page table's sum is section `total`). */
export const FUNNEL_CSV_COLUMNS = ['section', 'name', 'views', 'signups', 'bookings', 'rate'] as const;

/**
 * The report as one long-format CSV: section, name, views, signups, bookings, rate. Empty cells are
 * columns a section has not got; rate is a fraction rounded to 4 decimals (0.02 for 2 %): leads / views
 * for pages and utm_source, no-shows / calls marked for the calls' no-show line. An empty period is the
 * header alone.
 */
export function funnelCsv(report: FunnelReport): string {
  const rows: Row[] = [];
  for (const section of report.sections) {
    const lines: { key: string; line: FunnelLine }[] = section.lines.map((line) => ({ key: section.key, line }));
    if (section.total && section.lines.length > 0) lines.push({ key: 'total', line: section.total });
    for (const { key, line } of lines) {
      rows.push({ section: key, name: line.name, views: line.views, signups: line.signups, bookings: line.bookings, rate: line.rate === null ? null : Number(line.rate.toFixed(4)) });
    }
  }
  return toCsv(rows, [...FUNNEL_CSV_COLUMNS]);
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
  // One line per row: a value's own line breaks and tabs (a visitor's goal) would break the columns.
  const cells = [columns, ...rows.map((row) => columns.map((c) => String(row[c] ?? '').replace(/\s+/g, ' ').slice(0, 60)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n') + '\n';
}
