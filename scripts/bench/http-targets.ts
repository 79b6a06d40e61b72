// Requests the throughput benchmark fires at the local server. The static page is the yardstick;
// every API route worth watching adds a line here (the lead-capture routes do, when they exist).

export interface HttpTarget {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A body per request (the n-th request gets bodyFor(n)), so every sign-up is a new address. */
  bodyFor?: (n: number) => string;
}

export const httpTargets: HttpTarget[] = [
  { name: 'static page (/ai-operator, brotli)', method: 'GET', path: '/ai-operator', headers: { 'accept-encoding': 'br' } },
  { name: 'static asset (/favicon.svg)', method: 'GET', path: '/favicon.svg' },
  { name: 'api route (GET /api/health)', method: 'GET', path: '/api/health' },
  {
    name: 'newsletter sign-up (POST /api/newsletter)',
    method: 'POST',
    path: '/api/newsletter',
    headers: { 'content-type': 'application/json' },
    bodyFor: (n) => JSON.stringify({ email: `bench-${n}@example.com`, consent: true, source: 'bench' }),
  },
];
