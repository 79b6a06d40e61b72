// POST /api/slots/hold (JSON `{ start, replaces? }`): keeps a picked time for the visitor while they
// fill in the form (BookingRules.holdMinutes). 201 `{ hold }`; 409 slot_taken with the next free times
// when a call, another visitor's hold or the operator's calendar has it; 409 hold_refused when its day
// already shows as many held times as a day may (the page goes on without a hold; the operator hears of
// it once a day); 422 for a bad time, or start_passed / start_not_offered (as a booking answers them,
// without waiting on a calendar feed first); 429 with Retry-After.
import { apiContext } from '../_lib/runtime/context.ts';
import { nextFreeSlots } from '../_lib/booking/free-slots.ts';
import { SlotTakenError, StartNotBookableError, isStartOffered } from '../_lib/booking/claims.ts';
import { HttpError, assertSameOrigin, clientAddress, handle, readBody, refusedPayload } from '../_lib/http/request-guards.ts';
import { hitClientRateLimit } from '../_lib/http/rate-limit.ts';
import { HoldRefusedError, placeHold, queueHoldsSpikeAlert } from '../_lib/booking/slot-holds.ts';
import { deliverInBackground } from '../_lib/mail/deliver.ts';
import { freshenFeeds } from '../_lib/calendar/refresh.ts';
import { SLOT_NOT_FREE, SLOT_NOT_FREE_PICK_ANOTHER, slotHoldRequestSchema, type SlotHeld, type SlotTaken } from '../../src/lib/booking/request.ts';

const MAX_HOLD_BYTES = 1024;
/** A visitor may change their mind a few times per booking: holds are allowed this many times the booking limit. */
const HOLDS_PER_BOOKING_ATTEMPT = 5;
const NO_STORE = { 'Cache-Control': 'no-store' };

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    assertSameOrigin(request, ctx.config.allowedOrigins);
    const { format, fields } = await readBody(request, MAX_HOLD_BYTES);
    if (format !== 'json') throw new HttpError(415, 'unsupported_media_type', 'Send the hold as application/json.');
    const parsed = slotHoldRequestSchema.safeParse(fields);
    if (!parsed.success) throw refusedPayload(422, 'invalid_input', parsed.error.issues, 'Pick a time from the list.');
    const address = clientAddress(request);
    const now = new Date();
    const rule = { name: 'slot-hold', limit: ctx.config.bookingRateLimit * HOLDS_PER_BOOKING_ATTEMPT, windowSeconds: 3600 };
    const limit = await ctx.writes.run((tx) => hitClientRateLimit(tx, rule, ctx.secret, address));
    if (!limit.ok) {
      throw new HttpError(429, 'rate_limited', `Too many times picked. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s), or write to us.`, {}, { 'Retry-After': String(limit.retryAfterSeconds) });
    }
    // A start no calendar could make bookable is refused by placeHold without waiting on a feed (as a booking's is).
    if (isStartOffered(ctx.config.booking, parsed.data.start, now)) await freshenFeeds(ctx, { maxAgeMs: ctx.config.busyFeedTtlSeconds * 1000, wait: 'if-never-loaded', now });
    try {
      const hold = await ctx.writes.run((tx) => placeHold(ctx, tx, { ...parsed.data, clientAddress: address }, now));
      const body: SlotHeld = { hold };
      return Response.json(body, { status: 201, headers: NO_STORE });
    } catch (error) {
      if (error instanceof HoldRefusedError) {
        deliverInBackground(ctx, await ctx.writes.run((tx) => queueHoldsSpikeAlert(ctx, tx, error.day, now)));
        const body = { error: { code: 'hold_refused', message: 'This time cannot be kept for you right now, but you can still book it.', fields: {} } };
        return Response.json(body, { status: 409, headers: NO_STORE });
      }
      // Not a conflict: no alternatives, and the page says so and fetches the times again.
      if (error instanceof StartNotBookableError) throw new HttpError(422, error.code, error.message, { start: error.message });
      if (!(error instanceof SlotTakenError)) throw error;
      const alternatives = await nextFreeSlots(ctx, now, parsed.data.start, 5, 14, { holdId: parsed.data.replaces });
      const body: SlotTaken = { error: { code: 'slot_taken', message: SLOT_NOT_FREE_PICK_ANOTHER, fields: { start: SLOT_NOT_FREE } }, alternatives };
      return Response.json(body, { status: 409, headers: NO_STORE });
    }
  });
}
