// What the e2e tests know about the built site: its pages, read from dist/ so a new page is covered
// without editing a list.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dist = join(import.meta.dirname, '../../dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_astro' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** Every built page as its clean URL, except the 404 page (served for unknown paths). */
export const pageRoutes: string[] = htmlFiles(dist)
  .map((file) => `/${relative(dist, file).split(sep).join('/')}`.replace(/\.html$/, '').replace(/^\/index$/, '/'))
  .filter((route) => route !== '/404')
  .sort();

/** Pages that hydrate an island; every other page must load no JavaScript. */
export const islandRoutes = new Set<string>();
