// The manage page an emailed booking link opens (/book-audit/manage?token=…): the call as it stands,
// a form to move it to another free time, and a form to cancel it. Both forms are plain HTML, signed
// with tokens of their own, so the page works with JavaScript off and a GET of it changes nothing.
import type { ApiContext } from '../runtime/context.ts';
import type { ActionPage } from '../http/action-page.ts';
import type { Booking } from './record.ts';
import { nextMoveSlots } from './free-slots.ts';
import { createToken } from '../signing/tokens.ts';
import { freshenFeeds } from '../calendar/refresh.ts';
import { routes } from '../../../src/config/site.ts';
import { formatCall, formatDay, formatWhen, localDate } from '../../../src/lib/booking/format.ts';
import { START_NOT_OFFERED, START_PASSED } from '../../../src/lib/booking/request.ts';
import { AREA_LABELS } from '../../../src/lib/readiness/areas.ts';
import { DAY_MS } from '../../../src/lib/time/durations.ts';

/**
 * How far ahead the page offers new times: three weeks, and always two weeks past the call itself, so a
 * call booked weeks ahead can move later too (the booking horizon still applies). At most a thousand
 * options: about six weeks of the default working hours.
 */
const RESCHEDULE_DAYS = 21;
const PAST_THE_CALL_DAYS = 14;
const MAX_OPTIONS = 1000;
/** Signed forms on the page stay valid this long: enough to read, decide and press. */
const FORM_TOKEN_SECONDS = 2 * 3600;

/** What a move without a time the page offers is told (POST /api/bookings/reschedule), as JSON and as the page's notice. */
export const PICK_A_NEW_TIME = 'Pick a new time from the list.';

const NOTICES: Record<string, string> = {
  slot_taken: 'That time stopped being free a moment ago. Pick another one.',
  // A move to a time no calendar could make bookable: the API's own messages (POST /api/bookings/reschedule).
  start_passed: START_PASSED,
  start_not_offered: START_NOT_OFFERED,
  invalid_start: PICK_A_NEW_TIME,
  same_time: 'That is the time the call already has.',
  moved: 'Done: your call has moved to the time below. An updated invite is on its way to your inbox and moves the call in your calendar.',
};
/** Notices that report a change that worked, shown as such. */
const DONE_NOTICES = new Set(['moved']);

/**
 * The page's title (its <title> and heading) after a move: a page loaded after a form's redirect is not
 * announced by its status line, so the title, the first thing a screen reader says, carries the outcome.
 */
const NOTICE_TITLES: Record<string, string> = {
  moved: 'Your call has moved',
  same_time: 'Your call keeps its time',
  slot_taken: 'Your call did not move',
  start_passed: 'Your call did not move',
  start_not_offered: 'Your call did not move',
  invalid_start: 'Your call did not move',
};

/**
 * The page behind the emailed link. `step: 'cancel'` is the question before a cancel: one press on the
 * manage page cancelled the call, with no undo, and a mail scanner never presses (the cancel is a POST).
 */
export async function managePage(ctx: ApiContext, booking: Booking, manageToken: string, notice: string | null, now = new Date(), step: 'manage' | 'cancel' = 'manage'): Promise<ActionPage> {
  const { timeZone: operatorZone } = ctx.config.booking;
  const when = formatCall(booking.start, booking.end, booking.timeZone);
  const details: [string, string][] = [['When', when]];
  const ours = formatCall(booking.start, booking.end, operatorZone);
  if (ours !== when) details.push(['For us', ours]);
  details.push(['Company', booking.company], ['Workflow area', AREA_LABELS[booking.area]]);

  if (booking.status === 'cancelled') {
    return { title: 'This call was cancelled', paragraphs: ['Nothing more to do here. Book another time whenever it suits you.'], details, forms: [], secondary: { href: routes.bookAudit, label: 'Book a new time' } };
  }
  if (Date.parse(booking.start) <= now.getTime()) {
    return { title: "This call's time has passed", paragraphs: ['It can no longer be moved or cancelled. To talk again, book a new call.'], details, forms: [], secondary: { href: routes.bookAudit, label: 'Book a new time' } };
  }

  const sign = (purpose: 'booking-cancel' | 'booking-reschedule') => createToken(ctx.secret, purpose, booking.id, FORM_TOKEN_SECONDS, now.getTime());
  const back = `${routes.bookingManage}?token=${manageToken}`;
  if (step === 'cancel') {
    return {
      title: 'Cancel this call?',
      paragraphs: ['Both of us get an update that removes the call from the calendar. Its time is offered to others at once, so it may not be free if you change your mind.'],
      details,
      forms: [{ action: routes.bookingCancelApi, fields: { token: sign('booking-cancel') }, button: 'Yes, cancel the call' }],
      secondary: { href: back, label: 'No, keep the call' },
    };
  }

  await freshenFeeds(ctx, { maxAgeMs: ctx.config.busyFeedTtlSeconds * 1000, wait: 'if-never-loaded', now });
  const untilCall = Math.ceil((Date.parse(booking.start) - now.getTime()) / DAY_MS);
  const windowDays = Math.max(RESCHEDULE_DAYS, untilCall + PAST_THE_CALL_DAYS);
  const free = await nextMoveSlots(ctx, booking, now, now.toISOString(), MAX_OPTIONS, windowDays);
  const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const slot of free) {
    const day = localDate(slot.start, booking.timeZone);
    if (!groups.has(day)) groups.set(day, { label: formatDay(slot.start, booking.timeZone), options: [] });
    // The day in each option too: a closed select shows only the chosen option, not its group.
    groups.get(day)!.options.push({ value: slot.start, label: formatWhen(slot.start, booking.timeZone, { day: 'short' }) });
  }
  const forms: ActionPage['forms'] = [];
  if (groups.size > 0) {
    forms.push({
      heading: 'Move the call',
      action: routes.bookingRescheduleApi,
      fields: { token: sign('booking-reschedule'), back },
      choice: { name: 'start', label: `New time (${booking.timeZone.replace(/_/g, ' ')})`, placeholder: 'Choose a new time', groups: [...groups.values()] },
      button: 'Move the call to this time',
    });
  }
  // Opens the question first (a GET that changes nothing): the cancel itself is the next page's button.
  forms.push({ heading: 'Cancel the call', action: routes.bookingManage, method: 'get', fields: { token: manageToken, step: 'cancel' }, button: 'Cancel the call', quiet: true });
  return {
    // The notice name comes from the query string: only the tables' own keys, never Object.prototype's.
    title: notice && Object.hasOwn(NOTICE_TITLES, notice) ? NOTICE_TITLES[notice]! : 'Your workflow audit',
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined,
    noticeTone: notice && DONE_NOTICES.has(notice) ? 'done' : undefined,
    paragraphs: [
      // The list ends before the booking page's horizon: it says where, so a later date is not a mystery.
      groups.size > 0
        ? `Pick another time, up to ${[...groups.values()].at(-1)!.label}, or cancel. Both of us get an updated invite that moves or removes the call in the calendar. For a later date, cancel and book again.`
        : `No other time is free in the next ${windowDays} days; you can still cancel and book again later.`,
    ],
    details,
    forms,
  };
}
