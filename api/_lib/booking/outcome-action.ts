// The operator's two links after a call, "Held" and "No-show" (in their booking notice): a GET shows
// the call and one button, the POST records the outcome (recordOutcome). Both work from the call's
// start until a week after it. A no-show's press lands back on its link's page, which says what became
// of the visitor's email (sent now, already sent, or could not be sent), not what should have.
import type { CallOutcome } from './record.ts';
import { findBooking } from './find-booking.ts';
import { noShowEmailSent, outcomeWindow, recordOutcome, type NoShowEmail } from './record-outcome.ts';
import type { SignedAction } from '../http/signed-action.ts';
import { routes } from '../../../src/config/site.ts';
import { formatCall } from '../../../src/lib/booking/format.ts';

const WORDING: Record<CallOutcome, { title: string; paragraph: string; button: string; done: string }> = {
  held: {
    title: 'Record the call as held?',
    paragraph: 'Press the button to record that this call took place. It counts in the funnel report.',
    button: 'Record: the call was held',
    done: 'Recorded: the call was held.',
  },
  'no-show': {
    title: 'Record a no-show?',
    paragraph: 'Press the button to record that they did not come. They get one friendly email with a link to book another time (only once, however often this is pressed).',
    button: 'Record the no-show and email them',
    done: 'Recorded: a no-show.',
  },
};

/** After "Recorded: a no-show.": what became of the visitor's email, as it stands after the press. */
const NO_SHOW_EMAIL: Record<NoShowEmail, string> = {
  queued: 'They are being emailed a link to book again (if it cannot be sent, you will get an alert).',
  'on-its-way': 'The email with a link to book again, from an earlier press, is on its way to them; nothing more is sent.',
  sent: 'They were already emailed a link to book again, after an earlier press; it is not sent twice.',
  failed: 'The email with a link to book again could not be sent, and it is not tried again: run `npm run leads -- failed` to see why, and write to them yourself.',
};
const isNoShowEmail = (value: string | null): value is NoShowEmail => value !== null && Object.hasOwn(NO_SHOW_EMAIL, value);

const NOT_OPEN = {
  'not-started': 'The call has not started yet. Open this link again once it is over.',
  expired: 'This link worked until a week after the call.',
  cancelled: 'This call was cancelled, so there is nothing to record.',
} as const;

export function outcomeAction(outcome: CallOutcome): SignedAction {
  const wording = WORDING[outcome];
  const path = outcome === 'held' ? routes.bookingHeldApi : routes.bookingNoShowApi;
  return {
    purpose: outcome === 'held' ? 'booking-held' : 'booking-no-show',
    path,
    // Not the visitor's link-expired page, which tells its reader to book a call.
    invalidRedirect: routes.bookingOutcomeLinkExpired,
    async view(ctx, id, params) {
      const booking = await findBooking(ctx.db, id);
      if (!booking) return { redirect: routes.bookingOutcomeLinkExpired };
      const details: [string, string][] = [
        ['When', formatCall(booking.start, booking.end, ctx.config.booking.timeZone)],
        ['Who', `${booking.name}, ${booking.company}`],
      ];
      // Landed back here after pressing No-show (act): what happened, and no button to press again.
      const recorded = params.get('recorded');
      if (outcome === 'no-show' && booking.outcome === 'no-show' && isNoShowEmail(recorded)) {
        details.push(['Email', booking.email]);
        return { page: { title: 'Recorded: a no-show', notice: NO_SHOW_EMAIL[recorded], noticeTone: recorded === 'failed' ? undefined : 'done', paragraphs: ['It counts in the funnel report. If they did come after all, the Held link in your notice puts it right.'], details } };
      }
      if (booking.outcome) details.push(['Recorded so far', booking.outcome === 'held' ? 'Held' : 'No-show']);
      const window = outcomeWindow(booking, new Date());
      if (window !== 'open') return { page: { title: wording.title, paragraphs: [NOT_OPEN[window]], details } };
      // Putting a no-show right: say plainly that its email is not taken back.
      const sent = outcome === 'held' && booking.outcome === 'no-show' && (await noShowEmailSent(ctx.db, id));
      const paragraphs = sent ? [wording.paragraph, 'They already have the “We missed you” email from the no-show; recording the call as held does not take it back.'] : [wording.paragraph];
      return { page: { title: wording.title, paragraphs, details, button: wording.button } };
    },
    async act(ctx, id, fields) {
      const { result, queued, email } = await recordOutcome(ctx, id, outcome);
      if (result === 'recorded' && email) {
        // A person who pressed the button (the form posts the token) lands back on this link's page, told what became of the email.
        const back = typeof fields.token === 'string' ? `${path}?token=${encodeURIComponent(fields.token)}&recorded=${email}` : routes.bookingOutcomeRecorded;
        return { ok: true, redirect: back, message: `${wording.done} ${NO_SHOW_EMAIL[email]}`, queued };
      }
      if (result === 'recorded') return { ok: true, redirect: routes.bookingOutcomeRecorded, message: wording.done, queued };
      if (result === 'missing') return { ok: false, redirect: routes.bookingOutcomeLinkExpired, message: 'This link is not valid any more.', queued };
      return { ok: false, status: 409, code: `call_${result.replace('-', '_')}`, redirect: routes.bookingOutcomeLinkExpired, message: NOT_OPEN[result], queued };
    },
  };
}
