// What the e2e tests know about the built site: its pages, read from dist/ so a new page is covered
// without editing a list.
import { builtPages } from '../../scripts/quality/site-files.ts';

/** Every built page as its clean URL, except the 404 page (served for unknown paths). */
export const pageRoutes: string[] = builtPages().map((p) => p.route).filter((route) => route !== '/404');

/** Pages that hydrate an island; every other page must load no JavaScript. */
export const islandRoutes = new Set<string>();
