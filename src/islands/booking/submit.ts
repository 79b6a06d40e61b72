// POST /api/bookings and every answer it can give, turned into what the page does next. Nothing the
// visitor typed is lost on any of them: the form keeps its state, only this result changes.
import { SLOT_NOT_FREE_PICK_ANOTHER, type BookingCreated, type BookingRequest, type SlotTaken } from '../../lib/booking/request.ts';
import type { Slot } from './useSlots.ts';

export type SubmitResult =
  | { kind: 'booked'; created: BookingCreated }
  | { kind: 'taken'; message: string; alternatives: Slot[] }
  | { kind: 'invalid'; message: string; fields: Record<string, string> }
  /** The time itself can never be booked: it passed while the page was open, or was never offered. */
  | { kind: 'time-gone'; message: string }
  /** already_booked, too many attempts, a body too large, a server or network failure: a message to show. */
  | { kind: 'refused'; message: string };

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

export async function submitBooking(path: string, payload: BookingRequest, contactEmail: string): Promise<SubmitResult> {
  const failed = `Nothing was booked: we could not reach the booking service. Your details are still here, so try again in a moment, or email ${contactEmail}.`;
  let response: Response;
  let body: ErrorBody & Partial<BookingCreated> & Partial<SlotTaken>;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(payload) });
    body = await response.json().catch(() => ({}));
  } catch {
    return { kind: 'refused', message: failed };
  }
  if (response.status === 201 && body.booking && body.calendar) return { kind: 'booked', created: { booking: body.booking, calendar: body.calendar } };
  const code: string | undefined = body.error?.code;
  const message = body.error?.message;
  if (response.status === 409 && code === 'slot_taken') {
    return { kind: 'taken', message: message ?? SLOT_NOT_FREE_PICK_ANOTHER, alternatives: (body as SlotTaken).alternatives ?? [] };
  }
  if (response.status === 409 && message) return { kind: 'refused', message };
  // No field of the form is wrong: the page says so beside the button and fetches the times again.
  if (response.status === 422 && message && (code === 'start_passed' || code === 'start_not_offered')) return { kind: 'time-gone', message };
  if (response.status === 422) return { kind: 'invalid', message: message ?? 'Check the form and try again.', fields: body.error?.fields ?? {} };
  if (response.status === 429 && code === 'booked_from_here_today') {
    return { kind: 'refused', message: `This connection has booked as many calls today as one connection may. To book another, email ${contactEmail}. Your details are still here.` };
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    const wait = Number.isFinite(seconds) && seconds > 0 ? `in ${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}` : 'later';
    return { kind: 'refused', message: `Too many booking attempts. Try again ${wait}, or email ${contactEmail}. Your details are still here.` };
  }
  if (response.status === 413) return { kind: 'refused', message: 'The form is too long to send. Shorten what you want to fix, or leave out what you told us before, and try again.' };
  return { kind: 'refused', message: response.status >= 500 ? failed : (message ?? failed) };
}
