// GET /api/bookings/invite?token=… (the manage token, or the booking answer's invite-only one): the call's calendar file as it stands now, for
// calendars that ignore email attachments. The same UID as the emailed invites, the current SEQUENCE;
// a cancelled call downloads as METHOD:CANCEL. Reads only. A call whose invite cannot be built (such as
// one stored under an older, looser address rule) answers 409 with what still works, never a 500.
import { apiContext } from '../_lib/runtime/context.ts';
import { findBooking } from '../_lib/booking/find-booking.ts';
import { CALL_JOIN_LINE, CALL_LOCATION, CALL_TITLE } from '../_lib/booking/call-event.ts';
import { HttpError, handle } from '../_lib/http/request-guards.ts';
import { verifyToken } from '../_lib/signing/tokens.ts';
import { site } from '../../src/config/site.ts';
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
    let ics: string;
    try {
      ics = buildInvite({
        uid: booking.uid, sequence: booking.sequence, method, start: booking.start, end: booking.end,
        title: CALL_TITLE, description: `${CALL_JOIN_LINE}\n\n${booking.goal}`, location: CALL_LOCATION,
        organizer: { name: site.name, email: ctx.config.operatorEmail }, attendee: { name: booking.name, email: booking.email },
        stamp: new Date().toISOString(),
      });
    } catch (error) {
      console.warn(`[bookings] no calendar file for ${booking.uid}: ${error instanceof Error ? error.message : String(error)}`);
      throw new HttpError(409, 'invite_unavailable', 'A calendar file cannot be made for this call. The Google and Outlook links in your booking email still add it to your calendar.');
    }
    return new Response(ics, {
      headers: { 'Content-Type': inviteContentType(method), 'Content-Disposition': 'attachment; filename="workflow-audit.ics"', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
    });
  });
}
