// The request guards' own rules, apart from any route: how a rate limit says when to come back, how long
// a body may be when its sender does not say, and which address is the client's.
import { describe, expect, it } from 'vitest';
import { clientAddress, HttpError, rateLimited, readBody } from '../../../api/_lib/http/request-guards.ts';

describe('rateLimited', () => {
  it('rounds the wait up, so a visitor who waits as long as it says is let in', () => {
    expect(rateLimited('Too many sign-ups', 59, { writeToUs: false }).message).toBe('Too many sign-ups. Try again in 1 minute(s).');
    expect(rateLimited('Too many sign-ups', 61, { writeToUs: false }).message).toBe('Too many sign-ups. Try again in 2 minute(s).');
    // Past two hours it says hours, still rounded up: 2 h and 1 s is 3 hours, never 2.
    expect(rateLimited('Booked from here today', 7201, { writeToUs: true }).message).toBe('Booked from here today. Try again in 3 hour(s), or write to us.');
    expect(rateLimited('x', 7200, { writeToUs: false }).message).toBe('x. Try again in 120 minute(s).');
  });

  it('answers 429 with Retry-After in seconds and the code asked for', () => {
    const error = rateLimited('x', 90, { writeToUs: false, code: 'booked_from_here_today' });
    expect([error.status, error.code, error.headers['Retry-After']]).toEqual([429, 'booked_from_here_today', '90']);
  });
});

describe('readBody', () => {
  /** A streamed body with no Content-Length, as a chunked upload sends it. */
  const streamed = (bytes: number) =>
    new Request('http://127.0.0.1/api/newsletter', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          const chunk = new Uint8Array(1024).fill(0x20);
          for (let sent = 0; sent < bytes; sent += chunk.byteLength) controller.enqueue(chunk.subarray(0, Math.min(chunk.byteLength, bytes - sent)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);

  it('refuses a streamed body one byte over the limit with 413, whatever its headers say', async () => {
    const refusal = await readBody(streamed(8 * 1024 + 1)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpError);
    expect((refusal as HttpError).status).toBe(413);
  });

  it('reads a streamed body at the limit', async () => {
    // 8 KiB of spaces is not a JSON object: read whole, then refused for what it is, not for its size.
    const refusal = await readBody(streamed(8 * 1024)).catch((error: unknown) => error);
    expect((refusal as HttpError).code).toBe('invalid_json');
  });
});

describe('clientAddress', () => {
  it('is the first entry of X-Forwarded-For (the client, as the edge saw it), not a proxy after it', () => {
    const request = new Request('http://127.0.0.1/', { headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.2' } });
    expect(clientAddress(request)).toBe('203.0.113.7');
    expect(clientAddress(new Request('http://127.0.0.1/'))).toBe('');
  });
});
