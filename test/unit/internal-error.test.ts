// An unexpected failure (the database down, a bug) answers 500 in a form a person can read: a browser's
// form post gets a page, a script or a JSON post gets JSON. Bad input never gets here (its 4xx are
// tested route by route).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError, handle } from '../../api/_lib/http/request-guards.ts';

const post = (headers: Record<string, string>) => new Request('http://127.0.0.1/api/newsletter', { method: 'POST', headers, body: 'email=a%40b.co' });
const failing = () => handle(async () => {
  throw new Error('database is down');
}, currentRequest);
let currentRequest: Request | undefined;

describe('handle: an unexpected error', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers a browser form post with an HTML page that says nothing was saved, and logs the error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    currentRequest = post({ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml' });
    const response = await failing();
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<h1>Something went wrong on our side</h1>');
    expect(html).toContain('Nothing was saved.');
    expect(html).not.toContain('database is down');
    expect(log).toHaveBeenCalledOnce();
  });

  it('answers JSON to a JSON post, to a form post that asks for JSON, and when the route passes no request', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const request of [post({ 'content-type': 'application/json' }), post({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }), undefined]) {
      currentRequest = request;
      const response = await failing();
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side, and nothing was saved. Please try again in a minute.', fields: {} } });
    }
  });

  it('leaves an HttpError to its own answer, form post or not', async () => {
    const response = await handle(async () => {
      throw new HttpError(422, 'invalid_input', 'Enter a valid email address.');
    }, post({ 'content-type': 'application/x-www-form-urlencoded' }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('invalid_input');
  });
});
