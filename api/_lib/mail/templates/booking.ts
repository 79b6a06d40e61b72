// Every email about a booked workflow audit, to the visitor and to the operator: confirmed,
// rescheduled, cancelled; and to the visitor only: the reminders a day and an hour before, the call's
// link sent again when someone tries to book a second call with the address, and
// the note after a missed call with a link to book again. Confirmations and changes carry the calendar
// invite (the same UID every time, a higher SEQUENCE on each change, METHOD:CANCEL on a cancel), so
// the call moves or leaves the calendar by itself. When an invite cannot be built (a booking stored under an
// older, looser rule), both emails still go, without it: a booking is never silent. createElement, not JSX:
// Node's type stripping.
import { createElement as h, type ReactNode } from 'react';
import { Button, Link, Section, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';
import { EmailLayout, button, link, paragraph } from './layout.ts';
import type { EmailAttachment } from '../mailer.ts';
import { googleCalendarUrl, outlookCalendarUrl } from '../../../../src/lib/booking/calendar-links.ts';
import type { ReadinessSummary, ScenarioSummary } from '../../../../src/lib/booking/context.ts';
import { formatCall } from '../../../../src/lib/booking/format.ts';
import { buildInvite, inviteContentType, sanitizeText } from '../../../../src/lib/booking/invite.ts';
import { operatorCallTitle } from '../../../../src/lib/booking/bookings-feed.ts';
import type { Booking } from '../../booking/record.ts';
import { CALL_LOCATION, callEvent, visitorInvite } from '../../booking/call-event.ts';
import { AREA_LABELS } from '../../../../src/lib/readiness/areas.ts';
import { describeSource, type LeadSource } from '../../../../src/lib/leads/source.ts';
import { readinessLines, scenarioLines, scenarioPath } from '../../../../src/lib/booking/context-text.ts';
import { routes, site } from '../../../../src/config/site.ts';

export type BookingEvent = 'confirmed' | 'rescheduled' | 'cancelled' | 'reminder' | 'reminder-hour' | 'manage-link' | 'no-show';
/** What the operator is told about by email: the visitor-only messages (reminders among them: the operator has the invite) change nothing for them. */
type OperatorBookingEvent = Exclude<BookingEvent, 'reminder' | 'reminder-hour' | 'manage-link' | 'no-show'>;
const OPERATOR_BOOKING_EVENTS: readonly BookingEvent[] = ['confirmed', 'rescheduled', 'cancelled'] satisfies OperatorBookingEvent[];
const isOperatorBookingEvent = (event: BookingEvent): event is OperatorBookingEvent => OPERATOR_BOOKING_EVENTS.includes(event);

export interface BookingEmailProps {
  event: BookingEvent;
  audience: 'visitor' | 'operator';
  siteUrl: string;
  /** The call as booked (its state, outcome and raw context stay out of the outbox row; messages queued before sources were recorded have no source). */
  booking: Omit<Booking, 'status' | 'context' | 'outcome' | 'source'> & { source?: LeadSource };
  /** The old start of a rescheduled call. */
  previousStart?: string;
  operator: { email: string; timeZone: string };
  /** The visitor's signed link to move or cancel the call. */
  manageUrl: string;
  /** The invite as a download (same UID), for calendars that ignore attachments. */
  icsUrl: string;
  /** What the visitor brought from the calculator and the checklist: the operator's notice only. */
  context?: { scenario: ScenarioSummary | null; readiness: ReadinessSummary | null };
  /** DTSTAMP of the invite: when this message was queued. */
  stamp: string;
  /** The operator's signed links to record after the call whether it was held (confirmed and moved calls). */
  outcomeUrls?: { held: string; noShow: string };
}

const SUBJECTS: { visitor: Record<BookingEvent, (p: BookingProps) => string>; operator: Record<OperatorBookingEvent, (p: BookingProps) => string> } = {
  visitor: {
    confirmed: () => `Booked: your 20-minute workflow audit`,
    rescheduled: () => `Moved: your workflow audit has a new time`,
    cancelled: () => `Cancelled: your workflow audit`,
    reminder: () => `Tomorrow: your 20-minute workflow audit`,
    'reminder-hour': () => `In an hour: your 20-minute workflow audit`,
    'manage-link': () => `Your workflow audit: the link to move or cancel it`,
    'no-show': () => `We missed you: book another time for your workflow audit`,
  },
  operator: {
    confirmed: (p) => `New audit: ${who(p)}`,
    rescheduled: (p) => `Moved audit: ${who(p)}`,
    cancelled: (p) => `Cancelled audit: ${who(p)}`,
  },
};
/** Subjects are one line: stored names from before the one-line rule are cleaned as the invite cleans them. */
const oneLine = (text: string) => sanitizeText(text, true);
const who = (p: BookingProps) => `${oneLine(p.booking.company)} (${oneLine(p.booking.name)})`;
type BookingProps = BookingEmailProps;

const subjectOf = (p: BookingProps) => (p.audience === 'operator' && isOperatorBookingEvent(p.event) ? SUBJECTS.operator[p.event](p) : SUBJECTS.visitor[p.event](p));

/** The call in the reader's zone, and in the other party's when it differs. */
function whenLines(p: BookingProps): string[] {
  const { start, end, timeZone } = p.booking;
  const [mine, theirs] = p.audience === 'visitor' ? [timeZone, p.operator.timeZone] : [p.operator.timeZone, timeZone];
  const lines = [formatCall(start, end, mine)];
  const other = formatCall(start, end, theirs);
  if (other !== lines[0]) lines.push(`${p.audience === 'visitor' ? 'For us' : 'For them'}: ${other}`);
  return lines;
}

/** `attached`: whether the invite goes with this email (the visitor's text mentions it only then). */
function intro(p: BookingProps, attached: boolean): string {
  const name = p.booking.name;
  if (p.audience === 'operator' && isOperatorBookingEvent(p.event)) {
    // Only the visitor books, but a move or a cancel may be the operator's own, made on the call's page
    // linked from this notice: it is the visitor's page, with the same token, so who pressed is unknown.
    if (p.event === 'confirmed') return `${name} of ${p.booking.company} booked a workflow audit.`;
    return `The workflow audit with ${name} of ${p.booking.company} was ${p.event === 'rescheduled' ? 'moved' : 'cancelled'}.`;
  }
  const invite = (sentence: string) => (attached ? ` ${sentence}` : '');
  return {
    confirmed: `Thanks, ${name}. Your 20-minute workflow audit is booked.${invite('The invite is attached: open it to add the call to your calendar.')}`,
    rescheduled: `Your workflow audit has a new time.${invite('The updated invite is attached and replaces the old one in your calendar.')}`,
    cancelled: `Your workflow audit is cancelled.${invite('The attached update takes it out of your calendar.')} Book another time whenever it suits you.`,
    reminder: `A reminder: your 20-minute workflow audit is tomorrow. Bring the workflow you want to fix and a rough idea of how much time it takes today.`,
    'reminder-hour': `Your 20-minute workflow audit starts in an hour. If the time no longer works, move or cancel the call with the button below, so the time goes to someone else.`,
    'no-show': `We had your workflow audit in the calendar, but we did not manage to meet. No problem: these things happen. If you still want to look at the workflow together, pick another time that suits you.`,
    'manage-link': `Someone asked to book another workflow audit with this address. It already has one, so nothing new was booked. Here is the call you have, with ${attached ? 'its invite attached again and ' : ''}the link to move or cancel it. If that request was not yours, there is nothing to do.`,
  }[p.event];
}

/** `inviteProblem`: why the invite this email should carry could not be built (the operator is told). */
function details(p: BookingProps, inviteProblem: string | null): [string, string][] {
  const b = p.booking;
  const rows: [string, string][] = [['When', whenLines(p).join('\n')]];
  if (p.previousStart && p.event === 'rescheduled') rows.push(['Was', formatCall(p.previousStart, new Date(Date.parse(p.previousStart) + Date.parse(b.end) - Date.parse(b.start)).toISOString(), p.audience === 'visitor' ? b.timeZone : p.operator.timeZone)]);
  if (p.audience === 'operator') {
    rows.push(['Who', `${b.name} <${b.email}>`], ['Company', `${b.company} (${b.companySize} people)`], ['Area', AREA_LABELS[b.area]], ['Wants to fix', b.goal], ['Their time zone', b.timeZone]);
    if (b.source) rows.push(['Came from', describeSource(b.source)]);
    if (inviteProblem) rows.push(['Calendar invite', `Not attached (${inviteProblem}). Add the call to your calendar by hand.`]);
  } else {
    rows.push(['Workflow area', AREA_LABELS[b.area]], ['What you want to fix', b.goal]);
  }
  return rows;
}

/** The operator's brief: the calculator's figures and the checklist's result, recomputed on the server. */
function contextRows(p: BookingProps): [string, string][] {
  const rows: [string, string][] = [];
  const scenario = p.context?.scenario;
  if (scenario) rows.push(['ROI calculator', [...scenarioLines(scenario), `${p.siteUrl}${scenarioPath(scenario)}`].join('\n')]);
  const readiness = p.context?.readiness;
  if (readiness) rows.push(['Readiness check', readinessLines(readiness).join('\n')], ['Workflow spec', readiness.specMarkdown]);
  if (!scenario && !readiness) rows.push(['Context', 'They did not use the calculator or the readiness check before booking.']);
  return rows;
}

/** A value's lines with <br> between them: the text part is made from the HTML, and Outlook ignores pre-wrap. */
const lines = (value: string) => value.split('\n').flatMap((line, i) => (i === 0 ? [line] : [h('br', { key: i }), line]));

// overflow-wrap: a long company name or the calculator's link would otherwise widen the card past a phone's screen.
const table = (rows: [string, string][]) =>
  h(Section, { style: { backgroundColor: '#f6f8fa', borderRadius: '8px', padding: '12px 16px', margin: '16px 0' } },
    ...rows.map(([label, value], i) =>
      h(Text, { key: i, style: { ...paragraph, margin: '0 0 10px', overflowWrap: 'anywhere', wordBreak: 'break-word' } }, h('strong', null, `${label}: `), ...lines(value))),
  );

function BookingEmail({ inviteProblem, ...p }: BookingProps & { inviteProblem: string | null }) {
  const children: ReactNode[] = [h(Text, { key: 'intro', style: paragraph }, intro(p, inviteProblem === null)), h('div', { key: 'details' }, table(details(p, inviteProblem)))];
  // A missed call is over: its email offers a new time, like a cancelled one.
  const live = p.event !== 'cancelled' && p.event !== 'no-show';
  if (live) {
    // How to join, for both: the operator's calendar gets the invite, but the notice is what they read.
    children.push(h(Text, { key: 'join', style: paragraph }, h('strong', null, 'Join the video call: '), h(Link, { href: CALL_LOCATION, style: link }, CALL_LOCATION)));
  }
  if (p.audience === 'visitor' && live) {
    const event = callEvent(p.booking, p.manageUrl);
    children.push(
      h(Text, { key: 'add', style: paragraph }, 'Add it to your calendar: ',
        h(Link, { href: googleCalendarUrl(event), style: link }, 'Google'), ' · ',
        h(Link, { href: outlookCalendarUrl(event), style: link }, 'Outlook'),
        // The download is built as the attachment is: no link to a file that cannot be made.
        ...(inviteProblem === null ? [' · ', h(Link, { href: p.icsUrl, style: link }, 'Download .ics')] : [])),
      h(Section, { key: 'manage', style: { margin: '24px 0' } },
        h(Button, { href: p.manageUrl, style: button }, 'Move or cancel the call')),
      h(Text, { key: 'link', style: { ...paragraph, fontSize: '14px' } }, 'The link opens a page where you can pick another time or cancel; nothing changes until you press a button there.'),
    );
  }
  if (p.audience === 'visitor' && p.event === 'no-show') {
    children.push(h(Section, { key: 'again', style: { margin: '24px 0' } }, h(Button, { href: `${p.siteUrl}${routes.bookAudit}`, style: button }, 'Pick another time')));
  } else if (p.audience === 'visitor' && !live) {
    children.push(h(Text, { key: 'again', style: paragraph }, 'Book another time: ', h(Link, { href: `${p.siteUrl}${routes.bookAudit}`, style: link }, `${p.siteUrl.replace(/^https?:\/\//, '')}${routes.bookAudit}`)));
  }
  if (p.audience === 'operator' && p.event !== 'cancelled') children.push(h('div', { key: 'context' }, table(contextRows(p))));
  if (p.audience === 'operator' && live) {
    // The visitor's own page: a move or a cancel made there emails them the new time or the cancellation.
    children.push(h(Text, { key: 'operator-manage', style: paragraph }, 'To move or cancel this call yourself (they are emailed the change, with the updated invite): ',
      h(Link, { href: p.manageUrl, style: link }, "the call's page")));
  }
  if (p.audience === 'operator' && p.outcomeUrls) {
    children.push(
      // The links end the paragraph: punctuation after a bare URL in the plain-text part would be read as part of it.
      h(Text, { key: 'outcome', style: paragraph }, 'After the call, record how it went (each link opens a page with one button; a no-show sends them one friendly email with a link to book again): ',
        h(Link, { href: p.outcomeUrls.held, style: link }, 'Held'), ' · ',
        h(Link, { href: p.outcomeUrls.noShow, style: link }, 'No-show')),
    );
  }
  return h(EmailLayout, { preview: subjectOf(p), heading: subjectOf(p), siteUrl: p.siteUrl, footerLink: { href: `${p.siteUrl}/privacy`, label: 'Privacy policy' } }, ...children);
}

/**
 * The invite that goes with this email: REQUEST when the call is on, CANCEL when it is off, none for a
 * reminder. One that cannot be built leaves the email without it, with the reason (logged here, and shown
 * to the operator), instead of failing the email.
 */
function invite(p: BookingProps): { attachment: EmailAttachment | null; problem: string | null } {
  if (p.event === 'reminder' || p.event === 'reminder-hour' || p.event === 'no-show') return { attachment: null, problem: null };
  const method = p.event === 'cancelled' ? 'CANCEL' : 'REQUEST';
  try {
    // The visitor's invite is the one their .ics download serves too (visitorInvite); the operator's
    // names the visitor and their goal.
    const content = buildInvite(p.audience === 'visitor'
      ? visitorInvite(p.booking, method, p.manageUrl, p.stamp, p.operator.email)
      : {
        uid: p.booking.uid, sequence: p.booking.sequence, method, start: p.booking.start, end: p.booking.end,
        title: operatorCallTitle(p.booking), description: `${p.booking.goal}\n\n${p.booking.name} <${p.booking.email}>, ${p.booking.company}`,
        location: CALL_LOCATION, organizer: { name: site.name, email: p.operator.email },
        attendee: { name: p.booking.name, email: p.booking.email }, stamp: p.stamp,
      });
    return { attachment: { filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content, contentType: inviteContentType(method) }, problem: null };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    console.warn(`[booking email] ${p.event} email to the ${p.audience} for ${p.booking.uid} goes without its invite: ${problem}`);
    return { attachment: null, problem };
  }
}

export async function bookingEmail(p: BookingProps): Promise<{ subject: string; html: string; text: string; replyTo?: string; attachments: EmailAttachment[] }> {
  const { attachment, problem } = invite(p);
  const html = await render(h(BookingEmail, { ...p, inviteProblem: problem }));
  // The operator's Reply writes to the visitor, not to the site's own sender address.
  const replyTo = p.audience === 'operator' ? p.booking.email : undefined;
  return { subject: subjectOf(p), html, text: toPlainText(html), ...(replyTo ? { replyTo } : {}), attachments: attachment ? [attachment] : [] };
}
