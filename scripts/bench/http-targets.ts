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

import { defaultBookingRules } from '../../src/config/booking.ts';
import { availableSlots } from '../../src/lib/booking/slots.ts';
import { HOUR_MS, DAY_MS } from '../../src/lib/time/durations.ts';

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The bench server's booking rules: the real hours, with the horizon and cap opened up (benchServerEnv). */
const HORIZON_DAYS = 365;
// Every other free slot of the year: with 10 minutes of buffer each side, neighbours 20 minutes apart
// would collide, so these never do. Computed with the same rules the server applies.
const yearOfSlots = availableSlots(
  { ...defaultBookingRules, horizonDays: HORIZON_DAYS, dailyCap: 100 },
  { from: new Date(Date.now() + 13 * HOUR_MS).toISOString(), to: new Date(Date.now() + HORIZON_DAYS * DAY_MS).toISOString() },
  new Date().toISOString(),
  [],
);
const bookableStarts = yearOfSlots.filter((_, i) => i % 2 === 0).map((slot) => slot.start);

/** The visitor's 31 local days from today (New York), as the booking page asks; the `feeds` part loads it too. */
export const slotsTarget: HttpTarget = {
  name: 'free slots, 31 days (GET /api/slots)',
  method: 'GET',
  path: `/api/slots?from=${isoDate(Date.now())}&to=${isoDate(Date.now() + 30 * DAY_MS)}&tz=America/New_York`,
};

export const httpTargets: HttpTarget[] = [
  { name: 'static page (/ai-operator, brotli)', method: 'GET', path: '/ai-operator', headers: { 'accept-encoding': 'br' } },
  { name: 'static asset (/favicon.svg)', method: 'GET', path: '/favicon.svg' },
  { name: 'api route (GET /api/health)', method: 'GET', path: '/api/health' },
  // Every page load sends one: a write (an upsert of the day's count) on the busiest route there is.
  { name: 'page view (GET /api/views)', method: 'GET', path: '/api/views?page=%2Fai-operator' },
  {
    name: 'newsletter sign-up (POST /api/newsletter)',
    method: 'POST',
    path: '/api/newsletter',
    headers: { 'content-type': 'application/json' },
    bodyFor: (n) => JSON.stringify({ email: `bench-${n}@example.com`, consent: true, source: 'bench' }),
  },
  slotsTarget,
  {
    // Before the bookings: a client keeps at most two holds (each new one releases its oldest), so
    // only the last two are still held when the bookings start, from the far end of the year.
    name: 'slot hold (POST /api/slots/hold), a new time each',
    method: 'POST',
    path: '/api/slots/hold',
    headers: { 'content-type': 'application/json' },
    bodyFor: (n) => JSON.stringify({ start: bookableStarts[bookableStarts.length - 1 - (n % bookableStarts.length)] }),
  },
  {
    name: 'booking (POST /api/bookings), a new time each',
    method: 'POST',
    path: '/api/bookings',
    headers: { 'content-type': 'application/json' },
    // Past the year's slots (about 2,700) the route answers 409 slot_taken: the bench prints non-2xx.
    bodyFor: (n) => JSON.stringify({
      start: bookableStarts[n % bookableStarts.length], name: 'Bench Booker', email: `bench-${n}@example.com`, company: 'Bench Co',
      companySize: '11-50', area: 'sales', goal: 'Measure the booking route under load.', timeZone: 'America/New_York', consent: true,
    }),
  },
];

/** Settings the bench server runs with: rate limits lifted, the default hours open for a year. */
export const benchServerEnv = {
  NEWSLETTER_RATE_LIMIT: '1000000000',
  BOOKING_RATE_LIMIT: '1000000000',
  BOOKING_CLIENT_DAILY_LIMIT: '1000000000',
  BOOKING_HORIZON_DAYS: String(HORIZON_DAYS),
  BOOKING_DAILY_CAP: '100',
  OUTBOX_RETRY_MS: '3600000',
};
