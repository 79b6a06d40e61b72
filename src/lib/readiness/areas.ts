// The areas a workflow can sit in: shared by the readiness check, the booking form and the API, in a
// module of its own so the booking page does not carry the whole readiness schema.
//
// The site names four service areas (sales, RevOps and CRM, documents, customer success), and the
// forms offer those four. An earlier version offered CRM and RevOps as two choices, so stored bookings
// (bookings.area) and saved wizard answers may hold 'revops': it stays a valid value, read and labelled
// as the same area as 'crm'. Never remove a value from AREAS.

/** Every value the API accepts and the database and the browser may hold. */
export const AREAS = ['sales', 'customer-success', 'documents', 'crm', 'revops'] as const;
/** One of AREAS. */
export type Area = (typeof AREAS)[number];

/** The four service areas the wizard and the booking form offer, in the order of the service pages. */
export const OFFERED_AREAS = ['sales', 'crm', 'documents', 'customer-success'] as const satisfies readonly Area[];
/** One of OFFERED_AREAS. */
export type OfferedArea = (typeof OFFERED_AREAS)[number];

/** Each area as the forms, emails, chat messages and reports show it; 'revops' reads as its area. */
export const AREA_LABELS: Record<Area, string> = {
  sales: 'Sales',
  'customer-success': 'Customer success',
  documents: 'Documents',
  crm: 'RevOps and CRM',
  revops: 'RevOps and CRM',
};

/** True for one of AREAS: for values from a request or the browser's storage. */
export const isArea = (value: unknown): value is Area => typeof value === 'string' && (AREAS as readonly string[]).includes(value);

/** The offered area a stored value belongs to ('revops' is 'crm'), so a form pre-fills a choice it shows. */
export const offeredArea = (area: Area): OfferedArea => (area === 'revops' ? 'crm' : area);
