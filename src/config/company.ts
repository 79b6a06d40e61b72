// Facts only the company can give. The site states nothing it has not been told: each value below is
// set by the owner, here and nowhere else, and a null (or an empty list) means the pages and emails say
// nothing about it (no price, no promised reply time, no names). README: "Company facts".
//
// Three facts are required before the site goes live: `contactEmail`, `legalName` and `meetingUrl`. A
// production build (VERCEL_ENV=production) stops and names each one that is still a placeholder (an
// empty value, or an address on a reserved example domain such as aioperator.example): the privacy page
// must say who is responsible for visitors' data and how to reach them, and a booked visitor must know
// how to join the call. The rule: src/lib/company/placeholders.ts.

export interface Person {
  name: string;
  /** What they do for a client ("Runs the audits and the builds"). */
  role: string;
  /** One line of background, in their own words. */
  background: string;
  /** A square photo in public/, as a site path ("/people/jane-doe.jpg"); without one, no picture is shown. */
  photo?: string;
}

/** Prices as they should be stated ("Free", "€150", "from €6,000", "€900 a month"); null names no price. */
export interface Pricing {
  /** The 20-minute workflow audit. */
  audit: string | null;
  /** A 30-day build of one workflow: a price or a "from" figure. */
  build: string | null;
  /** Looking after a workflow after its review (until the review it is part of the build). */
  upkeep: string | null;
}

/**
 * What the company commits to about an engagement, in one or two of its own sentences, each shown on
 * /how-we-work after a bold label. Null: the page states nothing and lists it among the questions to
 * raise on the audit call.
 */
export interface EngagementTerms {
  /** After "After the audit call:": what the client receives in writing, and when. */
  afterAudit: string | null;
  /** After "Who owns what the build creates:": the automations, prompts, accounts and documents. */
  ownership: string | null;
  /** After "If you stop before the review or end the upkeep later:": notice, handover, what keeps running. */
  ifYouStop: string | null;
}

export interface CompanyFacts {
  /** The registered name of the business (with its legal form), named on the privacy page as responsible for the data. Required in production. */
  legalName: string;
  /** Where people write to us: footer, privacy page, booking page fallback. Required in production. */
  contactEmail: string;
  /**
   * The video-call link every audit call is held on (a fixed room: Google Meet, Zoom, Teams…), https.
   * In the visitor's confirmation, reminders and invites, and every calendar entry. Required in production.
   */
  meetingUrl: string;
  /** The registered postal address, lines separated by "\n", shown on the privacy and about pages; null shows none. */
  postalAddress: string | null;
  /** The people a client works with, shown on the about page; empty: the page describes the company only. */
  people: Person[];
  pricing: Pricing;
  engagement: EngagementTerms;
  /** How soon an email gets an answer ("within one working day"), or null to promise nothing. */
  replyTime: string | null;
  /** How often the newsletter goes out ("every two weeks"), or null to name no schedule. */
  newsletterCadence: string | null;
  /** The by-line of articles that name no author of their own. */
  byline: string;
}

export const company: CompanyFacts = {
  // Empty until the owner sets it. Locally the pages name the trade name (site.name) in its place.
  legalName: '',
  // A placeholder domain until the owner sets the real address.
  contactEmail: 'hello@aioperator.example',
  // A placeholder room until the owner sets the real one.
  meetingUrl: 'https://meet.aioperator.example/workflow-audit',
  postalAddress: null,
  people: [],
  pricing: { audit: null, build: null, upkeep: null },
  engagement: { afterAudit: null, ownership: null, ifYouStop: null },
  replyTime: null,
  newsletterCadence: null,
  byline: 'AI Operator team',
};
