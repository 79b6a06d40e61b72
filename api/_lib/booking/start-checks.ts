// Whether a start can ever be booked, whatever the calendar holds: it has not passed and the hours
// offer it (on the grid). A booking, a hold and a move check it first; the routes fetch a calendar feed
// only for a start that passes.
import type { BookingRules } from '../../../src/config/booking.ts';
import { neverBookable, type NeverBookable } from '../../../src/lib/booking/slots.ts';
import { toIso } from '../../../src/lib/time/instants.ts';
import { START_NOT_OFFERED, START_PASSED } from '../../../src/lib/booking/request.ts';

/** The start can never be booked (it has passed, or the hours never offer it): the visitor's request is wrong, nobody took the time. */
export class StartNotBookableError extends Error {
  override readonly name = 'StartNotBookableError';
  /** The API's error code for it, with the message on `start` and no alternatives. */
  readonly code: 'start_passed' | 'start_not_offered';
  constructor(reason: NeverBookable) {
    super(reason === 'passed' ? START_PASSED : START_NOT_OFFERED);
    this.code = reason === 'passed' ? 'start_passed' : 'start_not_offered';
  }
}

/** Throws StartNotBookableError for a start no calendar could make bookable (a booking, a hold and a move check it first). */
export function assertStartOffered(rules: BookingRules, start: string, now: Date): void {
  const never = neverBookable(rules, start, toIso(now.getTime()));
  if (never) throw new StartNotBookableError(never);
}

/** Whether the hours offer `start` at all (not passed, on the grid): the routes fetch a calendar feed only for such a start. */
export const isStartOffered = (rules: BookingRules, start: string, now: Date): boolean => neverBookable(rules, start, toIso(now.getTime())) === null;
