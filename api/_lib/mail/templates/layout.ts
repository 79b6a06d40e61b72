// The frame every email shares: preview line, card, heading, body and a footer line with two links.
// createElement rather than JSX: the local server runs api/ through Node's type stripping.
import { createElement as h, type ReactNode } from 'react';
import { Body, Container, Head, Hr, Html, Link, Preview, Text } from '@react-email/components';

export const paragraph = { color: '#334155', fontSize: '16px', lineHeight: '26px' } as const;
export const link = { color: '#0b6b62' } as const;
/** A call to action: the email's one button. */
export const button = { backgroundColor: '#0b6b62', borderRadius: '8px', color: '#ffffff', fontSize: '16px', fontWeight: 600, padding: '12px 20px' } as const;

interface EmailLayoutProps {
  preview: string;
  heading: string;
  siteUrl: string;
  /** The footer's second link: the privacy policy, or the unsubscribe link on newsletter emails. */
  footerLink: { href: string; label: string };
  children?: ReactNode;
}

export function EmailLayout({ preview, heading, siteUrl, footerLink, children }: EmailLayoutProps) {
  return h(Html, { lang: 'en' },
    h(Head),
    h(Preview, null, preview),
    h(Body, { style: { backgroundColor: '#f6f8fa', fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' } },
      // A long word (the meeting link, a pasted URL in a goal) may break anywhere: unbroken, it widened
      // the card past a 390 px phone, and the whole email scrolled sideways.
      h(Container, { style: { backgroundColor: '#ffffff', borderRadius: '12px', maxWidth: '560px', padding: '32px', overflowWrap: 'anywhere', wordBreak: 'break-word' } },
        h(Text, { style: { color: '#0b1220', fontSize: '20px', fontWeight: 700, margin: '0 0 16px' } }, heading),
        children,
        h(Hr, { style: { borderColor: '#e2e8f0', margin: '24px 0' } }),
        h(Text, { style: { color: '#526071', fontSize: '13px', lineHeight: '20px' } },
          'AI Operator · ', h(Link, { href: siteUrl, style: link }, siteUrl.replace(/^https?:\/\//, '')), ' · ', h(Link, { href: footerLink.href, style: link }, footerLink.label),
        ),
      ),
    ),
  );
}
