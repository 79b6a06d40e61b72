// Where a lead came from: the site page whose link or form brought it, the other site the visitor
// arrived from (read on the booking and calculator pages), and the utm_* parameters of the URL they
// landed on. Every value is cleaned here, for the browser and the server alike: a value that is too
// long, malformed or carries hidden characters is dropped (the lead is never refused for it). Nothing
// here identifies a visitor or links one visit to another.
import { HIDDEN_CHARACTERS } from '../text/hidden-characters.ts';
import { FROM_PARAM, REFERRER_PARAM, UTM_KEYS, landingParams } from './landing.ts';

export { FROM_PARAM, REFERRER_PARAM, UTM_KEYS };
export type UtmKey = (typeof UTM_KEYS)[number];
export type Utm = Partial<Record<UtmKey, string>>;

export interface LeadSource {
  /** The site page whose link or form the lead came from, such as /blog/x; null when unknown. */
  page: string | null;
  /** The other site's host the visitor arrived from, such as news.ycombinator.com; null when none. */
  referrerHost: string | null;
  /** The landing URL's utm_* parameters, those it carried. */
  utm: Utm;
}

export const NO_SOURCE: LeadSource = { page: null, referrerHost: null, utm: {} };

const PAGE_MAX = 200;
const HOST_MAX = 253;
const UTM_MAX = 100;

/** A path on this site (/, /blog/x): letters, digits and - _ . / only, no query, no `//`; else null. */
export function cleanPagePath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > PAGE_MAX) return null;
  if (!/^\/[A-Za-z0-9._/-]*$/.test(value) || value.includes('//') || /(^|\/)\.\.?(\/|$)/.test(value)) return null;
  // /blog/x/ and /blog/x are one page (the site serves no trailing slashes).
  return value.length > 1 ? value.replace(/\/+$/, '') : value;
}

/** A host name (DNS labels, optional port), lower case; else null. */
export function cleanHost(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > HOST_MAX) return null;
  const host = value.toLowerCase();
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/.test(host) ? host : null;
}

/** A utm_* value: trimmed, 1-100 characters, one line, no hidden characters; else null. */
export function cleanUtmValue(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > UTM_MAX || HIDDEN_CHARACTERS.test(text)) return null;
  return text;
}

/** The utm_* parameters a query string carries, each cleaned (bad ones left out). */
export function utmFromParams(params: URLSearchParams): Utm {
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = cleanUtmValue(params.get(key));
    if (value !== null) utm[key] = value;
  }
  return utm;
}

/** The utm_* columns of a bookings or subscribers row (migration 8), those that hold a value. */
export function utmFromRow(row: Record<string, unknown>): Utm {
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = cleanUtmValue(row[key]);
    if (value !== null) utm[key] = value;
  }
  return utm;
}

/** The source a booking page reads at load, from its own URL and document.referrer (landing.ts), cleaned. */
export function sourceFromLanding(search: string, referrer: string, siteHost: string): LeadSource {
  const params = landingParams(search, referrer, siteHost);
  return { page: cleanPagePath(params.get(FROM_PARAM)), referrerHost: cleanHost(params.get(REFERRER_PARAM)), utm: utmFromParams(params) };
}

/**
 * A source as the booking API receives it (any JSON): each part kept only when it is clean, the rest
 * dropped. Never throws.
 */
export function parseLeadSource(raw: unknown): LeadSource {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return NO_SOURCE;
  const value = raw as Record<string, unknown>;
  const utm: Utm = {};
  if (value.utm && typeof value.utm === 'object' && !Array.isArray(value.utm)) {
    for (const key of UTM_KEYS) {
      const cleaned = cleanUtmValue((value.utm as Record<string, unknown>)[key]);
      if (cleaned !== null) utm[key] = cleaned;
    }
  }
  return { page: cleanPagePath(value.page), referrerHost: cleanHost(value.referrerHost), utm };
}

/** One line for a person: "/blog/x · via news.ycombinator.com · utm_source=news, utm_campaign=dec". */
export function describeSource(source: LeadSource): string {
  const parts: string[] = [source.page ?? 'page unknown'];
  if (source.referrerHost) parts.push(`via ${source.referrerHost}`);
  const utm = UTM_KEYS.filter((key) => source.utm[key]).map((key) => `${key}=${source.utm[key]}`);
  if (utm.length) parts.push(utm.join(', '));
  return parts.join(' · ');
}

/**
 * The utm_* parameters of `referrer` when it is a page of this site (one of `siteOrigins`): a form post's
 * or an image request's Referer is the page it came from, with the query it was opened with.
 */
export function utmFromSiteReferrer(referrer: string | null, siteOrigins: Iterable<string>): Utm {
  if (!referrer) return {};
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return {};
  }
  return [...siteOrigins].includes(url.origin) ? utmFromParams(url.searchParams) : {};
}
