// Page views, counted without cookies or scripts (api/views.ts): one row per UTC day, page and
// utm_source of the page's own URL ('' when it carried none), holding a count and nothing else. No
// address, user agent or hash of them is ever stored, so nothing links one view to another.
import type { Client } from '@libsql/client';

/** Distinct (page, utm_source) rows a day holds as they came; later new pairs are folded into `(other)`. */
const PAGE_VIEW_ROW_CAP = 5_000;
/** The bucket for pairs past the cap. Never a real page: cleaned pages start with `/`. */
const OTHER = '(other)';

export interface PageView {
  /** UTC date, YYYY-MM-DD. */
  day: string;
  /** A cleaned site path (cleanPagePath). */
  page: string;
  /** A cleaned utm_source value, or '' for none. */
  utmSource: string;
}

/** The UTC day a view at `now` is counted on. */
export const viewDay = (now = new Date()): string => now.toISOString().slice(0, 10);

/**
 * Counts one view. A pair the day already holds is always counted as it is. Once the day holds `cap`
 * rows, a new pair is counted under utm_source `(other)` (a view without one stays under
 * ''), and under page `(other)` when the page is new that day too: random pages or campaign names can
 * then add at most two rows per known page plus two, so the table cannot grow without bound.
 *
 * One autocommit statement, the cap decided inside it: SQLite runs a statement atomically, so the rows
 * it counts are the rows it adds to, and no write transaction is held open across network round trips
 * (on a hosted database, each statement of an interactive transaction is one, and the write lock is
 * shared by every instance: a spike of views would keep bookings waiting). Returns the row it counted.
 */
export async function countPageView(db: Client, view: PageView, cap = PAGE_VIEW_ROW_CAP): Promise<PageView> {
  const result = await db.execute({
    sql: `INSERT INTO page_views (day, page, utm_source, views)
          SELECT ?1,
                 CASE WHEN EXISTS (SELECT 1 FROM page_views WHERE day = ?1 AND page = ?2)
                        OR (SELECT COUNT(*) FROM page_views WHERE day = ?1) < ?4 THEN ?2 ELSE ?5 END,
                 CASE WHEN ?3 = ''
                        OR EXISTS (SELECT 1 FROM page_views WHERE day = ?1 AND page = ?2 AND utm_source = ?3)
                        OR (SELECT COUNT(*) FROM page_views WHERE day = ?1) < ?4 THEN ?3 ELSE ?5 END,
                 1
          WHERE true
          ON CONFLICT (day, page, utm_source) DO UPDATE SET views = views + 1
          RETURNING day, page, utm_source`,
    args: [view.day, view.page, view.utmSource, cap, OTHER],
  });
  const row = result.rows[0]!;
  return { day: String(row.day), page: String(row.page), utmSource: String(row.utm_source) };
}
