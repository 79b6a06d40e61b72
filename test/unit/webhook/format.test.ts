// The three bodies a webhook message can take, by shape, with the values a visitor controls kept inert:
// Slack's &, <, > escaped; in Teams, values only in RichTextBlock TextRuns (which render no Markdown).
// The expected texts are written out by hand for fixed instants and zones.
import { describe, expect, it } from 'vitest';
import type { OperatorEvent, StoredWebhook } from '../../../api/_lib/operator/events.ts';
import { escapeSlack, jsonBody, plainText, slackBody, teamsBody, webhookBody } from '../../../api/_lib/webhook/format.ts';
import { summarize } from '../../../api/_lib/operator/summary.ts';

const MANAGE = 'https://site.test/api/bookings/manage?token=abc.DEF-123_x';
const booking: OperatorEvent = {
  type: 'booking.created',
  booking: {
    id: 'b1',
    name: 'Ada <@here> & Co',
    company: 'Acme <https://x|y> *bold* [link](https://evil.example) _it_',
    companySize: '11-50',
    email: 'ada@example.com',
    area: 'crm',
    start: '2026-03-10T14:20:00Z',
    end: '2026-03-10T14:40:00Z',
    timeZone: 'America/New_York',
  },
  source: { page: '/blog/x', referrerHost: 'news.ycombinator.com', utm: { utm_source: 'news', utm_campaign: 'dec' } },
  manageUrl: MANAGE,
};
const stored = (event: OperatorEvent): StoredWebhook => ({ id: 'webhook:k1', occurredAt: '2026-03-09T08:00:00.000Z', timeZone: 'Europe/Berlin', event });

const BOOKING_FACTS = [
  ['Name', 'Ada <@here> & Co'],
  ['Company', 'Acme <https://x|y> *bold* [link](https://evil.example) _it_ (11-50 people)'],
  ['Email', 'ada@example.com'],
  // 14:20 UTC is 15:20 in Berlin (GMT+1) and 10:20 in New York (daylight time since March 8, GMT-4).
  ['When', 'Tuesday, March 10, 2026, 3:20 PM – 3:40 PM GMT+1'],
  ['Their time', 'Tuesday, March 10, 2026, 10:20 AM – 10:40 AM GMT-4'],
  ['Area', 'RevOps and CRM'],
  ['Source', '/blog/x · via news.ycombinator.com · utm_source=news, utm_campaign=dec'],
];

describe('summary', () => {
  it('reads the booking in the operator zone, with theirs beside it', () => {
    const summary = summarize(booking, 'Europe/Berlin');
    expect(summary.title).toBe('Call booked');
    expect(summary.facts.map((f) => [f.label, f.value])).toEqual(BOOKING_FACTS);
    expect(summary.link).toEqual({ label: 'Manage the booking', url: MANAGE });
  });

  it('says where a moved call was, and leaves out their time when the zones match', () => {
    const moved: OperatorEvent = { ...booking, type: 'booking.moved', booking: { ...booking.booking, timeZone: 'Europe/Berlin', previousStart: '2026-03-09T09:00:00Z' } } as OperatorEvent;
    const facts = Object.fromEntries(summarize(moved, 'Europe/Berlin').facts.map((f) => [f.label, f.value]));
    expect(facts['Moved from']).toBe('Monday, March 9, 2026, 10:00 AM – 10:20 AM GMT+1');
    expect(facts['Their time']).toBeUndefined();
  });

  it('describes the alerts', () => {
    const failing = summarize({ type: 'calendar.feed-failing', feed: { label: 'work', host: 'calendar.google.com' }, since: '2026-07-01T06:30:00Z', reason: 'HTTP 404', lastLoadedAt: '2026-07-01T05:00:00Z' }, 'Europe/Berlin');
    expect(failing.facts.map((f) => [f.label, f.value])).toEqual([
      ['Feed', 'work (calendar.google.com)'],
      ['Failing since', 'Wednesday, July 1, 2026, 8:30 AM GMT+2'],
      ['Last good copy', 'Wednesday, July 1, 2026, 7:00 AM GMT+2'],
      ['Reason', 'HTTP 404'],
    ]);
    const never = summarize({ type: 'calendar.feed-failing', feed: { label: 'work', host: 'calendar.google.com' }, since: '2026-07-01T06:30:00Z', reason: null, lastLoadedAt: null }, 'Europe/Berlin');
    expect(never.facts.map((f) => f.label)).toEqual(['Feed', 'First tried', 'Reason']);
    expect(never.note).toMatch(/never loaded/);
    const spike = summarize({ type: 'holds.spike', day: '2026-03-12', holds: 14, clients: 9, perDay: 3 }, 'Europe/Berlin');
    expect(spike.facts.map((f) => [f.label, f.value])).toEqual([
      ['Day that was full', 'Thursday, March 12, 2026'],
      ['Held right now', '14 times, by 9 client addresses'],
      ['Limit', '3 held times a day'],
    ]);
  });

  it("gives the alerts' advice, as the alert emails do (they render the same summary)", () => {
    const failing = plainText(summarize({ type: 'calendar.feed-failing', feed: { label: 'work', host: 'calendar.google.com' }, since: '2026-07-01T06:30:00Z', reason: 'HTTP 404', lastLoadedAt: null }, 'Europe/Berlin'));
    expect(failing).toContain('What to check: is the secret address in BOOKING_BUSY_FEEDS still the one your calendar shows');
    expect(failing).toContain('Run `npm run leads -- calendar` for every feed\'s state.');
    expect(failing).toContain('You will get one more message when it loads again.');
    const recovered = plainText(summarize({ type: 'calendar.feed-recovered', feed: { label: 'work', host: 'calendar.google.com' }, since: '2026-07-01T06:30:00Z' }, 'Europe/Berlin'));
    expect(recovered).toContain('The booking page reads your events from it again');
    const spike = plainText(summarize({ type: 'holds.spike', day: '2026-03-12', holds: 14, clients: 9, perDay: 3 }, 'Europe/Berlin'));
    expect(spike).toContain('Holds run out after a few minutes on their own.');
    expect(spike).toContain('then tell whoever runs the site.');
    const limited = summarize({ type: 'bookings.client-limit', day: '2026-03-12', perClient: 3 }, 'Europe/Berlin');
    expect(limited.facts.map((f) => [f.label, f.value])).toEqual([
      ['Day (UTC)', 'Thursday, March 12, 2026'],
      ['Limit', '3 calls a day from one connection (an IPv6 network: 4 times that)'],
    ]);
    expect(limited.note).toContain('check today\'s bookings and cancel any that look fake');
    expect(limited.note).toContain('raise BOOKING_CLIENT_DAILY_LIMIT or set TRUST_PROXY');
  });

  it('keeps a value on one line, without hidden characters, and bounded', () => {
    const long = summarize({ type: 'subscriber.confirmed', subscriber: { email: 'a@b.co', page: null, utm: { utm_source: `x\u202Ey\n${'z'.repeat(1000)}` } } }, 'UTC');
    const text = plainText(long);
    expect(text).not.toMatch(/[\u202E]/);
    expect(text.split('\n')).toHaveLength(3);
    expect(text.split('\n')[2]!.length).toBeLessThanOrEqual('Source: '.length + 300);
  });
});

describe('Slack body', () => {
  const body = slackBody(stored(booking));

  it('escapes &, < and > in every value, so no mention or link can be injected', () => {
    expect(escapeSlack('<@here> & <https://x|y>')).toBe('&lt;@here&gt; &amp; &lt;https://x|y&gt;');
    expect(body.text).toBe([
      '*Call booked*',
      '*Name:* Ada &lt;@here&gt; &amp; Co',
      '*Company:* Acme &lt;https://x|y&gt; *bold* [link](https://evil.example) _it_ (11-50 people)',
      '*Email:* ada@example.com',
      '*When:* Tuesday, March 10, 2026, 3:20 PM – 3:40 PM GMT+1',
      '*Their time:* Tuesday, March 10, 2026, 10:20 AM – 10:40 AM GMT-4',
      '*Area:* RevOps and CRM',
      '*Source:* /blog/x · via news.ycombinator.com · utm_source=news, utm_campaign=dec',
      `<${MANAGE}|Manage the booking>`,
    ].join('\n'));
    // The only <…> left is the manage link this site wrote.
    const serialized = JSON.stringify(body);
    expect([...serialized.matchAll(/<[^<>]*>/g)].map((m) => m[0])).toEqual([`<${MANAGE}|Manage the booking>`, `<${MANAGE}|Manage the booking>`]);
  });

  it('is valid Block Kit: a plain-text header, a mrkdwn section of facts, the link', () => {
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    const [header, facts, link] = body.blocks as { type: string; text: { type: string; text: string; emoji?: boolean } }[];
    expect(header).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Call booked', emoji: false } });
    expect(facts!.type).toBe('section');
    expect(facts!.text.type).toBe('mrkdwn');
    expect(facts!.text.text.length).toBeLessThanOrEqual(3000);
    expect(facts!.text.text).toContain('*Name:* Ada &lt;@here&gt; &amp; Co');
    expect(link).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `<${MANAGE}|Manage the booking>` } });
  });

  it('escapes a link target that could end the link early', () => {
    const odd = slackBody(stored({ ...booking, manageUrl: 'https://site.test/m?a=1&b=<2>|3' } as OperatorEvent));
    expect(odd.text).toContain('<https://site.test/m?a=1&amp;b=&lt;2&gt;%7C3|Manage the booking>');
  });
});

describe('Teams body', () => {
  const envelope = teamsBody(stored(booking));
  const card = envelope.attachments[0]!.content;
  type Element = { type: string; text?: string; inlines?: { type: string; text: string; weight?: string }[] };
  const elements = card.body as Element[];

  it('is a message with one Adaptive Card attachment', () => {
    expect(envelope.type).toBe('message');
    expect(envelope.attachments).toHaveLength(1);
    expect(envelope.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null });
    expect(card).toMatchObject({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4' });
    expect(elements[0]).toMatchObject({ type: 'TextBlock', text: 'Call booked', weight: 'Bolder' });
  });

  it('shows every fact as label and value, the value in a TextRun (no Markdown)', () => {
    const facts = elements.filter((e) => e.type === 'RichTextBlock').map((e) => {
      expect(e.inlines!.every((run) => run.type === 'TextRun')).toBe(true);
      return [e.inlines![0]!.text.replace(/: $/, ''), e.inlines![1]!.text];
    });
    expect(facts).toEqual(BOOKING_FACTS);
    // No Markdown-rendering element carries anything a visitor wrote.
    const markdownTexts = elements.filter((e) => e.type === 'TextBlock').map((e) => e.text!);
    for (const text of markdownTexts) for (const userText of ['Ada', 'Acme', '*bold*', '[link]', 'evil.example']) expect(text).not.toContain(userText);
  });

  it('links the manage page, as Markdown this site wrote and as a button', () => {
    expect(elements.at(-1)).toEqual({ type: 'TextBlock', text: `[Manage the booking](${MANAGE})`, wrap: true });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Manage the booking', url: MANAGE }]);
  });

  it('shows a link target Markdown could misread as text instead', () => {
    const odd = teamsBody(stored({ ...booking, manageUrl: 'https://site.test/m?a=(1)' } as OperatorEvent)).attachments[0]!.content.body as Element[];
    expect(odd.at(-1)).toEqual({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Manage the booking: ', weight: 'Bolder' }, { type: 'TextRun', text: 'https://site.test/m?a=(1)' }] });
  });
});

describe('plain JSON body', () => {
  it('carries the id, type, time, the readable text and the event fields', () => {
    const body = jsonBody(stored(booking));
    expect(body).toEqual({
      id: 'webhook:k1',
      type: 'booking.created',
      occurredAt: '2026-03-09T08:00:00.000Z',
      text: ['Call booked', ...BOOKING_FACTS.map(([label, value]) => `${label}: ${value}`), `Manage the booking: ${MANAGE}`].join('\n'),
      data: { booking: (booking as { booking: unknown }).booking, source: (booking as { source: unknown }).source, manageUrl: MANAGE },
    });
    expect(JSON.parse(webhookBody('json', stored(booking)))).toEqual(body);
  });

  it('is what webhookBody sends for each flavour', () => {
    expect(JSON.parse(webhookBody('slack', stored(booking)))).toEqual(slackBody(stored(booking)));
    expect(JSON.parse(webhookBody('teams', stored(booking)))).toEqual(teamsBody(stored(booking)));
  });
});
