// What a visitor downloads for one built page, gzip and brotli: the document (inline CSS included),
// blocking stylesheets, every script the page runs (following static imports), and images.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST, type BuiltPage } from './site-files.ts';
import { pageRefs } from './html-refs.ts';

export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight {
  route: string;
  document: Bytes;
  /** The <style> blocks inside the document (already counted in `document`). */
  inlineCss: Bytes;
  blockingCss: Bytes;
  javascript: Bytes;
  /** Images the page shows (compressed formats: raw bytes only). */
  imagesRaw: number;
  scriptFiles: string[];
}

const zero = (): Bytes => ({ raw: 0, gzip: 0, brotli: 0 });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

export function measure(content: Buffer | string): Bytes {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: buffer.byteLength,
    gzip: gzipSync(buffer, { level: 9 }).byteLength,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

/** A script and everything it imports statically, as dist-relative paths. */
export function scriptClosure(entries: string[], dist = DIST): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    const clean = path.split('?')[0]!;
    if (seen.has(clean) || !existsSync(join(dist, clean))) return;
    seen.add(clean);
    const code = readFileSync(join(dist, clean), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) visit(new URL(match[1]!, `http://x${clean}`).pathname);
  };
  entries.forEach(visit);
  return [...seen];
}

export function pageWeight(page: BuiltPage, dist = DIST): PageWeight {
  const html = readFileSync(page.file, 'utf8');
  const refs = pageRefs(html);
  const local = (url: string) => url.startsWith('/') && !url.startsWith('//');
  const inlineScripts = refs.scripts.flatMap((s) => (s.inline ? [s.inline] : []));
  // A script an inline script adds by its path (the island runtime's loader, scripts/_lib/island-runtime-file.ts).
  const loadedByInline = inlineScripts.flatMap((code) => [...code.matchAll(/"(\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const scriptFiles = scriptClosure([...refs.scripts.flatMap((s) => (s.src && local(s.src) ? [s.src] : [])), ...loadedByInline, ...refs.islandModules.filter(local)], dist);
  const images = [...html.matchAll(/<img\s[^>]*?src="(\/[^"]+)"/g)].map((m) => join(dist, m[1]!)).filter(existsSync);
  return {
    route: page.route,
    document: measure(html),
    inlineCss: [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => measure(m[1]!)).reduce(add, zero()),
    blockingCss: refs.stylesheets.filter(local).map((href) => measure(readFileSync(join(dist, href)))).reduce(add, zero()),
    javascript: [...scriptFiles.map((f) => measure(readFileSync(join(dist, f)))), ...inlineScripts.map((s) => measure(s))].reduce(add, zero()),
    imagesRaw: images.reduce((sum, file) => sum + statSync(file).size, 0),
    scriptFiles,
  };
}
