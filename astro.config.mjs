// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { apiDevRoutes } from './scripts/_lib/api-dev-routes.ts';
import { islandRuntimeFileIntegration } from './scripts/_lib/island-runtime-file.ts';
import { noNodeInBrowser } from './scripts/_lib/no-node-in-browser.ts';
import { prunePageCssIntegration } from './scripts/_lib/prune-page-css.ts';
import { tableRegionNames } from './scripts/_lib/table-region-names.ts';
import { company } from './src/config/company.ts';
import { PLACEHOLDER_SITE_URL, resolveSiteUrl } from './src/config/site-url.ts';
import { productionFactsProblem } from './src/lib/company/placeholders.ts';

// A Vercel production build stops here, before it builds anything, naming every reason at once:
// - SITE_URL unset: canonical URLs, the sitemap, RSS and Open Graph need the public origin (a local
//   build uses a placeholder);
// - a placeholder contact address or legal name in src/config/company.ts (a local build shows them).
/** @type {string[]} */
const productionProblems = [];
let site = PLACEHOLDER_SITE_URL;
try {
  site = resolveSiteUrl(process.env);
} catch (error) {
  productionProblems.push(/** @type {Error} */ (error).message);
}
const factsProblem = productionFactsProblem(process.env, company);
if (factsProblem) productionProblems.push(factsProblem);
if (productionProblems.length > 0) throw new Error(productionProblems.join('\n\n'));

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
  // Each table's scrolling region is named after the heading above it (scripts/_lib/table-region-names.ts).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [tableRegionNames] }) },
  integrations: [
    mdx(),
    react(),
    // Result pages (noindex) stay out of the sitemap.
    sitemap({ filter: (page) => !/\/(404|newsletter\/.+|book-audit\/.+)$/.test(page) }),
    apiDevRoutes(),
    // Before the CSS pruning, which lists the inline scripts left on each page in its CSP.
    islandRuntimeFileIntegration(),
    prunePageCssIntegration(),
    {
      name: 'ai-operator:client-directives',
      hooks: {
        'astro:config:setup': ({ addClientDirective }) => {
          addClientDirective({ name: 'after-paint', entrypoint: './src/islands/after-paint-directive.ts' });
          addClientDirective({ name: 'first-input', entrypoint: './src/islands/first-input-directive.ts' });
        },
      },
    },
  ],
  vite: { plugins: [tailwindcss(), noNodeInBrowser()] },
});
