// The rules the quality gates apply: budget matching, JSON-LD requirements, link and script discovery.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor, loadQualityConfig, routeMatches } from '../../scripts/quality/config.ts';
import { expectedTypes, jsonLdProblems } from '../../scripts/quality/structured-data.ts';
import { pageRefs } from '../../scripts/quality/html-refs.ts';
import { linkProblems } from '../../scripts/quality/links.ts';
import { pageWeight, scriptClosure } from '../../scripts/quality/page-weight.ts';
import { blogPosting, breadcrumbList, faqPage, organization, service, webSite } from '../../src/lib/seo/structured-data.ts';

describe('budget config', () => {
  const config = loadQualityConfig();
  it('matches `*` to exactly one path segment', () => {
    expect(routeMatches('/services/ai-sales-automation', '/services/*')).toBe(true);
    expect(routeMatches('/services', '/services/*')).toBe(false);
    expect(routeMatches('/services/a/b', '/services/*')).toBe(false);
  });
  it('gives service pages the one-round-trip budget, the hub a long article\'s, and neither JavaScript', () => {
    const service = budgetFor('/services/ai-document-processing', config)!;
    expect(service.documentPlusCss.gzip).toBeLessThanOrEqual(14 * 1024);
    expect(service.javascript.gzip).toBe(0);
    const hub = budgetFor('/ai-operator', config)!;
    expect(hub.documentPlusCss.gzip).toBeLessThanOrEqual(20 * 1024);
    expect(hub.javascript.gzip).toBe(0);
  });
  it('caps the calculator at 70 kB of gzip JavaScript', () => {
    expect(budgetFor('/resources/ai-automation-roi-calculator', config)!.javascript.gzip).toBe(70 * 1024);
  });
  it('gives every budget a reason', () => {
    for (const budget of config.sizes) expect(budget.reason.length).toBeGreaterThan(20);
    for (const exemption of config.lighthouse.exemptions) expect(exemption.reason.length).toBeGreaterThan(20);
  });
});

describe('JSON-LD rules', () => {
  const posting = blogPosting({
    headline: 'H', description: 'D', url: 'https://x.org/blog/h', image: 'https://x.org/og.png', datePublished: new Date('2026-10-01'),
    authorName: 'A', publisherName: 'P', publisherUrl: 'https://x.org/', publisherLogo: 'https://x.org/l.png', keywords: [], wordCount: 1,
  });
  it('accepts what the site builders produce', () => {
    const blocks = [
      posting,
      organization({ name: 'O', url: 'https://x.org/', description: 'd', logo: 'https://x.org/l.png', email: 'a@x.org' }),
      webSite({ name: 'W', url: 'https://x.org/', description: 'd' }),
      breadcrumbList([{ name: 'Home', url: 'https://x.org/' }]),
      service({ name: 'S', description: 'd', url: 'https://x.org/s', serviceType: 't', providerName: 'P', providerUrl: 'https://x.org/', offers: ['a'] }),
      faqPage([{ question: 'Q?', answer: 'A.' }]),
    ];
    for (const block of blocks) expect(jsonLdProblems(JSON.stringify(block)).problems).toEqual([]);
  });
  it('names each missing or malformed property', () => {
    const { image: _image, ...noImage } = posting;
    expect(jsonLdProblems(JSON.stringify(noImage)).problems).toEqual(['BlogPosting: missing image']);
    expect(jsonLdProblems(JSON.stringify({ ...posting, datePublished: 'last week' })).problems).toEqual(['BlogPosting: datePublished is not an ISO 8601 date']);
    expect(jsonLdProblems(JSON.stringify({ ...posting, image: '/og.png' })).problems).toEqual(['BlogPosting: image must be an absolute URL']);
    expect(jsonLdProblems('{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Q"}]}').problems)
      .toEqual(['FAQPage: question 1 needs a name and an acceptedAnswer.text']);
    expect(jsonLdProblems('{not json').problems[0]).toMatch(/^JSON-LD does not parse/);
    expect(jsonLdProblems('{"@context":"https://schema.org","@type":"Recipe"}').problems[0]).toMatch(/no rules for this type/);
  });
  it('expects the types each kind of page must carry', () => {
    expect(expectedTypes('/', '')).toEqual(['Organization', 'WebSite']);
    expect(expectedTypes('/blog/x', '<h2 id="faq">')).toEqual(['BreadcrumbList', 'BlogPosting', 'FAQPage']);
    expect(expectedTypes('/services/x', '')).toEqual(['BreadcrumbList', 'Service']);
    // A result page says noindex: it sits outside the site's hierarchy, so it needs no breadcrumbs.
    const noindex = '<meta name="robots" content="noindex, follow">';
    expect(expectedTypes('/newsletter/confirmed', noindex)).toEqual([]);
    expect(expectedTypes('/book-audit/cancelled', noindex)).toEqual([]);
    expect(expectedTypes('/book-audit', '')).toEqual(['BreadcrumbList']);
  });
});

describe('page references', () => {
  it('separates links, assets, scripts and JSON-LD', () => {
    const refs = pageRefs(`<link rel="canonical" href="https://x.org/a"><link rel="icon" href="/f.svg"><link rel="stylesheet" href="/_astro/a.css">
      <a href="/b?x=1&amp;y=2#top">b</a><img src="/i.png" alt=""><h2 id="top">t</h2>
      <script type="application/ld+json">{"a":1}</script><script type="module" src="/_astro/m.js"></script><script>inline()</script>
      <astro-island component-url="/_astro/C.js" renderer-url="/_astro/client.js"></astro-island><meta name="robots" content="noindex, follow">`);
    expect(refs.links).toEqual(['/b?x=1&y=2#top', 'https://x.org/a']);
    expect(refs.assets).toEqual(['/i.png', '/f.svg', '/_astro/a.css', '/_astro/m.js']);
    expect(refs.stylesheets).toEqual(['/_astro/a.css']);
    expect(refs.scripts).toEqual([{ src: '/_astro/m.js' }, { inline: 'inline()' }]);
    expect(refs.islandModules).toEqual(['/_astro/C.js', '/_astro/client.js']);
    expect(refs.jsonLd).toEqual(['{"a":1}']);
    expect([...refs.ids]).toEqual(['top']);
    expect(refs.noindex).toBe(true);
  });
});

describe('built-file checks', () => {
  const dist = mkdtempSync(join(tmpdir(), 'gates-'));
  mkdirSync(join(dist, '_astro'));
  mkdirSync(join(dist, 'blog'));
  writeFileSync(join(dist, 'index.html'), '<link rel="expect" href="#footer" blocking="render"><a href="/blog/post#intro">ok</a><a href="/blog/post#nope">bad fragment</a><a href="/gone">gone</a><a href="https://elsewhere.org/">off-site</a><a href="mailto:a@b.c">mail</a><img src="/missing.png" alt="">');
  writeFileSync(join(dist, 'blog', 'post.html'), '<link rel="expect" href="#intro" blocking="render"><h2 id="intro">Intro</h2><a href="/">home</a><astro-island component-url="/_astro/island.js"></astro-island>');
  writeFileSync(join(dist, '_astro', 'island.js'), 'import{a}from"./chunk.js";import"./side.js";const l=()=>import("./lazy.js");export{a};');
  writeFileSync(join(dist, '_astro', 'chunk.js'), 'export const a = 1;'.repeat(50));
  writeFileSync(join(dist, '_astro', 'side.js'), 'console.log(1)');
  writeFileSync(join(dist, '_astro', 'lazy.js'), 'never counted');
  const pages = [{ route: '/', file: join(dist, 'index.html') }, { route: '/blog/post', file: join(dist, 'blog', 'post.html') }];

  it('reports each broken link, fragment, asset and off-site reference with its page', () => {
    expect(linkProblems(pages, 'https://x.org', dist).map((p) => `${p.route}: ${p.message}`)).toEqual([
      '/: broken fragment: /blog/post#nope (/blog/post has no id="nope")',
      '/: broken link: /gone (no built file for /gone)',
      '/: link points off-site: https://elsewhere.org/ (pages make no external requests or links)',
      // The element the first paint waits for must exist, or the paint waits for the whole document.
      '/: broken fragment: #footer (/ has no id="footer")',
      '/: broken asset: /missing.png (no built file for /missing.png)',
    ]);
  });

  it('counts an island and its static imports as the page JavaScript, not lazy chunks', () => {
    expect(scriptClosure(['/_astro/island.js'], dist).sort()).toEqual(['/_astro/chunk.js', '/_astro/island.js', '/_astro/side.js']);
    const weight = pageWeight(pages[1]!, dist);
    expect(weight.javascript.raw).toBe('import{a}from"./chunk.js";import"./side.js";const l=()=>import("./lazy.js");export{a};'.length + 'export const a = 1;'.length * 50 + 'console.log(1)'.length);
    expect(pageWeight(pages[0]!, dist).javascript.raw).toBe(0);
  });

  it('counts a script an inline script adds by its path (the island runtime loader) with the inline script', () => {
    const loader = 'document.head.append(Object.assign(document.createElement("script"),{src:"/_astro/side.js"}))';
    writeFileSync(join(dist, 'loader.html'), `<p>x</p><script>${loader}</script>`);
    const weight = pageWeight({ route: '/loader', file: join(dist, 'loader.html') }, dist);
    expect(weight.scriptFiles).toEqual(['/_astro/side.js']);
    expect(weight.javascript.raw).toBe(loader.length + 'console.log(1)'.length);
  });
});
