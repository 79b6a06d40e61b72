// The POST to OPERATOR_WEBHOOK_URL, answering the mailer's SendResult so the outbox treats both alike:
// 2xx sent; 408, 429, 5xx, a network failure or no answer within 5 s retried (with the receiver's
// Retry-After when it gives one); a redirect or any other 4xx permanent. Redirects are not followed (a
// webhook URL that moved is a setting to fix, and following one would post the message elsewhere), at
// most 64 KB of an answer is read, and no message ever repeats the URL (it is a secret).
import { createHmac } from 'node:crypto';
import type { SendResult } from '../mail/mailer.ts';
import type { StoredWebhook } from '../operator/events.ts';
import { webhookBody } from './format.ts';
import type { WebhookFlavour, WebhookSettings } from './target.ts';

export const WEBHOOK_TIMEOUT_MS = 5000;
/** Of an error answer, this much is read (its first line goes into the message's last error). */
export const MAX_ANSWER_BYTES = 64 * 1024;
/** A Retry-After longer than this is read as this: one receiver's answer cannot park a message for days. */
const MAX_RETRY_AFTER_SECONDS = 3600;

export interface WebhookSender {
  /** The configured URL's flavour; null when OPERATOR_WEBHOOK_URL is not set (queued messages are then cancelled). */
  readonly flavour: WebhookFlavour | null;
  send(message: StoredWebhook): Promise<SendResult>;
}

export interface SenderOptions {
  /** Tests shorten it; 5 s otherwise. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** `sha256=<hex HMAC-SHA256 of body under secret>`: the X-Webhook-Signature header. */
export function signBody(secret: string, body: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function createWebhookSender(settings: WebhookSettings | undefined, options: SenderOptions = {}): WebhookSender {
  if (!settings) {
    return { flavour: null, send: async () => ({ ok: false, retryable: false, error: 'OPERATOR_WEBHOOK_URL is not set' }) };
  }
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const post = options.fetch ?? fetch;
  return {
    flavour: settings.flavour,
    async send(message) {
      if (settings.flavour === 'json' && !settings.secret) return { ok: false, retryable: false, error: 'OPERATOR_WEBHOOK_SECRET is not set: a plain JSON message is never sent unsigned' };
      // Signed and sent as the same UTF-8 bytes.
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new TextEncoder().encode(webhookBody(settings.flavour, message));
      } catch (error) {
        return { ok: false, retryable: false, error: `cannot be sent: ${(error as Error).message}`.slice(0, 500) };
      }
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'ai-operator-site-webhook/1',
        'idempotency-key': message.id,
      };
      if (settings.flavour === 'json') headers['x-webhook-signature'] = signBody(settings.secret!, bytes);
      try {
        const response = await post(settings.url, { method: 'POST', headers, body: bytes, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        return await resultOf(response, settings.flavour);
      } catch (error) {
        return { ok: false, retryable: true, error: describeFailure(error, timeoutMs) };
      }
    },
  };
}

async function resultOf(response: Response, flavour: WebhookFlavour): Promise<SendResult> {
  const status = response.status;
  if (status >= 200 && status < 300) {
    // The status is the answer: the body is not awaited (a receiver that stalls it has still taken the message).
    await response.body?.cancel().catch(() => {});
    return { ok: true, providerId: `${flavour} ${status}` };
  }
  if (status >= 300 && status < 400) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, retryable: false, error: `HTTP ${status}: the receiver answered with a redirect, which is not followed; set OPERATOR_WEBHOOK_URL to the address it redirects to` };
  }
  const answer = printable(await readAtMost(response, MAX_ANSWER_BYTES));
  const retryable = status === 408 || status === 429 || status >= 500;
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    retryable,
    error: `HTTP ${status} from the webhook receiver${answer ? `: ${answer}` : ''}`,
    retryAfterSeconds: retryable && Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) : undefined,
  };
}

/** Reads at most `max` bytes of the answer, then stops reading it. */
async function readAtMost(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut short (or stalled past the timeout) still has its status: keep what arrived.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

/** The answer on one line, printable, short: enough to tell `invalid_payload` from `channel_is_archived`. */
const printable = (text: string) => text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim().slice(0, 200);

/** A failure that never throws the URL back: fetch's own messages can carry it. */
function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: unknown } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `the receiver did not answer within ${timeoutMs / 1000} s`;
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  return `network error${code ? ` (${code})` : ''}: the webhook receiver could not be reached`;
}
