// POST /api/slots/hold: keeps the picked time for the visitor while they fill in the form. Only a
// definite "taken", or a time that can never be booked (it passed while the page was open, or is not
// offered), stops the visitor; any other failure lets them go on without a hold, because the booking
// itself is checked again on the server (and answered with alternatives if the time went).
import type { SlotHeld, SlotTaken } from '../../lib/booking/request.ts';
import type { Slot } from './useSlots.ts';

export type Hold = SlotHeld['hold'];

export type HoldResult =
  | { kind: 'held'; hold: Hold }
  | { kind: 'taken'; message: string; alternatives: Slot[] }
  /** The booking's time-gone answer (submit.ts): 422 start_passed or start_not_offered, with the server's message. */
  | { kind: 'time-gone'; message: string }
  | { kind: 'unheld' };

export async function holdSlot(path: string, start: string, replaces: string | undefined): Promise<HoldResult> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ start, replaces }) });
    const body = (await response.json().catch(() => ({}))) as Partial<SlotHeld & SlotTaken>;
    if (response.status === 201 && body.hold) return { kind: 'held', hold: body.hold };
    if (response.status === 409 && body.error?.code === 'slot_taken') return { kind: 'taken', message: body.error.message, alternatives: body.alternatives ?? [] };
    const code: string | undefined = body.error?.code;
    if (response.status === 422 && body.error?.message && (code === 'start_passed' || code === 'start_not_offered')) return { kind: 'time-gone', message: body.error.message };
  } catch {
    // Unreachable: go on without a hold.
  }
  return { kind: 'unheld' };
}
