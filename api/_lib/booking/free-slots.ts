// Free times for a call: the next ones to offer (a 409's alternatives, the times a call can move to, the slots
// answer's next free time), and the re-check inside a write transaction that makes a stale page safe:
// a time that was free when the page loaded but is not any more is refused.
import type { Transaction } from '@libsql/client';
import type { ApiContext } from '../runtime/context.ts';
import type { Booking } from './record.ts';
import { occupiedTimes, type BusyExceptions } from './occupied-times.ts';
import { availableSlots, isBookable, type Interval } from '../../../src/lib/booking/slots.ts';
import { DAY_MS } from '../../../src/lib/time/durations.ts';
import { toIso } from '../../../src/lib/time/instants.ts';

/** The next `count` free slots from `after` on (for a 409's alternatives and the manage page). */
export async function nextFreeSlots(ctx: ApiContext, now: Date, after: string, count: number, withinDays = 14, except: BusyExceptions = {}): Promise<Interval[]> {
  const rules = ctx.config.booking;
  const from = toIso(Math.max(Date.parse(after), now.getTime()));
  const to = toIso(Date.parse(from) + withinDays * DAY_MS);
  const { calls, busy } = await occupiedTimes(ctx.db, ctx.config, from, to, now, except, true);
  return availableSlots(rules, { from, to }, toIso(now.getTime()), calls, busy).slice(0, count);
}

/**
 * The next `count` times a call can move to (a move's 409 alternatives, the manage page): the call does
 * not stand in its own way, and its own time is no move, so it is left out before they are counted.
 */
export async function nextMoveSlots(ctx: ApiContext, call: Pick<Booking, 'id' | 'start'>, now: Date, after: string, count: number, withinDays: number): Promise<Interval[]> {
  const free = await nextFreeSlots(ctx, now, after, count + 1, withinDays, { bookingId: call.id });
  return free.filter((slot) => Date.parse(slot.start) !== Date.parse(call.start)).slice(0, count);
}

/** Whether `start` can be booked now, read inside the caller's write transaction (the re-check that makes a stale page safe). */
export async function stillBookable(ctx: ApiContext, tx: Transaction, start: string, end: string, now: Date, except: BusyExceptions = {}): Promise<boolean> {
  const { calls, busy } = await occupiedTimes(tx, ctx.config, start, end, now, except);
  return isBookable(ctx.config.booking, start, toIso(now.getTime()), calls, busy);
}
