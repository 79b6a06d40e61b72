// The public origin the build writes into canonical URLs, the sitemap, RSS and social cards.

/** Stands in for the real domain on local builds only (`npm start`, `npm test`). */
export const PLACEHOLDER_SITE_URL = 'https://aioperator.example';

/**
 * SITE_URL, checked. A build for Vercel's production environment without it fails: every canonical
 * URL, the sitemap and the feed would point search engines at a placeholder domain.
 */
export function resolveSiteUrl(env: Record<string, string | undefined>): string {
  const value = env.SITE_URL?.trim();
  if (!value) {
    if (env.VERCEL_ENV === 'production') {
      throw new Error('SITE_URL is not set. A production build needs the public origin (for example https://example.com) for canonical URLs, the sitemap and RSS. Set it in the Vercel project settings.');
    }
    return PLACEHOLDER_SITE_URL;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.com, not "${value.slice(0, 80)}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('SITE_URL must start with https://.');
  if (url.pathname !== '/' || url.search || url.hash) throw new Error('SITE_URL must be an origin only (https://example.com), with no path, query or fragment.');
  return url.origin;
}
