// The five areas a workflow can sit in: shared by the readiness check, the booking form and the API,
// in a module of its own so the booking page does not carry the whole readiness schema.

export const AREAS = ['sales', 'customer-success', 'documents', 'crm', 'revops'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_LABELS: Record<Area, string> = {
  sales: 'Sales',
  'customer-success': 'Customer success',
  documents: 'Documents',
  crm: 'CRM',
  revops: 'RevOps',
};

export const isArea = (value: unknown): value is Area => typeof value === 'string' && (AREAS as readonly string[]).includes(value);
