// GET /book-audit/manage?token=… (vercel.json rewrites it here): the page behind the link in every
// booking email. It shows the call and offers to move or cancel it (&step=cancel asks before a cancel);
// it changes nothing itself, so a mail scanner that opens the link does no harm.
import { renderActionPage } from '../_lib/http/action-page.ts';
import { managePage } from '../_lib/booking/manage-page.ts';
import { findBooking } from '../_lib/booking/find-booking.ts';
import { redirect } from '../_lib/http/request-guards.ts';
import { PAGE_HEADERS, signedLinkPage } from '../_lib/http/signed-action.ts';
import { routes } from '../../src/config/site.ts';

export const GET = signedLinkPage('booking-manage', routes.bookingLinkExpired, async (ctx, { subject, token, params }) => {
  const booking = await findBooking(ctx.db, subject);
  if (!booking) return redirect(routes.bookingLinkExpired);
  const step = params.get('step') === 'cancel' ? 'cancel' : 'manage';
  return new Response(renderActionPage(await managePage(ctx, booking, token, params.get('notice'), new Date(), step)), { headers: PAGE_HEADERS });
});
