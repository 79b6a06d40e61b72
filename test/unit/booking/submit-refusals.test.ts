// What the booking page says when the booking service says no: each 429 in its own words, the
// contact address to write to, and the promise that nothing typed is lost. fetch is stubbed: the
// answers are the API's own shapes (api/bookings.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { submitBooking } from '../../../src/islands/booking/submit.ts';
import type { BookingRequest } from '../../../src/lib/booking/request.ts';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }));
const submit = () => submitBooking('/api/bookings', {} as BookingRequest, 'hello@site.test');

describe('submitBooking on a 429', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says a connection has booked its calls for the day, with the address to write to (no "try in 700 minutes")', async () => {
    answer(429, { error: { code: 'booked_from_here_today', message: 'server words' } }, { 'Retry-After': '43200' });
    expect(await submit()).toEqual({
      kind: 'refused',
      message: 'This connection has booked as many calls today as one connection may. To book another, email hello@site.test. Your details are still here.',
    });
  });

  it('counts the minutes of an hourly limit from Retry-After', async () => {
    answer(429, { error: { code: 'rate_limited', message: 'server words' } }, { 'Retry-After': '120' });
    expect(await submit()).toEqual({ kind: 'refused', message: 'Too many booking attempts. Try again in 2 minutes, or email hello@site.test. Your details are still here.' });
  });
});
