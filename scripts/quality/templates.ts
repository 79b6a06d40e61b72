// Which built pages stand for the site's templates in `npm test`'s Lighthouse gate: one page of each
// template, so the gate stays minutes long as posts are added, while `npm run bench -- lighthouse`
// sweeps every page. A template is a page file in src/pages (every post comes from blog/[...slug].astro),
// except that the short result pages built on NoticePage.astro are one template; and pages of one file
// with different budgets (the checklist post, with its wizard, among the posts) are sampled apart.
// A new page file is a new template by itself: nothing to list.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetFor, routeMatches, type QualityConfig } from './config.ts';
import type { BuiltPage } from './site-files.ts';

export const PAGES_DIR = fileURLToPath(new URL('../../src/pages', import.meta.url));

export interface PageTemplate {
  /** The route pattern the file builds: /blog/* for blog/[...slug].astro, / for index.astro. */
  pattern: string;
  /** What the gate names it by: the file, or "NoticePage" for the result pages. */
  name: string;
}

/** The .astro page files under `dir` and the route pattern each builds. */
export function pageTemplates(dir = PAGES_DIR): PageTemplate[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro') && !file.split(sep).some((part) => part.startsWith('_')));
  return files.map((file) => {
    const path = `/${relative(dir, join(dir, file)).split(sep).join('/')}`.replace(/\.astro$/, '');
    const pattern = path.replace(/\[[^\]]+\]/g, '*').replace(/\/index$/, '') || '/';
    const source = readFileSync(join(dir, file), 'utf8');
    return { pattern, name: /import NoticePage\b/.test(source) ? 'NoticePage' : file.split(sep).join('/') };
  });
}

/** The template a route was built from: its exact page file, else the dynamic one that matches it. */
function templateOf(route: string, templates: readonly PageTemplate[]): string {
  const exact = templates.find((t) => t.pattern === route);
  if (exact) return exact.name;
  // A catch-all ([...slug]) may span several segments.
  const dynamic = templates.find((t) => t.pattern.includes('*') && (routeMatches(route, t.pattern) || new RegExp(`^${t.pattern.replace('*', '.+')}$`).test(route)));
  return dynamic?.name ?? route;
}

/** One page per template and budget, the first by route; the key says which template it stands for. */
export function templateSample(pages: readonly BuiltPage[], config: QualityConfig, templates = pageTemplates()): { page: BuiltPage; template: string }[] {
  const seen = new Map<string, { page: BuiltPage; template: string }>();
  for (const page of pages) {
    const template = templateOf(page.route, templates);
    const key = `${template}|${budgetFor(page.route, config)?.type ?? ''}`;
    if (!seen.has(key)) seen.set(key, { page, template });
  }
  return [...seen.values()];
}
