// Page views counted without cookies or scripts: GET /api/views on the real local server, read back
// from the database; and the row cap of countPageView on a database of its own with a small cap.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';
import type { Reply } from '../fixtures/http-client.ts';

const { server, apiContext } = await startApiServer('page-views', { SITE_URL: 'https://site.test', RESEND_API_KEY: undefined });
const { readConfig } = await import('../../api/_lib/runtime/config.ts');
const { getDb } = await import('../../api/_lib/store/db.ts');
const { countPageView } = await import('../../api/_lib/leads/page-views.ts');
/** Views per page and utm_source from `sinceDay` on, most first: the sums the funnel report reads. */
const pageViews = async (db: Awaited<ReturnType<typeof getDb>>, sinceDay: string) =>
  (await db.execute({ sql: `SELECT page, utm_source, SUM(views) AS views FROM page_views WHERE day >= ? GROUP BY page, utm_source ORDER BY views DESC, page, utm_source`, args: [sinceDay] })).rows.map((row) => ({
    page: String(row.page), utmSource: String(row.utm_source), views: Number(row.views),
  }));

/** The 43-byte transparent GIF, byte for byte. */
const GIF_HEX = '47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b';
const today = () => new Date().toISOString().slice(0, 10);

const view = (page: string | null, headers: Record<string, string> = {}, method = 'GET') =>
  server.send(page === null ? '/api/views' : `/api/views?page=${encodeURIComponent(page)}`, { method, headers });

/** The rows stored for `page` (any day), as "day page [utm_source] views". */
async function rowsFor(page: string): Promise<string[]> {
  const result = await (await apiContext()).db.execute({ sql: `SELECT day, page, utm_source, views FROM page_views WHERE page = ? ORDER BY utm_source`, args: [page] });
  return result.rows.map((r) => `${r.day} ${r.page} [${r.utm_source}] ${r.views}`);
}
const allRows = async () => Number((await (await apiContext()).db.execute(`SELECT COUNT(*) AS n FROM page_views`)).rows[0]!.n);

function expectPixel(reply: Reply) {
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toBe('image/gif');
  expect(reply.headers['content-length']).toBe('43');
  expect(reply.headers['cache-control']).toBe('no-store');
  expect(reply.headers['set-cookie']).toBeUndefined();
  expect(reply.body.startsWith('GIF89a')).toBe(true);
}

/** A web address with a path and a query: fc.webUrl itself takes 10-14 s to build here. */
const webUrl = fc.tuple(fc.constantFrom('https://', 'http://'), fc.domain(), fc.webPath(), fc.webQueryParameters()).map(([scheme, host, path, query]) => `${scheme}${host}${path}?${query}`);

describe('GET /api/views', () => {
  it('answers the transparent GIF, byte for byte, with no-store and no cookie', async () => {
    const { GET } = await import('../../api/views.ts');
    const response = await GET(new Request('http://localhost/api/views?page=/gif-check'));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).toString('hex')).toBe(GIF_HEX);
    expect(response.headers.get('content-type')).toBe('image/gif');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toBeNull();
    expectPixel(await view('/gif-check'));
  });

  it('counts a view under the utm_source of the page it is on (a page of this site), and under \'\' without one', async () => {
    const day = today();
    expectPixel(await view('/blog/x', { referer: 'https://site.test/blog/x?utm_source=news&utm_medium=email' }));
    expectPixel(await view('/blog/x', { referer: 'https://site.test/blog/x?utm_source=news' }));
    expectPixel(await view('/blog/x', { referer: 'https://site.test/blog/x' }));
    expectPixel(await view('/blog/x'));
    // A trailing slash is the same page; an empty or blank utm_source is none.
    expectPixel(await view('/blog/x/', { referer: 'https://site.test/blog/x?utm_source=%20%20' }));
    expect(await rowsFor('/blog/x')).toEqual([`${day} /blog/x [] 3`, `${day} /blog/x [news] 2`]);
  });

  it('ignores the utm_source of another site\'s Referer, and of a Referer that is not a URL', async () => {
    const day = today();
    expectPixel(await view('/blog/foreign', { referer: 'https://evil.test/blog/foreign?utm_source=spam' }));
    expectPixel(await view('/blog/foreign', { referer: 'http://site.test/blog/foreign?utm_source=spam' }));
    expectPixel(await view('/blog/foreign', { referer: 'not a url ?utm_source=spam' }));
    expect(await rowsFor('/blog/foreign')).toEqual([`${day} /blog/foreign [] 3`]);
  });

  it('does not count a browser that sends Do Not Track or Global Privacy Control, and still answers the image', async () => {
    const utm = { referer: 'https://site.test/blog/private?utm_source=news' };
    expectPixel(await view('/blog/private', { ...utm, dnt: '1' }));
    expectPixel(await view('/blog/private', { ...utm, 'sec-gpc': '1' }));
    expectPixel(await view('/blog/private', { 'sec-gpc': '1', dnt: '0' }));
    expect(await rowsFor('/blog/private')).toEqual([]);
    // DNT: 0 is no objection.
    expectPixel(await view('/blog/private', { dnt: '0' }));
    expect(await rowsFor('/blog/private')).toEqual([`${today()} /blog/private [] 1`]);
  });

  it('answers the image and stores nothing for a bad or missing page', async () => {
    const before = await allRows();
    for (const page of ['/x?y', 'javascript:alert(1)', `/${'a'.repeat(299)}`, 'blog/x', '/a//b', '/../etc', '', '/x y', 'https://site.test/blog/x']) {
      expectPixel(await view(page));
    }
    expectPixel(await view(null));
    expect(await allRows()).toBe(before);
  });

  it('does not count an image another site\'s page embeds; HEAD answers like GET and counts nothing', async () => {
    expectPixel(await view('/blog/embedded', { 'sec-fetch-site': 'cross-site' }));
    expectPixel(await view('/blog/embedded', { 'sec-fetch-site': 'same-site' }));
    const head = await view('/blog/embedded', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('image/gif');
    expect(head.body).toBe('');
    expect(await rowsFor('/blog/embedded')).toEqual([]);
    expectPixel(await view('/blog/embedded', { 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'image' }));
    expect(await rowsFor('/blog/embedded')).toEqual([`${today()} /blog/embedded [] 1`]);
  });

  it('never answers anything but the image, whatever the page and Referer', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('/', '/blog/x', '%00', '%E0%A4%A', '/\u202e', 'x'.repeat(5000))), fc.oneof(fc.string(), webUrl), async (page, referer) => {
        const reply = await server.send(`/api/views?page=${page.replace(/[^\x21-\x7e]/g, encodeURIComponent).replace(/#/g, '%23')}`, { headers: { referer: referer.replace(/[^\x20-\x7e]/g, '') } });
        expect(reply.status).toBe(200);
        expect(reply.headers['content-type']).toBe('image/gif');
      }),
      { numRuns: 300 },
    );
  });

  it('still answers the image when the database fails, and logs it', async () => {
    const { db } = await apiContext();
    await db.execute(`ALTER TABLE page_views RENAME TO page_views_away`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expectPixel(await view('/blog/down'));
      expect(logged).toHaveBeenCalledWith('[api/views] a page view was not counted:', expect.anything());
    } finally {
      logged.mockRestore();
      await db.execute(`ALTER TABLE page_views_away RENAME TO page_views`);
    }
    expect(await rowsFor('/blog/down')).toEqual([]);
  });
});

describe('countPageView', () => {
  it('counts a view in one statement, outside any write transaction: no lock held across round trips', async () => {
    const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'page-views-one-statement-')) }));
    const statements: string[] = [];
    // Only `execute` is given: a transaction or a batch would throw.
    const recording = { execute: (statement: { sql: string; args: unknown[] }) => (statements.push(statement.sql), db.execute(statement as never)) } as unknown as Client;
    const count = async (page: string, utmSource: string) => {
      statements.length = 0;
      const counted = await countPageView(recording, { day: '2026-12-02', page, utmSource }, 2);
      expect(statements, `${page} [${utmSource}]`).toHaveLength(1);
      return counted;
    };
    expect(await count('/a', '')).toEqual({ day: '2026-12-02', page: '/a', utmSource: '' });
    expect(await count('/a', '')).toEqual({ day: '2026-12-02', page: '/a', utmSource: '' });
    expect(await count('/b', 'news')).toEqual({ day: '2026-12-02', page: '/b', utmSource: 'news' });
    expect(await count('/a', 'mail')).toEqual({ day: '2026-12-02', page: '/a', utmSource: '(other)' });
    expect(await count('/c', 'x')).toEqual({ day: '2026-12-02', page: '(other)', utmSource: '(other)' });
    expect(await pageViews(db, '2026-12-02')).toEqual([
      { page: '/a', utmSource: '', views: 2 },
      { page: '(other)', utmSource: '(other)', views: 1 },
      { page: '/a', utmSource: '(other)', views: 1 },
      { page: '/b', utmSource: 'news', views: 1 },
    ]);

    // The route counts through the database itself, not in a unit of the shared write transactions.
    const ctx = await apiContext();
    const units = vi.spyOn(ctx.writes, 'run');
    try {
      expectPixel(await view('/blog/one-statement'));
      expect(units).not.toHaveBeenCalled();
    } finally {
      units.mockRestore();
    }
    expect(await rowsFor('/blog/one-statement')).toEqual([`${today()} /blog/one-statement [] 1`]);
  });


  it('fold new pairs into (other) once a day holds the cap, and sum views over the days asked for', async () => {
    const db = await getDb(readConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'page-views-cap-')) }));
    const count = (day: string, page: string, utmSource: string) => countPageView(db, { day, page, utmSource }, 3);
    await count('2026-12-01', '/old', '');
    await count('2026-12-02', '/a', '');
    await count('2026-12-02', '/b', 'news');
    await count('2026-12-02', '/c', '');
    // The day now holds 3 rows: known pairs are still counted as they are...
    expect(await count('2026-12-02', '/a', '')).toEqual({ day: '2026-12-02', page: '/a', utmSource: '' });
    // ...a new utm_source on a known page goes to (other), a new page too.
    expect(await count('2026-12-02', '/a', 'mail')).toEqual({ day: '2026-12-02', page: '/a', utmSource: '(other)' });
    await count('2026-12-02', '/b', 'spam-1');
    await count('2026-12-02', '/b', 'spam-2');
    expect(await count('2026-12-02', '/random-1', 'x')).toEqual({ day: '2026-12-02', page: '(other)', utmSource: '(other)' });
    await count('2026-12-02', '/random-2', 'y');
    expect(await count('2026-12-02', '/random-3', '')).toEqual({ day: '2026-12-02', page: '(other)', utmSource: '' });
    // The next day starts afresh.
    expect(await count('2026-12-03', '/d', 'z')).toEqual({ day: '2026-12-03', page: '/d', utmSource: 'z' });
    await count('2026-12-03', '/a', '');

    const rows = await db.execute(`SELECT COUNT(*) AS n FROM page_views WHERE day = '2026-12-02'`);
    expect(Number(rows.rows[0]!.n)).toBe(7);
    expect(await pageViews(db, '2026-12-02')).toEqual([
      { page: '/a', utmSource: '', views: 3 },
      { page: '(other)', utmSource: '(other)', views: 2 },
      { page: '/b', utmSource: '(other)', views: 2 },
      { page: '(other)', utmSource: '', views: 1 },
      { page: '/a', utmSource: '(other)', views: 1 },
      { page: '/b', utmSource: 'news', views: 1 },
      { page: '/c', utmSource: '', views: 1 },
      { page: '/d', utmSource: 'z', views: 1 },
    ]);
    expect(await pageViews(db, '2026-12-03')).toEqual([
      { page: '/a', utmSource: '', views: 1 },
      { page: '/d', utmSource: 'z', views: 1 },
    ]);
    expect(await pageViews(db, '2026-12-04')).toEqual([]);
  });
});
