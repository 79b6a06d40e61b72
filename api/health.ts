// Liveness probe: proves the api/ wiring (local server, dev server, Vercel) end to end.
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
