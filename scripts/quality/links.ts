// Broken references in the built files: internal links, #fragments and assets, page by page.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, fileForPath, type BuiltPage } from './site-files.ts';
import { pageRefs } from './html-refs.ts';

export interface LinkProblem {
  route: string;
  message: string;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

export function linkProblems(pages: BuiltPage[], siteOrigin: string, dist = DIST): LinkProblem[] {
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      ids = pageRefs(readFileSync(file, 'utf8')).ids;
      idsByFile.set(file, ids);
    }
    return ids;
  };
  const problems: LinkProblem[] = [];
  for (const page of pages) {
    const refs = pageRefs(readFileSync(page.file, 'utf8'));
    const base = new URL(page.route, siteOrigin);
    const check = (href: string, kind: 'link' | 'asset') => {
      if (/^(mailto|tel|data):/.test(href)) return;
      const url = new URL(href, base);
      if (url.origin !== new URL(siteOrigin).origin) {
        problems.push({ route: page.route, message: `${kind} points off-site: ${href} (pages make no external requests or links)` });
        return;
      }
      if (url.pathname.startsWith('/api/')) return;
      const target = kind === 'asset' ? [join(dist, decodeURIComponent(url.pathname))] : fileForPath(decodeURIComponent(url.pathname), dist);
      const file = target.find(isFile);
      if (!file) {
        problems.push({ route: page.route, message: `broken ${kind}: ${href} (no built file for ${url.pathname})` });
        return;
      }
      if (kind === 'link' && url.hash && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push({ route: page.route, message: `broken fragment: ${href} (${url.pathname} has no id="${url.hash.slice(1)}")` });
      }
    };
    refs.links.forEach((href) => check(href, 'link'));
    refs.assets.forEach((src) => check(src, 'asset'));
  }
  return problems;
}
