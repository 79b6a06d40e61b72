// What the three routes that ask for a time share around their write (POST /api/bookings, a hold, a
// move): the operator's calendar refreshed first, only for a start that could be booked at all, and the
// two ways a time is refused: taken (409 with the next free times) or never bookable (422, no times).
import type { ApiContext } from '../runtime/context.ts';
import { HttpError } from '../http/request-guards.ts';
import { BOOKING_MAX_AGE_MS, freshenFeeds } from '../calendar/refresh.ts';
import { isStartOffered, type StartNotBookableError } from './start-checks.ts';
import { SLOT_NOT_FREE, SLOT_NOT_FREE_PICK_ANOTHER, type SlotTaken } from '../../../src/lib/booking/request.ts';
import type { Interval } from '../../../src/lib/booking/slots.ts';

/**
 * Refreshes the operator's calendar before a write for `start`: for a call (a booking or a move) a copy
 * at most a minute old, waited for; for a hold the usual age, waited for only while a feed has never
 * loaded. A fetch never holds the write lock, so it comes first. A start no calendar could make bookable
 * (passed, or not a time the hours offer) skips it: the write refuses it without waiting up to 5 s on a
 * slow feed.
 */
export async function freshenCalendarFor(ctx: ApiContext, start: string, now: Date, purpose: 'call' | 'hold'): Promise<void> {
  if (!isStartOffered(ctx.config.booking, start, now)) return;
  await freshenFeeds(ctx, purpose === 'call' ? { maxAgeMs: BOOKING_MAX_AGE_MS, wait: 'always', now } : { maxAgeMs: ctx.config.busyFeedTtlSeconds * 1000, wait: 'if-never-loaded', now });
}

/** A time that is not free: 409 slot_taken, the message on `start`, and the next free times to pick from. */
export const slotTakenRefusal = (alternatives: Interval[]) =>
  ({ status: 409, code: 'slot_taken', message: SLOT_NOT_FREE_PICK_ANOTHER, fields: { start: SLOT_NOT_FREE }, alternatives }) as const;

/** The same as a JSON route's answer. */
export function slotTakenResponse(alternatives: Interval[]): Response {
  const { status, code, message, fields } = slotTakenRefusal(alternatives);
  const body: SlotTaken = { error: { code, message, fields }, alternatives };
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * A start no calendar could make bookable (StartNotBookableError): 422 with its code (start_passed,
 * start_not_offered) and its message on `start`, and no alternatives: nobody took the time, so the page
 * shows the message as it shows a refused field.
 */
export const startRefusal = (error: StartNotBookableError) => ({ status: 422, code: error.code, message: error.message, fields: { start: error.message } }) as const;

/** The same as the error a JSON route throws. */
export function startRefusedError(error: StartNotBookableError): HttpError {
  const { status, code, message, fields } = startRefusal(error);
  return new HttpError(status, code, message, fields);
}
