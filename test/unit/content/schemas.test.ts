// The schemas reject bad frontmatter, and every content file meets them and its length brief.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blogSchema, pageSchema, serviceSchema } from '../../../src/lib/content/schemas.ts';
import { countWords } from '../../../src/lib/content/articles.ts';
import { contentEntryId } from '../../../src/lib/content/ids.ts';

const root = join(import.meta.dirname, '../../../content');

function readEntries(folder: string) {
  return readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .map((file) => {
      const source = readFileSync(join(root, folder, file), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
      if (!match) throw new Error(`${folder}/${file} has no frontmatter block`);
      return { file, data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
    });
}

const validPost = {
  title: 'A valid post title',
  description: 'A description that is long enough to be a real summary for a results page.',
  pubDate: '2026-10-06',
  tags: ['ai operator'],
  nextStep: {
    kind: 'checklist',
    heading: 'Is this workflow ready?',
    text: 'Answer the eight questions of the audit checklist for one workflow and see what still blocks a build before you spend on it.',
  },
};

describe('blog schema', () => {
  it('accepts a minimal post and fills defaults', () => {
    const post = blogSchema.parse(validPost);
    expect(post).toMatchObject({ draft: false, featured: false, author: 'AI Operator team' });
    expect(post.pubDate).toEqual(new Date('2026-10-06'));
  });
  it('takes a paint target as a bare element id', () => {
    expect(blogSchema.parse({ ...validPost, paintAfter: 'readiness-check' }).paintAfter).toBe('readiness-check');
  });
  it.each([
    ['a missing title', { ...validPost, title: undefined }, 'title'],
    ['a too-long description', { ...validPost, description: 'x'.repeat(161) }, 'description'],
    ['an unparseable date', { ...validPost, pubDate: 'next Tuesday' }, 'pubDate'],
    ['no tags', { ...validPost, tags: [] }, 'tags'],
    ['a non-URL canonical', { ...validPost, canonical: 'not a url' }, 'canonical'],
    ['an update before publication', { ...validPost, updatedDate: '2026-01-01' }, 'updatedDate'],
    ['an FAQ item without an answer', { ...validPost, faq: [{ question: 'What is an operator?' }] }, 'faq'],
    ['a paint target written as a selector', { ...validPost, paintAfter: '#readiness-check' }, 'paintAfter'],
    ['no closing call to action', { ...validPost, nextStep: undefined }, 'nextStep'],
    ['a closing with no words of its own (only its kind)', { ...validPost, nextStep: { kind: 'audit' } }, 'nextStep'],
    ['a closing of an unknown kind', { ...validPost, nextStep: { ...validPost.nextStep, kind: 'newsletter' } }, 'nextStep'],
  ])('rejects %s', (_label, input, field) => {
    const result = blogSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe('service schema', () => {
  it('requires navTitle, summary, order, covers and its closing', () => {
    const result = serviceSchema.safeParse({ title: 'A valid service title', description: validPost.description });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual(['closing', 'covers', 'navTitle', 'order', 'summary']);
  });
});

describe('content files', () => {
  const cases = [
    { folder: 'blog', schema: blogSchema, min: 900, max: 1600 },
    { folder: 'services', schema: serviceSchema, min: 500, max: 900 },
  ] as const;
  for (const { folder, schema, min, max } of cases) {
    for (const entry of readEntries(folder)) {
      it(`${folder}/${entry.file} validates and has ${min}-${max} words`, () => {
        const result = schema.safeParse(entry.data);
        expect(result.error?.issues ?? []).toEqual([]);
        const words = countWords(entry.body);
        expect(words).toBeGreaterThanOrEqual(min);
        expect(words).toBeLessThanOrEqual(max);
      });
    }
  }
  for (const entry of readEntries('pages')) {
    it(`pages/${entry.file} validates`, () => {
      expect(pageSchema.safeParse(entry.data).error?.issues ?? []).toEqual([]);
    });
  }

  it('the brief\'s blog posts, the three guides and five services all exist', () => {
    expect(readEntries('blog').map((e) => e.file).sort()).toEqual([
      'ai-automation-audit-checklist.mdx', 'ai-operator-vs-ai-agent.mdx', 'approval-rules-for-ai-workflows.mdx',
      'count-a-workflow-baseline-in-one-week.mdx', 'hire-fractional-or-outside-ai-operator.mdx', 'what-is-a-business-ai-operator.mdx',
    ]);
    expect(readEntries('services').map((e) => e.file).sort()).toEqual([
      'ai-automation-for-smbs.mdx', 'ai-customer-success-automation.mdx', 'ai-document-processing.mdx',
      'ai-revops-crm-automation.mdx', 'ai-sales-automation.mdx',
    ]);
  });

  it('service orders are unique', () => {
    const orders = readEntries('services').map((e) => e.data.order);
    expect(new Set(orders).size).toBe(orders.length);
  });
});

// The id rule the collections (as generateId) and the social card route share: Astro's default glob rule.
describe('content entry ids', () => {
  it.each([
    ['what-is-a-business-ai-operator.mdx', 'what-is-a-business-ai-operator'],
    ['privacy.md', 'privacy'],
    ['guides/My-Post.mdx', 'guides/my-post'],
    ['Guides/Getting Started.md', 'guides/getting-started'],
    ['Q&A: AI (2026).mdx', 'qa-ai-2026'],
    ['v1.2-notes.mdx', 'v12-notes'],
    ['guides/index.mdx', 'guides'],
    ['index.mdx', 'index'],
  ])('%s -> %s', (file, id) => {
    expect(contentEntryId(file)).toBe(id);
  });

  it('lets a slug in the frontmatter override the path, as Astro does', () => {
    expect(contentEntryId('guides/My-Post.mdx', { slug: 'custom/Path', title: 'x' })).toBe('custom/Path');
    expect(contentEntryId('guides/My-Post.mdx', { title: 'x' })).toBe('guides/my-post');
  });

  it('keeps every current page at its file name, so no URL moves', () => {
    for (const folder of ['blog', 'services', 'pages']) {
      for (const { file, data } of readEntries(folder)) expect(contentEntryId(file, data)).toBe(file.replace(/\.mdx?$/, ''));
    }
  });
});
