// Arbitrary payloads at every API endpoint (fast-check, 1,000+ cases each): never a 5xx, and a
// payload the schema rejects never leaves a row behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'api-fuzz-'));
process.env.NEWSLETTER_RATE_LIMIT = '1000000';
delete process.env.RESEND_API_KEY;
delete process.env.DATABASE_URL;

const { startTestServer } = await import('../fixtures/http-client.ts');
const { apiContext } = await import('../../api/_lib/context.ts');
const { parseNewsletterSignup } = await import('../../src/lib/schemas.ts');

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const send = async (method: string, path: string, headers: Record<string, string>, body?: string) => (await server.send(path, { method, headers, body })).status;

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'a@b.c\r\nBcc: x@evil.test', "' OR 1=1 --", '\u0000', '../../etc/passwd', 'x'.repeat(300)),
  fc.emailAddress(),
);
const value = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.dictionary(fc.string(), nasty, { maxKeys: 3 }));
const payload = fc.record(
  { email: value, consent: fc.oneof(fc.constantFrom(true, 'yes', 'on', 'no', false), value), source: fc.oneof(fc.constantFrom('footer', 'article:x'), value), website: fc.oneof(fc.constant(''), value), startedAt: value },
  { requiredKeys: [] },
);

const rows = async () => Number((await (await apiContext()).db.execute('SELECT COUNT(*) AS n FROM subscribers')).rows[0]!.n);

describe('API fuzzing', () => {
  it('POST /api/newsletter: JSON and form payloads never 5xx; rejected payloads store nothing', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(payload, fc.boolean(), async (fields, asForm) => {
        const before = await rows();
        const body = asForm ? new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString() : JSON.stringify(fields);
        const status = await send('POST', '/api/newsletter', { 'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json' }, body);
        expect(status).toBeLessThan(500);
        const sent: Record<string, unknown> = asForm ? Object.fromEntries(new URLSearchParams(body)) : { ...fields };
        if (!parseNewsletterSignup(sent).success) expect(await rows()).toBe(before);
      }),
      { numRuns: 1000 },
    );
  });

  it('raw bodies and content types never 5xx', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 2000 }), fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data', ''), async (body, type) => {
        expect(await send('POST', '/api/newsletter', type ? { 'content-type': type } : {}, body)).toBeLessThan(500);
      }),
      { numRuns: 1000 },
    );
  });

  it('confirm, unsubscribe and the retry job never 5xx on any token or method', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/newsletter/confirm', '/api/newsletter/unsubscribe', '/api/outbox/retry', '/api/og', '/api/health'),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD'),
        fc.oneof(fc.string(), fc.base64String(), nasty),
        async (path, method, token) => {
          const query = path === '/api/og' ? `?page=${encodeURIComponent(token)}` : `?token=${encodeURIComponent(token)}`;
          expect(await send(method, `${path}${query}`, {})).toBeLessThan(500);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
