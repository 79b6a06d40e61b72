import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { buildHead } from '../../../src/lib/seo/head.ts';
import { blogFeed } from '../../../src/lib/seo/rss.ts';

const post = { id: 'what-is-a-business-ai-operator', data: { title: 'T', description: 'D', pubDate: new Date('2026-12-01T00:00:00Z'), tags: ['a'], author: 'AI Operator team' } };

describe('the blog feed', () => {
  it('links and identifies each post by its canonical URL, with no trailing slash', async () => {
    const xml = await getRssString(blogFeed([post], 'https://aioperator.example', { name: 'AI Operator', contactEmail: 'hello@aioperator.example' }));
    const url = 'https://aioperator.example/blog/what-is-a-business-ai-operator';
    expect(xml).toContain(`<link>${url}</link>`);
    expect(xml).toContain(`<guid isPermaLink="true">${url}</guid>`);
    expect(xml).not.toContain(`${url}/`);
    // The page's own canonical, as its <head> states it.
    expect(buildHead({ description: 'D', path: '/blog/what-is-a-business-ai-operator', siteUrl: 'https://aioperator.example', siteName: 'AI Operator', locale: 'en_US' }).canonical).toBe(url);
  });
});
