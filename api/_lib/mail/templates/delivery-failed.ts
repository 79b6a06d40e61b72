// To the operator: an email to a visitor could not be delivered (../failure-alerts.ts), so they have not
// got it: which email, to whom, the provider's answer, and what to do. Sent from the same address as
// the failed one, so a sender domain that is not verified fails this too: the webhook message queued
// beside it is what reaches the operator then. Every value is a prop, so React escapes it; the subject
// is one line.
import { createElement as h } from 'react';
import { Link, Section, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';
import { EmailLayout, link, paragraph } from './layout.ts';
import { formatCall } from '../../../../src/lib/booking/format.ts';
import { sanitizeText } from '../../../../src/lib/booking/invite.ts';
import type { BookingFacts, FailedMessageFacts } from '../../webhook/operator-events.ts';

export interface DeliveryFailedProps {
  siteUrl: string;
  /** The operator's zone, for the call's time. */
  timeZone: string;
  message: FailedMessageFacts;
  /** The call the email was about, and its page (the visitor's link to move or cancel it). */
  booking?: BookingFacts;
  manageUrl?: string;
}

export async function deliveryFailedEmail(p: DeliveryFailedProps): Promise<{ subject: string; html: string; text: string }> {
  const subject = sanitizeText(`Not delivered: ${p.message.description} to ${p.message.to}`, true);
  const rows: [string, string][] = [
    ['Email', p.message.description],
    ['To', p.message.to],
    ['Why', p.message.error],
    ['Attempts', String(p.message.attempts)],
  ];
  if (p.booking) rows.push(['Call', `${formatCall(p.booking.start, p.booking.end, p.timeZone)} with ${p.booking.name}, ${p.booking.company}`]);
  const html = await render(
    h(EmailLayout, { preview: subject, heading: 'An email to a visitor could not be sent', siteUrl: p.siteUrl, footerLink: { href: `${p.siteUrl}/privacy`, label: 'Privacy policy' } },
      h(Text, { style: paragraph }, 'They have not received it, and it will not be tried again.'),
      h(Section, { style: { backgroundColor: '#f6f8fa', borderRadius: '8px', padding: '12px 16px', margin: '16px 0' } },
        ...rows.map(([label, value], i) => h(Text, { key: i, style: { ...paragraph, margin: '0 0 10px' } }, h('strong', null, `${label}: `), value))),
      h(Text, { style: paragraph },
        'What to do: check the sending domain. MAIL_FROM must be an address on a domain verified in Resend (a 403 "domain is not verified" means it is not), and RESEND_API_KEY must be valid. ',
        'Run `npm run leads -- failed` for every email that could not be sent, with its error. Every other email sent from this address fails the same way until it is fixed.'),
      p.booking && p.manageUrl
        ? h(Text, { style: paragraph }, 'Then write to them yourself with the link to their call, where they can move or cancel it: ', h(Link, { href: p.manageUrl, style: link }, "the call's page"))
        : h(Text, { style: paragraph }, 'Once it is fixed, they can sign up again.'),
    ),
  );
  return { subject, html, text: toPlainText(html) };
}
