// A booked call as the bookings table holds it, read back (find-booking.ts), and what the operator marks
// after it. Types only, below the booking steps (create-booking.ts and its siblings) and the booking
// emails (../mail/templates/booking.ts) that both need them.
import type { Area } from '../../../src/lib/readiness/areas.ts';
import type { LeadSource } from '../../../src/lib/leads/source.ts';

export type BookingStatus = 'confirmed' | 'cancelled';

export interface Booking {
  id: string;
  uid: string;
  status: BookingStatus;
  start: string;
  end: string;
  sequence: number;
  name: string;
  email: string;
  company: string;
  companySize: string;
  area: Area;
  goal: string;
  timeZone: string;
  context: { scenario?: string; readiness?: unknown } | null;
  /** Where the lead came from (the page, the referring site, the utm_* values). */
  source: LeadSource;
  /** What the operator marked after the call; null until then. */
  outcome: CallOutcome | null;
}

export type CallOutcome = 'held' | 'no-show';
