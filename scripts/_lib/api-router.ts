// Maps /api/* URLs to the api/ modules the way Vercel does (one file a route; files and folders
// starting with `_` are helpers, not routes) and calls their Web-standard method handlers.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { errorResponse, HttpError } from '../../api/_lib/http/request-guards.ts';

type Handler = (request: Request) => Response | Promise<Response>;
export type ApiModule = Partial<Record<string, Handler>>;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const ROUTE_FILE = /\.(ts|js|mjs)$/;

/** URL path ('/api/newsletter/confirm') -> absolute module file, for every route file under apiDir. */
export function discoverApiRoutes(apiDir: string): Map<string, string> {
  const routes = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (ROUTE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const route = relative(apiDir, full).split(sep).join('/').replace(ROUTE_FILE, '').replace(/(^|\/)index$/, '');
        routes.set(`/api${route ? `/${route}` : ''}`, full);
      }
    }
  };
  walk(apiDir);
  return routes;
}

/** Calls the module's handler for the request's method; 405 with Allow when it has none. */
export async function dispatch(mod: ApiModule, request: Request): Promise<Response> {
  const method = request.method.toUpperCase();
  const handler = mod[method] ?? (method === 'HEAD' ? mod.GET : undefined);
  if (!handler) {
    const allowed = METHODS.filter((m) => mod[m] || (m === 'HEAD' && mod.GET));
    return errorResponse(new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} for this endpoint.`, {}, { Allow: allowed.join(', ') }));
  }
  const response = await handler(request);
  return method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
}
