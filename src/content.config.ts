import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { blogSchema, pageSchema, serviceSchema } from './lib/content/schemas.ts';
import { CONTENT_FILES, contentEntryId } from './lib/content/ids.ts';

// The id rule is passed explicitly (it matches Astro's default) so the social card route, which finds
// files with the same function, always agrees with the collection on a page's id.
const files = (base: string) => glob({ pattern: CONTENT_FILES, base, generateId: ({ entry, data }) => contentEntryId(entry, data) });

export const collections = {
  blog: defineCollection({ loader: files('./content/blog'), schema: blogSchema }),
  services: defineCollection({ loader: files('./content/services'), schema: serviceSchema }),
  pages: defineCollection({ loader: files('./content/pages'), schema: pageSchema }),
};
