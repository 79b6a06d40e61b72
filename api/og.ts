// Social card images (Open Graph, Twitter), drawn on request by @vercel/og and cached: building a
// PNG per page at build time made the build grow by 15 ms a post.
import { HttpError, handle } from './_lib/http/request-guards.ts';
import { renderCard } from './_lib/social/og-card.ts';
import { cardText } from './_lib/social/card-text.ts';

// One process draws each card once; the CDN keeps it after that. A render that fails is forgotten,
// so the next request draws it again instead of replaying the failure.
const drawn = new Map<string, Promise<ArrayBuffer>>();

function draw(page: string, text: NonNullable<Awaited<ReturnType<typeof cardText>>>): Promise<ArrayBuffer> {
  let image = drawn.get(page);
  if (!image) {
    image = renderCard(text).then((response) => response.arrayBuffer());
    drawn.set(page, image);
    image.catch(() => drawn.delete(page));
  }
  return image;
}

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const page = new URL(request.url).searchParams.get('page') ?? '';
    const text = await cardText(page);
    if (!text) {
      throw new HttpError(404, 'not_found', `There is no social card for "${page.slice(0, 80)}". Use ?page=default, blog/<post>, services/<service> or pages/<page>.`, { page: 'unknown page' });
    }
    return new Response(await draw(page, text), {
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600, s-maxage=604800, stale-while-revalidate=86400' },
    });
  });
}
