import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { islandSourcesFor, prunePageCss } from '../../scripts/_lib/prune-page-css.ts';

const css = [
  '.used{color:red}',
  '.unused{color:blue}',
  '.lg\\:block{@media (width>=64rem){display:block}}',
  '.aria-\\[current\\=page\\]\\:underline{&[aria-current=page]{text-decoration:underline}}',
  // Tailwind's compiled output for group-open:hidden, as in the built pages.
  ':is(:where(.group):is([open]) .group-open\\:hidden){display:none}',
  '.island-only{color:green}',
  // What @tailwindcss/typography emits: the :not() opt-out must not make PurgeCSS drop the rule.
  '.prose-site :where(h2):not(:where([class~=not-prose],[class~=not-prose] *)){font-size:1.5em}',
  '.prose-site :where(kbd):not(:where([class~=not-prose],[class~=not-prose] *)){font-family:mono}',
].join('');
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-abc'; style-src 'self' ${hash(css)};"><style>${css}</style></head><body>${body}</body></html>`;
const styleOf = (html: string) => /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;

describe('prunePageCss', () => {
  const body = '<details class="group"><summary class="group-open:hidden">x</summary></details><nav class="hidden lg:block"><a class="used aria-[current=page]:underline" aria-current="page">a</a></nav><div class="prose-site"><h2>Heading</h2></div>';

  it('keeps the rules the page uses, variants included, and drops the rest', async () => {
    const style = styleOf(await prunePageCss(page(body)));
    expect(style).toContain('.used');
    expect(style).toContain('.lg\\:block');
    expect(style).toContain('.aria-\\[current\\=page\\]\\:underline');
    expect(style).toContain('.group-open\\:hidden');
    expect(style).toContain('.prose-site :where(h2)');
    expect(style).not.toContain(':where(kbd)');
    expect(style).not.toContain('.unused');
    expect(style).not.toContain('.island-only');
  });

  // global.css names its focus ring by element and by attribute; PurgeCSS keeps an attribute selector only when
  // it knows the attribute is used, and the page's tokens (`tabindex=`) never told it: every table's scroll
  // region (tabindex="0") showed the browser's ring instead of the site's.
  it('keeps an attribute rule where the page or an island it hydrates has that attribute, and drops it elsewhere', async () => {
    const ring = 'a:focus-visible,select:focus-visible,[tabindex]:focus-visible,[popover]:popover-open{outline:2px solid}';
    const html = (body: string) => `<html><head><style>${ring}</style></head><body>${body}</body></html>`;
    const region = styleOf(await prunePageCss(html('<a href="/">x</a><div class="table-scroll" tabindex="0" role="region"><table></table></div>')));
    expect(region).toContain('[tabindex]:focus-visible');
    expect(region).not.toContain('select:focus-visible');
    expect(region).not.toContain('[popover]');
    // An island's JSX spells it tabIndex.
    expect(styleOf(await prunePageCss(html('<a href="/">x</a>'), ['<div tabIndex={0} role="region" />']))).toContain('[tabindex]:focus-visible');
    expect(styleOf(await prunePageCss(html('<a href="/">x</a><nav popover id="m"></nav>')))).toContain('[popover]:popover-open');
    // No such attribute, no rule; a word in the text is not an attribute.
    const plain = styleOf(await prunePageCss(html('<a href="/">tabindex popover</a>')));
    expect(plain).toContain('a:focus-visible');
    expect(plain).not.toContain('[tabindex]');
    expect(plain).not.toContain('[popover]');
  });

  it('gathers the styles, the one Astro writes in the body included, into one <style> in the head with one hash', async () => {
    const html = await prunePageCss(page(`${body}<astro-island></astro-island><style>astro-island{display:contents}</style>`));
    const [head, rest] = html.split('<body>');
    expect(rest).not.toContain('<style>');
    expect(head!.match(/<style>/g)).toHaveLength(1);
    const style = styleOf(html);
    expect(style.endsWith('astro-island{display:contents}')).toBe(true);
    expect(style).toContain('.used');
    expect(html).toMatch(new RegExp(`style-src 'self' ${hash(style).replace(/[+/]/g, '\\$&')};`));
  });

  it('keeps classes an island renders later', async () => {
    expect(styleOf(await prunePageCss(page(body), ['<p className="island-only" />']))).toContain('.island-only');
  });

  it('drops the @property rules of variables nothing reads, and keeps those read in CSS, markup or an island', async () => {
    const registered = (name: string) => `@property ${name}{syntax:"*";inherits:false}`;
    const sheet = `${registered('--tw-shadow')}${registered('--tw-blur')}${registered('--tw-ring-color')}${registered('--tw-ring')}${registered('--tw-opacity')}.used{box-shadow:var(--tw-shadow);--tw-blur:2px;outline-color:var( --tw-ring-color,red)}`;
    const html = (body: string) => `<html><head><style>${sheet}</style></head><body>${body}</body></html>`;
    const kept = styleOf(await prunePageCss(html('<p class="used" style="opacity:var(--tw-opacity)">x</p>')));
    expect(kept).toContain(registered('--tw-shadow'));
    expect(kept).toContain(registered('--tw-ring-color'));
    expect(kept).toContain(registered('--tw-opacity'));
    // Set but never read, and a name that is only the prefix of a read one.
    expect(kept).not.toContain(registered('--tw-blur'));
    expect(kept).not.toContain(registered('--tw-ring'));
    const island = styleOf(await prunePageCss(html('<p class="used">x</p>'), ["<p style={{ filter: 'blur(var(--tw-blur))' }} />"]));
    expect(island).toContain(registered('--tw-blur'));
    expect(island).not.toContain(registered('--tw-opacity'));
  });

  it('rewrites the CSP style hash to match the pruned stylesheet', async () => {
    const html = await prunePageCss(page(body));
    expect(html).toContain(hash(styleOf(html)));
    expect(html).not.toContain(hash(css));
  });

  it("lists only the page's own inline scripts in script-src, and 'none' on pages that run no script", async () => {
    expect(await prunePageCss(page(body))).toContain("script-src 'none';");
    const withJsonLd = await prunePageCss(page(`${body}<script type="application/ld+json">{}</script>`));
    expect(withJsonLd).toContain("script-src 'none';");
    // Astro's list holds every inline script of the build ('sha256-abc' stands for another page's).
    const external = await prunePageCss(page(`${body}<script type="module" src="/_astro/a.js"></script>`));
    expect(external).toContain("script-src 'self';");
    const inline = await prunePageCss(page(`${body}<script>one()</script><script type="module">two()</script><script>one()</script><script type="application/ld+json">{}</script>`));
    expect(inline).toContain(`script-src 'self' ${hash('one()')} ${hash('two()')};`);
    expect(inline).not.toContain('sha256-abc');
  });
});

describe('islandSourcesFor', () => {
  // Two island folders and a shared helper, as in src/islands.
  const dir = mkdtempSync(join(tmpdir(), 'islands-'));
  mkdirSync(join(dir, 'calculator'));
  mkdirSync(join(dir, 'booking'));
  writeFileSync(join(dir, 'calculator', 'Calculator.tsx'), 'calc-class');
  writeFileSync(join(dir, 'calculator', 'chart.tsx'), 'chart-class');
  writeFileSync(join(dir, 'booking', 'BookingIsland.tsx'), 'booking-class');
  writeFileSync(join(dir, 'download.ts'), 'shared-class');
  const island = (name: string) => `<astro-island uid="1" component-url="/_astro/${name}.AbC-12_x.js" renderer-url="/_astro/client.js"></astro-island>`;

  it('keeps only the folder of the island the page hydrates, and the shared files', () => {
    expect(islandSourcesFor(island('Calculator'), dir).sort()).toEqual(['calc-class', 'chart-class', 'shared-class']);
  });
  it('keeps both folders on a page with two islands', () => {
    expect(islandSourcesFor(island('Calculator') + island('BookingIsland'), dir).sort()).toEqual(['booking-class', 'calc-class', 'chart-class', 'shared-class']);
  });
  it('keeps nothing on a page without islands, and everything for an island it cannot place', () => {
    expect(islandSourcesFor('<main>no islands</main>', dir)).toEqual([]);
    expect(islandSourcesFor(island('Unknown'), dir).sort()).toEqual(['booking-class', 'calc-class', 'chart-class', 'shared-class']);
  });
});
