// What each social card says, read from the same content files and schemas the site builds from, and found
// by the same id rule the content collections use (contentEntryId), so every page's card URL answers.
// Only pages that exist get a card: the requested id is looked up among the ids of the files on disk,
// never turned into a path, and the route never draws text a requester supplies.
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { contentEntryId } from '../../../src/lib/content/ids.ts';
import { blogSchema, pageSchema, serviceSchema } from '../../../src/lib/content/schemas.ts';
import { site } from '../../../src/config/site.ts';

export interface CardText {
  eyebrow: string;
  title: string;
}

const CONTENT_DIR = new URL('../../../content/', import.meta.url);
const PAGE = /^(blog|services|pages)\/(.+)$/;

/** The files the collections' glob (CONTENT_FILES) loads: .md and .mdx, none dot-named or in a dot folder. */
function isContentFile(relativePath: string): boolean {
  return /\.mdx?$/.test(relativePath) && !relativePath.split('/').some((part) => part.startsWith('.'));
}

async function frontmatter(file: string): Promise<Record<string, unknown> | null> {
  try {
    const source = await readFile(file, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
    const data: unknown = match ? parse(match[1]!) : null;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
  } catch {
    return null; // unreadable, or frontmatter that is not YAML: no card, as the build would fail on it
  }
}

/** Every entry of one collection folder by its id (the first file in path order wins, as in the build). */
async function readCollection(collectionDir: string): Promise<Map<string, Record<string, unknown>>> {
  const byId = new Map<string, Record<string, unknown>>();
  let names: string[];
  try {
    names = await readdir(collectionDir, { recursive: true });
  } catch {
    return byId;
  }
  const files = names.map((name) => name.split(sep).join('/')).filter(isContentFile).sort();
  // Every file is read: a `slug` in a file's frontmatter overrides the id its path gives.
  const entries = await Promise.all(files.map(async (file) => ({ file, data: await frontmatter(join(collectionDir, file)) })));
  for (const { file, data } of entries) {
    const id = data ? contentEntryId(file, data) : null;
    if (data && id !== null && !byId.has(id)) byId.set(id, data);
  }
  return byId;
}

// Read once per process: the content ships with the deployment and never changes under it. Reading every
// file on every request made 200 requests for an unknown card take 2.7 s, which anyone could ask for.
const collections = new Map<string, Promise<Map<string, Record<string, unknown>>>>();

/** The frontmatter of the entry with this id in one collection folder, or null when no file has that id. */
async function findEntry(collectionDir: string, id: string): Promise<Record<string, unknown> | null> {
  let collection = collections.get(collectionDir);
  if (!collection) {
    collection = readCollection(collectionDir);
    collections.set(collectionDir, collection);
  }
  return (await collection).get(id) ?? null;
}

/**
 * The card for `default`, `blog/<id>`, `services/<id>` or `pages/<id>`; null for anything else.
 * `contentRoot` is the folder holding blog/, services/ and pages/ (the site's content/ unless a test says).
 */
export async function cardText(page: string, contentRoot: URL | string = CONTENT_DIR): Promise<CardText | null> {
  if (page === 'default') return { eyebrow: 'The business AI operator', title: site.tagline };
  const match = PAGE.exec(page);
  if (!match) return null;
  const [, collection, id] = match;
  const root = typeof contentRoot === 'string' ? contentRoot : fileURLToPath(contentRoot);
  const data = await findEntry(join(root, collection!), id!);
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
