// After the build, each page keeps only the CSS rules its own markup uses. The stylesheet holds
// every utility of every page; one page needs about a third of it, and the inlined CSS is most of
// what a visitor downloads before the first paint (the one-round-trip budget in budgets.json).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PurgeCSS } from 'purgecss';
import { htmlFiles } from './html-files.ts';

const STYLE = /<style>([\s\S]*?)<\/style>/g;
const EXECUTABLE_SCRIPT = /<script(?![^>]*type="application\/ld\+json")[\s>]/;
const INLINE_EXECUTABLE_SCRIPT = /<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g;
const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/;

// Tailwind class names carry `:`, `[`, `/` and `=` (lg:block, aria-[current=page]:underline): a token
// runs to the next quote, angle bracket or space, never ending in a colon.
const tailwindTokens = (content: string) => content.match(/[^<>"'`\s]*[^<>"'`\s:]/g) ?? [];

// What PurgeCSS matches selectors against: the tokens, and the name of every attribute given a value. A token
// `tabindex=` (from tabindex="0", or tabIndex={0} in an island) is no attribute name to PurgeCSS, which then
// dropped `[tabindex]:focus-visible`, the site's focus ring on every table's scroll region. A Tailwind class
// (`aria-[current=page]:underline`) has its `=` inside brackets, so it names no attribute.
const ATTRIBUTE_NAME = /(?:^|[\s<])([A-Za-z][\w-]*)=/g;
const purgeTokens = (content: string) => [...tailwindTokens(content), ...[...content.matchAll(ATTRIBUTE_NAME)].map((m) => m[1]!.toLowerCase())];

// Attribute variants (aria-[current=page]:..., group-open:...) match state the markup or the browser sets.
// `class` is here for the typography plugin: every prose rule carries :not(:where([class~=not-prose]...)),
// and token-only extraction knows no attribute names, so without it PurgeCSS dropped all prose styles.
const STATE_ATTRIBUTES = ['class', 'aria-current', 'aria-invalid', 'aria-expanded', 'aria-selected', 'aria-pressed', 'open', 'disabled', 'data-state'];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// Attribute values that say nothing about styling (URLs, text, ids, geometry) are dropped before the
// page is tokenised, along with text and JSON-LD: what is left decides which rules survive.
const FREE_TEXT_ATTRIBUTES = /\s(href|src|srcset|alt|title|content|datetime|aria-label|aria-labelledby|aria-describedby|id|for|name|value|placeholder|action|pattern|width|height|viewBox|d|x|y|cx|cy|r|rx|points|transform|refX|refY|markerWidth|markerHeight|text-anchor|font-size|font-weight|fill|stroke|stroke-width|marker-end|integrity)="[^"]*"/g;

/** The page reduced to its styling-relevant tokens, sorted and unique: pages with equal keys prune alike. */
export function styleTokens(markup: string): string {
  const skeleton = markup
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/>[^<]*</g, '><')
    .replace(FREE_TEXT_ATTRIBUTES, ' $1');
  return [...new Set(tailwindTokens(skeleton))].sort().join(' ');
}

const PROPERTY_RULE = /@property\s+(--[\w-]+)\s*\{[^}]*\}/g;
const VAR_READ = /var\(\s*(--[\w-]+)/g;

/**
 * Drops each `@property` rule whose variable nothing reads with var(): PurgeCSS keeps every one, and
 * Tailwind registers about sixty (gradients, filters, rings) of which a page reads a third. A
 * registration only changes how var() resolves, so an unread one does nothing. `readers` is the
 * other text that may read one: the page's markup (a style attribute) and its islands' sources.
 */
export function dropUnreadProperties(css: string, readers: string[] = []): string {
  const read = new Set([css.replace(PROPERTY_RULE, ''), ...readers].flatMap((text) => [...text.matchAll(VAR_READ)].map((m) => m[1]!)));
  return css.replace(PROPERTY_RULE, (rule, name: string) => (read.has(name) ? rule : ''));
}

/** One purge per distinct (stylesheet, token set): a thousand posts with one layout cost one purge. */
const purgeCache = new Map<string, Promise<string>>();

function purge(css: string, cssHash: string, tokens: string, islandSources: string[]): Promise<string> {
  const key = `${cssHash} ${islandSources.length ? sha256(islandSources.join('\0')) : ''} ${tokens}`;
  let result = purgeCache.get(key);
  if (!result) {
    const content = [{ raw: tokens, extension: 'html' }, ...islandSources.map((raw) => ({ raw, extension: 'tsx' }))];
    result = new PurgeCSS()
      .purge({ content, css: [{ raw: css }], defaultExtractor: purgeTokens, dynamicAttributes: STATE_ATTRIBUTES, variables: true, keyframes: true })
      .then(([output]) => dropUnreadProperties(output!.css, [tokens, ...islandSources]));
    purgeCache.set(key, result);
  }
  return result;
}

/**
 * Prunes each inline <style> to the rules the page uses, gathers them into one <style> in the head,
 * and keeps the page's CSP meta in step: the page's own style and script hashes only, and
 * `script-src 'none'` on pages that run no script at all.
 * `islandSources` is markup a hydrated island may render later (its classes must survive).
 */
export async function prunePageCss(html: string, islandSources: string[] = []): Promise<string> {
  const markup = html.replace(STYLE, '');
  const tokens = styleTokens(markup);
  const styles = [...html.matchAll(STYLE)].map((m) => ({ css: m[1]!, hash: sha256(m[1]!) }));
  const pruned = await Promise.all(styles.map((style) => purge(style.css, style.hash, tokens, islandSources)));
  // One <style>, one hash. Astro writes its island style where the first island renders; inside MDX
  // that is the body, where a <style> is invalid HTML.
  const css = pruned.join('');
  const [head, body] = splitAtBody(html);
  let result = pruned.length ? head.replace(STYLE, '').replace('</head>', `<style>${css}</style></head>`) + body.replace(STYLE, '') : html;
  result = result.replace(CSP_META, (_all, open: string, policy: string, close: string) => {
    // Astro puts every style and script hash of the build on every page; each page lists its own.
    let next = policy.replace(/style-src [^;]*/, `style-src 'self'${pruned.length ? ` ${sha256(css)}` : ''}`);
    const scriptHashes = [...markup.matchAll(INLINE_EXECUTABLE_SCRIPT)].map((m) => sha256(m[1]!));
    next = EXECUTABLE_SCRIPT.test(markup)
      ? next.replace(/script-src [^;]*/, ['script-src', "'self'", ...new Set(scriptHashes)].join(' '))
      : next.replace(/script-src [^;]*/, "script-src 'none'");
    return open + next + close;
  });
  return result;
}

function splitAtBody(html: string): [string, string] {
  const at = html.indexOf('<body');
  return at === -1 ? [html, ''] : [html.slice(0, at), html.slice(at)];
}

function sourceFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(tsx|ts|jsx)$/.test(e.name))
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
  } catch {
    return [];
  }
}

/**
 * The source of the islands a page hydrates: the folder of each island component the page names in
 * its astro-island component-url (/_astro/RoiCalculator.<hash>.js), plus the files shared by all
 * islands. Another page's island never renders here, so its classes need not be kept. An island
 * whose folder is not found keeps every island's classes (never prune what might render).
 */
export function islandSourcesFor(html: string, islandsDir: string): string[] {
  const names = [...html.matchAll(/<astro-island[^>]*\scomponent-url="[^"]*\/([A-Za-z0-9_-]+)\.[^"/]*"/g)].map((m) => m[1]!);
  if (names.length === 0) return html.includes('<astro-island') ? sourceFiles(islandsDir) : [];
  const folders = readdirSync(islandsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(islandsDir, e.name));
  const shared = readdirSync(islandsDir, { withFileTypes: true }).filter((e) => e.isFile() && /\.(tsx|ts|jsx)$/.test(e.name)).map((e) => readFileSync(join(islandsDir, e.name), 'utf8'));
  const sources: string[] = [];
  for (const name of new Set(names)) {
    const folder = folders.find((dir) => readdirSync(dir).some((file) => file.replace(/\.(tsx|jsx|ts)$/, '') === name));
    if (!folder) return sourceFiles(islandsDir);
    sources.push(...sourceFiles(folder));
  }
  return [...sources, ...shared];
}

export function prunePageCssIntegration(): AstroIntegration {
  return {
    name: 'ai-operator:prune-page-css',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const islandsDir = fileURLToPath(new URL('../../src/islands', import.meta.url));
        const started = performance.now();
        let before = 0;
        let after = 0;
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const next = await prunePageCss(html, islandSourcesFor(html, islandsDir));
          writeFileSync(file, next);
          before += html.length;
          after += next.length;
        }
        logger.info(`pruned unused CSS per page in ${((performance.now() - started) / 1000).toFixed(1)} s: ${(before / 1024).toFixed(0)} kB -> ${(after / 1024).toFixed(0)} kB of HTML`);
      },
    },
  };
}
