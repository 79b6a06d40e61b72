// The double opt-in email as React Email components. Written with createElement, not JSX: the local
// server runs api/ through Node's type stripping, which has no JSX. Every value is a prop, so React
// escapes it like any other text.
import { createElement as h } from 'react';
import { Button, Section, Text } from '@react-email/components';
import { EmailLayout, button, paragraph } from './layout.ts';
import { CONFIRM_LINK_DAYS, newsletterPitch } from '../../../../src/config/newsletter.ts';
import { render, toPlainText } from '@react-email/render';

export interface ConfirmSubscriptionProps {
  confirmUrl: string;
  siteUrl: string;
  privacyUrl: string;
}

function ConfirmSubscription({ confirmUrl, siteUrl, privacyUrl }: ConfirmSubscriptionProps) {
  return h(EmailLayout, {
    preview: 'Confirm your AI Operator newsletter subscription',
    heading: 'One click to confirm',
    siteUrl,
    footerLink: { href: privacyUrl, label: 'Privacy policy' },
  },
    h(Text, { style: paragraph }, 'Someone, hopefully you, asked to receive the AI Operator newsletter at this address. ' + newsletterPitch),
    h(Section, { style: { margin: '24px 0' } },
      h(Button, { href: confirmUrl, style: button }, 'Confirm my subscription'),
    ),
    h(Text, { style: paragraph }, `The link works for ${CONFIRM_LINK_DAYS} days. If you did not ask for this, ignore this email and nothing happens.`),
  );
}

const LINK = 'https://link.invalid/confirm-link-placeholder';
const templates = new Map<string, Promise<{ html: string; text: string }>>();
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The email differs per subscriber only in its link, so the template renders once per site origin and
 * the link is substituted: delivering a burst of confirmations costs one React render, not one each.
 */
export async function confirmSubscriptionEmail(props: ConfirmSubscriptionProps): Promise<{ subject: string; html: string; text: string }> {
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
