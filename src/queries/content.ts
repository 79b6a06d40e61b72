// Collection queries shared by pages: drafts stay out of production, lists come sorted.
import { getCollection, type CollectionEntry } from 'astro:content';
import { countWords, readingMinutes } from '../lib/content/articles.ts';

export interface PublishedPost {
  entry: CollectionEntry<'blog'>;
  wordCount: number;
  minutes: number;
}

let published: Promise<PublishedPost[]> | undefined;

/** Newest first; drafts only in `astro dev`. Built once per build: several pages list the posts. */
export function publishedPosts(): Promise<PublishedPost[]> {
  // The dev server must see edits, so only a build keeps the list.
  if (import.meta.env.DEV) return loadPublishedPosts();
  published ??= loadPublishedPosts();
  return published;
}

async function loadPublishedPosts(): Promise<PublishedPost[]> {
  const entries = await getCollection('blog', (post) => import.meta.env.DEV || !post.data.draft);
  return entries
    .map((entry) => {
      const wordCount = countWords(entry.body ?? '');
      return { entry, wordCount, minutes: readingMinutes(wordCount) };
    })
    .sort((a, b) => b.entry.data.pubDate.getTime() - a.entry.data.pubDate.getTime());
}

export async function servicesInOrder(): Promise<CollectionEntry<'services'>[]> {
  return (await getCollection('services')).sort((a, b) => a.data.order - b.data.order);
}
