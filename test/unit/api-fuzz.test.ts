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

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const reply = (method: string, path: string, headers: Record<string, string>, body?: string) => server.send(path, { method, headers, body });
const send = async (method: string, path: string, headers: Record<string, string>, body?: string) => (await reply(method, path, headers, body)).status;

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
/** Sign-ups a person could send, so the accepted branch runs too (arbitrary ones are almost all rejected). */
const plausible = fc.record({
  email: fc.oneof(fc.emailAddress(), fc.constantFrom('ana@example.com', ' Ana.B@Example.co ', 'x@y.io')),
  consent: fc.constantFrom(true, 'yes', 'on'),
  source: fc.constantFrom('footer', 'article:x'),
});

const storedEmails = async () => (await (await apiContext()).db.execute('SELECT email FROM subscribers')).rows.map((r) => String(r.email));

/**
 * The oracle, written apart from the handler's schema: the form's documented rules, not its code.
 * Consent is JSON true or the checkbox's "yes"/"on"; an address is text with one @ and a dot after it.
 */
function clearlyInvalid(fields: Record<string, unknown>, asForm: boolean): boolean {
  const consent = fields.consent;
  const consentGiven = consent === 'yes' || consent === 'on' || (!asForm && consent === true);
  const email = typeof fields.email === 'string' ? fields.email.trim() : null;
  const plausibleEmail = email !== null && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) && email.length <= 254;
  return !consentGiven || !plausibleEmail;
}

describe('API fuzzing', () => {
  it('POST /api/newsletter: JSON and form payloads never 5xx; rejected payloads store nothing', { timeout: 120_000 }, async () => {
    let rejected = 0;
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(payload, plausible), fc.boolean(), async (fields, asForm) => {
        const before = await storedEmails();
        const body = asForm ? new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString() : JSON.stringify(fields);
        const answer = await reply('POST', '/api/newsletter', { 'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json' }, body);
        expect(answer.status).toBeLessThan(500);
        // What the answer says happened: accepted (the neutral answer) or turned away (a 4xx, or a form redirect to a page that says what to fix).
        const accepted = answer.status === 200 || (answer.status === 303 && answer.headers.location === '/newsletter/check-your-inbox');
        const after = await storedEmails();
        const sent: Record<string, unknown> = asForm ? Object.fromEntries(new URLSearchParams(body)) : fields;
        if (clearlyInvalid(sent, asForm)) expect(accepted, JSON.stringify(sent)).toBe(false);
        if (!accepted) {
          rejected++;
          expect(after).toEqual(before);
        } else {
          // At most the one address sent, as sent (trimmed, lower case), and nothing else.
          const added = after.filter((email) => !before.includes(email));
          expect(added.length).toBeLessThanOrEqual(1);
          if (added.length === 1) {
            stored++;
            expect(added[0]).toBe(String(sent.email).trim().toLowerCase());
          }
        }
      }),
      { numRuns: 1000 },
    );
    // Both branches ran often enough to mean something.
    expect(rejected).toBeGreaterThan(300);
    expect(stored).toBeGreaterThan(0);
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
        fc.boolean(),
        async (path, method, token, inBody) => {
          const query = path === '/api/og' ? `?page=${encodeURIComponent(token)}` : `?token=${encodeURIComponent(token)}`;
          // The button's POST carries the token in a form body; a mail client's one-click POST, in the link.
          const status = inBody && method === 'POST'
            ? await send(method, path, { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ token }).toString())
            : await send(method, `${path}${query}`, {});
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
