// OPERATOR_WEBHOOK_URL: where the operator's messages are posted, and in which shape; with the secret,
// the settings ../runtime/config.ts checks and send.ts posts with. The URL is a secret (whoever has a Slack or
// Teams webhook URL can post into that channel), so no message here ever repeats it: errors name the
// variable only.
import { isLoopbackHost } from '../http/loopback-host.ts';

/**
 * How a receiver wants its messages: Slack's incoming-webhook JSON (`text` + `blocks`), an Adaptive
 * Card in a Teams "Workflows" envelope, or plain JSON signed with OPERATOR_WEBHOOK_SECRET.
 */
export type WebhookFlavour = 'slack' | 'teams' | 'json';

/** OPERATOR_WEBHOOK_URL and OPERATOR_WEBHOOK_SECRET, checked (../runtime/config.ts). */
export interface WebhookSettings {
  url: string;
  flavour: WebhookFlavour;
  /** Required for the json flavour (../runtime/config.ts refuses to start without it). */
  secret: string | undefined;
}

/** Slack's incoming webhooks (https://hooks.slack.com/services/…), and GovSlack's. */
const SLACK_HOSTS = new Set(['hooks.slack.com', 'hooks.slack-gov.com']);
/**
 * Teams Workflows ("When a Teams webhook request is received"): older flows post to
 * https://prod-NN.<region>.logic.azure.com:443/workflows/…, newer ones (and every flow since Microsoft
 * moved the trigger URLs in late 2025) to https://<id>.<nn>.environment.api.powerplatform.com:443/powerautomate/….
 */
const TEAMS_HOST_SUFFIXES = ['.logic.azure.com', '.environment.api.powerplatform.com'];

/** The flavour a URL's host calls for; anything that is neither Slack nor Teams gets plain JSON. */
export function webhookFlavour(url: string | URL): WebhookFlavour {
  const host = (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase().replace(/\.$/, '');
  if (SLACK_HOSTS.has(host)) return 'slack';
  if (TEAMS_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'teams';
  return 'json';
}

/**
 * Checks OPERATOR_WEBHOOK_URL: an absolute https URL (plain http only on a loopback host, for local
 * tests) with no user name or password. Returns the URL as written; throws an Error whose message
 * says what is wrong without repeating any part of the URL.
 */
export function parseWebhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error('is not a URL: paste the whole webhook address, starting with https://');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) throw new Error('must use https:// (plain http is accepted only on a loopback address, for local tests)');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('must be an https:// URL');
  if (url.username || url.password) throw new Error('must not carry a user name or password in the URL');
  if (url.hash) throw new Error('must not have a #fragment');
  return url.href;
}
