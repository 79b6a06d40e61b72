// One mechanism for every link in an email that changes something (the newsletter's confirm and
// unsubscribe; the booking's cancel and move, and the operator's held and no-show): mail scanners and link previews fetch every link, so a GET (or HEAD) only shows
// a page with the one button that acts, and the button POSTs the token. Nothing changes until a
// person presses it. RFC 8058's one-click unsubscribe is that same POST, sent by the mail client to
// the link itself with the token in its query: it acts at once and needs no cookie or origin.
import type { ApiContext } from '../runtime/context.ts';
import { apiContext } from '../runtime/context.ts';
import { deliverInBackground } from '../mail/deliver.ts';
import { renderActionPage, type ActionPage } from './action-page.ts';
import { clientAddress, handle, readBody, redirect, wantsJson } from './request-guards.ts';
import { hitClientRateLimit } from './rate-limit.ts';
import { verifyToken, type TokenPurpose } from '../signing/tokens.ts';

/**
 * What the GET shows: a page whose one button posts the token back (action and fields are added), or a
 * redirect. A page without a button says why nothing can be done yet (an outcome link before the call).
 */
export type ActionView = { page: Omit<ActionPage, 'forms'> & { button?: string } } | { redirect: string };
export interface ActionOutcome {
  /** Where a person who pressed the button lands. */
  redirect: string;
  /** The plain answer a mail client's one-click POST gets (status 200, or 400 when not ok). */
  ok: boolean;
  message: string;
  /** Messages the action queued in the outbox, to start delivering now. */
  queued: number;
  /** For a JSON caller when not ok: the status (400 by default) and error code, and more to answer with. */
  status?: number;
  code?: string;
  /** For a JSON caller when not ok: the message per field it concerns (a reschedule's `start`). */
  fields?: Record<string, string>;
  alternatives?: unknown[];
  /** With status 429: when to try again (sent as Retry-After). */
  retryAfterSeconds?: number;
}

export interface SignedAction {
  purpose: TokenPurpose;
  /** The route's own path: the page's form posts back to it. */
  path: string;
  /** Where a link that is expired, tampered with or meant for another action lands. */
  invalidRedirect: string;
  /**
   * What the GET shows for a valid token. Reads only: scanners call it. `params` is the link's query
   * (a page an action lands back on may name what just happened, from a fixed list of its own).
   */
  view(ctx: ApiContext, subject: string, params: URLSearchParams): Promise<ActionView>;
  /**
   * Does the action for a valid token, idempotently: a second press lands where the first did.
   * `fields` are the other posted fields (a reschedule's new time), empty for a one-click POST.
   */
  act(ctx: ApiContext, subject: string, fields: Record<string, unknown>): Promise<ActionOutcome>;
  /**
   * Presses allowed per client address an hour, and where a person lands past it. Unset for the
   * newsletter's links: a one-click unsubscribe comes from a mail provider's few shared addresses and
   * must never be refused.
   */
  clientLimit?: { name: string; perHour: (ctx: ApiContext) => number; redirect: string };
}

/** Headers for a page rendered by a function from a signed link. */
export const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  // The token is in the URL: it must not leak to another site through Referer or a shared cache.
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
};

/** A signed link as its GET reads it: whom the token names, the token itself and the link's query. */
export interface SignedLink {
  subject: string;
  token: string;
  params: URLSearchParams;
}

/**
 * The GET of a signed link: a token that is expired, tampered with or meant for another purpose lands on
 * `invalidRedirect`; a valid one is shown by `show`, which only reads (mail scanners open every link).
 */
export function signedLinkPage(purpose: TokenPurpose, invalidRedirect: string, show: (ctx: ApiContext, link: SignedLink) => Promise<Response>): (request: Request) => Promise<Response> {
  return (request) =>
    handle(async () => {
      const ctx = await apiContext();
      const params = new URL(request.url).searchParams;
      const token = params.get('token') ?? '';
      const check = verifyToken(ctx.secret, purpose, token);
      if (!check.ok) return redirect(invalidRedirect);
      return show(ctx, { subject: check.subject, token, params });
    });
}

/** The GET and POST handlers of a signed-action route. */
export function signedActionRoute(action: SignedAction): { GET(request: Request): Promise<Response>; POST(request: Request): Promise<Response> } {
  return {
    GET: signedLinkPage(action.purpose, action.invalidRedirect, async (ctx, { subject, token, params }) => {
      const view = await action.view(ctx, subject, params);
      if ('redirect' in view) return redirect(view.redirect);
      const { button, ...page } = view.page;
      const html = renderActionPage({ ...page, forms: button ? [{ action: action.path, fields: { token }, button }] : [] });
      return new Response(html, { headers: PAGE_HEADERS });
    }),

    POST: (request) =>
      handle(async () => {
        const ctx = await apiContext();
        const queryToken = new URL(request.url).searchParams.get('token');
        // A one-click POST carries the token in the link itself and a body (`List-Unsubscribe=One-Click`,
        // form-encoded or multipart) that says nothing more: the body is not read.
        const body = queryToken === null ? await readBody(request) : null;
        const token = queryToken ?? String(body?.fields.token ?? '');
        const limit = action.clientLimit;
        const allowed = limit
          ? await ctx.writes.run((tx) => hitClientRateLimit(tx, { name: limit.name, limit: limit.perHour(ctx), windowSeconds: 3600 }, ctx.secret, clientAddress(request)))
          : ({ ok: true } as const);
        const check = verifyToken(ctx.secret, action.purpose, token);
        const outcome: ActionOutcome = !allowed.ok
          ? { ok: false, status: 429, code: 'rate_limited', redirect: limit!.redirect, message: 'Too many changes from here for now. Try again later, or write to us.', queued: 0, retryAfterSeconds: allowed.retryAfterSeconds }
          : check.ok
            ? await action.act(ctx, check.subject, body?.fields ?? {})
            : { redirect: action.invalidRedirect, ok: false, message: 'This link is not valid any more.', queued: 0 };
        deliverInBackground(ctx, outcome.queued);
        const status = outcome.ok ? 200 : (outcome.status ?? 400);
        const retryAfter: Record<string, string> = outcome.retryAfterSeconds ? { 'Retry-After': String(outcome.retryAfterSeconds) } : {};
        if (body && wantsJson(request, body.format)) {
          const answer = outcome.ok
            ? { ok: true, message: outcome.message, next: outcome.redirect }
            : { error: { code: outcome.code ?? 'invalid_link', message: outcome.message, fields: outcome.fields ?? {} }, next: outcome.redirect, ...(outcome.alternatives ? { alternatives: outcome.alternatives } : {}) };
          return Response.json(answer, { status, headers: { 'Cache-Control': 'no-store', ...retryAfter } });
        }
        // The page's button (a person): on to the page that says what happened.
        if (body) return redirect(outcome.redirect);
        return new Response(outcome.message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
      }, request),
  };
}
