// Crawls the site over HTTP from the home page like a visitor: every internal link, fragment and
// asset resolves through the real server (the quality gates check the same on the built files).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { pageRoutes } from './_site.ts';
import { pageRefs, type PageRefs } from '../../scripts/quality/html-refs.ts';

async function fetchPage(request: APIRequestContext, path: string) {
  const res = await request.get(path, { maxRedirects: 0 });
  return { status: res.status(), html: res.headers()['content-type']?.includes('text/html') ? await res.text() : '' };
}

test('a crawl from the home page finds no broken link, fragment or asset', async ({ request, baseURL }) => {
  const site = new URL(baseURL!);
  const canonicalOrigin = 'https://aioperator.example';
  const pages = new Map<string, Pick<PageRefs, 'ids' | 'links' | 'assets'>>();
  const queue = ['/'];
  const problems: string[] = [];
  const fragments: { from: string; path: string; id: string }[] = [];
  const assets = new Map<string, string>();

  while (queue.length) {
    const path = queue.shift()!;
    if (pages.has(path)) continue;
    const { status, html } = await fetchPage(request, path);
    if (status !== 200) {
      problems.push(`${path} answered ${status}`);
      pages.set(path, { ids: new Set(), links: [], assets: [] });
      continue;
    }
    const info = pageRefs(html);
    pages.set(path, info);
    for (const href of info.links) {
      if (/^(mailto|tel):/.test(href)) continue;
      // Canonical URLs name the public origin; they must resolve on this server all the same.
      const url = new URL(href.replace(canonicalOrigin, site.origin), new URL(path, site));
      if (url.origin !== site.origin) {
        problems.push(`${path} links off-site to ${href}`);
        continue;
      }
      if (url.hash) fragments.push({ from: path, path: url.pathname, id: decodeURIComponent(url.hash.slice(1)) });
      if (!pages.has(url.pathname)) queue.push(url.pathname);
    }
    for (const src of info.assets) {
      const url = new URL(src.replace(canonicalOrigin, site.origin), new URL(path, site));
      if (url.origin === site.origin) assets.set(url.pathname + url.search, path);
    }
  }

  for (const { from, path, id } of fragments) {
    if (!pages.get(path)?.ids.has(id)) problems.push(`${from} links to ${path}#${id}, but that page has no id="${id}"`);
  }
  for (const [asset, from] of assets) {
    const res = await request.get(asset);
    if (res.status() !== 200) problems.push(`${from} loads ${asset}, which answered ${res.status()}`);
  }

  expect(problems).toEqual([]);
  // Every built page is reachable by links from the home page (no orphans), except the noindex result pages.
  const orphans = pageRoutes.filter((route) => !pages.has(route) && !/^\/(newsletter|book-audit)\/.+/.test(route));
  expect(orphans, 'pages no link leads to').toEqual([]);
});
