// Builds every page's <head> metadata as data, so it is unit-tested rather than eyeballed.

export interface HeadInput {
  /** Page title without the site name (the site name alone when omitted). */
  title?: string;
  description: string;
  /** Path of the page on the site, e.g. '/blog/my-post'. */
  path: string;
  /** The site's origin, e.g. 'https://example.com'. */
  siteUrl: string | URL;
  siteName: string;
  locale: string;
  titleSeparator?: string;
  /** Open Graph type: 'article' for posts. */
  type?: 'website' | 'article';
  /** Absolute or site-relative URL of the social image. */
  image?: string;
  imageAlt?: string;
  /** Overrides the canonical URL (a post first published elsewhere). */
  canonical?: string;
  publishedTime?: Date;
  modifiedTime?: Date;
  noindex?: boolean;
}

export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

export interface Head {
  title: string;
  description: string;
  canonical: string;
  meta: MetaTag[];
}

/** A page's clean path from the path Astro reports while building ('/index.html', '/blog/post.html'). */
export function cleanPath(pathname: string): string {
  return pathname.replace(/\.html$/, '').replace(/(^|\/)index$/, '$1').replace(/(.)\/$/, '$1') || '/';
}

/** Absolute URL for a site path, without a trailing slash except for the root. */
export function absoluteUrl(path: string, siteUrl: string | URL): string {
  const url = new URL(path, siteUrl);
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/** The social card for a page: `default`, `blog/<id>`, `services/<id>` or `pages/<id>` (see api/og.ts). */
export function socialImagePath(page: string): string {
  return `/api/og?page=${encodeURIComponent(page).replace(/%2F/g, '/')}`;
}

export function buildHead(input: HeadInput): Head {
  const separator = input.titleSeparator ?? ' | ';
  const title = input.title ? `${input.title}${separator}${input.siteName}` : input.siteName;
  const canonical = input.canonical ? absoluteUrl(input.canonical, input.siteUrl) : absoluteUrl(input.path, input.siteUrl);
  const description = input.description.trim();
  const meta: MetaTag[] = [
    { name: 'description', content: description },
    { property: 'og:type', content: input.type ?? 'website' },
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:locale', content: input.locale },
    { property: 'og:title', content: input.title ?? input.siteName },
    { property: 'og:description', content: description },
    { property: 'og:url', content: canonical },
    { name: 'twitter:card', content: input.image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: input.title ?? input.siteName },
    { name: 'twitter:description', content: description },
  ];
  if (input.image) {
    const image = absoluteUrl(input.image, input.siteUrl);
    meta.push({ property: 'og:image', content: image }, { name: 'twitter:image', content: image });
    if (input.imageAlt) meta.push({ property: 'og:image:alt', content: input.imageAlt }, { name: 'twitter:image:alt', content: input.imageAlt });
  }
  if (input.type === 'article') {
    if (input.publishedTime) meta.push({ property: 'article:published_time', content: input.publishedTime.toISOString() });
    if (input.modifiedTime) meta.push({ property: 'article:modified_time', content: input.modifiedTime.toISOString() });
  }
  if (input.noindex) meta.push({ name: 'robots', content: 'noindex, follow' });
  return { title, description, canonical, meta };
}
