// Search and sharing metadata as data: the <head> of every page and its JSON-LD.
export * from './head.ts'; // title, description, canonical, Open Graph and Twitter tags
export * from './structured-data.ts'; // schema.org builders
export * from './rss.ts'; // the blog feed's options, items linked by their canonical URLs
