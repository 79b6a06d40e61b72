// What the visitor typed on the details step, kept in this tab's sessionStorage until the call is
// booked: a reload, or Back and then Forward, brings it back instead of an empty form. The tab's
// storage ends with the tab. Not kept: the consent tick (asked for each booking) and the honeypot.
import { BOOKING_FIELD_MAX_LENGTH, COMPANY_SIZES, type CompanySize } from '../../lib/booking/request.ts';
import { OFFERED_AREAS, type Area } from '../../lib/readiness/areas.ts';
import type { Details } from './DetailsForm.tsx';

export const SAVED_DETAILS_KEY = 'ai-operator:booking-details:v1';

type Saved = Pick<Details, 'name' | 'email' | 'company' | 'companySize' | 'area' | 'goal'>;
const TEXT_FIELDS = { name: BOOKING_FIELD_MAX_LENGTH.name, email: BOOKING_FIELD_MAX_LENGTH.email, company: BOOKING_FIELD_MAX_LENGTH.company, goal: BOOKING_FIELD_MAX_LENGTH.goal } as const;

/** sessionStorage, or undefined where it cannot be used (storage disabled, a sandboxed frame). */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** What an earlier load of this tab saved, each value checked; whatever does not fit is left out. */
export function savedDetails(storage = tabStorage()): Partial<Saved> {
  let data: unknown;
  try {
    data = JSON.parse(storage?.getItem(SAVED_DETAILS_KEY) ?? 'null');
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const record = data as Record<string, unknown>;
  const saved: Partial<Saved> = {};
  for (const [field, max] of Object.entries(TEXT_FIELDS) as [keyof typeof TEXT_FIELDS, number][]) {
    const value = record[field];
    if (typeof value === 'string' && value !== '' && value.length <= max) saved[field] = value;
  }
  if (COMPANY_SIZES.includes(record.companySize as CompanySize)) saved.companySize = record.companySize as CompanySize;
  if ((OFFERED_AREAS as readonly string[]).includes(record.area as string)) saved.area = record.area as Area;
  return saved;
}

/** Keeps the typed fields for this tab. A full or blocked storage only means nothing is kept. */
export function saveDetails(details: Details, storage = tabStorage()): void {
  const { name, email, company, companySize, area, goal } = details;
  try {
    storage?.setItem(SAVED_DETAILS_KEY, JSON.stringify({ name, email, company, companySize, area, goal } satisfies Saved));
  } catch {
    // Nothing to do: the form itself still holds what was typed.
  }
}

/** Once the call is booked, the tab keeps nothing. */
export function forgetDetails(storage = tabStorage()): void {
  try {
    storage?.removeItem(SAVED_DETAILS_KEY);
  } catch {
    // As above.
  }
}
