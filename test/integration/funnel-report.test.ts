// `npm run leads -- funnel` on a migrated database: the rows of a week read back by SQL and summed
// (page views, confirmed sign-ups, calls booked and what became of them), printed as tables and as one
// long CSV that a spreadsheet opens safely; an empty period said in words; a bad --since refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { getDb } from '../../api/_lib/store/db.ts';
import { bookings, funnelCsv, funnelReport, funnelText } from '../../scripts/_lib/leads-report.ts';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'funnel-'));
let db: Client;

const leads = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/leads.ts', ...args], { cwd: root, env: { PATH: process.env.PATH, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 30_000 });

interface BookingFixture {
  id: string;
  createdAt: string;
  endAt: string;
  status?: 'confirmed' | 'cancelled';
  page?: string | null;
  referrer?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  context?: unknown;
  outcome?: 'held' | 'no-show' | null;
}

async function insertBooking(b: BookingFixture): Promise<void> {
  const startAt = new Date(Date.parse(b.endAt) - 20 * 60_000).toISOString();
  await db.execute({
    sql: `INSERT INTO bookings (id, uid, status, start_at, end_at, name, email, email_key, company, company_size, area, goal, time_zone, context,
            consent_text_version, consent_address_hash, created_at, updated_at, cancelled_at, source_page, source_referrer, utm_source, utm_medium, outcome, outcome_at)
          VALUES (?, ?, ?, ?, ?, 'Ana Reyes', 'ana@x.test', ?, 'Reyes Logistics', '11-50', 'documents', 'Invoices by hand', 'UTC', ?, 'v1', 'h', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      b.id, `${b.id}@x`, b.status ?? 'confirmed', startAt, b.endAt, b.id, b.context === undefined ? null : JSON.stringify(b.context),
      b.createdAt, b.createdAt, b.status === 'cancelled' ? b.createdAt : null, b.page ?? null, b.referrer ?? null, b.utmSource ?? null, b.utmMedium ?? null,
      b.outcome ?? null, b.outcome ? b.endAt : null,
    ],
  });
}

async function insertSubscriber(id: string, status: string, confirmedAt: string | null, page: string | null, utmSource: string | null): Promise<void> {
  await db.execute({
    sql: `INSERT INTO subscribers (id, email, email_key, status, source, consent_text_version, consent_at, consent_address_hash, created_at, confirmed_at, source_page, utm_source)
          VALUES (?, ?, ?, ?, 'footer', 'v1', '2020-03-01T08:00:00.000Z', 'h', '2020-03-01T08:00:00.000Z', ?, ?, ?)`,
    args: [id, `${id}@x.test`, id, status, confirmedAt, page, utmSource],
  });
}

beforeAll(async () => {
  db = await getDb(readConfig({ DATA_DIR: dataDir }));
  await db.execute(`INSERT INTO page_views (day, page, utm_source, views) VALUES
    ('2020-02-29', '/blog/a', '', 999),
    ('2020-03-01', '/blog/a', '', 150),
    ('2020-03-02', '/blog/a', 'news', 50),
    ('2020-03-02', '/pricing', '', 40)`);
  await insertSubscriber('s1', 'confirmed', '2020-03-02T10:00:00.000Z', '/blog/a', null);
  await insertSubscriber('s2', 'unsubscribed', '2020-03-03T10:00:00.000Z', '/blog/a', 'news'); // confirmed, then left: still a sign-up
  await insertSubscriber('s3', 'pending', null, '/blog/a', null); // never confirmed: not one
  await insertSubscriber('s4', 'confirmed', '2020-03-04T10:00:00.000Z', '/blog/a', null);
  await insertSubscriber('s5', 'confirmed', '2020-02-20T10:00:00.000Z', '/blog/a', null); // before the period
  await insertBooking({
    id: 'b1', createdAt: '2020-03-02T09:00:00.000Z', endAt: '2020-03-05T10:20:00.000Z', page: '/blog/a', referrer: 'news.ycombinator.com', utmSource: 'news', utmMedium: 'social',
    context: { scenario: 'p=crm-cleanup&n=10' }, outcome: 'held',
  });
  await insertBooking({
    id: 'b2', createdAt: '2020-03-03T09:00:00.000Z', endAt: '2020-03-06T10:20:00.000Z', utmSource: '=1+1',
    context: { readiness: { area: 'documents', workflowName: 'Supplier invoice intake' } }, outcome: 'no-show',
  });
  await insertBooking({ id: 'b3', createdAt: '2020-03-04T09:00:00.000Z', endAt: '2020-03-07T10:20:00.000Z', status: 'cancelled', page: '/pricing' });
  await insertBooking({ id: 'b4', createdAt: '2020-03-05T09:00:00.000Z', endAt: '2020-03-09T10:20:00.000Z', page: '/pricing', context: { scenario: 'p=custom&n=5' } });
  await insertBooking({ id: 'b5', createdAt: '2020-03-06T09:00:00.000Z', endAt: '2999-01-01T10:20:00.000Z', page: '/pricing' });
  await insertBooking({ id: 'b0', createdAt: '2020-02-28T09:00:00.000Z', endAt: '2020-03-02T10:20:00.000Z', page: '/blog/a', outcome: 'held' }); // before the period
});

describe('the funnel report', () => {
  it('sums the period read from the database', async () => {
    const { funnel } = await funnelReport(db, '2020-03-01', new Date('2020-03-10T12:00:00Z'));
    expect(funnel.pages).toEqual([
      { name: '/blog/a', views: 200, signUps: 3, bookings: 1, leads: 4, rate: 0.02 },
      { name: '/pricing', views: 40, signUps: 0, bookings: 3, leads: 3, rate: 3 / 40 },
      { name: '(unknown page)', views: 0, signUps: 0, bookings: 1, leads: 1, rate: null },
    ]);
    expect(funnel.total).toMatchObject({ views: 240, signUps: 3, bookings: 5, rate: 8 / 240 });
    expect(funnel.presets).toEqual([
      { name: 'no calculator', bookings: 3 },
      { name: 'CRM cleanup', bookings: 1 },
      { name: 'Your own workflow', bookings: 1 },
    ]);
    expect(funnel.bands).toEqual([
      { name: 'no readiness check', bookings: 4 },
      { name: 'Map the process before any AI', bookings: 1 },
    ]);
    expect(funnel.referrers).toEqual([
      { name: '(none)', bookings: 4 },
      { name: 'news.ycombinator.com', bookings: 1 },
    ]);
    expect(funnel.utmSources.map((line) => [line.name, line.views, line.signUps, line.bookings])).toEqual([
      ['(none)', 190, 2, 3],
      ['news', 50, 1, 1],
      ['=1+1', 0, 0, 1],
    ]);
    expect(funnel.calls).toEqual({ booked: 5, cancelled: 1, held: 1, noShow: 1, notMarked: 1, upcoming: 1, noShowRate: 0.5 });
  });

  it('prints a table per section and a long CSV', async () => {
    const report = await funnelReport(db, '2020-03-01', new Date('2020-03-10T12:00:00Z'));
    const text = funnelText(report);
    expect(text).toContain(
      [
        'Pages: views, and the sign-ups and bookings each page led to',
        'page            views  sign-ups  bookings  rate',
        '/blog/a         200    3         1         2.0%',
        '/pricing        40     0         3         7.5%',
        '(unknown page)  0      0         1         n/a',
        '(all pages)     240    3         5         3.3%',
      ].join('\n'),
    );
    expect(text).toContain('No-show rate: 50.0% (1 of the 2 calls marked held or no-show).');
    const csv = funnelCsv(report).split('\n');
    expect(csv[0]).toBe('section,name,views,signups,bookings,rate');
    expect(csv).toContain('pages,/blog/a,200,3,1,0.02');
    expect(csv).toContain('total,(all pages),240,3,5,0.0333');
    expect(csv).toContain('preset,CRM cleanup,,,1,');
    expect(csv).toContain('calls,no-show,,,1,0.5');
    // A utm_source value is whatever a link carried: a cell starting with = is text, not a formula.
    expect(csv).toContain("utm_source,'=1+1,0,0,1,");
  });

  it('shows each call’s source and outcome in the bookings list', async () => {
    const rows = await bookings(db, '2020-03-01');
    expect(rows.find((row) => row.source_referrer === 'news.ycombinator.com')).toMatchObject({
      source_page: '/blog/a',
      utm_source: 'news',
      utm_medium: 'social',
      utm_campaign: null,
      outcome: 'held',
      outcome_at: '2020-03-05T10:20:00.000Z',
    });
  });
});

describe('npm run leads -- funnel', () => {
  it('prints the report of the period from --since', () => {
    const result = leads('funnel', '--since', '2020-03-01');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Funnel since 2020-03-01 \(UTC\), until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.\n/);
    expect(result.stdout).toContain('/blog/a         200    3         1         2.0%');
    expect(result.stdout).toContain('Bookings by calculator preset\npreset             bookings\nno calculator      3');
    expect(result.stdout).toContain(
      ['calls           count  rate', 'booked          5', 'cancelled       1', 'held            1', 'no-show         1      50.0%', 'not marked yet  1', 'upcoming        1'].join('\n'),
    );
    expect(result.stdout).not.toMatch(/ \n/);
  });

  it('writes the CSV with formula-like cells neutralised', () => {
    const result = leads('funnel', '--since', '2020-03-01', '--csv');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('section,name,views,signups,bookings,rate');
    expect(result.stdout).toContain("\nutm_source,'=1+1,0,0,1,\n");
    expect(result.stdout).not.toMatch(/(^|\n|,)=1\+1/);
  });

  it('says an empty period is empty, section by section', () => {
    const result = leads('funnel', '--since', '2999-06-01');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Pages: views, and the sign-ups and bookings each page led to\nNo page views or leads since 2999-06-01.\n');
    expect(result.stdout).toContain('Bookings by readiness band\nNo bookings since 2999-06-01.\n');
    expect(result.stdout).toContain('Calls booked in the period, and what became of them\nNo calls booked since 2999-06-01.\n');
    expect(leads('funnel', '--since', '2999-06-01', '--csv').stdout).toBe('section,name,views,signups,bookings,rate\n');
  });

  it('refuses a --since that is not a date, exiting 2', () => {
    for (const since of ['2026-02-30', 'last week', '2026-1-5']) {
      const result = leads('funnel', '--since', since);
      expect(result.status, since).toBe(2);
      expect(result.stderr).toContain('--since must be a real date written YYYY-MM-DD');
      expect(result.stdout).toBe('');
    }
  });
});
