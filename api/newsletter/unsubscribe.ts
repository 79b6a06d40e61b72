// The unsubscribe link in every newsletter email (GET) and the one-click List-Unsubscribe-Post
// (RFC 8058: a POST from the mail client). Either works at once.
import { apiContext } from '../_lib/context.ts';
import { deliverInBackground } from '../_lib/deliver.ts';
import { handle, redirect } from '../_lib/http.ts';
import { unsubscribe } from '../_lib/newsletter.ts';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const { outcome, queued } = await unsubscribe(ctx, new URL(request.url).searchParams.get('token') ?? '');
    deliverInBackground(ctx, queued);
    return redirect(outcome === 'unsubscribed' ? '/newsletter/unsubscribed' : '/newsletter/link-expired');
  });
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const { outcome, queued } = await unsubscribe(ctx, new URL(request.url).searchParams.get('token') ?? '');
    deliverInBackground(ctx, queued);
    return new Response(outcome === 'unsubscribed' ? 'Unsubscribed.' : 'This unsubscribe link is not valid.', {
      status: outcome === 'unsubscribed' ? 200 : 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  });
}
