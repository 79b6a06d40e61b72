// To the operator, at most once a day: many visitors are holding times at once, so some holds were
// refused. Nobody is turned away by it (a refused hold books unheld), but a burst like this is often a
// script trying to make the calendar look full; the operator should know it happened.
import { createElement as h } from 'react';
import { Section, Text } from '@react-email/components';
import { render, toPlainText } from '@react-email/render';
import { EmailLayout, paragraph } from './layout.ts';
import { formatDay } from '../../../../src/lib/booking/format.ts';

export interface HoldsSpikeProps {
  siteUrl: string;
  /** The operator-local day whose held times were full (YYYY-MM-DD). */
  day: string;
  /** Times held at that moment across the calendar, and how many different client addresses held them. */
  holds: number;
  clients: number;
  perDay: number;
  timeZone: string;
}

export async function holdsSpikeEmail(p: HoldsSpikeProps): Promise<{ subject: string; html: string; text: string }> {
  const subject = 'Many visitors are holding times on the booking page';
  const dayText = formatDay(`${p.day}T12:00:00Z`, 'UTC');
  const lines = [
    `${p.holds} times are being held right now, by ${p.clients} different client addresses, and a hold on ${dayText} was refused because that day already showed ${p.perDay} held times.`,
    `Nobody was turned away: a visitor whose hold is refused can still book the time, and held times never count toward your daily limit of calls. Holds run out after a few minutes on their own.`,
    `Bursts like this are often a script trying to make the calendar look full. There is nothing to do unless it goes on and bookings stop arriving; then tell whoever runs the site. You get this email at most once a day.`,
  ];
  const html = await render(
    h(EmailLayout, { preview: subject, heading: subject, siteUrl: p.siteUrl, footerLink: { href: `${p.siteUrl}/privacy`, label: 'Privacy policy' } },
      h(Section, null, ...lines.map((line, i) => h(Text, { key: i, style: paragraph }, line)))),
  );
  return { subject, html, text: toPlainText(html) };
}
