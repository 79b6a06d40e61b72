// The call as the visitor's calendar shows it: its name in every invite, add-to-calendar link and
// .ics download, the entry the Google and Outlook links carry, and the visitor's invite itself. Apart from the email templates, so a
// route that needs the call's name (a booking's answer, the .ics file) does not load React Email.
import type { Booking } from './record.ts';
import { company } from '../../../src/config/company.ts';
import { site } from '../../../src/config/site.ts';
import type { InviteInput } from '../../../src/lib/booking/invite.ts';

/** The call's name in every calendar: invites, the add-to-calendar links and the .ics download. */
const CALL_TITLE = `Workflow audit with ${site.name}`;

/** Where every call is held: the company's video-call room (company.meetingUrl), the calendars' location. */
export const CALL_LOCATION = company.meetingUrl;
/** The first line of every calendar entry's text: how to join. */
const CALL_JOIN_LINE = `Join the video call: ${CALL_LOCATION}`;

/**
 * The visitor's calendar entry for the Google and Outlook links: how to join, what to fix, and where to
 * move or cancel. Without a manage link (the booking answer's, which the address's owner may not have
 * sent) it points to the confirmation email instead.
 */
export const callEvent = (call: Pick<Booking, 'start' | 'end' | 'goal'>, manageUrl: string | null) => ({
  title: CALL_TITLE,
  start: call.start,
  end: call.end,
  location: CALL_LOCATION,
  details: `${CALL_JOIN_LINE}\n\n${call.goal}\n\n${manageUrl ? `Move or cancel: ${manageUrl}` : 'The link to move or cancel the call is in its confirmation email.'}`,
});

/**
 * The visitor's invite, as the booking emails attach it and GET /api/bookings/invite downloads it: the
 * entry callEvent() describes, with the manage link as its URL, from the operator to the visitor.
 * Without a manage link (the booking answer's download) it points to the confirmation email instead.
 */
export function visitorInvite(
  booking: Pick<Booking, 'uid' | 'sequence' | 'start' | 'end' | 'goal' | 'name' | 'email'>, method: InviteInput['method'], manageUrl: string | null, stamp: string, operatorEmail: string,
): InviteInput {
  const event = callEvent(booking, manageUrl);
  return {
    uid: booking.uid, sequence: booking.sequence, method, start: event.start, end: event.end,
    title: event.title, description: event.details, location: event.location,
    organizer: { name: site.name, email: operatorEmail }, attendee: { name: booking.name, email: booking.email },
    url: manageUrl ?? undefined, stamp,
  };
}
