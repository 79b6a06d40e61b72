// The company's facts as pages show them: each one only when the company has set it, so a page never
// carries an empty heading or a "to be announced". Pure, so the rules are unit-tested.
import type { CompanyFacts, Pricing } from '../../config/company.ts';

/** A postal address as lines: blank lines and stray spaces dropped; none when it is not set. */
export function addressLines(postalAddress: string | null): string[] {
  return (postalAddress ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
}

export interface ResponsibleParty {
  /** The legal name; the trade name stands in on local builds, where the production guard has not run. */
  name: string;
  addressLines: string[];
  email: string;
}

/** Who is responsible for visitors' data, as the privacy page names it. */
export function responsibleParty(facts: Pick<CompanyFacts, 'legalName' | 'postalAddress' | 'contactEmail'>, tradeName: string): ResponsibleParty {
  return { name: facts.legalName.trim() || tradeName, addressLines: addressLines(facts.postalAddress), email: facts.contactEmail };
}

export interface PriceLine {
  item: string;
  price: string;
}

const PRICE_ITEMS: [keyof Pricing, string][] = [
  ['audit', 'The 20-minute workflow audit'],
  ['build', 'A 30-day build of one workflow'],
  ['upkeep', 'Upkeep after the review'],
];

/** The prices the company has set, in the order an engagement meets them; empty when none is set. */
export function priceList(pricing: Pricing): PriceLine[] {
  return PRICE_ITEMS.flatMap(([key, item]) => {
    const price = pricing[key]?.trim();
    return price ? [{ item, price }] : [];
  });
}

/**
 * What a founder should settle before agreeing to a build, because the company has not stated it here:
 * one question for each unset fact about an engagement, raised at the end of the audit call. The audit's own price is not among them: by the
 * call it is too late to ask.
 */
export function questionsForTheCall(facts: Pick<CompanyFacts, 'pricing' | 'engagement'>): string[] {
  const questions: string[] = [];
  if (!facts.engagement.afterAudit) questions.push('What will we have in writing after this call?');
  if (!facts.pricing.build) questions.push('What would a 30-day build of this workflow cost?');
  if (!facts.pricing.upkeep) questions.push('What would upkeep after the review cost?');
  if (!facts.engagement.ownership) questions.push('Who owns what the build creates: the automations, the prompts and the accounts?');
  if (!facts.engagement.ifYouStop) questions.push('If we stop before the review, or end the upkeep later, what do we receive, and what keeps running?');
  return questions;
}
