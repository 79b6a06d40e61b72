// The source parameters of a landing, as they came: what the booking page reads (and cleans, in
// source.ts) and what the calculator hands on in its booking link without cleaning them itself, which
// keeps the calculator's bundle small: the booking page and the server clean every value anyway.

export const UTM_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
/** The query parameter that carries the page a link to /book-audit was on (written at build time). */
export const FROM_PARAM = 'from';
/** The query parameter the calculator uses to hand the referring site's host on to the booking page. */
export const REFERRER_PARAM = 'ref';

/**
 * `from`, `ref` and the utm_* values of a page opened at `search` from `referrer`, raw:
 * - from: the page's own `from`, else the path of the site page the visitor came from;
 * - ref: the page's own `ref`, else the host of the other site the visitor came from;
 * - utm: the page's own values, else those of the site page the visitor came from (an article opened
 *   from a campaign has no script, but the browser sends its full address with a same-site link).
 */
export function landingParams(search: string, referrer: string, siteHost: string): URLSearchParams {
  const own = new URLSearchParams(search);
  let came: URL | null = null;
  try {
    came = new URL(referrer);
  } catch {
    // No referrer, or not a URL.
  }
  const web = came !== null && (came.protocol === 'https:' || came.protocol === 'http:');
  const sameSite = web && came!.host.toLowerCase() === siteHost.toLowerCase() ? came : null;
  const params = new URLSearchParams();
  const page = own.get(FROM_PARAM) ?? sameSite?.pathname;
  if (page) params.set(FROM_PARAM, page);
  const host = own.get(REFERRER_PARAM) ?? (web && !sameSite ? came!.host : null);
  if (host) params.set(REFERRER_PARAM, host);
  const utm = UTM_KEYS.some((key) => own.get(key)) || !sameSite ? own : sameSite.searchParams;
  for (const key of UTM_KEYS) {
    const value = utm.get(key);
    if (value) params.set(key, value);
  }
  return params;
}
