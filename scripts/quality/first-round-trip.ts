// Whether a page's first paint can happen after one round trip: the HTML up to the element the first
// paint waits for (`<link rel="expect" href="#id" blocking="render">`, see BaseLayout), inline CSS
// included, must fit in what a new connection's first flight carries. Lighthouse's estimate always
// counts the whole document; a browser paints as soon as the named element is parsed, so this is what a
// visitor on a slow connection waits for.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** A new TCP connection's first flight: 10 segments of 1,460 B (RFC 6928). */
export const FIRST_FLIGHT_BYTES = 10 * 1460;
/** Room left for the response's status line and headers: scripts/serve.ts sends 817 B on a page. */
export const HEADER_ALLOWANCE = 1000;
export const FIRST_FLIGHT_BODY = FIRST_FLIGHT_BYTES - HEADER_ALLOWANCE;
/**
 * The brotli level assumed. The local server compresses once at 11; Vercel's CDN compresses itself and
 * does not document its level, and compressing on the fly usually means a fast one: at 5 the hub is
 * 14.7 kB where 11 gives 13.1 kB. The lower level keeps the answer true wherever the site is served.
 */
export const BROTLI_QUALITY = 5;

export interface FirstPaintReach {
  /** The id the first paint waits for, or null when the page names none (then it is the whole page). */
  target: string | null;
  /** Compressed bytes a browser needs before it has parsed the target's start tag. */
  bytesNeeded: number;
  /** The whole compressed document. */
  bytesTotal: number;
}

/** The raw byte offset just past the start tag of the element with `id`, or -1. */
function endOfStartTag(raw: Buffer, id: string): number {
  const at = raw.indexOf(` id="${id}"`);
  if (at < 0) return -1;
  const close = raw.indexOf('>', at);
  return close < 0 ? -1 : close + 1;
}

/** How many raw bytes the first `length` bytes of a brotli stream decode to. */
function decodedLength(compressed: Buffer, length: number): number {
  if (length === 0) return 0;
  return brotliDecompressSync(compressed.subarray(0, length), { finishFlush: constants.BROTLI_OPERATION_FLUSH }).byteLength;
}

export function firstPaintReach(html: string): FirstPaintReach {
  const raw = Buffer.from(html);
  const compressed = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } });
  const expect = html.match(/<link\b[^>]*\brel="expect"[^>]*>/)?.[0];
  const target = expect ? (/\bhref="#([^"]+)"/.exec(expect)?.[1] ?? null) : null;
  const end = target ? endOfStartTag(raw, target) : raw.byteLength;
  if (end < 0) return { target, bytesNeeded: compressed.byteLength, bytesTotal: compressed.byteLength };
  // The fewest compressed bytes that decode past `end`: decoded length only grows with the prefix.
  let low = 0;
  let high = compressed.byteLength;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (decodedLength(compressed, mid) >= end) high = mid;
    else low = mid + 1;
  }
  return { target, bytesNeeded: low, bytesTotal: compressed.byteLength };
}
