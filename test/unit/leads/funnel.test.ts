// The funnel report's sums on a small hand-built week, every expected number worked out by hand in the
// comments: what counts in the period, the rate per page and per utm_source, the bookings tables and
// what became of the calls.
import { describe, expect, it } from 'vitest';
import {
  NO_CALCULATOR,
  NO_READINESS,
  UNKNOWN_PAGE,
  bookingContextLabels,
  computeFunnel,
  defaultSince,
  ratio,
  type BookingRow,
  type FunnelInput,
  type PageViewRow,
  type SignUpRow,
} from '../../../src/lib/leads/funnel.ts';

const READY = 'Ready for a 30-day build';
const FIX = 'Fix the named gaps first';

const views: PageViewRow[] = [
  { day: '2026-11-26', page: '/blog/a', utmSource: '', views: 500 }, // the day before: left out
  { day: '2026-11-27', page: '/blog/a', utmSource: '', views: 120 },
  { day: '2026-11-28', page: '/blog/a', utmSource: 'news', views: 80 }, // /blog/a: 120 + 80 = 200
  { day: '2026-11-28', page: '/calculator', utmSource: '', views: 50 },
  { day: '2026-11-29', page: '/calculator', utmSource: 'news', views: 50 }, // /calculator: 100
  { day: '2026-11-30', page: '/about', utmSource: '', views: 30 }, // /about: 30, no leads
];

const signUps: SignUpRow[] = [
  { confirmedAt: '2026-11-27T08:00:00Z', page: '/blog/a', utmSource: null },
  { confirmedAt: '2026-11-28T09:00:00.000Z', page: '/blog/a', utmSource: 'news' },
  { confirmedAt: '2026-11-29T10:00:00Z', page: '/blog/a', utmSource: null }, // /blog/a: 3 sign-ups
  { confirmedAt: '2026-11-26T23:59:59.999Z', page: '/blog/a', utmSource: null }, // confirmed before the period
  { confirmedAt: null, page: '/blog/a', utmSource: null }, // never confirmed: not a lead
  { confirmedAt: '2026-12-01T00:00:00Z', page: null, utmSource: 'mail' }, // unknown page
];

const booking = (over: Partial<BookingRow>): BookingRow => ({
  createdAt: '2026-11-28T10:00:00Z',
  endAt: '2026-12-02T10:20:00Z',
  status: 'confirmed',
  page: null,
  referrerHost: null,
  utmSource: null,
  preset: NO_CALCULATOR,
  band: NO_READINESS,
  outcome: null,
  ...over,
});

const bookings: BookingRow[] = [
  // held
  booking({ page: '/blog/a', referrerHost: 'news.ycombinator.com', utmSource: 'news', preset: 'CRM cleanup', band: READY, outcome: 'held' }),
  // no-show
  booking({ createdAt: '2026-11-29T10:00:00Z', endAt: '2026-12-03T10:20:00Z', page: '/calculator', preset: 'CRM cleanup', outcome: 'no-show' }),
  // cancelled (an outcome on a cancelled call does not count)
  booking({ createdAt: '2026-11-30T10:00:00Z', endAt: '2026-12-05T10:20:00Z', status: 'cancelled', page: '/calculator', outcome: 'held' }),
  // ended, not marked yet
  booking({ createdAt: '2026-12-01T10:00:00Z', endAt: '2026-12-03T15:00:00Z', referrerHost: 'www.google.com', utmSource: 'google', band: FIX }),
  // upcoming
  booking({ createdAt: '2026-12-02T10:00:00Z', endAt: '2026-12-08T10:20:00Z', page: '/calculator', utmSource: 'news', preset: 'Document intake' }),
  // booked before the period: left out everywhere
  booking({ createdAt: '2026-11-20T10:00:00Z', page: '/blog/a', outcome: 'held' }),
];

const input: FunnelInput = { since: '2026-11-27', now: new Date('2026-12-04T12:00:00Z'), views, signUps, bookings };

describe('the funnel', () => {
  const funnel = computeFunnel(input);

  it('gives each page its views, sign-ups, bookings and rate, by leads then views', () => {
    expect(funnel.pages).toEqual([
      // (3 + 1) / 200
      { name: '/blog/a', views: 200, signUps: 3, bookings: 1, leads: 4, rate: 0.02 },
      // (0 + 3) / 100
      { name: '/calculator', views: 100, signUps: 0, bookings: 3, leads: 3, rate: 0.03 },
      // leads with no page: no views to divide by
      { name: UNKNOWN_PAGE, views: 0, signUps: 1, bookings: 1, leads: 2, rate: null },
      // views and no leads: listed too
      { name: '/about', views: 30, signUps: 0, bookings: 0, leads: 0, rate: 0 },
    ]);
    // 200 + 100 + 30 views; 4 sign-ups; 5 bookings; 9 / 330.
    expect(funnel.total).toEqual({ name: '(all pages)', views: 330, signUps: 4, bookings: 5, leads: 9, rate: 9 / 330 });
  });

  it('gives each utm_source its views, sign-ups, bookings and rate', () => {
    expect(funnel.utmSources).toEqual([
      // views 120 + 50 + 30; sign-ups 2 (no utm); bookings: the no-show and the cancelled call
      { name: '(none)', views: 200, signUps: 2, bookings: 2, leads: 4, rate: 0.02 },
      // views 80 + 50; 1 sign-up; the held call and the upcoming one
      { name: 'news', views: 130, signUps: 1, bookings: 2, leads: 3, rate: 3 / 130 },
      // no views, one lead each: by name
      { name: 'google', views: 0, signUps: 0, bookings: 1, leads: 1, rate: null },
      { name: 'mail', views: 0, signUps: 1, bookings: 0, leads: 1, rate: null },
    ]);
  });

  it('counts the bookings by preset, readiness band and referring site, most first', () => {
    expect(funnel.presets).toEqual([
      { name: 'CRM cleanup', bookings: 2 },
      { name: NO_CALCULATOR, bookings: 2 },
      { name: 'Document intake', bookings: 1 },
    ]);
    expect(funnel.bands).toEqual([
      { name: NO_READINESS, bookings: 3 },
      { name: FIX, bookings: 1 },
      { name: READY, bookings: 1 },
    ]);
    expect(funnel.referrers).toEqual([
      { name: '(none)', bookings: 3 },
      { name: 'news.ycombinator.com', bookings: 1 },
      { name: 'www.google.com', bookings: 1 },
    ]);
    // Every bookings table counts each call booked in the period once.
    const sum = (lines: { bookings: number }[]) => lines.reduce((total, line) => total + line.bookings, 0);
    for (const lines of [funnel.presets, funnel.bands, funnel.referrers, funnel.utmSources, funnel.pages]) expect(sum(lines)).toBe(funnel.calls.booked);
  });

  it('says what became of the calls, with the no-show rate of the calls marked', () => {
    // 1 no-show of 2 marked; booked = cancelled + held + no-show + not marked + upcoming.
    expect(funnel.calls).toEqual({ booked: 5, cancelled: 1, held: 1, noShow: 1, notMarked: 1, upcoming: 1, noShowRate: 0.5 });
  });

  it('counts a call ending exactly now as ended, and marks nothing while no call is marked', () => {
    const calls = computeFunnel({ ...input, views: [], signUps: [], bookings: [booking({ endAt: '2026-12-04T12:00:00Z' })] }).calls;
    expect(calls).toEqual({ booked: 1, cancelled: 0, held: 0, noShow: 0, notMarked: 1, upcoming: 0, noShowRate: null });
  });

  it('gives an empty period empty tables and zero totals', () => {
    const empty = computeFunnel({ ...input, since: '2026-12-03' });
    expect(empty).toEqual({
      since: '2026-12-03',
      pages: [],
      total: { name: '(all pages)', views: 0, signUps: 0, bookings: 0, leads: 0, rate: null },
      utmSources: [],
      presets: [],
      bands: [],
      referrers: [],
      calls: { booked: 0, cancelled: 0, held: 0, noShow: 0, notMarked: 0, upcoming: 0, noShowRate: null },
    });
  });
});

describe('the funnel helpers', () => {
  it('divides, or says there is nothing to divide by', () => {
    expect(ratio(3 + 1, 200)).toBe(0.02);
    expect(ratio(2, 0)).toBeNull();
    expect(ratio(0, 30)).toBe(0);
  });

  it('starts the default period 7 days before today (UTC)', () => {
    expect(defaultSince(new Date('2026-12-04T00:30:00Z'))).toBe('2026-11-27');
    expect(defaultSince(new Date('2026-03-01T23:59:00Z'))).toBe('2026-02-22');
  });

  it('names a booking’s preset and readiness band from its stored context, never throwing', () => {
    const answers = { area: 'documents', workflowName: 'Supplier invoice intake' };
    expect(bookingContextLabels(JSON.stringify({ scenario: 'p=crm-cleanup&n=10', readiness: answers }), '2026-11-28T10:00:00Z')).toEqual({
      preset: 'CRM cleanup',
      band: 'Map the process before any AI',
    });
    expect(bookingContextLabels(JSON.stringify({ scenario: '?p=custom&n=10', readiness: {} }), '2026-11-28T10:00:00Z')).toEqual({ preset: 'Your own workflow', band: NO_READINESS });
    // A query string with none of the calculator's keys is no scenario.
    expect(bookingContextLabels(JSON.stringify({ scenario: 'utm_source=x' }), '2026-11-28T10:00:00Z')).toEqual({ preset: NO_CALCULATOR, band: NO_READINESS });
    for (const context of [null, '', 'not json', '[1]', '{"readiness":"junk","scenario":5}']) {
      expect(bookingContextLabels(context, '2026-11-28T10:00:00Z')).toEqual({ preset: NO_CALCULATOR, band: NO_READINESS });
    }
  });
});
