// The local server against a small fixture site: routing, caching, headers and refusals.
import { mkdirSync, mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../fixtures/http-client.ts';
import { discoverApiRoutes } from '../../scripts/_lib/api-router.ts';
import { MAX_REQUEST_BYTES } from '../../scripts/_lib/node-web.ts';

const projectRoot = join(import.meta.dirname, '../..');
const fixtureApi = join(import.meta.dirname, '../fixtures/api');
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'site-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, '_astro'), { recursive: true });
  mkdirSync(join(dist, 'blog'));
  writeFileSync(join(dist, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(dist, '404.html'), '<h1>not found page</h1>');
  writeFileSync(join(dist, 'blog.html'), '<h1>blog index</h1>');
  writeFileSync(join(dist, 'blog', 'post.html'), `<h1>post</h1>${'x'.repeat(2000)}`);
  writeFileSync(join(dist, '_astro', 'app.123.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside dist');
  cpSync(join(projectRoot, 'vercel.json'), join(root, 'vercel.json'));
  server = await startTestServer({ rootDir: root, apiDir: fixtureApi });
});
afterAll(() => server.close());

const raw = (path: string, init?: Parameters<typeof server.send>[1]) => server.send(path, init);

describe('static files', () => {
  it('serves clean URLs from .html files', async () => {
    expect((await raw('/')).body).toBe('<h1>home</h1>');
    expect((await raw('/blog')).body).toBe('<h1>blog index</h1>');
    const post = await raw('/blog/post');
    expect(post.status).toBe(200);
    expect(post.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(post.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('redirects trailing slashes and .html to the clean URL', async () => {
    expect(await raw('/blog/')).toMatchObject({ status: 308, headers: { location: '/blog' } });
    expect(await raw('/blog/post.html?x=1')).toMatchObject({ status: 308, headers: { location: '/blog/post?x=1' } });
  });

  it('never redirects to another site or breaks the header with what a path decodes to', async () => {
    // Decoded, these were "//evil.com" and "//\\evil.com/x": a browser follows either to evil.com.
    expect(await raw('/%2f%2fevil.com/')).toMatchObject({ status: 308, headers: { location: '/evil.com' } });
    expect(await raw('/%2F%5Cevil.com/x/')).toMatchObject({ status: 308, headers: { location: '/evil.com/x' } });
    expect(await raw('/a%0d%0aSet-Cookie:%20x=1/')).toMatchObject({ status: 308, headers: { location: '/a%0D%0ASet-Cookie%3A%20x%3D1' } });
    expect(await raw('/caf%C3%A9/')).toMatchObject({ status: 308, headers: { location: '/caf%C3%A9' } });
  });

  it('caches /_astro assets as immutable', async () => {
    const asset = await raw('/_astro/app.123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers unknown paths with the 404 page and status', async () => {
    const res = await raw('/no/such/page');
    expect(res.status).toBe(404);
    expect(res.body).toBe('<h1>not found page</h1>');
  });

  it('refuses path traversal, literal or encoded', async () => {
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/%2e%2e/secret.txt', '/blog/..%5c..%5csecret.txt', '/%00']) {
      const res = await raw(path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body).not.toContain('outside dist');
    }
    expect((await raw('/../secret.txt')).body).not.toContain('outside dist');
  });

  it('compresses text when the client accepts it', async () => {
    const res = await raw('/blog/post', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('sends the security headers on pages, errors and API answers', async () => {
    for (const path of ['/', '/missing', '/api/things']) {
      const res = await raw(path);
      expect(res.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('answers a malformed Host header with 400, never a 500', async () => {
    for (const host of ['bad host', 'a/b', 'x@y', '[::1', 'host:port', '']) {
      const res = await raw('/', { headers: { host } });
      expect(res.status, JSON.stringify(host)).toBe(host === '' ? 200 : 400);
    }
    expect((await raw('/', { headers: { host: '[::1]:4321' } })).status).toBe(200);
  });

  it('does not remember paths that do not exist, however many are asked for', async () => {
    const before = server.fileCacheStats().entries;
    for (let i = 0; i < 200; i++) expect((await raw(`/made-up/${i}`)).status).toBe(404);
    // Only the 404 page itself may have joined the cache.
    expect(server.fileCacheStats().entries).toBeLessThanOrEqual(before + 1);
  });

  it('only allows GET and HEAD on pages', async () => {
    const res = await raw('/', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect((await raw('/', { method: 'HEAD' })).status).toBe(200);
  });
});

describe('the built-file cache', () => {
  it('holds no more than its byte budget, evicting the least recently used file first', async () => {
    const { createFileCache } = await import('../../scripts/_lib/file-cache.ts');
    const loads: string[] = [];
    const cache = createFileCache(async (key) => {
      loads.push(key);
      return key.startsWith('missing') ? null : { bytes: 40, key };
    }, 100);
    await cache.get('a');
    await cache.get('b');
    await cache.get('a'); // a is now the most recent
    await cache.get('c'); // 120 bytes: b, the coldest, goes
    expect(cache.stats).toEqual({ entries: 2, bytes: 80 });
    await cache.get('a');
    await cache.get('b');
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
    await cache.get('missing-1');
    await cache.get('missing-1');
    expect(loads.filter((k) => k === 'missing-1')).toHaveLength(2);
    expect(cache.stats.entries).toBe(2);
  });

  it('shares one read between concurrent requests for the same file', async () => {
    const { createFileCache } = await import('../../scripts/_lib/file-cache.ts');
    let reads = 0;
    const cache = createFileCache(async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { bytes: 1 };
    }, 100);
    await Promise.all([cache.get('x'), cache.get('x'), cache.get('x')]);
    expect(reads).toBe(1);
  });
});

describe('api routes', () => {
  it('maps files to routes, index files to their folder, and skips _ helpers', () => {
    expect([...discoverApiRoutes(fixtureApi).keys()].sort()).toEqual(['/api/echo', '/api/things']);
  });

  it('passes method, headers and body through to the handler', async () => {
    const res = await raw('/api/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ method: 'POST', type: 'application/json', body: '{"a":1}' });
  });

  it('gives the route the address it saw, whatever X-Forwarded-For a client claims', async () => {
    const res = await raw('/api/echo', { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9' }, body: '', from: '127.0.0.7' });
    expect(JSON.parse(res.body).client).toBe('127.0.0.7');
  });

  it('behind a proxy (TRUST_PROXY=1) takes the last address the proxy appended, or its own without one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'site-'));
    mkdirSync(join(root, 'dist'));
    cpSync(join(projectRoot, 'vercel.json'), join(root, 'vercel.json'));
    const proxied = await startTestServer({ rootDir: root, apiDir: fixtureApi, trustProxy: true });
    try {
      const client = async (headers: Record<string, string>) => JSON.parse((await proxied.send('/api/echo', { method: 'POST', headers, body: '', from: '127.0.0.8' })).body).client;
      expect(await client({ 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).toBe('203.0.113.9');
      expect(await client({ 'x-forwarded-for': '2001:db8::1' })).toBe('2001:db8::1');
      expect(await client({})).toBe('127.0.0.8');
    } finally {
      proxied.close();
    }
  });

  it('answers a method the route lacks with 405, Allow and a JSON error', async () => {
    const res = await raw('/api/echo');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(JSON.parse(res.body).error.code).toBe('method_not_allowed');
  });

  it('answers unknown and helper paths with a JSON 404', async () => {
    for (const path of ['/api/nope', '/api/_lib/helper']) {
      const res = await raw(path);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body).error.code).toBe('not_found');
    }
  });

  it('refuses a body over 1 MB with a JSON 413 before the route runs, and keeps serving', async () => {
    const res = await raw('/api/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(MAX_REQUEST_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'payload_too_large', message: `The request body is larger than ${MAX_REQUEST_BYTES} bytes.` });
    const after = await raw('/api/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(MAX_REQUEST_BYTES) });
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body).body).toHaveLength(MAX_REQUEST_BYTES);
  });

  it('keeps cookies the handler sets', async () => {
    expect((await raw('/api/things')).headers['set-cookie']).toEqual(['a=1']);
  });

  it('the real health route answers ok', async () => {
    const { GET } = await import('../../api/health.ts');
    expect(await GET().json()).toEqual({ ok: true });
  });
});
