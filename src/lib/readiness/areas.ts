// The five areas a workflow can sit in: shared by the readiness check, the booking form and the API,
// in a module of its own so the booking page does not carry the whole readiness schema.

/** The areas, in the order the wizard and the booking form offer them. */
export const AREAS = ['sales', 'customer-success', 'documents', 'crm', 'revops'] as const;
/** One of AREAS. */
export type Area = (typeof AREAS)[number];

/** Each area as the forms and emails show it. */
export const AREA_LABELS: Record<Area, string> = {
  sales: 'Sales',
  'customer-success': 'Customer success',
  documents: 'Documents',
  crm: 'CRM',
  revops: 'RevOps',
};

/** True for one of AREAS: for values from a request or the browser's storage. */
export const isArea = (value: unknown): value is Area => typeof value === 'string' && (AREAS as readonly string[]).includes(value);
