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

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** First booking slot: the next whole hour, 2 hours on (the bench server opens every hour of every day). */
const firstSlot = Math.ceil((Date.now() + 2 * 3600_000) / 3600_000) * 3600_000;

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
  { name: 'free slots, 31 days (GET /api/slots)', method: 'GET', path: `/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now() + 30 * DAY)}&tz=America/New_York` },
  {
    name: 'booking (POST /api/bookings), a new time each',
    method: 'POST',
    path: '/api/bookings',
    headers: { 'content-type': 'application/json' },
    // Calls 40 minutes apart: 20 for the call and 10 of buffer each side, so none collides with another.
    bodyFor: (n) => JSON.stringify({
      start: new Date(firstSlot + n * 40 * 60_000).toISOString(), name: 'Bench Booker', email: `bench-${n}@example.com`, company: 'Bench Co',
      companySize: '11-50', area: 'sales', goal: 'Measure the booking route under load.', timeZone: 'America/New_York', consent: true,
    }),
  },
];

/** Settings the bench server runs with: limits lifted, every hour of every day open for a year. */
export const benchServerEnv = {
  NEWSLETTER_RATE_LIMIT: '1000000000',
  BOOKING_RATE_LIMIT: '1000000000',
  BOOKING_HOURS: 'mon-sun 00:00-24:00',
  BOOKING_NOTICE_HOURS: '0',
  BOOKING_HORIZON_DAYS: '365',
  BOOKING_DAILY_CAP: '100',
  OUTBOX_RETRY_MS: '3600000',
};
