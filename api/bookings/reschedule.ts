// POST /api/bookings/reschedule (form or JSON, with the reschedule token the manage page signs and the
// new `start`): moves the same booking (same calendar UID, higher SEQUENCE), freeing the old time in
// the same transaction. A form post lands back on the manage page, which shows the new time (or says
// the time went meanwhile; /book-audit/rescheduled without a way back); JSON gets the booking, 409
// with alternatives, or 422 start_passed / start_not_offered (as a booking answers them, without waiting
// on a calendar feed first), each with its message on `start`.
import { BOOKING_CHANGE_LIMIT } from '../_lib/booking/change-limits.ts';
import { MOVES_PER_DAY } from '../../src/config/booking.ts';
import { nextMoveSlots } from '../_lib/booking/free-slots.ts';
import { findBooking } from '../_lib/booking/find-booking.ts';
import { rescheduleBooking } from '../_lib/booking/reschedule-booking.ts';
import { PICK_A_NEW_TIME } from '../_lib/booking/manage-page.ts';
import { SlotTakenError } from '../_lib/booking/claims.ts';
import { StartNotBookableError } from '../_lib/booking/start-checks.ts';
import { freshenCalendarFor, slotTakenRefusal, startRefusal } from '../_lib/booking/time-requests.ts';
import { signedActionRoute } from '../_lib/http/signed-action.ts';
import { routes } from '../../src/config/site.ts';
import { isIsoInstant } from '../../src/lib/booking/request.ts';

/** Only a manage-page URL of this site may be the way back (never an open redirect); otherwise `fallback`. */
const backTo = (back: unknown, notice: string, fallback: string = routes.bookingLinkExpired) =>
  typeof back === 'string' && back.startsWith(`${routes.bookingManage}?token=`) && /^[\w/?=.-]+$/.test(back) ? `${back}&notice=${notice}` : fallback;

export const { GET, POST } = signedActionRoute({
  purpose: 'booking-reschedule',
  path: routes.bookingRescheduleApi,
  invalidRedirect: routes.bookingLinkExpired,
  clientLimit: BOOKING_CHANGE_LIMIT,
  // The reschedule form lives on the manage page; its token alone has nothing to show.
  async view() {
    return { redirect: routes.bookingLinkExpired };
  },
  async act(ctx, id, fields) {
    const start = typeof fields.start === 'string' ? fields.start : '';
    // An answer, not a throw: a person's form post lands back on the manage page like every other refusal.
    if (!isIsoInstant(start)) return { ok: false, status: 422, code: 'invalid_input', fields: { start: PICK_A_NEW_TIME }, redirect: backTo(fields.back, 'invalid_start'), message: PICK_A_NEW_TIME, queued: 0 };
    const now = new Date();
    // As a booking does: the operator's calendar as of the last minute, fetched before the write, except
    // for a start no calendar could make bookable (the move refuses it without waiting on a feed).
    await freshenCalendarFor(ctx, start, now, 'call');
    try {
      const { outcome, queued, retryAfterSeconds } = await rescheduleBooking(ctx, id, start, now);
      // Back on the manage page, which shows the new time with the forms to move or cancel again.
      if (outcome === 'moved') return { ok: true, redirect: backTo(fields.back, 'moved', routes.bookingRescheduled), message: 'The call has moved.', queued };
      if (outcome === 'same') return { ok: true, redirect: backTo(fields.back, 'same_time'), message: 'The call already has that time.', queued };
      if (outcome === 'cancelled') return { ok: false, redirect: routes.bookingCancelled, message: 'This call was cancelled; book a new one.', queued };
      if (outcome === 'too-many-moves') {
        return { ok: false, status: 429, code: 'too_many_moves', redirect: routes.bookingTooManyChanges, message: `This call has moved ${MOVES_PER_DAY} times today, as often as a day allows. Try again tomorrow, or write to us.`, queued, retryAfterSeconds };
      }
      return { ok: false, redirect: routes.bookingLinkExpired, message: outcome === 'past' ? 'This call has already taken place.' : 'This link is not valid any more.', queued };
    } catch (error) {
      // Not a conflict: no alternatives; the manage page says why under its own notice name.
      if (error instanceof StartNotBookableError) return { ok: false, ...startRefusal(error), redirect: backTo(fields.back, error.code), queued: 0 };
      if (!(error instanceof SlotTakenError)) throw error;
      // The call's own time is left out, as the manage page leaves it out: no move at all.
      const call = await findBooking(ctx.db, id);
      const alternatives = call ? await nextMoveSlots(ctx, call, now, start, 5, 14) : [];
      return { ok: false, ...slotTakenRefusal(alternatives), redirect: backTo(fields.back, 'slot_taken'), queued: 0 };
    }
  },
});
