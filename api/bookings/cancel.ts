// POST /api/bookings/cancel (form or JSON, with the cancel token the manage page signs): cancels the
// call, frees its time and sends both sides METHOD:CANCEL. GET of a cancel link only shows its button.
import { cancelBooking } from '../_lib/booking/cancel-booking.ts';
import { BOOKING_CHANGE_LIMIT } from '../_lib/booking/change-limits.ts';
import { findBooking } from '../_lib/booking/find-booking.ts';
import { signedActionRoute } from '../_lib/http/signed-action.ts';
import { routes } from '../../src/config/site.ts';
import { formatCall } from '../../src/lib/booking/format.ts';

export const { GET, POST } = signedActionRoute({
  purpose: 'booking-cancel',
  path: routes.bookingCancelApi,
  invalidRedirect: routes.bookingLinkExpired,
  clientLimit: BOOKING_CHANGE_LIMIT,
  async view(ctx, id) {
    const booking = await findBooking(ctx.db, id);
    if (!booking) return { redirect: routes.bookingLinkExpired };
    if (booking.status === 'cancelled') return { redirect: routes.bookingCancelled };
    return { page: { title: 'Cancel the call?', paragraphs: ['Press the button to cancel. Both of us get an update that takes the call out of the calendar.'], details: [['When', formatCall(booking.start, booking.end, booking.timeZone)]], button: 'Cancel the call' } };
  },
  async act(ctx, id) {
    const { outcome, queued } = await cancelBooking(ctx, id);
    if (outcome === 'cancelled' || outcome === 'already') return { ok: true, redirect: routes.bookingCancelled, message: 'The call is cancelled.', queued };
    if (outcome === 'past') return { ok: false, redirect: routes.bookingLinkExpired, message: 'This call has already taken place.', queued };
    return { ok: false, redirect: routes.bookingLinkExpired, message: 'This link is not valid any more.', queued };
  },
});
