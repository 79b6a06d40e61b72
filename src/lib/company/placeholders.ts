// Which of the company's required facts are still placeholders, and the production build's guard. The
// site must not go live naming a made-up address or no one at all as responsible for visitors' data, or
// booking calls nobody knows how to join.
// The same address rule checks MAIL_FROM when a function starts in production (api/_lib/runtime/config.ts).
import type { CompanyFacts } from '../../config/company.ts';

/** The facts a production build cannot go without. */
export type RequiredFacts = Pick<CompanyFacts, 'contactEmail' | 'legalName' | 'meetingUrl'>;

/** The file a deployer edits; every message names it. */
export const COMPANY_FACTS_FILE = 'src/config/company.ts';

/** Top-level names reserved for tests and examples (RFC 2606, RFC 6761): no mail reaches them. */
const RESERVED_TLDS = ['example', 'invalid', 'test', 'localhost'];
/** Second-level names reserved for documentation (RFC 2606). */
const EXAMPLE_DOMAINS = ['example.com', 'example.net', 'example.org'];

/**
 * Why a domain is a placeholder ("is on a reserved .test domain, <whatFails>", "is on example.com, a
 * domain reserved for examples"), or null: one rule for addresses and links.
 */
function placeholderDomainReason(name: string, whatFails: string): string | null {
  const domain = name.toLowerCase().replace(/\.$/, '');
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (RESERVED_TLDS.includes(tld)) return `is on a reserved .${tld} domain, ${whatFails}`;
  const example = EXAMPLE_DOMAINS.find((known) => domain === known || domain.endsWith(`.${known}`));
  return example ? `is on ${example}, a domain reserved for examples` : null;
}

/** The address inside a sender such as `AI Operator <hello@aioperator.com>`, or the value itself. */
export function mailboxAddress(value: string): string {
  return (/<([^<>]*)>\s*$/.exec(value)?.[1] ?? value).trim();
}

/** Why an address is a placeholder ("is empty", "… is on a domain reserved for examples"), or null when it is a real one. */
export function emailPlaceholderReason(address: string): string | null {
  const value = address.trim();
  if (value === '') return 'is empty';
  const at = value.lastIndexOf('@');
  if (at < 1 || at === value.length - 1) return `"${value}" is not an email address`;
  const reason = placeholderDomainReason(value.slice(at + 1), 'which receives no mail');
  return reason && `"${value}" ${reason}`;
}

export function isPlaceholderEmail(address: string): boolean {
  return emailPlaceholderReason(address) !== null;
}

/** Why a link is a placeholder (empty, not https, on a reserved or example domain), or null when it is a real one. */
export function urlPlaceholderReason(url: string): string | null {
  const value = url.trim();
  if (value === '') return 'is empty';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `"${value}" is not a link`;
  }
  if (parsed.protocol !== 'https:') return `"${value}" is not an https link`;
  const reason = placeholderDomainReason(parsed.hostname, 'which nobody can join');
  return reason && `"${value}" ${reason}`;
}

/** Each required fact that is still a placeholder, named by its field in src/config/company.ts; empty when all are real. */
export function placeholderFacts(facts: RequiredFacts): string[] {
  const found: string[] = [];
  const email = emailPlaceholderReason(facts.contactEmail);
  if (email) found.push(`contactEmail ${email}: set the address people write to (footer, privacy page, booking page)`);
  if (facts.legalName.trim() === '') found.push('legalName is empty: set the registered name of the business, which the privacy page names as responsible for visitors\' data');
  const meeting = urlPlaceholderReason(facts.meetingUrl);
  if (meeting) found.push(`meetingUrl ${meeting}: set the video-call link the audit calls are held on (confirmation email, reminders, calendar invites)`);
  return found;
}

/**
 * The production build's guard: the message a Vercel production build (VERCEL_ENV=production) stops
 * with while a required fact is a placeholder, or null when the build may go on. Other builds (local,
 * preview) are never stopped: they show the placeholders as they are. Nothing else turns it off.
 */
export function productionFactsProblem(env: Record<string, string | undefined>, facts: RequiredFacts): string | null {
  if (env.VERCEL_ENV !== 'production') return null;
  const found = placeholderFacts(facts);
  if (found.length === 0) return null;
  return `A production build needs the company's real facts, and ${COMPANY_FACTS_FILE} still has placeholders:\n${found.map((line) => `  - ${line}`).join('\n')}\nSet them in ${COMPANY_FACTS_FILE} (README: "Company facts") and deploy again.`;
}
