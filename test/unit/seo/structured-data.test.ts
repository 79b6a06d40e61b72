import { describe, expect, it } from 'vitest';
import { blogPosting, breadcrumbList, faqPage, organization, serializeJsonLd, service, webSite } from '../../../src/lib/seo/structured-data.ts';

describe('JSON-LD builders', () => {
  it('Organization and WebSite link by @id', () => {
    const org = organization({ name: 'AI Operator', url: 'https://example.com/', description: 'd', logo: 'https://example.com/l.png', email: 'a@b.c' });
    const site = webSite({ name: 'AI Operator', url: 'https://example.com/', description: 'd' });
    expect(org['@type']).toBe('Organization');
    expect(site.publisher).toEqual({ '@id': org['@id'] });
  });

  it('BreadcrumbList numbers items from 1 in order', () => {
    const list = breadcrumbList([
      { name: 'Home', url: 'https://example.com/' },
      { name: 'Blog', url: 'https://example.com/blog' },
    ]);
    expect(list.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.com/' },
      { '@type': 'ListItem', position: 2, name: 'Blog', item: 'https://example.com/blog' },
    ]);
  });

  it('BlogPosting carries headline, dates, author, image and publisher; modified defaults to published', () => {
    const post = blogPosting({
      headline: 'H',
      description: 'D',
      url: 'https://example.com/blog/h',
      image: 'https://example.com/og/blog/h.png',
      datePublished: new Date('2026-09-15T00:00:00Z'),
      authorName: 'AI Operator team',
      publisherName: 'AI Operator',
      publisherUrl: 'https://example.com/',
      publisherLogo: 'https://example.com/icons/512.png',
      keywords: ['a', 'b'],
      wordCount: 1200,
    });
    expect(post).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'H',
      image: 'https://example.com/og/blog/h.png',
      datePublished: '2026-09-15T00:00:00.000Z',
      dateModified: '2026-09-15T00:00:00.000Z',
      author: { '@type': 'Organization', name: 'AI Operator team' },
      keywords: 'a, b',
      wordCount: 1200,
    });
  });

  it('Service states no area served: the company has not named one', () => {
    const svc = service({ name: 'S', description: 'D', url: 'u', serviceType: 'T', providerName: 'P', providerUrl: 'pu', offers: ['One'] });
    expect(svc).not.toHaveProperty('areaServed');
  });

  it('Service lists what it covers as offers', () => {
    const svc = service({ name: 'S', description: 'D', url: 'u', serviceType: 'T', providerName: 'P', providerUrl: 'pu', offers: ['One', 'Two'] });
    const catalog = svc.hasOfferCatalog as { itemListElement: { itemOffered: { name: string } }[] };
    expect(catalog.itemListElement.map((o) => o.itemOffered.name)).toEqual(['One', 'Two']);
    expect(svc.provider).toEqual({ '@type': 'Organization', name: 'P', url: 'pu' });
  });

  it('FAQPage maps each item to a Question with an accepted Answer', () => {
    const faq = faqPage([{ question: 'Q?', answer: 'A.' }]);
    expect(faq.mainEntity).toEqual([{ '@type': 'Question', name: 'Q?', acceptedAnswer: { '@type': 'Answer', text: 'A.' } }]);
  });

  it('serialises so that content can never close the script element', () => {
    const faq = faqPage([{ question: '</script><script>alert(1)</script>', answer: 'x\u2028y' }]);
    const json = serializeJsonLd(faq);
    expect(json).not.toContain('</script');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual(faq);
  });
});
