// The operator's two links after a call, "Held" and "No-show" (in their booking notice): a GET shows
// the call and one button, the POST records the outcome (recordOutcome). Both work from the call's
// start until a week after it.
import type { CallOutcome } from './record.ts';
import { findBooking } from './find-booking.ts';
import { noShowEmailSent, outcomeWindow, recordOutcome } from './record-outcome.ts';
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
    done: 'Recorded: a no-show. They have been emailed a link to book again.',
  },
};

const NOT_OPEN = {
  'not-started': 'The call has not started yet. Open this link again once it is over.',
  expired: 'This link worked until a week after the call.',
  cancelled: 'This call was cancelled, so there is nothing to record.',
} as const;

export function outcomeAction(outcome: CallOutcome): SignedAction {
  const wording = WORDING[outcome];
  return {
    purpose: outcome === 'held' ? 'booking-held' : 'booking-no-show',
    path: outcome === 'held' ? routes.bookingHeldApi : routes.bookingNoShowApi,
    // Not the visitor's link-expired page, which tells its reader to book a call.
    invalidRedirect: routes.bookingOutcomeLinkExpired,
    async view(ctx, id) {
      const booking = await findBooking(ctx.db, id);
      if (!booking) return { redirect: routes.bookingOutcomeLinkExpired };
      const details: [string, string][] = [
        ['When', formatCall(booking.start, booking.end, ctx.config.booking.timeZone)],
        ['Who', `${booking.name}, ${booking.company}`],
      ];
      if (booking.outcome) details.push(['Recorded so far', booking.outcome === 'held' ? 'Held' : 'No-show']);
      const window = outcomeWindow(booking, new Date());
      if (window !== 'open') return { page: { title: wording.title, paragraphs: [NOT_OPEN[window]], details } };
      // Putting a no-show right: say plainly that its email is not taken back.
      const sent = outcome === 'held' && booking.outcome === 'no-show' && (await noShowEmailSent(ctx.db, id));
      const paragraphs = sent ? [wording.paragraph, 'They already have the “We missed you” email from the no-show; recording the call as held does not take it back.'] : [wording.paragraph];
      return { page: { title: wording.title, paragraphs, details, button: wording.button } };
    },
    async act(ctx, id) {
      const { result, queued } = await recordOutcome(ctx, id, outcome);
      if (result === 'recorded') return { ok: true, redirect: routes.bookingOutcomeRecorded, message: wording.done, queued };
      if (result === 'missing') return { ok: false, redirect: routes.bookingOutcomeLinkExpired, message: 'This link is not valid any more.', queued };
      return { ok: false, status: 409, code: `call_${result.replace('-', '_')}`, redirect: routes.bookingOutcomeLinkExpired, message: NOT_OPEN[result], queued };
    },
  };
}
