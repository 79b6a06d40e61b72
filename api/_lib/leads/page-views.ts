// Page views, counted without cookies or scripts (api/views.ts): one row per UTC day, page and
// utm_source of the page's own URL ('' when it carried none), holding a count and nothing else. No
// address, user agent or hash of them is ever stored, so nothing links one view to another.
import type { Client, Transaction } from '@libsql/client';

/** Distinct (page, utm_source) rows a day holds as they came; later new pairs are folded into `(other)`. */
export const PAGE_VIEW_ROW_CAP = 5_000;
/** The bucket for pairs past the cap. Never a real page: cleaned pages start with `/`. */
export const OTHER = '(other)';

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
 * Run it inside a write transaction, so the count and the insert see the same rows.
 */
export async function countPageView(tx: Transaction | Client, view: PageView, cap = PAGE_VIEW_ROW_CAP): Promise<PageView> {
  const bump = `UPDATE page_views SET views = views + 1 WHERE day = ? AND page = ? AND utm_source = ?`;
  if ((await tx.execute({ sql: bump, args: [view.day, view.page, view.utmSource] })).rowsAffected > 0) return view;

  let counted = view;
  const rows = Number((await tx.execute({ sql: `SELECT COUNT(*) AS n FROM page_views WHERE day = ?`, args: [view.day] })).rows[0]?.n ?? 0);
  if (rows >= cap) {
    const known = (await tx.execute({ sql: `SELECT 1 FROM page_views WHERE day = ? AND page = ? LIMIT 1`, args: [view.day, view.page] })).rows.length > 0;
    counted = { day: view.day, page: known ? view.page : OTHER, utmSource: view.utmSource === '' ? '' : OTHER };
  }
  await tx.execute({
    sql: `INSERT INTO page_views (day, page, utm_source, views) VALUES (?, ?, ?, 1)
          ON CONFLICT (day, page, utm_source) DO UPDATE SET views = views + 1`,
    args: [counted.day, counted.page, counted.utmSource],
  });
  return counted;
}
