// To the operator: an alert (a calendar feed that stopped loading or loads again, a spike of held
// times, an email to a visitor that could not be sent, a newsletter list change Resend never took), in the words the webhook message uses: the
// event's summary (../../operator/summary.ts) as heading, facts, note and link. Only the subject is
// the email's own. Every value is a child of a React element, so React escapes it; each is also cut to
// one line of bounded length (oneLine), as in the chat messages. The plain text is made from the HTML.
// An alert about a failed email goes out from the same address as the failed one, so a sender domain
// that is not verified fails it too: the webhook message queued beside it is what reaches the operator.
import { createElement as h } from 'react';
import { Button, Section, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';
import { EmailLayout, button, paragraph } from './layout.ts';
import { sanitizeText } from '../../../../src/lib/booking/invite.ts';
import { oneLine, summarize } from '../../operator/summary.ts';
import type { OperatorAlertEvent } from '../../operator/events.ts';

export interface OperatorAlertProps {
  event: OperatorAlertEvent;
  /** The operator's zone when it was queued: every time in the email is shown in it. */
  timeZone: string;
  siteUrl: string;
}

/** The subject line, the one thing the email says that the webhook message does not. */
export function operatorAlertSubject(event: OperatorAlertEvent): string {
  switch (event.type) {
    case 'calendar.feed-failing':
      return `Calendar feed "${event.feed.label}" is not loading`;
    case 'calendar.feed-recovered':
      return `Calendar feed "${event.feed.label}" loads again`;
    case 'holds.spike':
      return 'Many visitors are holding times on the booking page';
    case 'bookings.client-limit':
      return 'A visitor was refused a booking: their connection had booked its calls for today';
    case 'delivery.failed':
      return sanitizeText(`Not delivered: ${event.message.description} to ${event.message.to}`, true);
    case 'newsletter.provider-failed':
      return sanitizeText(`Resend did not take ${event.change === 'unsubscribe' ? 'the unsubscribe' : 'the subscription'} of ${event.to}`, true);
  }
}

const factsBox = { backgroundColor: '#f6f8fa', borderRadius: '8px', padding: '12px 16px', margin: '16px 0' } as const;

export async function operatorAlertEmail(p: OperatorAlertProps): Promise<{ subject: string; html: string; text: string }> {
  const subject = operatorAlertSubject(p.event);
  const summary = summarize(p.event, p.timeZone);
  const html = await render(
    h(EmailLayout, { preview: subject, heading: summary.title, siteUrl: p.siteUrl, footerLink: { href: `${p.siteUrl}/privacy`, label: 'Privacy policy' } },
      h(Section, { style: factsBox },
        ...summary.facts.map((fact, i) => h(Text, { key: i, style: { ...paragraph, margin: '0 0 10px' } }, h('strong', null, `${fact.label}: `), oneLine(fact.value)))),
      summary.note ? h(Text, { style: paragraph }, summary.note) : null,
      summary.link ? h(Section, { style: { margin: '24px 0' } }, h(Button, { href: summary.link.url, style: button }, summary.link.label)) : null,
    ),
  );
  return { subject, html, text: toPlainText(html) };
}
