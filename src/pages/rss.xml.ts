import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { publishedPosts } from '../queries/content.ts';
import { company } from '../config/company.ts';
import { site } from '../config/site.ts';
import { blogFeed } from '../lib/seo/rss.ts';

export const GET: APIRoute = async (context) => {
  const posts = await publishedPosts();
  return rss(blogFeed(posts.map(({ entry }) => entry), context.site!, { name: site.name, contactEmail: company.contactEmail }));
};
