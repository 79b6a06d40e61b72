// The operator's alert email renders the event's summary, the same words as the webhook message: the
// title as heading, every fact in the box, the note, the link as a button, and the plain text with the
// same facts. Every expected text is written out by hand for fixed instants and zones (Berlin is GMT+1
// in winter, GMT+2 in summer). Values a visitor or another server wrote are escaped by React. Rows
// queued before the template existed (`busy-feed`, `holds-spike`, `delivery-failed` with their own
// props) render the same email.
import { describe, expect, it } from 'vitest';
import { operatorAlertEmail, type OperatorAlertProps } from '../../../api/_lib/mail/templates/operator-alert.ts';
import { renderEmail, type TemplatedEmail } from '../../../api/_lib/mail/templates/catalog.ts';

const SCRIPT = '<script>alert(1)</script>';
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const MANAGE = 'https://site.test/book-audit/manage?token=abc.DEF-123_x';

/** How React writes text into HTML: &, <, >, " and ' as entities. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

interface Expected {
  subject: string;
  title: string;
  facts: [string, string][];
  /** Parts of the note, each as written. */
  note: string[];
  link?: { label: string; url: string };
}

const render = (event: OperatorAlertProps['event']) => operatorAlertEmail({ event, timeZone: 'Europe/Berlin', siteUrl: 'https://site.test' });

async function expectAlert(event: OperatorAlertProps['event'], expected: Expected) {
  const { subject, html, text } = await render(event);
  expect(subject).toBe(expected.subject);
  expect(html).toContain(`>${escaped(expected.title)}</p>`);
  expect(html).not.toContain('<script>');
  for (const [label, value] of expected.facts) {
    expect(html).toContain(`<strong>${escaped(label)}: </strong>${escaped(value)}`);
    expect(text).toContain(`${label}: ${value}`);
  }
  // No fact the expected list leaves out.
  expect(html.match(/<strong>/g) ?? []).toHaveLength(expected.facts.length);
  for (const part of expected.note) {
    expect(html).toContain(escaped(part));
    expect(text).toContain(part);
  }
  if (expected.link) {
    expect(html).toMatch(new RegExp(`<a href="${escaped(expected.link.url).replace(/[.?]/g, '\\$&')}"[^>]*>.*${escaped(expected.link.label)}`, 's'));
    expect(text).toContain(expected.link.url);
  } else {
    expect(html).not.toContain('site.test/book-audit');
  }
  return { html, text };
}

const feed = { label: 'work', host: 'calendar.example.com' };
const failing = { type: 'calendar.feed-failing' as const, feed, since: '2026-07-01T06:30:00Z', reason: `${SCRIPT} HTTP 503`, lastLoadedAt: '2026-07-01T05:00:00Z' };
const FEED_CHECKS = [
  'What to check: is the secret address in BOOKING_BUSY_FEEDS still the one your calendar shows (it changes when you reset it)?',
  'Run `npm run leads -- calendar` for every feed\'s state.',
  'You will get one more message when it loads again.',
];
const spike = { type: 'holds.spike' as const, day: '2026-03-12', holds: 14, clients: 9, perDay: 3 };
const message = { key: 'booking-b1-0-confirmed-visitor', email: 'booking.confirmed', description: 'the booking confirmation', to: 'ada@example.com', error: `403 validation_error: ${SCRIPT} domain & co is not verified`, attempts: 1 };
const booking = {
  id: 'b1', name: `Ada ${SCRIPT}`, company: 'Acme & "Sons"', companySize: '11-50', email: 'ada@example.com', area: 'crm' as const,
  start: '2026-03-10T14:20:00Z', end: '2026-03-10T14:40:00Z', timeZone: 'America/New_York',
};
const failed = { type: 'delivery.failed' as const, message, booking, manageUrl: MANAGE };

describe("the operator's alert email", () => {
  it('a calendar feed that stopped loading: the feed, since when, its last good copy, the reason, what to check', async () => {
    await expectAlert(failing, {
      subject: 'Calendar feed "work" is not loading',
      title: 'Calendar feed not loading',
      facts: [
        ['Feed', 'work (calendar.example.com)'],
        ['Failing since', 'Wednesday, July 1, 2026, 8:30 AM GMT+2'],
        ['Last good copy', 'Wednesday, July 1, 2026, 7:00 AM GMT+2'],
        ['Reason', `${SCRIPT} HTTP 503`],
      ],
      note: ['Until it loads again, the booking page blocks the busy times from its last good copy', ...FEED_CHECKS],
    });
  });

  it('a calendar feed that never loaded', async () => {
    await expectAlert({ ...failing, reason: null, lastLoadedAt: null }, {
      subject: 'Calendar feed "work" is not loading',
      title: 'Calendar feed not loading',
      facts: [['Feed', 'work (calendar.example.com)'], ['First tried', 'Wednesday, July 1, 2026, 8:30 AM GMT+2'], ['Reason', 'no reason given']],
      note: ['It has never loaded, so the booking page offers times without it: a visitor may book a time your calendar shows as busy.', ...FEED_CHECKS],
    });
  });

  it('a calendar feed that loads again', async () => {
    await expectAlert({ type: 'calendar.feed-recovered', feed, since: '2026-12-01T06:30:00Z' }, {
      subject: 'Calendar feed "work" loads again',
      title: 'Calendar feed loads again',
      facts: [['Feed', 'work (calendar.example.com)'], ['Had been failing since', 'Tuesday, December 1, 2026, 7:30 AM GMT+1']],
      note: ['The booking page reads your events from it again, so times you are busy are no longer offered.'],
    });
  });

  it('a spike of held times: the day, the holds, the limit, and that holds run out on their own', async () => {
    await expectAlert(spike, {
      subject: 'Many visitors are holding times on the booking page',
      title: 'Many visitors are holding times',
      facts: [['Day that was full', 'Thursday, March 12, 2026'], ['Held right now', '14 times, by 9 client addresses'], ['Limit', '3 held times a day']],
      note: ['Nobody was turned away', 'Holds run out after a few minutes on their own.', 'then tell whoever runs the site.', 'At most one message a day.'],
    });
  });

  it("an email to a visitor that could not be sent: which, to whom, why, the call, what to do, the call's page", async () => {
    const { html } = await expectAlert(failed, {
      subject: 'Not delivered: the booking confirmation to ada@example.com',
      title: 'An email to a visitor could not be sent',
      facts: [
        ['Email', 'the booking confirmation'],
        ['To', 'ada@example.com'],
        ['Why', `403 validation_error: ${SCRIPT} domain & co is not verified`],
        ['Attempts', '1'],
        ['Call', `Tuesday, March 10, 2026, 3:20 PM – 3:40 PM GMT+1 with Ada ${SCRIPT}, Acme & "Sons"`],
      ],
      note: ['They have not received it, and it will not be tried again.', 'MAIL_FROM must be on a domain verified in Resend', 'run `npm run leads -- failed`', 'Then write to them yourself'],
      link: { label: "The call's page", url: MANAGE },
    });
    expect(html).toContain(`Ada ${SCRIPT_ESCAPED}`);
  });

  it('a newsletter confirmation that could not be sent: no call, no link', async () => {
    const { html } = await expectAlert({ type: 'delivery.failed', message: { ...message, email: 'newsletter.confirm', description: 'the newsletter confirmation link', to: 'r@example.com', attempts: 10 } }, {
      subject: 'Not delivered: the newsletter confirmation link to r@example.com',
      title: 'An email to a visitor could not be sent',
      facts: [['Email', 'the newsletter confirmation link'], ['To', 'r@example.com'], ['Why', `403 validation_error: ${SCRIPT} domain & co is not verified`], ['Attempts', '10']],
      note: ['npm run leads -- failed', 'Once it is fixed, they can sign up again.'],
    });
    expect(html).not.toContain('Then write to them yourself');
  });

  it('writes a subject on one line, whatever the address holds', async () => {
    expect((await render({ ...failed, message: { ...message, to: 'a@b.c\r\nBcc: x@y.z' } })).subject).toBe('Not delivered: the booking confirmation to a@b.c Bcc: x@y.z');
  });
});

describe('rows queued before the operator-alert template', () => {
  const siteUrl = 'https://site.test';
  const timeZone = 'Europe/Berlin';
  const pairs: [string, TemplatedEmail, OperatorAlertProps['event']][] = [
    ['busy-feed, failing', { template: 'busy-feed', to: 'ops@site.test', props: { event: 'failing', siteUrl, feed, reason: failing.reason, loadedAt: failing.lastLoadedAt, failingSince: failing.since, timeZone } }, failing],
    ['busy-feed, never loaded', { template: 'busy-feed', to: 'ops@site.test', props: { event: 'failing', siteUrl, feed, reason: null, loadedAt: null, failingSince: failing.since, timeZone } }, { ...failing, reason: null, lastLoadedAt: null }],
    ['busy-feed, recovered', { template: 'busy-feed', to: 'ops@site.test', props: { event: 'recovered', siteUrl, feed, reason: null, loadedAt: '2026-07-01T09:00:00Z', failingSince: failing.since, timeZone } }, { type: 'calendar.feed-recovered', feed, since: failing.since }],
    ['holds-spike', { template: 'holds-spike', to: 'ops@site.test', props: { siteUrl, day: spike.day, holds: 14, clients: 9, perDay: 3, timeZone } }, spike],
    ['delivery-failed', { template: 'delivery-failed', to: 'ops@site.test', props: { siteUrl, timeZone, message, booking, manageUrl: MANAGE } }, failed],
    ['delivery-failed, a newsletter confirmation', { template: 'delivery-failed', to: 'ops@site.test', props: { siteUrl, timeZone, message } }, { type: 'delivery.failed', message }],
  ];

  it.each(pairs)('%s renders as the alert about the same event', async (_, legacy, event) => {
    const old = await renderEmail(legacy);
    const current = await renderEmail({ template: 'operator-alert', to: 'ops@site.test', props: { event, timeZone, siteUrl } });
    expect(old).toEqual(current);
    expect(old.subject).not.toBe('');
  });
});
