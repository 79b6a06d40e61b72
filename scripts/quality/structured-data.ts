// JSON-LD checks: every block parses, each type carries the properties search engines need for it,
// and each page carries the types its kind of page must have.

type Json = Record<string, unknown>;

const REQUIRED: Record<string, string[]> = {
  Organization: ['name', 'url', 'logo'],
  WebSite: ['name', 'url'],
  BreadcrumbList: ['itemListElement'],
  BlogPosting: ['headline', 'description', 'datePublished', 'dateModified', 'author', 'image', 'publisher', 'mainEntityOfPage'],
  Service: ['name', 'description', 'provider', 'serviceType'],
  FAQPage: ['mainEntity'],
};

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const isIsoDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?/.test(value) && !Number.isNaN(Date.parse(value));
const isAbsoluteUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\//.test(value);

/** Problems with one JSON-LD block, as readable sentences; empty when it is valid. */
export function jsonLdProblems(source: string): { type: string; problems: string[] } {
  let data: Json;
  try {
    data = JSON.parse(source) as Json;
  } catch (error) {
    return { type: '(unparseable)', problems: [`JSON-LD does not parse: ${(error as Error).message}`] };
  }
  const type = String(data['@type'] ?? '(no @type)');
  const problems: string[] = [];
  if (data['@context'] !== 'https://schema.org') problems.push(`${type}: @context must be https://schema.org`);
  const required = REQUIRED[type];
  if (!required) return { type, problems: [...problems, `${type}: no rules for this type (add them to structured-data.ts)`] };
  for (const key of required) if (isBlank(data[key])) problems.push(`${type}: missing ${key}`);

  if (type === 'BlogPosting') {
    for (const key of ['datePublished', 'dateModified']) if (data[key] && !isIsoDate(data[key])) problems.push(`BlogPosting: ${key} is not an ISO 8601 date`);
    if (data.image && !isAbsoluteUrl(data.image)) problems.push('BlogPosting: image must be an absolute URL');
    if (typeof data.headline === 'string' && data.headline.length > 110) problems.push('BlogPosting: headline is longer than 110 characters');
    const author = data.author as Json | undefined;
    if (author && isBlank(author.name)) problems.push('BlogPosting: author has no name');
  }
  if (type === 'BreadcrumbList') {
    const items = (data.itemListElement as Json[] | undefined) ?? [];
    items.forEach((item, i) => {
      if (item.position !== i + 1) problems.push(`BreadcrumbList: item ${i + 1} has position ${String(item.position)}`);
      if (isBlank(item.name) || !isAbsoluteUrl(item.item)) problems.push(`BreadcrumbList: item ${i + 1} needs a name and an absolute item URL`);
    });
  }
  if (type === 'FAQPage') {
    const questions = (data.mainEntity as Json[] | undefined) ?? [];
    questions.forEach((q, i) => {
      const answer = q.acceptedAnswer as Json | undefined;
      if (q['@type'] !== 'Question' || isBlank(q.name) || isBlank(answer?.text)) problems.push(`FAQPage: question ${i + 1} needs a name and an acceptedAnswer.text`);
    });
  }
  if (type === 'Organization' || type === 'WebSite') {
    if (data.url && !isAbsoluteUrl(data.url)) problems.push(`${type}: url must be absolute`);
  }
  return { type, problems };
}

/** The types a page must carry, from what the page is and shows. */
export function expectedTypes(route: string, html: string): string[] {
  const types: string[] = [];
  if (route === '/') types.push('Organization', 'WebSite');
  // Result pages (noindex: 404, newsletter and booking outcomes) are not part of the site's hierarchy.
  else if (!/<meta name="robots" content="noindex/.test(html)) types.push('BreadcrumbList');
  if (/^\/blog\/[^/]+$/.test(route)) types.push('BlogPosting');
  if (/^\/services\/[^/]+$/.test(route)) types.push('Service');
  if (/id="faq"/.test(html)) types.push('FAQPage');
  return types;
}
