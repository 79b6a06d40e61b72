// GET /api/calendar/bookings.ics?key=… (vercel.json rewrites the .ics address to this function): the operator's
// calendar subscription feed, every upcoming confirmed call as an event with the UID and SEQUENCE of its emailed
// invites (src/lib/booking/bookings-feed.ts builds the file). The key is OPERATOR_FEED_KEY, compared in constant
// time; a wrong or missing key, or no key configured, answers 404 (never 401 or 403), worded as the router's
// answer for an address with no route, so the feed's existence is not revealed. Rotating the key means changing
// the variable: nothing is stored. A stored call that cannot be written as an event is left out and logged by
// its id; the feed still answers 200 with every other call.
import { apiContext } from '../_lib/runtime/context.ts';
import { upcomingCalls } from '../_lib/booking/find-booking.ts';
import { HttpError, handle } from '../_lib/http/request-guards.ts';
import { sameSecret } from '../_lib/signing/tokens.ts';
import { buildBookingsFeed } from '../../src/lib/booking/bookings-feed.ts';

const FEED_HEADERS = {
  'Content-Type': 'text/calendar; charset=utf-8',
  // The feed names people: no shared cache may keep it, and no search engine may list it.
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex',
};

/**
 * The `key` parameter as written in the address. URLSearchParams reads a '+' as a space, and a key made as
 * base64 (`openssl rand -base64 32`) often has one: a calendar app given the address with the key pasted
 * as is must still get the feed, so a '+' is read as itself.
 */
const keyParameter = (search: string): string | null => new URLSearchParams(search.replaceAll('+', '%2B')).get('key');

/** True when `key` unlocks the feed: a key is configured and this is it. */
function feedKeyMatches(key: string | null, configured: string | undefined): boolean {
  if (configured === undefined || configured === '') return false;
  return sameSecret(key ?? '', configured);
}

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const url = new URL(request.url);
    if (!feedKeyMatches(keyParameter(url.search), ctx.config.operatorFeedKey)) {
      // Worded as the router's answer for an address with no route.
      throw new HttpError(404, 'not_found', `No API route at ${url.pathname}.`);
    }
    // Whole seconds, as the calls' times are stored ('…:00Z').
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const calls = await upcomingCalls(ctx.db, now);
    // Only what the feed shows: no email address (a call's own fields carry none), no id a manage link
    // could be signed for (the id stays here, for the log).
    const feed = buildBookingsFeed(calls.map(({ id: _id, ...event }) => event), now.toISOString());
    // A row that cannot be an event is left out, not the feed: the operator's other calls still show.
    // The log names the booking by id and the broken field, never who is coming.
    // The reason quotes the stored value, which a damaged row may make of any length: one line stays short.
    for (const { index, reason } of feed.skipped) console.warn(`[calendar] bookings feed left out booking ${calls[index]!.id}: ${reason.slice(0, 200)}`);
    return new Response(feed.ics, { headers: FEED_HEADERS });
  });
}
