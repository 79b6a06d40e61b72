// The funnel report's sums (`npm run leads -- funnel`): which pages, calculator presets, readiness bands,
// referring sites and utm_source values lead to newsletter sign-ups and booked calls, and what became
// of the calls. Pure: plain rows in, numbers out; the words, percentages and CSV are at the edge
// (scripts/_lib/leads-report.ts).
//
// What counts, for a period that runs from `since` (a UTC date, from its midnight) until now:
//   - a view: a page_views row whose day (UTC) is `since` or later, summed over its days and utm_source;
//   - a sign-up: a newsletter address confirmed in the period (confirmed_at from `since` on), whatever
//     it is now (still confirmed, unsubscribed since, or signed up again and pending): an address that
//     never confirmed is not a lead. One per address (the store keeps one row per address);
//   - a booking: a call booked in the period (created_at from `since` on), cancelled ones included,
//     so every "bookings by ..." table adds up to the calls' `booked`;
//   - the rate: (sign-ups + bookings) / views, a fraction (0.02 is 2 %); null when there are no views
//     (a lead from a page with no counted views, or from an unknown page).
// A lead whose page is unknown is listed under UNKNOWN_PAGE; a missing referrer or utm_source under NONE.
import { parseStoredContext, summarizeReadiness } from '../booking/context.ts';
import { presetLabel } from '../roi/labels.ts';
import { fromQuery, scenarioParams } from '../roi/query.ts';
import { DAY_MS } from '../time/durations.ts';

export const UNKNOWN_PAGE = '(unknown page)';
export const NONE = '(none)';
/** A booking without a calculator scenario. */
export const NO_CALCULATOR = 'no calculator';
/** A booking without readiness answers. */
export const NO_READINESS = 'no readiness check';

/** One page_views row: the views of one page on one day (UTC) with one utm_source ('' for none). */
export interface PageViewRow {
  day: string;
  page: string;
  utmSource: string;
  views: number;
}

/** A newsletter subscriber as the funnel needs it. */
export interface SignUpRow {
  /** When the address was confirmed (ISO); null when it never was. */
  confirmedAt: string | null;
  page: string | null;
  utmSource: string | null;
}

/** A booking as the funnel needs it: its source, its context in words, its state. */
export interface BookingRow {
  createdAt: string;
  endAt: string;
  status: string;
  page: string | null;
  referrerHost: string | null;
  utmSource: string | null;
  /** The calculator preset's name (bookingContextLabels), or NO_CALCULATOR. */
  preset: string;
  /** The readiness band's title (bookingContextLabels), or NO_READINESS. */
  band: string;
  /** 'held', 'no-show' or null (not marked). */
  outcome: string | null;
}

export interface FunnelInput {
  /** The first day of the period, 'YYYY-MM-DD' (UTC). */
  since: string;
  now: Date;
  views: readonly PageViewRow[];
  signUps: readonly SignUpRow[];
  bookings: readonly BookingRow[];
}

/** A page's or a utm_source's line: what it was seen and what it led to. */
export interface SourceLine {
  name: string;
  views: number;
  signUps: number;
  bookings: number;
  /** signUps + bookings. */
  leads: number;
  /** leads / views; null when views is 0. */
  rate: number | null;
}

/** A line of a bookings-only table (preset, band, referrer). */
export interface CountLine {
  name: string;
  bookings: number;
}

/** The calls booked in the period: booked = cancelled + held + noShow + notMarked + upcoming. */
export interface Calls {
  booked: number;
  cancelled: number;
  held: number;
  noShow: number;
  /** Confirmed calls that have ended with no outcome marked. */
  notMarked: number;
  /** Confirmed calls that have not ended yet. */
  upcoming: number;
  /** noShow / (held + noShow); null when no call is marked. */
  noShowRate: number | null;
}

export interface Funnel {
  since: string;
  /** By leads, then views, then name. */
  pages: SourceLine[];
  /** Every page together, the unknown page included. */
  total: SourceLine;
  /** Views, sign-ups and bookings by utm_source, ordered as pages. */
  utmSources: SourceLine[];
  /** The following tables count bookings only, most first; each adds up to calls.booked. */
  presets: CountLine[];
  bands: CountLine[];
  referrers: CountLine[];
  calls: Calls;
}

/** The default period's first day: 7 days before `now`'s UTC date. */
export function defaultSince(now: Date): string {
  return new Date(now.getTime() - 7 * DAY_MS).toISOString().slice(0, 10);
}

/** `part / whole` (a fraction, 0.02 for 2 %), or null when `whole` is 0. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * A booking's stored context (the JSON column) in the funnel's words: the calculator preset's name
 * ('Your own workflow' for an edited scenario) and the readiness band's title, scored on the day the
 * call was booked (UTC). Never throws: a context that cannot be read counts as neither.
 */
export function bookingContextLabels(context: string | null, createdAt: string): { preset: string; band: string } {
  const stored = parseStoredContext(context);
  const scenario = stored.scenario === null ? null : scenarioParams(new URLSearchParams(stored.scenario.replace(/^\?/, '')));
  const readiness = stored.readiness === null ? null : summarizeReadiness(stored.readiness, createdAt.slice(0, 10));
  return {
    preset: scenario ? presetLabel(fromQuery(scenario).inputs.preset) : NO_CALCULATOR,
    band: readiness?.band ?? NO_READINESS,
  };
}

/** From `since`'s UTC midnight on (timestamps compared as instants, whatever their written form). */
function fromSince(since: string): (iso: string | null) => boolean {
  const start = Date.parse(`${since}T00:00:00Z`);
  return (iso) => iso !== null && Date.parse(iso) >= start;
}

interface Tally {
  views: number;
  signUps: number;
  bookings: number;
}

function add(map: Map<string, Tally>, name: string, part: Partial<Tally>): void {
  const tally = map.get(name) ?? { views: 0, signUps: 0, bookings: 0 };
  tally.views += part.views ?? 0;
  tally.signUps += part.signUps ?? 0;
  tally.bookings += part.bookings ?? 0;
  map.set(name, tally);
}

function sourceLine(name: string, tally: Tally): SourceLine {
  const leads = tally.signUps + tally.bookings;
  return { name, ...tally, leads, rate: ratio(leads, tally.views) };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function sourceLines(map: Map<string, Tally>): SourceLine[] {
  return [...map].map(([name, tally]) => sourceLine(name, tally)).sort((a, b) => b.leads - a.leads || b.views - a.views || byName(a, b));
}

function countLines(names: readonly string[]): CountLine[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, bookings]) => ({ name, bookings })).sort((a, b) => b.bookings - a.bookings || byName(a, b));
}

/** The funnel of the period from `since` on: rows outside it are left out here, whatever the caller read. */
export function computeFunnel(input: FunnelInput): Funnel {
  const inPeriod = fromSince(input.since);
  const views = input.views.filter((row) => row.day >= input.since);
  const signUps = input.signUps.filter((row) => inPeriod(row.confirmedAt));
  const bookings = input.bookings.filter((row) => inPeriod(row.createdAt));

  const pages = new Map<string, Tally>();
  const utm = new Map<string, Tally>();
  for (const row of views) {
    add(pages, row.page, { views: row.views });
    add(utm, row.utmSource || NONE, { views: row.views });
  }
  for (const row of signUps) {
    add(pages, row.page ?? UNKNOWN_PAGE, { signUps: 1 });
    add(utm, row.utmSource ?? NONE, { signUps: 1 });
  }
  for (const row of bookings) {
    add(pages, row.page ?? UNKNOWN_PAGE, { bookings: 1 });
    add(utm, row.utmSource ?? NONE, { bookings: 1 });
  }
  const total = sourceLine('(all pages)', {
    views: views.reduce((sum, row) => sum + row.views, 0),
    signUps: signUps.length,
    bookings: bookings.length,
  });

  const now = input.now.getTime();
  const calls: Calls = { booked: bookings.length, cancelled: 0, held: 0, noShow: 0, notMarked: 0, upcoming: 0, noShowRate: null };
  for (const row of bookings) {
    if (row.status === 'cancelled') calls.cancelled += 1;
    else if (row.outcome === 'held') calls.held += 1;
    else if (row.outcome === 'no-show') calls.noShow += 1;
    else if (Date.parse(row.endAt) <= now) calls.notMarked += 1;
    else calls.upcoming += 1;
  }
  calls.noShowRate = ratio(calls.noShow, calls.held + calls.noShow);

  return {
    since: input.since,
    pages: sourceLines(pages),
    total,
    utmSources: sourceLines(utm),
    presets: countLines(bookings.map((row) => row.preset)),
    bands: countLines(bookings.map((row) => row.band)),
    referrers: countLines(bookings.map((row) => row.referrerHost ?? NONE)),
    calls,
  };
}
