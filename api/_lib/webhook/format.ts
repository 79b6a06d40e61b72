// The bodies posted to OPERATOR_WEBHOOK_URL, built from a stored event at delivery (pure: no I/O).
// The event's readable summary (a title, facts, an optional note and link: ../operator/summary.ts, which
// the operator's alert emails render too) written three ways:
//  - Slack incoming webhooks: `text` (the notification and fallback) plus Block Kit `blocks`, both
//    mrkdwn; every value escaped (&, <, >), so a name like `<!here>` or `<https://x|y>` is shown, not
//    turned into a mention or a link.
//  - Teams Workflows: an Adaptive Card in a `message` envelope. TextBlocks and FactSets render a
//    Markdown subset (and Teams clients disagree on backslash escapes), so every value that comes from
//    a visitor or another server sits in a RichTextBlock TextRun, which renders no Markdown at all.
//  - Anything else: plain JSON { id, type, occurredAt, text, data }, signed by send.ts.
// The facts are written by this site; the values are not, so each is cut to one line of bounded length.
import { oneLine, summarize, type Summary } from '../operator/summary.ts';
import type { OperatorEvent, StoredWebhook } from '../operator/events.ts';
import type { WebhookFlavour } from './target.ts';

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
