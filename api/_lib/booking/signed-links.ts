// A call's signed links: the visitor's manage page and invite download, and the operator's Held and
// No-show links. Each works until a week after the call it was made for; one helper (secondsUntilAfter)
// gives every link its lifetime.
import type { ApiContext } from '../runtime/context.ts';
import { createToken } from '../signing/tokens.ts';
import type { Booking } from './record.ts';
import { routes } from '../../../src/config/site.ts';
import { DAY_MS } from '../../../src/lib/time/durations.ts';

/** The operator's Held and No-show links work from the call's start until a week after it. */
export const OUTCOME_LINK_GRACE_MS = 7 * DAY_MS;
/** A manage link works until a week after the call it was sent for. */
const MANAGE_LINK_GRACE_MS = 7 * DAY_MS;
/** A signed link's lifetime in seconds from `now`: until `graceMs` after the call's end. */
const secondsUntilAfter = (end: string, graceMs: number, now: Date) => Math.ceil((Date.parse(end) + graceMs - now.getTime()) / 1000);

/** The manage page's address for a `booking-manage` token (the emails' link, and the URL of the invite downloaded with it). */
export const manageUrlOf = (ctx: ApiContext, token: string) => `${ctx.config.siteUrl}${routes.bookingManage}?token=${token}`;

/**
 * The visitor's signed links for a call: the manage page, and the invite download. The token only
 * shows the call; it works until a week after the call it was made for.
 */
export function manageLinks(ctx: ApiContext, booking: Pick<Booking, 'id' | 'end'>, now: Date): { manageUrl: string; icsPath: string } {
  const token = createToken(ctx.secret, 'booking-manage', booking.id, secondsUntilAfter(booking.end, MANAGE_LINK_GRACE_MS, now), now.getTime());
  return { manageUrl: manageUrlOf(ctx, token), icsPath: `${routes.bookingInviteApi}?token=${token}` };
}

/**
 * The calendar download the booking answer gives the browser. Not the manage token: that one moves and
 * cancels, and whoever books with someone else's address must not be able to, or they could book, move
 * three times and cancel, again and again, mailing that address each time. The inbox owner gets the
 * manage link by email.
 */
export function inviteOnlyPath(ctx: ApiContext, booking: Pick<Booking, 'id' | 'end'>, now: Date): string {
  const token = createToken(ctx.secret, 'booking-invite', booking.id, secondsUntilAfter(booking.end, MANAGE_LINK_GRACE_MS, now), now.getTime());
  return `${routes.bookingInviteApi}?token=${token}`;
}

/** The operator's signed links to record whether the call was held; they work until a week after the call. */
export function outcomeLinks(ctx: ApiContext, booking: Pick<Booking, 'id' | 'end'>, now: Date): { held: string; noShow: string } {
  const seconds = secondsUntilAfter(booking.end, OUTCOME_LINK_GRACE_MS, now);
  const link = (purpose: 'booking-held' | 'booking-no-show', path: string) => `${ctx.config.siteUrl}${path}?token=${createToken(ctx.secret, purpose, booking.id, seconds, now.getTime())}`;
  return { held: link('booking-held', routes.bookingHeldApi), noShow: link('booking-no-show', routes.bookingNoShowApi) };
}
