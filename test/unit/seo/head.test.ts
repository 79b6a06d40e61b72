import { describe, expect, it } from 'vitest';
import { absoluteUrl, buildHead, cleanPath, socialImagePath, type HeadInput } from '../../../src/lib/seo/head.ts';

const base: HeadInput = {
  title: 'AI sales automation',
  description: '  Lead follow-up and CRM enrichment for small sales teams.  ',
  path: '/services/ai-sales-automation',
  siteUrl: 'https://example.com',
  siteName: 'AI Operator',
  locale: 'en_US',
};
const metaValue = (head: ReturnType<typeof buildHead>, key: string) =>
  head.meta.find((m) => m.name === key || m.property === key)?.content;

describe('buildHead', () => {
  it('appends the site name to inner page titles and leaves the home title bare', () => {
    expect(buildHead(base).title).toBe('AI sales automation | AI Operator');
    expect(buildHead({ ...base, title: undefined, path: '/' }).title).toBe('AI Operator');
    expect(buildHead({ ...base, titleSeparator: ' · ' }).title).toBe('AI sales automation · AI Operator');
  });

  it('builds the canonical URL from the path, without a trailing slash', () => {
    expect(buildHead(base).canonical).toBe('https://example.com/services/ai-sales-automation');
    expect(buildHead({ ...base, path: '/blog/' }).canonical).toBe('https://example.com/blog');
    expect(buildHead({ ...base, path: '/' }).canonical).toBe('https://example.com/');
  });

  it('prefers an explicit canonical, resolving relative ones against the site', () => {
    expect(buildHead({ ...base, canonical: 'https://elsewhere.org/post' }).canonical).toBe('https://elsewhere.org/post');
    expect(buildHead({ ...base, canonical: '/ai-operator' }).canonical).toBe('https://example.com/ai-operator');
  });

  it('fills Open Graph and Twitter tags from the same title and trimmed description', () => {
    const head = buildHead(base);
    expect(head.description).toBe('Lead follow-up and CRM enrichment for small sales teams.');
    expect(metaValue(head, 'og:title')).toBe('AI sales automation');
    expect(metaValue(head, 'og:description')).toBe(head.description);
    expect(metaValue(head, 'og:url')).toBe(head.canonical);
    expect(metaValue(head, 'og:type')).toBe('website');
    expect(metaValue(head, 'og:site_name')).toBe('AI Operator');
    expect(metaValue(head, 'twitter:title')).toBe('AI sales automation');
    expect(metaValue(head, 'twitter:card')).toBe('summary');
  });

  it('uses a large card and absolute image URLs when an image is given', () => {
    const head = buildHead({ ...base, image: '/og/services/ai-sales-automation.png', imageAlt: 'Card' });
    expect(metaValue(head, 'twitter:card')).toBe('summary_large_image');
    expect(metaValue(head, 'og:image')).toBe('https://example.com/og/services/ai-sales-automation.png');
    expect(metaValue(head, 'twitter:image')).toBe('https://example.com/og/services/ai-sales-automation.png');
    expect(metaValue(head, 'og:image:alt')).toBe('Card');
  });

  it('adds article times only to articles', () => {
    const published = new Date('2026-10-06T00:00:00Z');
    const modified = new Date('2026-11-18T00:00:00Z');
    const article = buildHead({ ...base, type: 'article', publishedTime: published, modifiedTime: modified });
    expect(metaValue(article, 'article:published_time')).toBe('2026-10-06T00:00:00.000Z');
    expect(metaValue(article, 'article:modified_time')).toBe('2026-11-18T00:00:00.000Z');
    expect(metaValue(buildHead({ ...base, publishedTime: published }), 'article:published_time')).toBeUndefined();
  });

  it('marks noindex pages and only those', () => {
    expect(metaValue(buildHead({ ...base, noindex: true }), 'robots')).toBe('noindex, follow');
    expect(metaValue(buildHead(base), 'robots')).toBeUndefined();
  });

  it('emits each meta key once', () => {
    const head = buildHead({ ...base, type: 'article', image: '/a.png', imageAlt: 'A', publishedTime: new Date(), noindex: true });
    const keys = head.meta.map((m) => m.name ?? m.property);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('absoluteUrl', () => {
  it('resolves against URL objects and strips trailing slashes', () => {
    expect(absoluteUrl('/blog/', new URL('https://example.com'))).toBe('https://example.com/blog');
    expect(absoluteUrl('/', 'https://example.com')).toBe('https://example.com/');
  });
});

describe('cleanPath', () => {
  it('turns the paths Astro reports while building into the public clean URLs', () => {
    expect(cleanPath('/index.html')).toBe('/');
    expect(cleanPath('/')).toBe('/');
    expect(cleanPath('/blog.html')).toBe('/blog');
    expect(cleanPath('/blog/index.html')).toBe('/blog');
    expect(cleanPath('/blog/post.html')).toBe('/blog/post');
    expect(cleanPath('/blog/post/')).toBe('/blog/post');
    expect(cleanPath('/newsletter/confirmed')).toBe('/newsletter/confirmed');
  });
});

describe('socialImagePath', () => {
  it('points at the card route with a readable page parameter', () => {
    expect(socialImagePath('blog/what-is-a-business-ai-operator')).toBe('/api/og?page=blog/what-is-a-business-ai-operator');
    expect(socialImagePath('default')).toBe('/api/og?page=default');
  });
});
