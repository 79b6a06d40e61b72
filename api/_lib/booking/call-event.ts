// The call as the visitor's calendar shows it: its name in every invite, add-to-calendar link and
// .ics download, and the entry the Google and Outlook links carry. Apart from the email templates, so a
// route that needs the call's name (a booking's answer, the .ics file) does not load React Email.
import type { Booking } from './record.ts';
import { site } from '../../../src/config/site.ts';

/** The call's name in every calendar: invites, the add-to-calendar links and the .ics download. */
export const CALL_TITLE = `Workflow audit with ${site.name}`;

/** The visitor's calendar entry for the Google and Outlook links: what to fix, and where to move or cancel. */
export const callEvent = (call: Pick<Booking, 'start' | 'end' | 'goal'>, manageUrl: string) => ({
  title: CALL_TITLE,
  start: call.start,
  end: call.end,
  details: `${call.goal}\n\nMove or cancel: ${manageUrl}`,
});
