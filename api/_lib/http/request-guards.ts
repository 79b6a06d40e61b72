// What every POST route does before its own work: method, size, content type, same origin, schema, the
// honeypot and minimum fill time; and the 429 a rate limit answers. Errors answer
// `{ error: { code, message, fields } }` with the right 4xx, never a 500 for bad input.
import { renderActionPage } from './action-page.ts';
import { company } from '../../../src/config/company.ts';

const MAX_BODY_BYTES = 8 * 1024;

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.headers = headers;
  }
}

/**
 * The error for a payload its schema refused: the first message per top-level field (`form` for the
 * payload as a whole), and the first of those as the message a visitor reads.
 */
export function refusedPayload(status: 400 | 422, code: string, issues: readonly { path: readonly PropertyKey[]; message: string }[], fallback: string): HttpError {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  return new HttpError(status, code, Object.values(fields)[0] ?? fallback, fields);
}

/** A schema as the guards use it: zod's safeParse, without importing zod here. */
export interface PayloadSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * What a JSON-only route reads its request with: a post from this site, a JSON body of at most
 * `maxBytes` (a form post is refused with 415: "Send `what` as application/json."), and its schema
 * (422 invalid_input with the fields, `fallback` as the message when no field is named).
 */
export async function readJsonPayload<T>(request: Request, allowedOrigins: ReadonlySet<string>, payload: { maxBytes: number; schema: PayloadSchema<T>; what: string; fallback: string }): Promise<T> {
  assertSameOrigin(request, allowedOrigins);
  const { format, fields } = await readBody(request, payload.maxBytes);
  if (format !== 'json') throw new HttpError(415, 'unsupported_media_type', `Send ${payload.what} as application/json.`);
  const parsed = payload.schema.safeParse(fields);
  if (!parsed.success) throw refusedPayload(422, 'invalid_input', parsed.error.issues, payload.fallback);
  return parsed.data;
}

/**
 * 429 with Retry-After (code `rate_limited` unless another is given), saying when to try again:
 * "`tooMany`. Try again in 3 minute(s)" (in hours past two of them), then ", or write to us." where
 * writing to us is a way on.
 */
export function rateLimited(tooMany: string, retryAfterSeconds: number, { writeToUs, code = 'rate_limited' }: { writeToUs: boolean; code?: string }): HttpError {
  const wait = retryAfterSeconds > 2 * 3600 ? `${Math.ceil(retryAfterSeconds / 3600)} hour(s)` : `${Math.ceil(retryAfterSeconds / 60)} minute(s)`;
  const message = `${tooMany}. Try again in ${wait}${writeToUs ? ', or write to us' : ''}.`;
  return new HttpError(429, code, message, {}, { 'Retry-After': String(retryAfterSeconds) });
}

/** Faster than a person can fill in a form and send it, even one filled in from an earlier visit (a booking's saved details). */
const MIN_FILL_MS = 1500;

/**
 * The honeypot and the minimum fill time: bots fill the hidden field (`website`) or post faster than a
 * person could (`fillMs`, how long the form took, a duration on the client's own clock: a start time
 * read on a clock minutes fast made a person look instant). A route answers them as it answers people,
 * and stores nothing.
 */
export const looksAutomated = (fields: { website?: string; fillMs?: number }): boolean =>
  Boolean(fields.website) || (fields.fillMs !== undefined && fields.fillMs < MIN_FILL_MS);

export function errorResponse(error: HttpError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, fields: error.fields } },
    { status: error.status, headers: { 'Cache-Control': 'no-store', ...error.headers } },
  );
}

const INTERNAL_MESSAGE = 'Something went wrong on our side, and nothing was saved. Please try again in a minute.';

/**
 * Runs a handler and turns HttpErrors into their answers; anything else is logged and answers 500.
 * Given the request, a browser's form post (a newsletter sign-up, a button on an emailed link's page)
 * gets that 500 as a page a person can read, not as JSON.
 */
export async function handle(run: () => Promise<Response>, request?: Request): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    console.error('[api] unexpected error:', error);
    if (request && isBrowserFormPost(request)) return internalErrorPage();
    return errorResponse(new HttpError(500, 'internal', INTERNAL_MESSAGE));
  }
}

/** A form posted by a browser without JavaScript's help: form-encoded, and not asking for JSON. */
function isBrowserFormPost(request: Request): boolean {
  const type = mediaType(request);
  return request.method === 'POST' && (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') && !wantsJson(request, 'form');
}

/** The body's media type, lower case, without its parameters ('application/json'). */
function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

function internalErrorPage(): Response {
  const html = renderActionPage({
    title: 'Something went wrong on our side',
    paragraphs: [
      'Nothing was saved. Go back with your browser and send the form again in a minute.',
      `If it keeps failing, write to ${company.contactEmail} and we will sort it out by hand.`,
    ],
    forms: [],
    secondary: { href: '/', label: 'Home page' },
  });
  return new Response(html, { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } });
}

export type BodyFormat = 'json' | 'form';

/** Reads a JSON or form-encoded body of at most `maxBytes`, as plain fields. */
export async function readBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<{ format: BodyFormat; fields: Record<string, unknown> }> {
  const type = mediaType(request);
  const format: BodyFormat | null = type === 'application/json' ? 'json' : type === 'application/x-www-form-urlencoded' ? 'form' : null;
  if (!format) throw new HttpError(415, 'unsupported_media_type', 'Send the form as application/json or application/x-www-form-urlencoded.');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new HttpError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
  const text = await readLimited(request, maxBytes);
  if (format === 'form') return { format, fields: Object.fromEntries(new URLSearchParams(text)) };
  try {
    const parsed: unknown = JSON.parse(text || 'null');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return { format, fields: parsed as Record<string, unknown> };
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not a JSON object.');
  }
}

/** The body as text, refused with 413 past `maxBytes` (a sender may send more than its Content-Length says). */
export async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new HttpError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * Browsers send Origin with every POST: one that is not the site's own (SITE_URL's, a preview
 * deployment's, or locally the server's) is a cross-site request and is refused. The list comes from
 * the settings, never from the request's Host, which the requester chooses.
 */
export function assertSameOrigin(request: Request, allowedOrigins: ReadonlySet<string>): void {
  const origin = request.headers.get('origin');
  if (origin && !allowedOrigins.has(origin)) {
    throw new HttpError(403, 'cross_origin', 'This form only accepts posts from this site.');
  }
  if (!origin && request.headers.get('sec-fetch-site') === 'cross-site') {
    throw new HttpError(403, 'cross_origin', 'This form only accepts posts from this site.');
  }
}

/** The client's address as the edge saw it (the local server and Vercel both set x-forwarded-for); '' when there is none. */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
}

/** A form post gets a redirect to a page; a JSON post gets JSON. */
export function wantsJson(request: Request, format: BodyFormat): boolean {
  return format === 'json' || (request.headers.get('accept') ?? '').includes('application/json');
}

export function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}
