import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, relatedPosts, tableOfContents } from '../../../src/lib/content/articles.ts';

describe('countWords', () => {
  it('counts prose words and ignores markup, link targets, JSX and table rules', () => {
    const md = '## A heading\n\nSome **bold** text with a [link](/blog/x).\n\n<SixConnections />\n\n| a | b |\n|---|---|\n| c | d |\n';
    // A heading (2) + Some bold text with a link (6) + a b c d (4)
    expect(countWords(md)).toBe(12);
  });
  it('is zero for empty input', () => {
    expect(countWords('')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('rounds at 220 words a minute, never below one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(1100)).toBe(5);
    expect(readingMinutes(1430)).toBe(7);
  });
});

describe('tableOfContents', () => {
  const h = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase() });
  it('nests H3s under the preceding H2 and drops orphans', () => {
    const toc = tableOfContents([h(3, 'orphan'), h(2, 'a'), h(3, 'a1'), h(2, 'b'), h(2, 'c'), h(2, 'd'), h(4, 'deep')]);
    expect(toc.map((t) => t.slug)).toEqual(['a', 'b', 'c', 'd']);
    expect(toc[0]!.children.map((c) => c.slug)).toEqual(['a1']);
  });
  it('returns nothing for short posts', () => {
    expect(tableOfContents([h(2, 'a'), h(2, 'b'), h(2, 'c')])).toEqual([]);
  });
});

describe('relatedPosts', () => {
  const post = (id: string, tags: string[], day: number) => ({ id, tags, pubDate: new Date(2026, 9, day) });
  it('ranks by shared tags, then recency, and excludes the current post', () => {
    const current = post('x', ['ai', 'ops'], 1);
    const all = [current, post('a', ['ai'], 5), post('b', ['ai', 'ops'], 2), post('c', ['other'], 9), post('d', ['ops'], 7)];
    expect(relatedPosts(current, all).map((p) => p.id)).toEqual(['b', 'd', 'a']);
    expect(relatedPosts(current, all, 10).map((p) => p.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});
