// Runs as each page is prerendered (and on each request of `astro dev`): the page's links to the booking
// page learn which page they are on (src/lib/leads/links.ts). No script reaches the visitor for it.
import { defineMiddleware } from 'astro:middleware';
import { tagLeadLinks } from './lib/leads/links.ts';
import { cleanPagePath } from './lib/leads/source.ts';
import { cleanPath } from './lib/seo/head.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const page = cleanPagePath(cleanPath(context.url.pathname));
  if (!page || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(tagLeadLinks(html, page), { status: response.status, statusText: response.statusText, headers: response.headers });
});
