// To the operator: one of their calendar feeds has stopped loading (so the booking page cannot see new
// events in it), and, once, that it loads again. Names the feed by its label and host, never its URL.
import { createElement as h } from 'react';
import { Section, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';
import { EmailLayout, paragraph } from './layout.ts';
import { formatWhen } from '../../../../src/lib/booking/format.ts';

export interface BusyFeedAlertProps {
  event: 'failing' | 'recovered';
  siteUrl: string;
  feed: { label: string; host: string };
  /** The last error, worded for a person (no URL). */
  reason: string | null;
  /** When the feed last loaded a copy, or null when it never has. */
  loadedAt: string | null;
  failingSince: string;
  /** The operator's zone, for the times in the email. */
  timeZone: string;
}

function lines(p: BusyFeedAlertProps): string[] {
  const name = `"${p.feed.label}" (${p.feed.host})`;
  if (p.event === 'recovered') {
    return [
      `Your calendar feed ${name} loads again. The booking page reads your events from it again, so times you are busy are no longer offered.`,
      `It had been failing since ${formatWhen(p.failingSince, p.timeZone)}.`,
    ];
  }
  return [
    p.loadedAt
      ? `Your calendar feed ${name} has not loaded since ${formatWhen(p.failingSince, p.timeZone)}. The last attempt said: ${p.reason ?? 'no reason given'}.`
      : `Your calendar feed ${name} could not be loaded (first tried ${formatWhen(p.failingSince, p.timeZone)}). The server said: ${p.reason ?? 'no reason given'}.`,
    p.loadedAt
      ? `Until it loads again, the booking page blocks the busy times from its last good copy, taken ${formatWhen(p.loadedAt, p.timeZone)}. Events you added or moved since then are not seen: a visitor may book a time you have just filled.`
      : 'It has never loaded, so the booking page offers times without it: a visitor may book a time your calendar shows as busy.',
    'What to check: is the secret address in BOOKING_BUSY_FEEDS still the one your calendar shows (it changes when you reset it)? Does it open in a browser? Run `npm run leads -- calendar` for every feed\'s state.',
    'You will get one more email when it loads again.',
  ];
}

export async function busyFeedAlertEmail(p: BusyFeedAlertProps): Promise<{ subject: string; html: string; text: string }> {
  const subject = p.event === 'failing' ? `Calendar feed "${p.feed.label}" is not loading` : `Calendar feed "${p.feed.label}" loads again`;
  const html = await render(
    h(EmailLayout, { preview: subject, heading: subject, siteUrl: p.siteUrl, footerLink: { href: `${p.siteUrl}/privacy`, label: 'Privacy policy' } },
      h(Section, null, ...lines(p).map((line, i) => h(Text, { key: i, style: paragraph }, line)))),
  );
  return { subject, html, text: toPlainText(html) };
}
