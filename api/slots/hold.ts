// POST /api/slots/hold (JSON `{ start, replaces? }`): keeps a picked time for the visitor while they
// fill in the form (BookingRules.holdMinutes). 201 `{ hold }`; 409 slot_taken with the next free times
// when a call, another visitor's hold or the operator's calendar has it; 409 hold_refused when its day
// already shows as many held times as a day may (the page goes on without a hold; the operator hears of
// it once a day); 422 for a bad time, or start_passed / start_not_offered (as a booking answers them,
// without waiting on a calendar feed first); 429 with Retry-After.
import { apiContext } from '../_lib/runtime/context.ts';
import { nextFreeSlots } from '../_lib/booking/free-slots.ts';
import { SlotTakenError } from '../_lib/booking/claims.ts';
import { StartNotBookableError } from '../_lib/booking/start-checks.ts';
import { clientAddress, handle, rateLimited, readJsonPayload } from '../_lib/http/request-guards.ts';
import { hitClientRateLimit } from '../_lib/http/rate-limit.ts';
import { HoldRefusedError, placeHold, queueHoldsSpikeAlert } from '../_lib/booking/slot-holds.ts';
import { freshenCalendarFor, slotTakenResponse, startRefusedError } from '../_lib/booking/time-requests.ts';
import { deliverInBackground } from '../_lib/mail/deliver.ts';
import { slotHoldRequestSchema, type SlotHeld } from '../../src/lib/booking/request.ts';

const MAX_HOLD_BYTES = 1024;
/** A visitor may change their mind a few times per booking: holds are allowed this many times the booking limit. */
const HOLDS_PER_BOOKING_ATTEMPT = 5;
const NO_STORE = { 'Cache-Control': 'no-store' };

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const asked = await readJsonPayload(request, ctx.config.allowedOrigins, { maxBytes: MAX_HOLD_BYTES, schema: slotHoldRequestSchema, what: 'the hold', fallback: 'Pick a time from the list.' });
    const address = clientAddress(request);
    const now = new Date();
    const rule = { name: 'slot-hold', limit: ctx.config.bookingRateLimit * HOLDS_PER_BOOKING_ATTEMPT, windowSeconds: 3600 };
    const limit = await ctx.writes.run((tx) => hitClientRateLimit(tx, rule, ctx.secret, address));
    if (!limit.ok) throw rateLimited('Too many times picked', limit.retryAfterSeconds, { writeToUs: true });
    // A start no calendar could make bookable is refused by placeHold without waiting on a feed (as a booking's is).
    await freshenCalendarFor(ctx, asked.start, now, 'hold');
    try {
      const hold = await ctx.writes.run((tx) => placeHold(ctx, tx, { ...asked, clientAddress: address }, now));
      const body: SlotHeld = { hold };
      return Response.json(body, { status: 201, headers: NO_STORE });
    } catch (error) {
      if (error instanceof HoldRefusedError) {
        deliverInBackground(ctx, await ctx.writes.run((tx) => queueHoldsSpikeAlert(ctx, tx, error.day, now)));
        const body = { error: { code: 'hold_refused', message: 'This time cannot be kept for you right now, but you can still book it.', fields: {} } };
        return Response.json(body, { status: 409, headers: NO_STORE });
      }
      // Not a conflict: the page says so and fetches the times again.
      if (error instanceof StartNotBookableError) throw startRefusedError(error);
      if (!(error instanceof SlotTakenError)) throw error;
      return slotTakenResponse(await nextFreeSlots(ctx, now, asked.start, 5, 14, { holdId: asked.replaces }));
    }
  });
}
