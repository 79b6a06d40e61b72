// GET /api/bookings/invite?token=… (the manage token, or the booking answer's invite-only one): the call's calendar file as it stands now, for
// calendars that ignore email attachments: the invite the emails attach (visitorInvite), with the current SEQUENCE;
// a cancelled call downloads as METHOD:CANCEL. Reads only. A call whose invite cannot be built (such as
// one stored under an older, looser address rule) answers 409 with what still works, never a 500.
import { apiContext } from '../_lib/runtime/context.ts';
import { findBooking } from '../_lib/booking/find-booking.ts';
import { visitorInvite } from '../_lib/booking/call-event.ts';
import { manageUrlOf } from '../_lib/booking/signed-links.ts';
import { HttpError, handle } from '../_lib/http/request-guards.ts';
import { verifyToken } from '../_lib/signing/tokens.ts';
import { buildInvite, inviteContentType } from '../../src/lib/booking/invite.ts';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const token = new URL(request.url).searchParams.get('token') ?? '';
    const manage = verifyToken(ctx.secret, 'booking-manage', token);
    const check = manage.ok ? manage : verifyToken(ctx.secret, 'booking-invite', token);
    const booking = check.ok ? await findBooking(ctx.db, check.subject) : null;
    if (!booking) throw new HttpError(404, 'not_found', 'This calendar link is not valid any more. The latest booking email has a fresh one.');
    const method = booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    // The invite the visitor was mailed, manage link included, when asked with the mailed link; the
    // booking answer's token only shows the call (its invite points to the confirmation email).
    const manageUrl = manage.ok ? manageUrlOf(ctx, token) : null;
    let ics: string;
    try {
      ics = buildInvite(visitorInvite(booking, method, manageUrl, new Date().toISOString(), ctx.config.operatorEmail));
    } catch (error) {
      console.warn(`[bookings] no calendar file for ${booking.uid}: ${error instanceof Error ? error.message : String(error)}`);
      throw new HttpError(409, 'invite_unavailable', 'A calendar file cannot be made for this call. The Google and Outlook links in your booking email still add it to your calendar.');
    }
    return new Response(ics, {
      headers: { 'Content-Type': inviteContentType(method), 'Content-Disposition': 'attachment; filename="workflow-audit.ics"', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
    });
  });
}
