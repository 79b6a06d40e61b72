// The build writes each page's path into its links to the booking page (no script on content pages).
import { describe, expect, it } from 'vitest';
import { tagLeadLinks } from '../../../src/lib/leads/links.ts';

describe('tagLeadLinks', () => {
  it('adds the page to links to the booking page, keeping their query and hash', () => {
    const html = '<a href="/book-audit" class="btn">Book</a> <a href="/book-audit#pick-a-time">Pick</a> <a href="/book-audit?p=sales&amp;tm=20">With numbers</a>';
    expect(tagLeadLinks(html, '/blog/x')).toBe(
      '<a href="/book-audit?from=%2Fblog%2Fx" class="btn">Book</a> <a href="/book-audit?from=%2Fblog%2Fx#pick-a-time">Pick</a> <a href="/book-audit?p=sales&amp;tm=20&amp;from=%2Fblog%2Fx">With numbers</a>',
    );
  });
  it('leaves other links, the booking result pages and links that already name a page alone', () => {
    const html = '<a href="/book-audit/cancelled">x</a><a href="/blog/book-audit">y</a><a href="/book-audit?from=%2Fother">z</a><a href="https://other.example/book-audit">w</a>';
    expect(tagLeadLinks(html, '/blog/x')).toBe(html);
  });
  it('leaves the links inside a React island alone (hydration would undo the change)', () => {
    const html = '<a href="/book-audit">before</a><astro-island uid="1" component-url="/x.js"><a href="/book-audit?p=1">island</a></astro-island><a href="/book-audit">after</a>';
    expect(tagLeadLinks(html, '/resources/calc')).toBe(
      '<a href="/book-audit?from=%2Fresources%2Fcalc">before</a><astro-island uid="1" component-url="/x.js"><a href="/book-audit?p=1">island</a></astro-island><a href="/book-audit?from=%2Fresources%2Fcalc">after</a>',
    );
  });

  it('leaves the booking page\'s own links alone: they jump within the page, a query would reload it', () => {
    const html = '<a href="/book-audit#pick-a-time">Book an audit</a>';
    expect(tagLeadLinks(html, '/book-audit')).toBe(html);
  });
});
