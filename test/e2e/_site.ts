// What the e2e tests know about the built site: its pages, read from dist/ so a new page is covered
// without editing a list.
import { readFileSync } from 'node:fs';
import { builtPages } from '../../scripts/quality/site-files.ts';
import { loadQualityConfig } from '../../scripts/quality/config.ts';
import { templateSample } from '../../scripts/quality/templates.ts';

const pages = builtPages().filter((page) => page.route !== '/404');

/** Every built page as its clean URL, except the 404 page (served for unknown paths). */
export const pageRoutes: string[] = pages.map((page) => page.route);

/** One page of each template (as the Lighthouse gate samples them), the 404 page aside. */
export const templateRoutes = new Set(templateSample(pages, loadQualityConfig()).map(({ page }) => page.route));

/** Pages that hydrate an island; every other page must load no JavaScript. */
export const islandRoutes = new Set(pages.filter((page) => readFileSync(page.file, 'utf8').includes('<astro-island')).map((page) => page.route));
