// Astro writes its island runtime (the <astro-island> element, 4.4 kB) and each client directive's
// loader inline into every page with an island. Inline, those 1.5 kB of brotli are part of the
// document every visit waits for before its first paint, and Lighthouse's estimate counts the whole
// document: on the calculator and the checklist they pushed it past what one round trip carries.
// Here they become one content-hashed file, cached from page to page, which a 0.2 kB inline loader
// requests once the first contentful paint is reported (as client:after-paint waits for it), so that
// nothing competes with the paint. Islands hydrate no earlier than before: after the paint
// (client:after-paint) or on view (client:visible); the runtime upgrades islands already parsed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from './html-files.ts';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** Astro's own inline scripts: the runtime defines <astro-island>, each directive registers on self.Astro. */
const isAstroIslandScript = (code: string) => code.includes('customElements.define("astro-island"') || code.includes('(self.Astro||(self.Astro={}))');

export interface RuntimeFile {
  /** Path under the site root, e.g. `/_astro/island-runtime.1a2b3c4d.js`. */
  path: string;
  code: string;
}

/**
 * The page with Astro's inline island scripts replaced by the loader of one file where the first
 * stood, and that file (its name hashes its content: pages with the same directives
 * share one file). A page without them comes back unchanged, with no file.
 */
export function externalizeIslandRuntime(html: string): { html: string; file: RuntimeFile | null } {
  const parts: string[] = [];
  const marked = html.replace(INLINE_SCRIPT, (script, code: string) => {
    if (!isAstroIslandScript(code)) return script;
    parts.push(code);
    return parts.length === 1 ? '\0runtime\0' : '';
  });
  if (parts.length === 0) return { html, file: null };
  // Each part is a complete statement, `(()=>{...})();`: joined by newlines they run as they did inline, in order.
  const code = `${parts.join('\n')}\n`;
  const path = `/_astro/island-runtime.${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`;
  return { html: marked.replace('\0runtime\0', `<script>${runtimeLoader(path)}</script>`), file: { path, code } };
}

/** How long the loader waits for a paint report before it adds the runtime anyway. */
export const PAINT_REPORT_FALLBACK_MS = 5000;

/**
 * Adds the script at `path` once the first contentful paint is reported (`buffered`: the loader runs in
 * the body, and the paint may come first), or after PAINT_REPORT_FALLBACK_MS in case it never is, once;
 * a browser without paint timing adds it at once (the directives still wait for their own moment).
 */
export function runtimeLoader(path: string): string {
  return `(()=>{let d=0;const l=()=>{d||(d=1,document.head.append(Object.assign(document.createElement("script"),{src:${JSON.stringify(path)}})))};if(typeof PerformanceObserver=="function"&&PerformanceObserver.supportedEntryTypes?.includes("paint")){const o=new PerformanceObserver(e=>{e.getEntriesByName("first-contentful-paint").length&&(o.disconnect(),l())});o.observe({type:"paint",buffered:!0});setTimeout(l,${PAINT_REPORT_FALLBACK_MS})}else l()})();`;
}

export function islandRuntimeFileIntegration(): AstroIntegration {
  return {
    name: 'ai-operator:island-runtime-file',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const written = new Set<string>();
        for (const file of htmlFiles(dist)) {
          const result = externalizeIslandRuntime(readFileSync(file, 'utf8'));
          if (!result.file) continue;
          writeFileSync(file, result.html);
          if (written.has(result.file.path)) continue;
          mkdirSync(join(dist, '_astro'), { recursive: true });
          writeFileSync(join(dist, result.file.path), result.file.code);
          written.add(result.file.path);
        }
        logger.info(`moved the inline island runtime to ${[...written].join(', ') || 'no file (no page has an island)'}`);
      },
    },
  };
}
