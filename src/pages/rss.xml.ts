import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { publishedPosts } from '../queries/content.ts';
import { company } from '../config/company.ts';
import { site } from '../config/site.ts';

export const GET: APIRoute = async (context) => {
  const posts = await publishedPosts();
  return rss({
    title: `${site.name} blog`,
    description: 'How small teams pick, build and measure AI workflows.',
    site: context.site!,
    items: posts.map(({ entry }) => ({
      title: entry.data.title,
      description: entry.data.description,
      pubDate: entry.data.pubDate,
      link: `/blog/${entry.id}`,
      categories: entry.data.tags,
      author: `${company.contactEmail} (${entry.data.author})`,
    })),
    customData: '<language>en</language>',
  });
};
