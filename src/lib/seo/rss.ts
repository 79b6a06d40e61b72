// The blog feed's options for @astrojs/rss, as data, so the item links are unit-tested: each is the post's
// canonical URL, without the trailing slash the library adds by default (the site's URLs have none).

export interface FeedPost {
  id: string;
  data: { title: string; description: string; pubDate: Date; tags: string[]; author: string };
}

export interface FeedSite {
  name: string;
  contactEmail: string;
}

/** What rss() is given for /rss.xml: one item per published post, linked as its canonical URL. */
export function blogFeed(posts: FeedPost[], origin: URL | string, facts: FeedSite) {
  return {
    title: `${facts.name} blog`,
    description: 'How small teams pick, build and measure AI workflows.',
    site: origin,
    // Canonical URLs have no trailing slash (build.format 'file'); the library adds one unless told not to.
    trailingSlash: false,
    items: posts.map((post) => ({
      title: post.data.title,
      description: post.data.description,
      pubDate: post.data.pubDate,
      link: `/blog/${post.id}`,
      categories: post.data.tags,
      author: `${facts.contactEmail} (${post.data.author})`,
    })),
    customData: '<language>en</language>',
  };
}
