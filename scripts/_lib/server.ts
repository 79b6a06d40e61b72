// The local production server: serves the built site from dist/ and dispatches /api/* to the
// api/ modules, with the response headers vercel.json gives (so local matches Vercel).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { discoverApiRoutes, dispatch, type ApiModule } from './api-router.ts';
import { headersFor, loadHeaderRules, loadRewrites } from './http-headers.ts';
import { answerWithWebHandler, sendWebResponse } from './node-web.ts';
import { createFileCache } from './file-cache.ts';
import { errorResponse, HttpError } from '../../api/_lib/http/request-guards.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.md', '.svg', '.webmanifest']);

export interface ServerOptions {
  rootDir: string;
  distDir?: string;
  apiDir?: string;
  /** Memory the built-file cache may hold (default 64 MiB; the whole built site is about 3 MB). */
  cacheBytes?: number;
  /** TRUST_PROXY: behind a reverse proxy, take the client's address from X-Forwarded-For (node-web.ts). */
  trustProxy?: boolean;
}

/** A Host header as RFC 9110 allows it: a name, an IPv4 address or a bracketed IPv6 one, and a port. */
const VALID_HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?$/i;

interface StaticFile {
  bytes: number;
  body: Buffer;
  gzip?: Buffer;
  brotli?: Buffer;
  contentType: string;
}

export function createSiteServer({ rootDir, distDir = join(rootDir, 'dist'), apiDir = join(rootDir, 'api'), cacheBytes = 64 * 1024 * 1024, trustProxy = false }: ServerOptions): Server & { fileCacheStats(): { entries: number; bytes: number } } {
  const headerRules = loadHeaderRules(join(rootDir, 'vercel.json'));
  const rewrites = loadRewrites(join(rootDir, 'vercel.json'));
  const apiRoutes = discoverApiRoutes(apiDir);
  const apiModules = new Map<string, Promise<ApiModule>>();
  // Built files never change while the server runs, so each is read and compressed once.
  const fileCache = createFileCache(readStaticFile, cacheBytes);
  const root = resolve(distDir);
  const loadFile = (absolute: string) => fileCache.get(absolute);

  /** The built file a clean URL maps to: exact file, then `.html`, then `/index.html`. */
  const findFile = async (pathname: string): Promise<{ path: string; file: StaticFile } | null> => {
    const base = resolve(root, `.${pathname}`);
    if (base !== root && !base.startsWith(root + sep)) return null;
    const candidates = pathname.endsWith('/') ? [join(base, 'index.html')] : [base, `${base}.html`, join(base, 'index.html')];
    for (const candidate of candidates) {
      const file = await loadFile(candidate);
      if (file) return { path: candidate, file };
    }
    return null;
  };

  const sendStatic = (req: IncomingMessage, res: ServerResponse, pathname: string, file: StaticFile, status = 200) => {
    const headers = headersFor(headerRules, pathname);
    for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
    if (!headers['Cache-Control']) res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Vary', 'Accept-Encoding');
    const accepted = String(req.headers['accept-encoding'] ?? '');
    let body = file.body;
    if (file.brotli && /\bbr\b/.test(accepted)) {
      body = file.brotli;
      res.setHeader('Content-Encoding', 'br');
    } else if (file.gzip && /\bgzip\b/.test(accepted)) {
      body = file.gzip;
      res.setHeader('Content-Encoding', 'gzip');
    }
    res.setHeader('Content-Length', body.byteLength);
    res.statusCode = status;
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const sendPlain = (res: ServerResponse, pathname: string, status: number, message: string, extra: Record<string, string> = {}) => {
    for (const [key, value] of Object.entries({ ...headersFor(headerRules, pathname), ...extra })) res.setHeader(key, value);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.statusCode = status;
    res.end(message);
  };

  const sendNotFound = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const page = await loadFile(join(root, '404.html'));
    if (page) sendStatic(req, res, pathname, page, 404);
    else sendPlain(res, pathname, 404, 'Not found');
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const edgeHeaders = headersFor(headerRules, url.pathname);
    const file = apiRoutes.get(url.pathname.replace(/\/$/, ''));
    if (!file) return sendWebResponse(res, errorResponse(new HttpError(404, 'not_found', `No API route at ${url.pathname}.`)), edgeHeaders);
    let mod = apiModules.get(file);
    if (!mod) {
      mod = import(pathToFileURL(file).href) as Promise<ApiModule>;
      apiModules.set(file, mod);
    }
    const route = await mod;
    await answerWithWebHandler(req, res, url.origin, (request) => dispatch(route, request), edgeHeaders, trustProxy);
  };

  const server = createServer(async (req, res) => {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      // The Host header is the requester's to choose: a malformed one is refused here, and nothing
      // built from it reaches an email (links come from the configured SITE_URL).
      const host = req.headers.host ?? 'localhost';
      if (!VALID_HOST.test(host)) return sendPlain(res, '/', 400, 'Bad request: the Host header is not a valid host name.');
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://${host}`);
      } catch {
        return sendPlain(res, '/', 400, 'Bad request: the request target is not a valid URL.');
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return sendPlain(res, '/', 400, 'Bad request: the path is not valid percent-encoding.');
      }
      // The URL parser already resolves literal dot segments; what is left here was smuggled in encoded.
      if (pathname.includes('\0') || pathname.split(/[/\\]/).includes('..')) {
        return sendPlain(res, '/', 400, 'Bad request: path traversal is refused.');
      }
      // A rewrite serves another path's answer under this URL (the booking's manage link is a function).
      const rewritten = rewrites.get(pathname);
      if (rewritten) {
        url.pathname = rewritten;
        pathname = rewritten;
      }
      if (pathname.startsWith('/api/') || pathname === '/api') return await handleApi(req, res, url);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendPlain(res, pathname, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      }
      // Same canonical URLs as Vercel's cleanUrls + trailingSlash:false.
      const canonical = pathname.length > 1 && pathname.endsWith('/') ? pathname.replace(/\/+$/, '') : pathname.replace(/(\/index)?\.html$/, '') || '/';
      if (canonical !== pathname) {
        // Written from the decoded path, so it is encoded again, segment by segment, and starts with one
        // slash: "/%2f%2fevil.com/" decoded to "//evil.com", which a browser reads as another site.
        const location = `/${canonical.replace(/^[/\\]+/, '').split('/').map(encodeURIComponent).join('/')}`;
        res.setHeader('Location', location + url.search);
        return sendPlain(res, pathname, 308, `Moved to ${canonical}`);
      }
      const found = await findFile(pathname);
      if (!found) return await sendNotFound(req, res, pathname);
      sendStatic(req, res, pathname, found.file);
    } catch (error) {
      console.error(`[server] ${req.method} ${rawPath} failed:`, error);
      if (!res.headersSent) sendPlain(res, '/', 500, 'Internal server error');
      else res.end();
    }
  });
  return Object.assign(server, { fileCacheStats: () => fileCache.stats });
}

async function readStaticFile(absolute: string): Promise<StaticFile | null> {
  try {
    const info = await stat(absolute);
    if (!info.isFile()) return null;
  } catch {
    return null;
  }
  const body = await readFile(absolute);
  const ext = extname(absolute).toLowerCase();
  const file: StaticFile = { bytes: body.byteLength, body, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' };
  if (COMPRESSIBLE.has(ext) && body.byteLength > 512) {
    file.gzip = gzipSync(body, { level: 9 });
    file.brotli = brotliCompressSync(body);
    file.bytes += file.gzip.byteLength + file.brotli.byteLength;
  }
  return file;
}
