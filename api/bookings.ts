// POST /api/bookings (JSON): books a 20-minute workflow audit. 201 with the booking; 409 slot_taken
// with the next free times when the slot went meanwhile (checked before the address, so it answers the
// same for any address); 409 already_booked when the address has a call coming up (that call's link is
// emailed to the address again); 409 booking_cancelled for a retry of a booking cancelled since; 422
// with the fields for bad input, a start that has passed (start_passed) or that the hours never offer
// (start_not_offered), or an idempotency key used for other details; 429 with Retry-After (rate_limited,
// or booked_from_here_today when the client address has booked BOOKING_CLIENT_DAILY_LIMIT calls today).
import { apiContext, type ApiContext } from './_lib/runtime/context.ts';
import { v7 as timeOrderedId } from 'uuid';
import { AlreadyBookedError, BookingCancelledError, BookingLimitError, IdempotencyKeyReusedError, createBooking } from './_lib/booking/create-booking.ts';
import { nextFreeSlots } from './_lib/booking/free-slots.ts';
import { queueManageLink } from './_lib/booking/queue-emails.ts';
import { inviteOnlyPath } from './_lib/booking/signed-links.ts';
import { SlotTakenError } from './_lib/booking/claims.ts';
import { StartNotBookableError } from './_lib/booking/start-checks.ts';
import { releaseHold } from './_lib/booking/slot-holds.ts';
import { freshenCalendarFor, slotTakenResponse, startRefusedError } from './_lib/booking/time-requests.ts';
import { callEvent } from './_lib/booking/call-event.ts';
import { deliverInBackground } from './_lib/mail/deliver.ts';
import { queueOperatorAlert } from './_lib/mail/queue-operator-alert.ts';
import { HttpError, clientAddress, handle, looksAutomated, rateLimited, readJsonPayload } from './_lib/http/request-guards.ts';
import { hitClientRateLimit } from './_lib/http/rate-limit.ts';
import { googleCalendarUrl, outlookCalendarUrl } from '../src/lib/booking/calendar-links.ts';
import { bookingRequestSchema, type BookingCreated, type BookingRequest } from '../src/lib/booking/request.ts';
import { MINUTE_MS } from '../src/lib/time/durations.ts';
import { toIso } from '../src/lib/time/instants.ts';

/** The largest valid booking (a 2,000-character goal, the scenario and the readiness answers) fits with room to spare. */
const MAX_BOOKING_BYTES = 24 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };
const ALREADY_BOOKED = 'This address already has an audit booked, so nothing new was booked. The link to move or cancel that call is in its emails, and we send it to that address again (once a day at most).';

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const booking = await readJsonPayload(request, ctx.config.allowedOrigins, { maxBytes: MAX_BOOKING_BYTES, schema: bookingRequestSchema, what: 'the booking', fallback: 'Check the form and try again.' });
    const rules = ctx.config.booking;
    const now = new Date();
    // Bots fill the hidden field or post instantly: they get an answer shaped like a real one (a
    // time-ordered id, calendar links whose token leads to the expired-link page), and nothing is stored.
    if (looksAutomated(booking)) {
      return Response.json(decoyAnswer(ctx, booking, rules.slotMinutes, now), { status: 201, headers: NO_STORE });
    }

    // Counted in its own commit: a request turned away (slot taken) still counts against its client.
    // The address's own limit counts only bookings made (createBooking), so nobody can lock an address out.
    const address = clientAddress(request);
    const limit = await ctx.writes.run((tx) => hitClientRateLimit(tx, { name: 'booking', limit: ctx.config.bookingRateLimit, windowSeconds: 3600 }, ctx.secret, address));
    if (!limit.ok) throw tooMany(limit.retryAfterSeconds);

    // The operator's calendar as of the last minute, fetched before the write. A start no calendar could
    // make bookable skips it: the write answers it (a replay of the same request first).
    await freshenCalendarFor(ctx, booking.start, now, 'call');
    let created;
    try {
      created = await ctx.writes.run((tx) => createBooking(ctx, tx, booking, { clientAddress: address, now }));
    } catch (error) {
      if (error instanceof SlotTakenError) return slotTakenResponse(await nextFreeSlots(ctx, now, booking.start, 5));
      if (error instanceof StartNotBookableError) throw startRefusedError(error);
      if (error instanceof BookingLimitError && error.limit === 'email-hourly') throw tooMany(error.retryAfterSeconds);
      if (error instanceof BookingLimitError) {
        // The operator hears of it once a day: a script stopped, or real visitors refused (an office, a proxy without TRUST_PROXY).
        const event = { type: 'bookings.client-limit' as const, day: now.toISOString().slice(0, 10), perClient: ctx.config.bookingClientDailyLimit };
        deliverInBackground(ctx, await ctx.writes.run((tx) => queueOperatorAlert(ctx, tx, `bookings-client-limit-${event.day}`, event, now)));
        throw rateLimited('This connection has booked as many calls today as one connection may', error.retryAfterSeconds, { writeToUs: true, code: 'booked_from_here_today' });
      }
      if (error instanceof IdempotencyKeyReusedError) throw new HttpError(422, 'idempotency_key_reused', 'This request was already used to book with other details. Reload the page and book again.');
      if (error instanceof BookingCancelledError) throw new HttpError(409, 'booking_cancelled', 'That booking has been cancelled. Pick a time to book again.');
      if (error instanceof AlreadyBookedError) {
        // The answer names no time: the call and its link go only to the address's inbox. The time this
        // visitor held goes back to everyone now, not in ten minutes: it will not be booked.
        const queued = await ctx.writes.run(async (tx) => {
          if (booking.holdId) await releaseHold(tx, booking.holdId);
          return queueManageLink(ctx, tx, error.bookingId, now);
        });
        deliverInBackground(ctx, queued);
        throw new HttpError(409, 'already_booked', ALREADY_BOOKED, { email: ALREADY_BOOKED });
      }
      throw error;
    }
    deliverInBackground(ctx, created.queued);
    const { id, start, end } = created.booking;
    const event = callEvent(created.booking, null);
    const body: BookingCreated = { booking: { id, start, end }, calendar: { ics: inviteOnlyPath(ctx, created.booking, now), google: googleCalendarUrl(event), outlook: outlookCalendarUrl(event) } };
    return Response.json(body, { status: 201, headers: NO_STORE });
  });
}

const tooMany = (retryAfterSeconds: number) => rateLimited('Too many booking attempts', retryAfterSeconds, { writeToUs: true });

/** What a bot is told: the real answer's shape, signed with a throwaway secret, so its links lead nowhere. */
function decoyAnswer(ctx: ApiContext, request: Pick<BookingRequest, 'start' | 'goal'>, slotMinutes: number, now: Date): BookingCreated {
  const id = timeOrderedId();
  const start = toIso(Date.parse(request.start));
  const end = toIso(Date.parse(start) + slotMinutes * MINUTE_MS);
  const event = callEvent({ start, end, goal: request.goal }, null);
  return { booking: { id, start, end }, calendar: { ics: inviteOnlyPath({ ...ctx, secret: crypto.randomUUID() }, { id, end }, now), google: googleCalendarUrl(event), outlook: outlookCalendarUrl(event) } };
}
