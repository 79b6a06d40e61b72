// The double opt-in email as React Email components. Written with createElement, not JSX: the local
// server runs api/ through Node's type stripping, which has no JSX. Every value is a prop, so React
// escapes it like any other text.
import { createElement as h } from 'react';
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';

interface Props {
  confirmUrl: string;
  siteUrl: string;
  privacyUrl: string;
}

const paragraph = { color: '#334155', fontSize: '16px', lineHeight: '26px' } as const;
const link = { color: '#0b6b62' } as const;

function ConfirmSubscription({ confirmUrl, siteUrl, privacyUrl }: Props) {
  return h(Html, { lang: 'en' },
    h(Head),
    h(Preview, null, 'Confirm your AI Operator newsletter subscription'),
    h(Body, { style: { backgroundColor: '#f6f8fa', fontFamily: 'Inter, Segoe UI, Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' } },
      h(Container, { style: { backgroundColor: '#ffffff', borderRadius: '12px', maxWidth: '560px', padding: '32px' } },
        h(Text, { style: { color: '#0b1220', fontSize: '20px', fontWeight: 700, margin: '0 0 16px' } }, 'One click to confirm'),
        h(Text, { style: paragraph }, 'Someone, hopefully you, asked to receive the AI Operator newsletter at this address: one workflow every two weeks, with the numbers before and after.'),
        h(Section, { style: { margin: '24px 0' } },
          h(Button, { href: confirmUrl, style: { backgroundColor: '#0b6b62', borderRadius: '8px', color: '#ffffff', fontSize: '16px', fontWeight: 600, padding: '12px 20px' } }, 'Confirm my subscription'),
        ),
        h(Text, { style: paragraph }, 'The link works for 7 days. If you did not ask for this, ignore this email and nothing happens.'),
        h(Hr, { style: { borderColor: '#e2e8f0', margin: '24px 0' } }),
        h(Text, { style: { color: '#526071', fontSize: '13px', lineHeight: '20px' } },
          'AI Operator · ', h(Link, { href: siteUrl, style: link }, siteUrl.replace(/^https?:\/\//, '')), ' · ', h(Link, { href: privacyUrl, style: link }, 'Privacy policy'),
        ),
      ),
    ),
  );
}

const LINK = 'https://link.invalid/confirm-link-placeholder';
const templates = new Map<string, Promise<{ html: string; text: string }>>();
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The email differs per subscriber only in its link, so the template renders once per site origin and
 * the link is substituted: a sign-up then costs no React render inside its database transaction.
 */
export async function confirmSubscriptionEmail(props: Props): Promise<{ subject: string; html: string; text: string }> {
  const key = `${props.siteUrl}\0${props.privacyUrl}`;
  let template = templates.get(key);
  if (!template) {
    template = render(h(ConfirmSubscription, { ...props, confirmUrl: LINK })).then((html) => ({ html, text: toPlainText(html) }));
    templates.set(key, template);
  }
  const { html, text } = await template;
  return {
    subject: 'Confirm your AI Operator newsletter subscription',
    html: html.replaceAll(LINK, escapeAttribute(props.confirmUrl)),
    text: text.replaceAll(LINK, props.confirmUrl),
  };
}
