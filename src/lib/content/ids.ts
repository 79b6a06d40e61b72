// How a content file becomes an entry id, and so a URL (/blog/<id>) and a social card (?page=blog/<id>).
// The content collections (src/content.config.ts) pass this to their glob loaders as `generateId`, and the
// social card route (api/_lib/social/card-text.ts) uses it to find a page's file, so the two cannot disagree.
// It reproduces the glob loader's default rule in Astro 7 (generateIdDefault in
// astro/dist/content/loaders/glob.js): a `slug` in the frontmatter wins; otherwise each folder and the file
// name, without its extension, go through github-slugger (lowercased, punctuation dropped, spaces to
// dashes) and a trailing /index is dropped.
import { slug } from 'github-slugger';

/** The files each collection loads, relative to its folder in content/. */
export const CONTENT_FILES = '**/*.{md,mdx}';

/**
 * The entry id of a content file.
 * @param relativePath the file's path inside its collection folder, with `/` between folders,
 *   e.g. `guides/My-Post.mdx` for content/blog/guides/My-Post.mdx
 * @param data the file's frontmatter, when it has been read
 */
export function contentEntryId(relativePath: string, data?: Record<string, unknown>): string {
  if (data?.slug) return String(data.slug);
  const withoutExtension = relativePath.replace(/\.[^./]+$/, '');
  return withoutExtension
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}
