// Fetching one calendar feed: a conditional GET (ETag / Last-Modified) with a time limit and a size cap,
// following redirects only to https and never to an internal address (this machine only from a feed
// that is on it, a test's). Errors are worded for the operator's
// report and never contain the URL, which is a secret.
import { isInternalHost } from '../http/internal-address.ts';
import { isLoopbackHost } from '../http/loopback-host.ts';

/** Whole request, body included. */
export const FEED_TIMEOUT_MS = 5_000;
/** Google's feed carries every past event; a busy calendar's runs to several megabytes. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchedFeed =
  | { changed: false }
  | { changed: true; text: string; etag: string | null; lastModified: string | null; truncated: boolean };

export class FeedFetchError extends Error {
  override readonly name = 'FeedFetchError';
}

/**
 * Why a redirect target is refused, or null to follow it: https only, and never an internal address
 * (this machine, a private network, the cloud's metadata service), except this machine from a feed
 * that is itself on it (a test's local server). A calendar host must not steer the server inward.
 */
async function refusal(target: URL, feedOnLoopback: boolean, signal: AbortSignal): Promise<string | null> {
  if (feedOnLoopback && isLoopbackHost(target.hostname)) return null;
  if (await isInternalHost(target.hostname, signal)) return 'redirected to an internal address';
  return target.protocol === 'https:' ? null : 'redirected to an address that is not https';
}

/** What went wrong, without the URL: the cause's code (ECONNREFUSED, ENOTFOUND…), not its message. */
function describe(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; cause?: { code?: string; name?: string } };
  if (err?.name === 'TimeoutError' || err?.cause?.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  if (err?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = err?.cause?.code;
  return code ? `could not connect (${code})` : 'could not connect';
}

/** Reads at most `maxBytes` of the body; a longer one is cut after its last complete event. */
async function readCapped(response: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      truncated = true;
      await reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  if (!truncated) return { text, truncated };
  const lastEvent = text.lastIndexOf('END:VEVENT');
  return { text: `${lastEvent === -1 ? text : text.slice(0, lastEvent + 'END:VEVENT'.length)}\r\nEND:VCALENDAR\r\n`, truncated };
}

/**
 * GETs the feed. Resolves `{ changed: false }` on 304; throws FeedFetchError on a timeout, a network
 * error, an HTTP error status or a refused redirect.
 */
export async function fetchFeed(url: string, validators: Validators, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<FetchedFeed> {
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'AI-Operator-booking-page (busy times)' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let target = new URL(url);
  const feedOnLoopback = isLoopbackHost(target.hostname);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(target, { headers, signal, redirect: 'manual' });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) throw new FeedFetchError(`HTTP ${response.status} without a Location to follow`);
        if (hop >= MAX_REDIRECTS) throw new FeedFetchError(`more than ${MAX_REDIRECTS} redirects`);
        target = new URL(location, target);
        const refused = await refusal(target, feedOnLoopback, signal);
        if (refused) throw new FeedFetchError(refused);
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return { changed: false };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        throw new FeedFetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const { text, truncated } = await readCapped(response, options.maxBytes ?? MAX_FEED_BYTES);
      return { changed: true, text, truncated, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw new FeedFetchError(describe(error, timeoutMs));
  }
}
