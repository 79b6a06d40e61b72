// The POST itself, against a stand-in fetch: headers, the signature over the exact bytes sent, and how
// each kind of answer is read (sent, retried, permanent). The real HTTP path is in
// test/integration/webhook.test.ts.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoredWebhook } from '../../../api/_lib/operator/events.ts';
import { jsonBody, slackBody } from '../../../api/_lib/webhook/format.ts';
import { MAX_ANSWER_BYTES, createWebhookSender, signBody } from '../../../api/_lib/webhook/send.ts';

const SECRET = 'test-secret-0123456789';
const URL_JSON = 'https://receiver.example/hooks/secret-path-987';
const message: StoredWebhook = {
  id: 'webhook:subscriber.confirmed:s1:1',
  occurredAt: '2026-03-09T08:00:00.000Z',
  timeZone: 'Europe/Berlin',
  event: { type: 'subscriber.confirmed', subscriber: { email: 'ünïcode@example.com', page: '/blog/x', utm: { utm_source: 'news' } } },
};

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url: String(url), init };
    calls.push(call);
    return answer(call);
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const bytesOf = (init: RequestInit) => init.body as Uint8Array;
const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

describe('createWebhookSender', () => {
  it('signs the exact bytes it posts to a plain JSON receiver', async () => {
    const { calls, fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const sender = createWebhookSender({ url: URL_JSON, flavour: 'json', secret: SECRET }, { fetch });
    expect(await sender.send(message)).toEqual({ ok: true, providerId: 'json 204' });
    const [call] = calls;
    expect(call!.url).toBe(URL_JSON);
    expect(call!.init).toMatchObject({ method: 'POST', redirect: 'manual' });
    expect(call!.init.signal).toBeInstanceOf(AbortSignal);
    const bytes = bytesOf(call!.init);
    const expected = `sha256=${createHmac('sha256', SECRET).update(bytes).digest('hex')}`;
    expect(headersOf(call!.init)).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': message.id,
      'x-webhook-signature': expected,
    });
    expect(signBody(SECRET, bytes)).toBe(expected);
    // The bytes are the UTF-8 of the JSON body (the ü is two bytes), and the signature is over them.
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(jsonBody(message));
    expect(bytes.length).toBe(Buffer.byteLength(JSON.stringify(jsonBody(message)), 'utf8'));
  });

  it('sends Slack its own body, unsigned', async () => {
    const { calls, fetch } = fakeFetch(() => new Response('ok', { status: 200 }));
    const sender = createWebhookSender({ url: 'https://hooks.slack.com/services/T/B/X', flavour: 'slack', secret: SECRET }, { fetch });
    expect(await sender.send(message)).toEqual({ ok: true, providerId: 'slack 200' });
    const init = calls[0]!.init;
    expect(headersOf(init)['x-webhook-signature']).toBeUndefined();
    expect(JSON.parse(new TextDecoder().decode(bytesOf(init)))).toEqual(slackBody(message));
  });

  it('reads each answer: 2xx sent, 408/429/5xx retried with Retry-After, 3xx and other 4xx permanent', async () => {
    const cases: [Response, object][] = [
      [new Response('', { status: 202 }), { ok: true, providerId: 'json 202' }],
      [new Response('', { status: 503, headers: { 'retry-after': '120' } }), { ok: false, retryable: true, error: 'HTTP 503 from the webhook receiver', retryAfterSeconds: 120 }],
      [new Response('slow down', { status: 429, headers: { 'retry-after': '999999' } }), { ok: false, retryable: true, error: 'HTTP 429 from the webhook receiver: slow down', retryAfterSeconds: 3600 }],
      [new Response('', { status: 408 }), { ok: false, retryable: true, error: 'HTTP 408 from the webhook receiver', retryAfterSeconds: undefined }],
      [new Response('invalid_payload\n', { status: 400 }), { ok: false, retryable: false, error: 'HTTP 400 from the webhook receiver: invalid_payload', retryAfterSeconds: undefined }],
      [new Response('channel_is_archived', { status: 410 }), { ok: false, retryable: false, error: 'HTTP 410 from the webhook receiver: channel_is_archived', retryAfterSeconds: undefined }],
      [new Response(null, { status: 301, headers: { location: 'https://elsewhere.example/' } }), { ok: false, retryable: false, error: expect.stringMatching(/^HTTP 301: .*redirect.*OPERATOR_WEBHOOK_URL/) }],
    ];
    for (const [response, expected] of cases) {
      const { fetch } = fakeFetch(() => response);
      expect(await createWebhookSender({ url: URL_JSON, flavour: 'json', secret: SECRET }, { fetch }).send(message), String(response.status)).toEqual(expected);
    }
  });

  it('retries a network failure and a timeout, never repeating the URL', async () => {
    const refused = fakeFetch(() => {
      throw new TypeError(`fetch failed for ${URL_JSON}`, { cause: Object.assign(new Error(`connect ECONNREFUSED ${URL_JSON}`), { code: 'ECONNREFUSED' }) });
    });
    const failed = await createWebhookSender({ url: URL_JSON, flavour: 'json', secret: SECRET }, { fetch: refused.fetch }).send(message);
    expect(failed).toEqual({ ok: false, retryable: true, error: 'network error (ECONNREFUSED): the webhook receiver could not be reached' });

    // A receiver that never answers: the request's own signal ends it.
    const hanging = fakeFetch(({ init }) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))));
    const timedOut = await createWebhookSender({ url: URL_JSON, flavour: 'json', secret: SECRET }, { fetch: hanging.fetch, timeoutMs: 50 }).send(message);
    expect(timedOut).toEqual({ ok: false, retryable: true, error: 'the receiver did not answer within 0.05 s' });
    for (const result of [failed, timedOut]) expect(JSON.stringify(result)).not.toContain('secret-path');
  });

  it('reads at most 64 KB of an error answer', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
      },
    });
    const { fetch } = fakeFetch(() => new Response(endless, { status: 500 }));
    const result = await createWebhookSender({ url: URL_JSON, flavour: 'json', secret: SECRET }, { fetch }).send(message);
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(pulled).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 3 * 16 * 1024);
    expect((result as { error: string }).error.length).toBeLessThan(300);
  });

  it('without a URL, reports that it has none (the outbox cancels such messages)', async () => {
    const sender = createWebhookSender(undefined);
    expect(sender.flavour).toBeNull();
    expect(await sender.send(message)).toMatchObject({ ok: false, retryable: false, error: 'OPERATOR_WEBHOOK_URL is not set' });
  });
});
