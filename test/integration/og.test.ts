// The social card route draws cards for real pages only, and never for text a requester supplies.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET } from '../../api/og.ts';
import { contentEntryId } from '../../src/lib/content/ids.ts';

// The real renderer, made to fail on demand: a failed render must not be cached.
const failures = vi.hoisted(() => ({ next: 0 }));
vi.mock('../../api/_lib/social/og-card.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/_lib/social/og-card.ts')>();
  return { renderCard: (input: Parameters<typeof real.renderCard>[0]) => (failures.next-- > 0 ? Promise.reject(new Error('font failed to load')) : real.renderCard(input)) };
});
import { cardText } from '../../api/_lib/social/card-text.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

describe('social cards', () => {
  it('reads the card text from the content file and its schema', async () => {
    expect(await cardText('blog/what-is-a-business-ai-operator')).toEqual({ eyebrow: 'Blog', title: 'What is a business AI operator? A guide for SMBs' });
    expect(await cardText('services/ai-sales-automation')).toMatchObject({ eyebrow: 'Service · Sales automation' });
    expect(await cardText('pages/privacy')).toMatchObject({ title: 'Privacy policy' });
    expect((await cardText('default'))?.title).toBeTruthy();
  });

  it('knows nothing outside the content folders', async () => {
    for (const page of ['', 'blog/missing-post', 'blog/../../package', 'blog/..%2F..%2Fpackage', 'secrets/x', 'blog/Upper', '/etc/passwd', 'blog/what-is-a-business-ai-operator/extra']) {
      expect(await cardText(page), page).toBeNull();
    }
  });

  it('has a card for every content file, under the id the collection gives it', async () => {
    const root = join(import.meta.dirname, '../../content');
    for (const collection of ['blog', 'services', 'pages']) {
      const files = readdirSync(join(root, collection), { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f));
      expect(files.length, collection).toBeGreaterThan(0);
      for (const file of files) expect(await cardText(`${collection}/${contentEntryId(file)}`), file).not.toBeNull();
    }
  });

  it('answers a 1200x630 PNG for a known page', async () => {
    const response = await GET(new Request('http://localhost/api/og?page=services/ai-document-processing'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
  });

  it('answers 404 with a JSON error for unknown pages', async () => {
    const response = await GET(new Request('http://localhost/api/og?page=blog/nope'));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('answers a failed render through the shared error handler, and draws the card again next time', async () => {
    const request = () => GET(new Request('http://localhost/api/og?page=services/ai-sales-automation'));
    failures.next = 1;
    const failed = await request();
    expect(failed.status).toBe(500);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect((await failed.json()).error.code).toBe('internal');
    const retried = await request();
    expect(retried.status).toBe(200);
    expect(retried.headers.get('content-type')).toBe('image/png');
  });
});

// A nested, capitalised file: the collection's id for it is `guides/my-post` (contentEntryId), and the card
// route must find the file under that id, not under its path.
describe('social cards for nested content', () => {
  const root = mkdtempSync(join(tmpdir(), 'og-content-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const post = (title: string, extra = '') =>
    `---\ntitle: "${title}"\ndescription: A description that is long enough to be a real summary for a results page.\npubDate: 2026-10-06\ntags: [guides]\nnextStep:\n  kind: checklist\n  heading: Is this workflow ready?\n  text: Answer the eight questions of the audit checklist for one workflow and see what still blocks a build.\n${extra}---\n\nBody.\n`;
  mkdirSync(join(root, 'blog/guides/.drafts'), { recursive: true });
  writeFileSync(join(root, 'blog/guides/My-Post.mdx'), post('A nested guide'));
  writeFileSync(join(root, 'blog/guides/Renamed.md'), post('A post with its own slug', 'slug: moved-here\n'));
  writeFileSync(join(root, 'blog/guides/.drafts/Hidden.mdx'), post('A file the glob skips'));

  it('finds the file under the id the collection gives it', async () => {
    expect(contentEntryId('guides/My-Post.mdx')).toBe('guides/my-post');
    expect(await cardText('blog/guides/my-post', root)).toEqual({ eyebrow: 'Blog', title: 'A nested guide' });
    expect(await cardText('blog/moved-here', root)).toEqual({ eyebrow: 'Blog', title: 'A post with its own slug' });
  });

  it('reads each collection once per process: a request does not read every file again', async () => {
    expect(await cardText('blog/guides/my-post', root)).not.toBeNull();
    // The content ships with the deployment; a file appearing later is not read, which shows no request re-reads the folder.
    writeFileSync(join(root, 'blog/guides/Later.mdx'), post('A file written after the first request'));
    expect(await cardText('blog/guides/later', root)).toBeNull();
  });

  it('answers nothing for the raw path or for files the collection does not load', async () => {
    for (const page of ['blog/guides/My-Post', 'blog/guides/My-Post.mdx', 'blog/my-post', 'blog/guides/renamed', 'blog/guides/.drafts/hidden', 'blog/.drafts/hidden', 'services/guides/my-post']) {
      expect(await cardText(page, root), page).toBeNull();
    }
  });
});
