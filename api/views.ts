// GET /api/views?page=/blog/x: the 1x1 image at the end of every page (src/layouts/BaseLayout.astro),
// which counts a view of that page without cookies or scripts. It answers the same transparent GIF
// whatever happens (a bad page, a database failure): a counter must never show the visitor an error.
//
// This GET writes, on purpose (an <img> can only GET, and the page-view issue asks for exactly this
// request): it adds 1 to an aggregate count per day, page and utm_source of the page's own URL, and
// stores nothing about the visitor (no address, user agent, or hash of them; no cookie is read or
// set). A browser that sends Global Privacy Control (`Sec-GPC: 1`) or Do Not Track (`DNT: 1`) is not
// counted. The privacy page states what is counted.
import { apiContext } from './_lib/runtime/context.ts';
import { countPageView, viewDay } from './_lib/leads/page-views.ts';
import { cleanPagePath, utmFromSiteReferrer } from '../src/lib/leads/source.ts';

// The smallest transparent GIF: 1x1, one transparent colour.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const HEADERS = { 'Content-Type': 'image/gif', 'Content-Length': String(PIXEL.byteLength), 'Cache-Control': 'no-store' };

const pixel = (withBody: boolean) => new Response(withBody ? new Uint8Array(PIXEL) : null, { status: 200, headers: HEADERS });

/** The visitor asked not to be tracked (Global Privacy Control or Do Not Track). */
function optedOut(request: Request): boolean {
  return request.headers.get('sec-gpc')?.trim() === '1' || request.headers.get('dnt')?.trim() === '1';
}

export async function GET(request: Request): Promise<Response> {
  try {
    const page = cleanPagePath(new URL(request.url).searchParams.get('page'));
    // Browsers say where an image request comes from: one from another site's page (hot-linking the
    // image to inflate a count) is not a view of ours. Clients that send no such header are counted.
    const site = request.headers.get('sec-fetch-site');
    if (page && !optedOut(request) && (site === null || site === 'same-origin')) {
      const ctx = await apiContext();
      // Only the utm_source of the page's own address (the Referer, when it is this site) is read: the rest
      // of that URL (a calculator's inputs, say) is never kept.
      const utmSource = utmFromSiteReferrer(request.headers.get('referer'), ctx.config.allowedOrigins).utm_source ?? '';
      // One statement of its own, not a unit of the shared write transactions (countPageView says why).
      await countPageView(ctx.db, { day: viewDay(), page, utmSource });
    }
  } catch (error) {
    console.error('[api/views] a page view was not counted:', error);
  }
  return pixel(true);
}

/** Link checkers and scanners ask with HEAD: the same answer, never counted. */
export function HEAD(): Response {
  return pixel(false);
}
