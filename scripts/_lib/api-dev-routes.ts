// `astro dev` serves the api/ routes too: this integration mounts them as Vite middleware,
// loading each module through Vite so edits apply without a restart.
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverApiRoutes, dispatch, type ApiModule } from './api-router.ts';
import { headersFor, loadHeaderRules, loadRewrites } from './http-headers.ts';
import { answerWithWebHandler } from './node-web.ts';

export function apiDevRoutes(): AstroIntegration {
  return {
    name: 'ai-operator:api-dev-routes',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const rootDir = fileURLToPath(new URL('../..', import.meta.url));
        const headerRules = loadHeaderRules(join(rootDir, 'vercel.json'));
        const rewrites = loadRewrites(join(rootDir, 'vercel.json'));
        server.middlewares.use(async (req, res, next) => {
          if (!req.url) return next();
          // The path alone decides the route; a malformed Host must not turn into a 500.
          const url = new URL(req.url, 'http://localhost');
          url.pathname = rewrites.get(url.pathname) ?? url.pathname;
          if (!url.pathname.startsWith('/api/')) return next();
          // Re-scanned per request so a new route file works without restarting dev.
          const file = discoverApiRoutes(join(rootDir, 'api')).get(url.pathname.replace(/\/$/, ''));
          if (!file) return next();
          try {
            const mod = (await server.ssrLoadModule(file)) as ApiModule;
            await answerWithWebHandler(req, res, url.origin, (request) => dispatch(mod, request), headersFor(headerRules, url.pathname));
          } catch (error) {
            next(error);
          }
        });
      },
    },
  };
}
