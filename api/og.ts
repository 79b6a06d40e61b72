// Social card images (Open Graph, Twitter), drawn on request by @vercel/og and cached: building a
// PNG per page at build time made the build grow by 15 ms a post.
import { renderCard } from './_lib/og-card.ts';
import { cardText } from './_lib/social-cards.ts';

// One process draws each card once; the CDN keeps it after that.
const drawn = new Map<string, Promise<ArrayBuffer>>();

export async function GET(request: Request): Promise<Response> {
  const page = new URL(request.url).searchParams.get('page') ?? '';
  const text = await cardText(page);
  if (!text) {
    return Response.json(
      { error: { code: 'not_found', message: `There is no social card for "${page.slice(0, 80)}". Use ?page=default, blog/<post>, services/<service> or pages/<page>.`, fields: { page: 'unknown page' } } },
      { status: 404 },
    );
  }
  let image = drawn.get(page);
  if (!image) {
    image = renderCard(text).then((response) => response.arrayBuffer());
    drawn.set(page, image);
  }
  return new Response(await image, {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600, s-maxage=604800, stale-while-revalidate=86400' },
  });
}
