// What each social card says, read from the same content files and schemas the site builds from.
// Only pages that exist get a card: the route never draws text a requester supplies.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { blogSchema, pageSchema, serviceSchema } from '../../src/lib/content-schemas.ts';
import { site } from '../../src/config/site.ts';

export interface CardText {
  eyebrow: string;
  title: string;
}

const CONTENT_DIR = new URL('../../content/', import.meta.url);
const PAGE_ID = /^(blog|services|pages)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

async function frontmatter(collection: string, id: string): Promise<unknown | null> {
  for (const ext of ['mdx', 'md']) {
    try {
      const source = await readFile(new URL(`${collection}/${id}.${ext}`, CONTENT_DIR), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
      return match ? parse(match[1]!) : null;
    } catch {
      // try the next extension
    }
  }
  return null;
}

/** The card for `default`, `blog/<id>`, `services/<id>` or `pages/<id>`; null for anything else. */
export async function cardText(page: string): Promise<CardText | null> {
  if (page === 'default') return { eyebrow: 'The business AI operator', title: site.tagline };
  const match = PAGE_ID.exec(page);
  if (!match) return null;
  const [, collection, id] = match;
  const data = await frontmatter(collection!, id!);
  if (!data) return null;
  if (collection === 'blog') {
    const post = blogSchema.safeParse(data);
    return post.success && !post.data.draft ? { eyebrow: 'Blog', title: post.data.title } : null;
  }
  if (collection === 'services') {
    const service = serviceSchema.safeParse(data);
    return service.success ? { eyebrow: `Service · ${service.data.navTitle}`, title: service.data.title } : null;
  }
  const longForm = pageSchema.safeParse(data);
  return longForm.success ? { eyebrow: site.name, title: longForm.data.title } : null;
}
