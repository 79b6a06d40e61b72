// Converts between node:http messages and the Web Request/Response objects api/ handlers use.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, HttpError } from '../../api/_lib/http/request-guards.ts';

/** The edge buffers a body up to this size before a route sees it (Vercel's own limit is 4.5 MB). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

class RequestTooLarge extends Error {}

/**
 * The client's address, which rate limits and slot holds key on. This server is the edge, so the address
 * it saw replaces whatever a client claimed; behind a reverse proxy (TRUST_PROXY=1) every request comes
 * from the proxy, and the client is the last address the proxy appended to X-Forwarded-For.
 */
export function clientAddressOf(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return socketAddress;
  const forwarded = [req.headers['x-forwarded-for']].flat().join(',').split(',').map((part) => part.trim()).filter(Boolean);
  return forwarded.at(-1) ?? socketAddress;
}

/**
 * Buffering first (rather than handing the route a stream) is what Vercel does too, and it halves
 * what each API request allocates here: the web stream adapter was most of it (measured).
 */
async function toWebRequest(req: IncomingMessage, origin: string, trustProxy: boolean): Promise<Request> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  headers.set('x-forwarded-for', clientAddressOf(req, trustProxy));
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body: hasBody ? await readAll(req) : undefined });
}

async function readAll(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_REQUEST_BYTES) throw new RequestTooLarge(`The request body is larger than ${MAX_REQUEST_BYTES} bytes.`);
    chunks.push(chunk);
  }
  // Buffer.concat allocates from a plain ArrayBuffer, never a shared one.
  return Buffer.concat(chunks) as Uint8Array<ArrayBuffer>;
}

/**
 * Answers one request with a Web-standard handler, the way the edge does: the body is buffered first,
 * and one over MAX_REQUEST_BYTES gets a JSON 413 without reaching the handler.
 */
export async function answerWithWebHandler(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  handler: (request: Request) => Promise<Response>,
  extraHeaders: Record<string, string>,
  trustProxy = false,
): Promise<void> {
  let request: Request;
  try {
    request = await toWebRequest(req, origin, trustProxy);
  } catch (error) {
    if (!(error instanceof RequestTooLarge)) throw error;
    // The rest of the body is not read: close the connection after answering.
    res.shouldKeepAlive = false;
    return sendWebResponse(res, errorResponse(new HttpError(413, 'payload_too_large', error.message)), extraHeaders);
  }
  await sendWebResponse(res, await handler(request), extraHeaders);
}

export async function sendWebResponse(res: ServerResponse, response: Response, extraHeaders: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(extraHeaders)) res.setHeader(key, value);
  const setCookies = response.headers.getSetCookie();
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') res.setHeader(key, value);
  });
  if (setCookies.length) res.setHeader('set-cookie', setCookies);
  res.statusCode = response.status;
  if (!response.body) {
    res.end();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.setHeader('content-length', body.byteLength);
  res.end(body);
}
