// The content collections' rules: frontmatter schemas, entry ids and the article helpers.
export * from './schemas.ts'; // frontmatter schemas for posts, services and pages
export * from './ids.ts'; // how a content file becomes an entry id (and a URL)
export * from './articles.ts'; // reading time, tables of contents, related posts
export * from './tally-sheet.ts'; // the baseline guide's printable tally sheet
