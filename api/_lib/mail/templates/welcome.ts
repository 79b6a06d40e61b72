// Sent once the address is confirmed: the first newsletter email, so it carries the unsubscribe link
// and the one-click List-Unsubscribe headers (RFC 8058) every newsletter email carries.
import { createElement as h } from 'react';
import { Link, Text } from '@react-email/components';
import { EmailLayout, link, paragraph } from './layout.ts';
import { newsletterPitch, newsletterSchedule } from '../../../../src/config/newsletter.ts';
import { render, toPlainText } from '@react-email/render';

export interface WelcomeProps {
  siteUrl: string;
  checklistUrl: string;
  unsubscribeUrl: string;
}

function Welcome({ siteUrl, checklistUrl, unsubscribeUrl }: WelcomeProps) {
  return h(EmailLayout, {
    preview: 'You are subscribed: one AI workflow per email',
    heading: 'You are subscribed',
    siteUrl,
    footerLink: { href: unsubscribeUrl, label: 'Unsubscribe' },
  },
    h(Text, { style: paragraph }, `${newsletterPitch} ${newsletterSchedule}`.trim()),
    h(Text, { style: paragraph }, 'While you wait for the first one, the ', h(Link, { href: checklistUrl, style: link }, 'five-minute readiness check'), ' tells you whether a workflow of yours is ready to automate.'),
  );
}

export async function welcomeEmail(props: WelcomeProps): Promise<{ subject: string; html: string; text: string; headers: Record<string, string> }> {
  const html = await render(h(Welcome, props));
  return {
    subject: 'You are subscribed to the AI Operator newsletter',
    html,
    text: toPlainText(html),
    headers: { 'List-Unsubscribe': `<${props.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
