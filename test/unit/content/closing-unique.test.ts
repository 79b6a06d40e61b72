// Every page ends with its own call to action: the brief asks for the audit's offer "in fresh words each
// time", and one paragraph pasted onto nine pages reads as boilerplate to anyone who reads two of them.
// The closings are read where they are written: posts' `nextStep` and services' `closing` frontmatter,
// and the heading and text of each <NextStep> in src/**/*.astro. NextStep has no default words, so a
// page cannot end without writing its own (astro check fails on a missing prop).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder } from './_source-files.ts';
import { parse } from 'yaml';
import { saidTwice, sharedRuns } from './_shared-runs.ts';

const root = join(import.meta.dirname, '../../..');

interface Closing {
  file: string;
  heading: string;
  text: string;
}

function frontmatterClosings(): Closing[] {
  return filesUnder(join(root, 'content'))
    .filter((f) => /\.mdx?$/.test(f))
    .flatMap((path) => {
      const data = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'))?.[1] ?? '') as Record<string, { heading?: string; text?: string } | undefined>;
      const closing = data.nextStep ?? data.closing;
      return closing?.heading && closing.text ? [{ file: relative(root, path), heading: closing.heading, text: closing.text }] : [];
    });
}

/** `<NextStep heading="…" text="…" />` with literal words (a page passing frontmatter through is read above). */
function astroClosings(file: string, source: string): Closing[] {
  return [...source.matchAll(/<NextStep\b([^>]*?)\/>/g)].flatMap((m) => {
    const heading = /\bheading="([^"]*)"/.exec(m[1]!)?.[1];
    const text = /\btext="([^"]*)"/.exec(m[1]!)?.[1];
    return heading && text ? [{ file, heading, text }] : [];
  });
}

const siteClosings = () => [
  ...frontmatterClosings(),
  ...filesUnder(join(root, 'src'))
    .filter((f) => f.endsWith('.astro') && !f.endsWith('NextStep.astro'))
    .flatMap((path) => astroClosings(relative(root, path), readFileSync(path, 'utf8'))),
];

const repeatedTexts = (closings: Closing[]) => sharedRuns(closings, (c) => c.text, (c) => c.file);

describe('closing calls to action', () => {
  it('finds every page that writes one: 6 posts, 5 services and 11 other pages', () => {
    const files = siteClosings().map((c) => c.file);
    expect(files.filter((f) => f.startsWith('content/blog/'))).toHaveLength(6);
    expect(files.filter((f) => f.startsWith('content/services/'))).toHaveLength(5);
    expect(files.filter((f) => f.startsWith('src/pages/'))).toHaveLength(11);
  });

  it('no two share an 8-word stretch of text', () => {
    expect(repeatedTexts(siteClosings())).toEqual([]);
  });

  it('no heading is used twice', () => {
    expect(saidTwice(siteClosings().map((c) => c.heading))).toEqual([]);
  });

  it('catches one closing pasted onto two pages with its ending reworded', () => {
    const text = 'Bring one workflow from sales or documents to a 20-minute call and leave with a plan for it.';
    const found = repeatedTexts([
      ...astroClosings('src/pages/a.astro', `<NextStep heading="One" text="${text}" />`),
      ...astroClosings('src/pages/b.astro', `<div><NextStep\n  heading="Two"\n  text="${text.replace('a plan for it.', 'its first build.')}"\n/></div>`),
      { file: 'content/blog/c.mdx', heading: 'Three', text: 'Something written for this page alone, about another step entirely.' },
    ]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain('src/pages/a.astro and src/pages/b.astro');
    expect(found.join('\n')).not.toContain('content/blog/c.mdx');
  });
});
