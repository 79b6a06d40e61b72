// How often a booked call may change: the presses of its signed actions (move, cancel) one client may
// make in an hour (the moves one call may make in a day are MOVES_PER_DAY in src/config/booking.ts).
import type { ApiContext } from '../runtime/context.ts';
import { routes } from '../../../src/config/site.ts';

/** Presses of a booking's signed actions (move, cancel) one client may make in an hour, and where a person lands past them. */
export const BOOKING_CHANGE_LIMIT = { name: 'booking-change', perHour: (ctx: ApiContext) => ctx.config.bookingRateLimit, redirect: routes.bookingTooManyChanges };
