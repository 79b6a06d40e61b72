// Work that goes on after the answer (email delivery, a calendar feed's refresh): on Vercel the
// function is kept alive until it settles (waitUntil); a local server simply goes on.

// Vercel's runtime exposes waitUntil on this well-known symbol (it is all @vercel/functions does,
// and that package would bring two dozen CLI dependencies with it). Elsewhere it is absent.
type RequestContext = { get?: () => { waitUntil?: (promise: Promise<unknown>) => void } | undefined };

export function keepAlive(work: Promise<unknown>): void {
  const context = (globalThis as Record<symbol, RequestContext | undefined>)[Symbol.for('@vercel/request-context')];
  context?.get?.()?.waitUntil?.(work);
}
