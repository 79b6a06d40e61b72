// Facts only the company can give. The site states nothing it has not been told: each value below is
// set by the owner, here and nowhere else, and a null means the pages and emails say nothing about it
// (no price, no promised reply time, no newsletter schedule). README: "Company facts".

export interface CompanyFacts {
  /** Where people write to us: shown on the site, in the booking page's fallback and in the footer. */
  contactEmail: string;
  /** The 20-minute audit's price as it should be stated ("Free", "€150"), or null to name no price. */
  auditPrice: string | null;
  /** How soon an email gets an answer ("within one working day"), or null to promise nothing. */
  replyTime: string | null;
  /** How often the newsletter goes out ("every two weeks"), or null to name no schedule. */
  newsletterCadence: string | null;
}

export const company: CompanyFacts = {
  // A placeholder domain until the owner sets the real address.
  contactEmail: 'hello@aioperator.example',
  auditPrice: null,
  replyTime: null,
  newsletterCadence: null,
};
