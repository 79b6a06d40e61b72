// GET /api/newsletter/confirm?token=...: the link in the confirmation email.
import { apiContext } from '../_lib/context.ts';
import { deliverInBackground } from '../_lib/deliver.ts';
import { handle, redirect } from '../_lib/http.ts';
import { confirm } from '../_lib/newsletter.ts';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const url = new URL(request.url);
    const baseUrl = ctx.config.siteUrl ?? url.origin;
    const { outcome, queued } = await confirm(ctx, url.searchParams.get('token') ?? '', baseUrl);
    if (outcome !== 'confirmed') return redirect('/newsletter/link-expired');
    deliverInBackground(ctx, queued);
    return redirect('/newsletter/confirmed');
  });
}
