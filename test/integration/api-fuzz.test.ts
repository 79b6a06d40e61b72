// Arbitrary payloads at every API endpoint (fast-check, 1,000+ cases each): never a 5xx, a refusal in
// the site's own words, and a payload the schema rejects never leaves a row behind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startApiServer } from '../fixtures/api-server.ts';

const { server, apiContext } = await startApiServer('api-fuzz', {
  NEWSLETTER_RATE_LIMIT: '1000000',
  BOOKING_RATE_LIMIT: '1000000',
  BOOKING_CLIENT_DAILY_LIMIT: '1000000',
  BOOKING_HOURS: 'mon-sun 00:00-24:00',
  BOOKING_NOTICE_HOURS: '1',
  BOOKING_DAILY_CAP: '100',
  RESEND_API_KEY: undefined,
});

const { createToken } = await import('../../api/_lib/signing/tokens.ts');

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

/** Wall-clock times as written, real or not (30 February, 24:00, minute 60), in years near and far. */
const wallClock = fc
  .tuple(fc.constantFrom(1999, 2000, 2026, 2027, 2028, 2100, 2101, 9999), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }))
  .map(([year, month, day, hour, minute]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

/** zod's own wording ("Invalid input: expected string, received undefined", "Too big: …"): a field without a message of ours. */
const ZOD_DEFAULT_WORDING = /\b(Invalid (input|option|string|element|key|union|value)|Too (big|small)|Unrecognized key|expected \w+, received)\b/i;

/** A refused JSON request says what to fix in the site's words, in its message and in every field's. */
function expectOwnWords(answer: { status: number; body: string }) {
  if (answer.status < 400 || answer.status >= 500) return;
  const { error } = JSON.parse(answer.body) as { error: { message: string; fields?: Record<string, string> } };
  for (const words of [error.message, ...Object.values(error.fields ?? {})]) expect(words, answer.body).not.toMatch(ZOD_DEFAULT_WORDING);
}

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
        if (!asForm) expectOwnWords(answer);
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
        fc.constantFrom(
          '/api/newsletter/confirm', '/api/newsletter/unsubscribe', '/api/outbox/retry', '/api/og', '/api/health',
          '/api/bookings/cancel', '/api/bookings/reschedule', '/api/bookings/manage', '/api/bookings/invite', '/book-audit/manage',
        ),
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

  it('POST /api/bookings: arbitrary and nearly valid payloads never 5xx, and a turned-away one stores no booking', { timeout: 180_000 }, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const free = JSON.parse((await reply('GET', `/api/slots?from=${today}&to=${new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10)}&tz=UTC`, {})).body).slots as { start: string }[];
    const valid = {
      name: 'Dana Reyes', email: 'dana@example.com', company: 'Reyes Logistics', companySize: '11-50', area: 'documents',
      goal: 'Supplier invoices take 15 minutes each.', timeZone: 'America/Los_Angeles', consent: true,
    };
    // A valid booking with one field replaced by something arbitrary (or dropped), on a free slot or a made-up time.
    let serial = 0;
    const nearlyValid = fc.record({
      start: fc.oneof({ arbitrary: fc.constantFrom(...free.map((s) => s.start)), weight: 4 }, nasty, fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), wallClock),
      field: fc.constantFrom('none', ...Object.keys(valid), 'context', 'idempotencyKey', 'fillMs'),
      value: fc.oneof(value, fc.constant(undefined), fc.dictionary(fc.constantFrom('scenario', 'readiness', 'x'), value, { maxKeys: 3 })),
      email: fc.oneof({ arbitrary: fc.constant('fresh'), weight: 4 }, fc.emailAddress()),
    }).map(({ start, field, value: replacement, email }) => ({
      ...valid,
      // Mostly a new address each time: one active booking per address would turn the rest away.
      email: email === 'fresh' ? `fuzz${serial++}@example.com` : email,
      start,
      ...(field === 'none' ? {} : { [field]: replacement }),
    }));
    let created = 0;
    let rejected = 0;
    const bookings = async () => Number((await (await apiContext()).db.execute('SELECT COUNT(*) AS n FROM bookings')).rows[0]!.n);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.dictionary(fc.string(), value, { maxKeys: 8 }), nearlyValid), async (payload) => {
        const before = await bookings();
        const answer = await reply('POST', '/api/bookings', { 'content-type': 'application/json' }, JSON.stringify(payload));
        expect(answer.status).toBeLessThan(500);
        const after = await bookings();
        if (answer.status === 201) {
          created++;
          expect(after).toBeLessThanOrEqual(before + 1);
        } else {
          rejected++;
          expect([400, 409, 415, 422, 429]).toContain(answer.status);
          expect(JSON.parse(answer.body).error.code).toEqual(expect.any(String));
          expectOwnWords(answer);
          expect(after).toBe(before);
        }
      }),
      { numRuns: 1000 },
    );
    expect(rejected).toBeGreaterThan(300);
    expect(created).toBeGreaterThan(0);
  });

  it('POST /api/slots/hold: arbitrary and nearly valid holds never 5xx, and only a 201 leaves a hold', { timeout: 120_000 }, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const free = JSON.parse((await reply('GET', `/api/slots?from=${today}&to=${new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10)}&tz=UTC`, {})).body).slots as { start: string }[];
    const instant = fc.oneof(fc.constantFrom(...free.map((s) => s.start)), fc.date({ min: new Date('0000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString()), wallClock, nasty);
    const holdId = fc.oneof(fc.uuid(), nasty);
    const holds = async () => Number((await (await apiContext()).db.execute('SELECT COUNT(*) AS n FROM booking_holds')).rows[0]!.n);
    await fc.assert(
      fc.asyncProperty(fc.record({ start: fc.oneof(instant, value), replaces: fc.oneof(holdId, value) }, { requiredKeys: [] }), async (payload) => {
        const before = await holds();
        const answer = await reply('POST', '/api/slots/hold', { 'content-type': 'application/json' }, JSON.stringify(payload));
        expect(answer.status, answer.body).toBeLessThan(500);
        expectOwnWords(answer);
        // A refused hold changes nothing (its transaction rolls back); an accepted one is stored, and
        // may release the hold it replaces or the client's oldest.
        if (answer.status !== 201) expect(await holds()).toBe(before);
        else {
          const { id } = (JSON.parse(answer.body) as { hold: { id: string } }).hold;
          expect(Number((await (await apiContext()).db.execute({ sql: 'SELECT COUNT(*) AS n FROM booking_holds WHERE id = ?', args: [id] })).rows[0]!.n)).toBe(1);
          expect(await holds()).toBeLessThanOrEqual(before + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('GET /api/slots never 5xx on any query', { timeout: 60_000 }, async () => {
    const dateish = fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), wallClock.map((t) => t.slice(0, 10)), nasty);
    // Ranges the API would answer (up to 62 days) that start or end on the edge of a year range: 9999-12-31
    // once ran past what the date code can hold, and reached it only with both dates valid and close.
    const edge = fc.constantFrom('0000-01-01', '1999-12-31', '2000-01-01', '2100-12-31', '2101-01-01', '9999-12-31').map((d) => Date.parse(d));
    const span = fc.tuple(edge, fc.integer({ min: 0, max: 61 }), fc.boolean()).map(([at, days, endsThere]) =>
      (endsThere ? [at - days * 86_400_000, at] : [at, at + days * 86_400_000]).map((ms) => new Date(ms).toISOString().slice(0, 10)) as [string, string]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(dateish, dateish), span), fc.oneof(fc.constantFrom('UTC', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Etc/GMT+12'), nasty), fc.option(fc.oneof(fc.uuid(), nasty)), async ([from, to], tz, hold) => {
        const query = new URLSearchParams({ from, to, tz, ...(hold === null ? {} : { hold }) }).toString();
        const answer = await reply('GET', `/api/slots?${query}`, {});
        expect(answer.status).toBeLessThan(500);
        expectOwnWords(answer);
      }),
      { numRuns: 300 },
    );
  });

  it('the manage page never 5xx on any notice, prototype keys included', { timeout: 120_000 }, async () => {
    const today = new Date().toISOString().slice(0, 10);
    const [slot] = JSON.parse((await reply('GET', `/api/slots?from=${today}&to=${new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10)}&tz=UTC`, {})).body).slots as { start: string }[];
    const booked = await reply('POST', '/api/bookings', { 'content-type': 'application/json' }, JSON.stringify({
      start: slot!.start, name: 'Nora Notice', email: 'notice-fuzz@example.com', company: 'Notice Ltd', companySize: '1-10', area: 'documents',
      goal: 'A notice name from the query string must never break the page.', timeZone: 'UTC', consent: true,
    }));
    expect(booked.status).toBe(201);
    const token = createToken((await apiContext()).secret, 'booking-manage', JSON.parse(booked.body).booking.id, 3600);
    // Each page lists three weeks of free times (about a second here): a few dozen runs, most of them the risky names.
    const notice = fc.oneof({ arbitrary: fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)), weight: 3 }, fc.string(), nasty);
    await fc.assert(
      fc.asyncProperty(notice, async (name) => {
        expect((await reply('GET', `/book-audit/manage?token=${token}&notice=${encodeURIComponent(name)}`, {})).status).toBe(200);
      }),
      { numRuns: 30 },
    );
  });
});
