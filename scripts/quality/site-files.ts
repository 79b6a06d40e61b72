// The built site as the gates and the e2e tests see it: every page's clean URL and its file.
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from '../_lib/html-files.ts';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

export interface BuiltPage {
  route: string;
  file: string;
}

/** Every built page, sorted by route; `/404` is the not-found page. */
export function builtPages(dist = DIST): BuiltPage[] {
  return htmlFiles(dist)
    .map((file) => ({ file, route: `/${relative(dist, file).split(sep).join('/')}`.replace(/\.html$/, '').replace(/^\/index$/, '/') }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** The built file a site path resolves to, the way the server and Vercel's cleanUrls resolve it. */
export function fileForPath(pathname: string, dist = DIST): string[] {
  const clean = pathname.replace(/\/+$/, '') || '/';
  if (clean === '/') return [join(dist, 'index.html')];
  return [join(dist, clean), join(dist, `${clean}.html`), join(dist, clean, 'index.html')];
}
