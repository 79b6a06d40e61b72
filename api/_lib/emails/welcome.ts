// Sent once the address is confirmed: the first newsletter email, so it carries the unsubscribe link
// and the one-click List-Unsubscribe headers (RFC 8058) every newsletter email carries.
import { createElement as h } from 'react';
import { Body, Container, Head, Hr, Html, Link, Preview, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';

interface Props {
  siteUrl: string;
  checklistUrl: string;
  unsubscribeUrl: string;
}

const paragraph = { color: '#334155', fontSize: '16px', lineHeight: '26px' } as const;

function Welcome({ siteUrl, checklistUrl, unsubscribeUrl }: Props) {
  return h(Html, { lang: 'en' },
    h(Head),
    h(Preview, null, 'You are subscribed: one workflow every two weeks'),
    h(Body, { style: { backgroundColor: '#f6f8fa', fontFamily: 'Inter, Segoe UI, Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' } },
      h(Container, { style: { backgroundColor: '#ffffff', borderRadius: '12px', maxWidth: '560px', padding: '32px' } },
        h(Text, { style: { color: '#0b1220', fontSize: '20px', fontWeight: 700, margin: '0 0 16px' } }, 'You are subscribed'),
        h(Text, { style: paragraph }, 'Every two weeks you get one workflow taken apart: the baseline, the approval rules, what it cost and what it saved.'),
        h(Text, { style: paragraph }, 'While you wait for the first one, the ', h(Link, { href: checklistUrl, style: { color: '#0b6b62' } }, 'five-minute readiness check'), ' tells you whether a workflow of yours is ready to automate.'),
        h(Hr, { style: { borderColor: '#e2e8f0', margin: '24px 0' } }),
        h(Text, { style: { color: '#526071', fontSize: '13px', lineHeight: '20px' } },
          'AI Operator · ', h(Link, { href: siteUrl, style: { color: '#0b6b62' } }, siteUrl.replace(/^https?:\/\//, '')), ' · ', h(Link, { href: unsubscribeUrl, style: { color: '#0b6b62' } }, 'Unsubscribe in one click'),
        ),
      ),
    ),
  );
}

export async function welcomeEmail(props: Props): Promise<{ subject: string; html: string; text: string; headers: Record<string, string> }> {
  const html = await render(h(Welcome, props));
  return {
    subject: 'You are subscribed to the AI Operator newsletter',
    html,
    text: toPlainText(html),
    headers: { 'List-Unsubscribe': `<${props.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
