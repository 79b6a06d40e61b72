// JSON-LD builders (schema.org). Pages pass plain data in; tests check each type's required fields.

export type JsonLd = Record<string, unknown> & { '@context': 'https://schema.org'; '@type': string };

export interface OrganizationInput {
  name: string;
  url: string;
  description: string;
  logo: string;
  email: string;
}

export function organization(input: OrganizationInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${input.url}#organization`,
    name: input.name,
    url: input.url,
    description: input.description,
    logo: input.logo,
    email: input.email,
  };
}

export function webSite(input: { name: string; url: string; description: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${input.url}#website`,
    name: input.name,
    url: input.url,
    description: input.description,
    publisher: { '@id': `${input.url}#organization` },
  };
}

export interface Crumb {
  name: string;
  url: string;
}

export function breadcrumbList(crumbs: Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url })),
  };
}

export interface BlogPostingInput {
  headline: string;
  description: string;
  url: string;
  image: string;
  datePublished: Date;
  dateModified?: Date;
  authorName: string;
  publisherName: string;
  publisherUrl: string;
  publisherLogo: string;
  keywords: string[];
  wordCount: number;
}

export function blogPosting(input: BlogPostingInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: input.headline,
    description: input.description,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    image: input.image,
    datePublished: input.datePublished.toISOString(),
    dateModified: (input.dateModified ?? input.datePublished).toISOString(),
    author: { '@type': 'Organization', name: input.authorName, url: input.publisherUrl },
    publisher: { '@type': 'Organization', name: input.publisherName, url: input.publisherUrl, logo: { '@type': 'ImageObject', url: input.publisherLogo } },
    keywords: input.keywords.join(', '),
    wordCount: input.wordCount,
    inLanguage: 'en',
  };
}

export interface ServiceInput {
  name: string;
  description: string;
  url: string;
  serviceType: string;
  providerName: string;
  providerUrl: string;
  offers: string[];
}

export function service(input: ServiceInput): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    name: input.name,
    description: input.description,
    url: input.url,
    serviceType: input.serviceType,
    audience: { '@type': 'BusinessAudience', name: 'Small and mid-sized businesses' },
    provider: { '@type': 'Organization', name: input.providerName, url: input.providerUrl },
    hasOfferCatalog: {
      '@type': 'OfferCatalog',
      name: input.name,
      itemListElement: input.offers.map((offer) => ({ '@type': 'Offer', itemOffered: { '@type': 'Service', name: offer } })),
    },
  };
}

export interface FaqItem {
  question: string;
  answer: string;
}

export function faqPage(items: FaqItem[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((item) => ({ '@type': 'Question', name: item.question, acceptedAnswer: { '@type': 'Answer', text: item.answer } })),
  };
}

/** Serialises JSON-LD for a <script> element: `<` is escaped so content can never close the tag. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
