// What the operator is told, as a person reads it: each event of ./events.ts as a
// title, facts, an optional note and an optional link, times in the operator's zone. The one source of
// that wording: the webhook's three bodies (../webhook/format.ts) and the operator's alert emails
// (../mail/templates/operator-alert.ts) render it, so both channels say the same, advice included.
// Pure: no I/O, no React. The facts' labels and the notes are written here; the values are not, so
// each renderer shows a value through oneLine(), cut to one line of bounded length.
import { HIDDEN_CHARACTERS } from '../../../src/lib/text/hidden-characters.ts';
import { formatCall, formatDay, formatWhen } from '../../../src/lib/booking/format.ts';
import { describeSource } from '../../../src/lib/leads/source.ts';
import { AREA_LABELS } from '../../../src/lib/readiness/areas.ts';
import type { OperatorEvent } from './events.ts';

/** One line of the message: a label written here and a value that may come from anyone. */
export interface Fact {
  label: string;
  value: string;
}

export interface Summary {
  /** Written here, never holds a value. */
  title: string;
  facts: Fact[];
  /** A sentence written here. */
  note?: string;
  link?: { label: string; url: string };
}

/** Longest value shown; the rest of a runaway string is cut (the data is in the webhook's JSON flavour whole). */
const MAX_VALUE = 300;
const HIDDEN_GLOBAL = new RegExp(HIDDEN_CHARACTERS.source, 'gu');

/** One line, no hidden characters, at most MAX_VALUE characters. */
export function oneLine(value: string): string {
  const text = value.replace(HIDDEN_GLOBAL, ' ').replace(/\s+/g, ' ').trim();
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const TITLES: Record<OperatorEvent['type'], string> = {
  'booking.created': 'Call booked',
  'booking.moved': 'Call moved',
  'booking.cancelled': 'Call cancelled',
  'subscriber.confirmed': 'Newsletter subscriber confirmed',
  'calendar.feed-failing': 'Calendar feed not loading',
  'calendar.feed-recovered': 'Calendar feed loads again',
  'holds.spike': 'Many visitors are holding times',
  'bookings.client-limit': 'A visitor could not book: their connection had booked its calls for the day',
  'delivery.failed': 'An email to a visitor could not be sent',
  'newsletter.provider-failed': 'A newsletter list change did not reach Resend',
};

/** What to do about a feed that does not load, and what comes next: said with every failing feed. */
const FEED_CHECKS = "What to check: is the secret address in BOOKING_BUSY_FEEDS still the one your calendar shows (it changes when you reset it)? Does it open in a browser? Run `npm run leads -- calendar` for every feed's state. You will get one more message when it loads again.";

/** The message as a person reads it, times in the operator's zone (`timeZone`). */
export function summarize(event: OperatorEvent, timeZone: string): Summary {
  const title = TITLES[event.type];
  switch (event.type) {
    case 'booking.created':
    case 'booking.moved':
    case 'booking.cancelled': {
      const b = event.booking;
      const facts: Fact[] = [
        { label: 'Name', value: b.name },
        { label: 'Company', value: `${b.company} (${b.companySize} people)` },
        { label: 'Email', value: b.email },
        { label: event.type === 'booking.cancelled' ? 'Was booked for' : 'When', value: formatCall(b.start, b.end, timeZone) },
      ];
      if (event.type === 'booking.moved' && b.previousStart) {
        const previousEnd = new Date(Date.parse(b.previousStart) + Date.parse(b.end) - Date.parse(b.start)).toISOString();
        facts.push({ label: 'Moved from', value: formatCall(b.previousStart, previousEnd, timeZone) });
      }
      if (b.timeZone !== timeZone) facts.push({ label: 'Their time', value: formatCall(b.start, b.end, b.timeZone) });
      facts.push({ label: 'Area', value: AREA_LABELS[b.area] ?? b.area }, { label: 'Source', value: describeSource(event.source) });
      return { title, facts, link: { label: 'Manage the booking', url: event.manageUrl } };
    }
    case 'subscriber.confirmed':
      return {
        title,
        facts: [
          { label: 'Email', value: event.subscriber.email },
          { label: 'Source', value: describeSource({ page: event.subscriber.page, referrerHost: null, utm: event.subscriber.utm }) },
        ],
      };
    case 'calendar.feed-failing': {
      const neverLoaded = event.lastLoadedAt === null;
      return {
        title,
        facts: [
          { label: 'Feed', value: `${event.feed.label} (${event.feed.host})` },
          { label: neverLoaded ? 'First tried' : 'Failing since', value: formatWhen(event.since, timeZone) },
          ...(event.lastLoadedAt ? [{ label: 'Last good copy', value: formatWhen(event.lastLoadedAt, timeZone) }] : []),
          { label: 'Reason', value: event.reason ?? 'no reason given' },
        ],
        note: `${neverLoaded
          ? 'It has never loaded, so the booking page offers times without it: a visitor may book a time your calendar shows as busy.'
          : 'Until it loads again, the booking page blocks the busy times from its last good copy; events you added or moved since are not seen, so a visitor may book a time you have just filled.'} ${FEED_CHECKS}`,
      };
    }
    case 'calendar.feed-recovered':
      return {
        title,
        facts: [
          { label: 'Feed', value: `${event.feed.label} (${event.feed.host})` },
          { label: 'Had been failing since', value: formatWhen(event.since, timeZone) },
        ],
        note: 'The booking page reads your events from it again, so times you are busy are no longer offered.',
      };
    case 'holds.spike':
      return {
        title,
        facts: [
          { label: 'Day that was full', value: formatDay(`${event.day}T12:00:00Z`, 'UTC') },
          { label: 'Held right now', value: `${event.holds} times, by ${event.clients} client addresses` },
          { label: 'Limit', value: `${event.perDay} held times a day` },
        ],
        note: 'Nobody was turned away: a visitor whose hold is refused can still book the time, and held times never count toward your daily limit of calls. Holds run out after a few minutes on their own. A burst like this is often a script trying to make the calendar look full: there is nothing to do unless it goes on and bookings stop arriving; then tell whoever runs the site. At most one message a day.',
      };
    case 'bookings.client-limit':
      return {
        title,
        facts: [
          { label: 'Day (UTC)', value: formatDay(`${event.day}T12:00:00Z`, 'UTC') },
          { label: 'Limit', value: `${event.perClient} calls a day from one connection (an IPv6 network: 4 times that)` },
        ],
        note: 'The page told them so and gave them your address to write to. Usually this is a script booking made-up addresses, and the limit stopped it: check today\'s bookings and cancel any that look fake. If real visitors are being refused (several people from one office, or every visitor when the site sits behind a proxy without TRUST_PROXY=1, which makes them all one connection), raise BOOKING_CLIENT_DAILY_LIMIT or set TRUST_PROXY=1. At most one message a day.',
      };
    case 'delivery.failed': {
      const { message, booking } = event;
      const facts: Fact[] = [
        { label: 'Email', value: message.description },
        { label: 'To', value: message.to },
        { label: 'Why', value: message.error },
        { label: 'Attempts', value: String(message.attempts) },
      ];
      if (booking) facts.push({ label: 'Call', value: `${formatCall(booking.start, booking.end, timeZone)} with ${booking.name}, ${booking.company}` });
      return {
        title,
        facts,
        note: `They have not received it, and it will not be tried again. Check the sending domain (MAIL_FROM must be on a domain verified in Resend: a 403 "domain is not verified" means it is not, and every email from it fails the same way until it is) and RESEND_API_KEY; run \`npm run leads -- failed\` for every email that could not be sent. ${booking ? "Then write to them yourself, with the call's page below: it is their link to move or cancel the call." : 'Once it is fixed, they can sign up again.'}`,
        ...(event.manageUrl ? { link: { label: "The call's page", url: event.manageUrl } } : {}),
      };
    }
    case 'newsletter.provider-failed':
      return {
        title,
        facts: [
          { label: 'Reader', value: event.to },
          { label: 'Change', value: event.change === 'unsubscribe' ? 'Unsubscribe (done on the site)' : 'Subscribe (confirmed on the site)' },
          { label: 'Why', value: event.error },
          { label: 'Attempts', value: String(event.attempts) },
        ],
        note: event.change === 'unsubscribe'
          ? 'The reader unsubscribed and the site has them off its list, but Resend still has them in the segment the issues go to: they will get the next issue. In Resend, open the contact and mark it unsubscribed before you send one. Then check RESEND_API_KEY; `npm run leads -- failed` lists every change that did not go through.'
          : 'The reader confirmed their subscription, but Resend never added them to the segment the issues go to: they will not get issues. In Resend, add the contact to that segment (RESEND_SEGMENT_ID). Then check RESEND_API_KEY; `npm run leads -- failed` lists every change that did not go through.',
      };
  }
}
