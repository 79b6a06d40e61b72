import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { renderCard } from './_card.ts';
import { site } from '../../config/site.ts';

export const getStaticPaths = (async () => {
  const [posts, services, pages] = await Promise.all([getCollection('blog'), getCollection('services'), getCollection('pages')]);
  return [
    { params: { slug: 'default' }, props: { eyebrow: 'The business AI operator', title: site.tagline } },
    ...posts.map((p) => ({ params: { slug: `blog/${p.id}` }, props: { eyebrow: 'Blog', title: p.data.title } })),
    ...services.map((s) => ({ params: { slug: `services/${s.id}` }, props: { eyebrow: `Service · ${s.data.navTitle}`, title: s.data.title } })),
    ...pages.map((p) => ({ params: { slug: `pages/${p.id}` }, props: { eyebrow: 'AI Operator', title: p.data.title } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => renderCard(props as { eyebrow: string; title: string });
