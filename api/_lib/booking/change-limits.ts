// How often a booked call may change: the presses of its signed actions (move, cancel) one client may
// make in an hour, and the moves one call may make in a day. Both routes and the move itself read them.
import type { ApiContext } from '../runtime/context.ts';
import { routes } from '../../../src/config/site.ts';

/** The call has moved as often as a day allows (each move emails both sides). */
export const MOVES_PER_DAY = 3;

/** Presses of a booking's signed actions (move, cancel) one client may make in an hour, and where a person lands past them. */
export const BOOKING_CHANGE_LIMIT = { name: 'booking-change', perHour: (ctx: ApiContext) => ctx.config.bookingRateLimit, redirect: routes.bookingTooManyChanges };
