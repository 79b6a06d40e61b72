// Reading time, tables of contents and related posts: small pure helpers for article pages.

const WORDS_PER_MINUTE = 220;

/** Words in Markdown/MDX source, ignoring code, JSX tags, link targets and table rules. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^\s*\|?[\s:|-]+\|?\s*$/gm, ' ')
    .replace(/[#*_>`|[\]]/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry extends Heading {
  children: Heading[];
}

/** H2s with their H3s; a TOC only helps on long posts, so short ones get none. */
export function tableOfContents(headings: Heading[], minimumSections = 4): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) toc.push({ ...heading, children: [] });
    else if (heading.depth === 3 && toc.length > 0) toc[toc.length - 1]!.children.push(heading);
  }
  return toc.length >= minimumSections ? toc : [];
}

export interface RelatedCandidate {
  id: string;
  tags: string[];
  pubDate: Date;
}

/** Posts sharing the most tags first, newest first among equals; never the post itself. */
export function relatedPosts<T extends RelatedCandidate>(current: RelatedCandidate, all: T[], limit = 3): T[] {
  const currentTags = new Set(current.tags);
  return all
    .filter((post) => post.id !== current.id)
    .map((post) => ({ post, shared: post.tags.filter((tag) => currentTags.has(tag)).length }))
    .sort((a, b) => b.shared - a.shared || b.post.pubDate.getTime() - a.post.pubDate.getTime())
    .slice(0, limit)
    .map(({ post }) => post);
}
