// The bodies posted to OPERATOR_WEBHOOK_URL, built from a stored event at delivery (pure: no I/O).
// One readable summary (a title, facts, an optional note and link) rendered three ways:
//  - Slack incoming webhooks: `text` (the notification and fallback) plus Block Kit `blocks`, both
//    mrkdwn; every value escaped (&, <, >), so a name like `<!here>` or `<https://x|y>` is shown, not
//    turned into a mention or a link.
//  - Teams Workflows: an Adaptive Card in a `message` envelope. TextBlocks and FactSets render a
//    Markdown subset (and Teams clients disagree on backslash escapes), so every value that comes from
//    a visitor or another server sits in a RichTextBlock TextRun, which renders no Markdown at all.
//  - Anything else: plain JSON { id, type, occurredAt, text, data }, signed by send.ts.
// The facts are written by this site; the values are not, so each is cut to one line of bounded length.
import { HIDDEN_CHARACTERS } from '../../../src/lib/text/hidden-characters.ts';
import { formatCall, formatDay, formatWhen } from '../../../src/lib/booking/format.ts';
import { describeSource } from '../../../src/lib/leads/source.ts';
import { AREA_LABELS } from '../../../src/lib/readiness/areas.ts';
import type { OperatorEvent, StoredWebhook } from './operator-events.ts';
import type { WebhookFlavour } from './target.ts';

/** One line of the message: a label written here and a value that may come from anyone. */
export interface Fact {
  label: string;
  value: string;
}

export interface Summary {
  /** Written here, never holds a value. */
  title: string;
  facts: Fact[];
  /** A sentence written here. */
  note?: string;
  link?: { label: string; url: string };
}

/** Longest value shown; the rest of a runaway string is cut (the data is in the JSON flavour whole). */
const MAX_VALUE = 300;
const HIDDEN_GLOBAL = new RegExp(HIDDEN_CHARACTERS.source, 'gu');

/** One line, no hidden characters, at most MAX_VALUE characters. */
export function oneLine(value: string): string {
  const text = value.replace(HIDDEN_GLOBAL, ' ').replace(/\s+/g, ' ').trim();
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const TITLES: Record<OperatorEvent['type'], string> = {
  'booking.created': 'Call booked',
  'booking.moved': 'Call moved',
  'booking.cancelled': 'Call cancelled',
  'subscriber.confirmed': 'Newsletter subscriber confirmed',
  'calendar.feed-failing': 'Calendar feed not loading',
  'calendar.feed-recovered': 'Calendar feed loads again',
  'holds.spike': 'Many visitors are holding times',
  'delivery.failed': 'An email to a visitor could not be sent',
};

/** The message as a person reads it, times in the operator's zone (`timeZone`). */
export function summarize(event: OperatorEvent, timeZone: string): Summary {
  const title = TITLES[event.type];
  switch (event.type) {
    case 'booking.created':
    case 'booking.moved':
    case 'booking.cancelled': {
      const b = event.booking;
      const facts: Fact[] = [
        { label: 'Name', value: b.name },
        { label: 'Company', value: `${b.company} (${b.companySize} people)` },
        { label: 'Email', value: b.email },
        { label: event.type === 'booking.cancelled' ? 'Was booked for' : 'When', value: formatCall(b.start, b.end, timeZone) },
      ];
      if (event.type === 'booking.moved' && b.previousStart) {
        const previousEnd = new Date(Date.parse(b.previousStart) + Date.parse(b.end) - Date.parse(b.start)).toISOString();
        facts.push({ label: 'Moved from', value: formatCall(b.previousStart, previousEnd, timeZone) });
      }
      if (b.timeZone !== timeZone) facts.push({ label: 'Their time', value: formatCall(b.start, b.end, b.timeZone) });
      facts.push({ label: 'Area', value: AREA_LABELS[b.area] ?? b.area }, { label: 'Source', value: describeSource(event.source) });
      return { title, facts, link: { label: 'Manage the booking', url: event.manageUrl } };
    }
    case 'subscriber.confirmed':
      return {
        title,
        facts: [
          { label: 'Email', value: event.subscriber.email },
          { label: 'Source', value: describeSource({ page: event.subscriber.page, referrerHost: null, utm: event.subscriber.utm }) },
        ],
      };
    case 'calendar.feed-failing': {
      const neverLoaded = event.lastLoadedAt === null;
      return {
        title,
        facts: [
          { label: 'Feed', value: `${event.feed.label} (${event.feed.host})` },
          { label: neverLoaded ? 'First tried' : 'Failing since', value: formatWhen(event.since, timeZone) },
          ...(event.lastLoadedAt ? [{ label: 'Last good copy', value: formatWhen(event.lastLoadedAt, timeZone) }] : []),
          { label: 'Reason', value: event.reason ?? 'no reason given' },
        ],
        note: neverLoaded
          ? 'It has never loaded, so the booking page offers times without this calendar.'
          : 'Until it loads again, the booking page blocks the times from its last good copy; events added since are not seen.',
      };
    }
    case 'calendar.feed-recovered':
      return {
        title,
        facts: [
          { label: 'Feed', value: `${event.feed.label} (${event.feed.host})` },
          { label: 'Had been failing since', value: formatWhen(event.since, timeZone) },
        ],
      };
    case 'holds.spike':
      return {
        title,
        facts: [
          { label: 'Day that was full', value: formatDay(`${event.day}T12:00:00Z`, 'UTC') },
          { label: 'Held right now', value: `${event.holds} times, by ${event.clients} client addresses` },
          { label: 'Limit', value: `${event.perDay} held times a day` },
        ],
        note: 'Nobody was turned away: a visitor whose hold is refused can still book. A burst like this is often a script trying to make the calendar look full. At most one message a day.',
      };
    case 'delivery.failed': {
      const { message, booking } = event;
      const facts: Fact[] = [
        { label: 'Email', value: message.description },
        { label: 'To', value: message.to },
        { label: 'Why', value: message.error },
        { label: 'Attempts', value: String(message.attempts) },
      ];
      if (booking) facts.push({ label: 'Call', value: `${formatCall(booking.start, booking.end, timeZone)} with ${booking.name}, ${booking.company}` });
      return {
        title,
        facts,
        note: `They have not received it, and it will not be tried again. Check the sending domain (MAIL_FROM must be on a domain verified in Resend: a 403 "domain is not verified" means it is not) and RESEND_API_KEY; run \`npm run leads -- failed\` for every email that could not be sent. ${booking ? "Then write to them yourself, with the call's page below: it is their link to move or cancel the call." : 'Once it is fixed, they can sign up again.'}`,
        ...(event.manageUrl ? { link: { label: "The call's page", url: event.manageUrl } } : {}),
      };
    }
  }
}

/** The summary as plain text, one fact a line: the JSON flavour's `text`. */
export function plainText(summary: Summary): string {
  return [
    summary.title,
    ...summary.facts.map((f) => `${f.label}: ${oneLine(f.value)}`),
    ...(summary.note ? [summary.note] : []),
    ...(summary.link ? [`${summary.link.label}: ${summary.link.url}`] : []),
  ].join('\n');
}

// Slack ---------------------------------------------------------------------------------------------

/** Slack's control characters in mrkdwn text: &, < and > (and nothing else) are written as entities. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URL inside <url|label>: `|` and `>` would end it early. */
const slackUrl = (url: string) => escapeSlack(url.replace(/\|/g, '%7C'));

export function slackBody(stored: StoredWebhook): { text: string; blocks: unknown[] } {
  const summary = summarize(stored.event, stored.timeZone);
  const lines = summary.facts.map((f) => `*${escapeSlack(f.label)}:* ${escapeSlack(oneLine(f.value))}`);
  const link = summary.link ? `<${slackUrl(summary.link.url)}|${escapeSlack(summary.link.label)}>` : undefined;
  const text = [`*${escapeSlack(summary.title)}*`, ...lines, ...(link ? [link] : [])].join('\n');
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: summary.title, emoji: false } },
    // A section's text may hold 3,000 characters: ten facts of at most 300 each fit.
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
  ];
  if (summary.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(summary.note) }] });
  if (link) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: link } });
  return { text, blocks };
}

// Teams ---------------------------------------------------------------------------------------------

/**
 * A URL this site wrote may be a Markdown link target when nothing in it can end the link early (a
 * link destination is literal text, so the `_` and `-` of a base64url token are fine).
 */
const SAFE_LINK = /^https?:\/\/[^\s()[\]<>\\`*]+$/;

export function teamsBody(stored: StoredWebhook) {
  const summary = summarize(stored.event, stored.timeZone);
  const body: unknown[] = [
    { type: 'TextBlock', text: summary.title, weight: 'Bolder', size: 'Medium', wrap: true },
    // RichTextBlock and its TextRuns render no Markdown: the value is shown exactly as it is.
    ...summary.facts.map((f) => ({
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: `${f.label}: `, weight: 'Bolder' },
        { type: 'TextRun', text: oneLine(f.value) },
      ],
    })),
  ];
  if (summary.note) body.push({ type: 'TextBlock', text: summary.note, wrap: true, isSubtle: true });
  const actions: unknown[] = [];
  if (summary.link) {
    const { label, url } = summary.link;
    body.push(SAFE_LINK.test(url)
      ? { type: 'TextBlock', text: `[${label}](${url})`, wrap: true }
      : { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${label}: `, weight: 'Bolder' }, { type: 'TextRun', text: url }] });
    actions.push({ type: 'Action.OpenUrl', title: label, url });
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(actions.length ? { actions } : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}

// Plain JSON ----------------------------------------------------------------------------------------

export function jsonBody(stored: StoredWebhook): { id: string; type: OperatorEvent['type']; occurredAt: string; text: string; data: Record<string, unknown> } {
  const { type, ...data } = stored.event;
  return { id: stored.id, type, occurredAt: stored.occurredAt, text: plainText(summarize(stored.event, stored.timeZone)), data };
}

/** The exact text posted for `stored` to a receiver of `flavour`. */
export function webhookBody(flavour: WebhookFlavour, stored: StoredWebhook): string {
  const body = flavour === 'slack' ? slackBody(stored) : flavour === 'teams' ? teamsBody(stored) : jsonBody(stored);
  return JSON.stringify(body);
}
