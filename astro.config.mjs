// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { apiDevRoutes } from './scripts/_lib/api-dev-routes.ts';
import { noNodeInBrowser } from './scripts/_lib/no-node-in-browser.ts';
import { prunePageCssIntegration } from './scripts/_lib/prune-page-css.ts';
import { resolveSiteUrl } from './src/config/site-url.ts';

// The public origin: canonical URLs, sitemap, RSS and Open Graph use it. A Vercel production build
// without SITE_URL stops here; a local build uses a placeholder.
const site = resolveSiteUrl(process.env);

export default defineConfig({
  site,
  output: 'static',
  // /blog/post.html served as /blog/post: one URL per page, no trailing slash, locally and on Vercel.
  trailingSlash: 'never',
  build: { format: 'file', inlineStylesheets: 'always' },
  // Astro hashes every script and style it emits into a per-page CSP <meta>; the HTTP header CSP
  // (vercel.json) adds what a meta tag cannot carry (frame-ancestors).
  security: { csp: true },
  devToolbar: { enabled: false },
  // No code blocks on the site, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx(),
    react(),
    // Result pages (noindex) stay out of the sitemap.
    sitemap({ filter: (page) => !/\/(404|newsletter\/.+|book-audit\/.+)$/.test(page) }),
    apiDevRoutes(),
    prunePageCssIntegration(),
  ],
  vite: { plugins: [tailwindcss(), noNodeInBrowser()] },
});
