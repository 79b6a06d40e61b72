// The Lighthouse gate's sample: one page of each template. A new page file must be sampled without being
// listed anywhere, posts must not each cost a run, and a post with its own budget is sampled apart.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QualityConfig } from '../../scripts/quality/config.ts';
import { pageTemplates, templateSample } from '../../scripts/quality/templates.ts';

function pagesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), source);
  }
  return dir;
}

const dir = pagesDir({
  'index.astro': '---\n---\n<h1>Home</h1>',
  'about.astro': '---\n---\n<h1>About</h1>',
  'blog/index.astro': '---\n---\n<h1>Blog</h1>',
  'blog/[...slug].astro': '---\n---\n<article />',
  'newsletter/confirmed.astro': "---\nimport NoticePage from '../../components/NoticePage.astro';\n---\n<NoticePage />",
  'book-audit/cancelled.astro': "---\nimport NoticePage from '../../components/NoticePage.astro';\n---\n<NoticePage />",
  'icons/_icon.astro': '<svg />',
});
const config = {
  sizes: [
    { type: 'checklist', routes: ['/blog/checklist'] },
    { type: 'content', routes: ['/', '/about', '/blog', '/blog/*', '/newsletter/*', '/book-audit/*'] },
  ],
} as unknown as QualityConfig;
const built = ['/', '/about', '/blog', '/blog/a', '/blog/b', '/blog/checklist', '/book-audit/cancelled', '/newsletter/confirmed'].map((route) => ({ route, file: `${route}.html` }));

describe('the Lighthouse sample', () => {
  it('reads each page file as a route pattern, the result pages as one template, helpers left out', () => {
    expect(pageTemplates(dir).map((t) => `${t.pattern} ${t.name}`).sort()).toEqual([
      '/ index.astro',
      '/about about.astro',
      '/blog blog/index.astro',
      '/blog/* blog/[...slug].astro',
      '/book-audit/cancelled NoticePage',
      '/newsletter/confirmed NoticePage',
    ]);
  });

  it('takes one page per template and budget: one post, the checklist apart, one result page, every static page', () => {
    expect(templateSample(built, config, pageTemplates(dir)).map((s) => `${s.page.route} ${s.template}`)).toEqual([
      '/ index.astro',
      '/about about.astro',
      '/blog blog/index.astro',
      '/blog/a blog/[...slug].astro',
      '/blog/checklist blog/[...slug].astro',
      '/book-audit/cancelled NoticePage',
    ]);
  });
});
