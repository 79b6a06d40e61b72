// GET /api/slots?from=YYYY-MM-DD&to=YYYY-MM-DD&tz=IANA: the free times for the visitor's local dates
// from..to, as UTC instants, with the operator's zone to show beside them. Calls, other visitors'
// unexpired holds and the operator's own busy times (their calendar feeds) are busy; `hold=<id>` shows
// the asker's own hold as free. Stores nothing the visitor sees (a stale feed copy may be refreshed);
// cacheable for a few seconds (a slot taken meanwhile is caught when it is held or booked, with alternatives).
import { apiContext } from './_lib/runtime/context.ts';
import { nextFreeSlots } from './_lib/booking/free-slots.ts';
import { occupiedTimes } from './_lib/booking/occupied-times.ts';
import { freshenFeeds } from './_lib/calendar/refresh.ts';
import { HttpError, handle, refusedPayload } from './_lib/http/request-guards.ts';
import { MAX_SLOT_RANGE_DAYS, slotsQuerySchema, type SlotsResponse } from '../src/lib/booking/request.ts';
import { availableSlots, localDatesToWindow } from '../src/lib/booking/slots.ts';
import { DAY_MS } from '../src/lib/time/durations.ts';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const ctx = await apiContext();
    const params = new URL(request.url).searchParams;
    const parsed = slotsQuerySchema.safeParse({ from: params.get('from') ?? '', to: params.get('to') ?? '', tz: params.get('tz') ?? '', hold: params.get('hold') ?? undefined });
    if (!parsed.success) throw refusedPayload(400, 'invalid_query', parsed.error.issues, 'Check the query.');
    const { from, to, tz, hold } = parsed.data;
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days < 1) throw new HttpError(400, 'invalid_query', 'to must be on or after from.', { to: 'to must be on or after from.' });
    if (days > MAX_SLOT_RANGE_DAYS) throw new HttpError(400, 'invalid_query', `Ask for at most ${MAX_SLOT_RANGE_DAYS} days at a time.`, { to: `at most ${MAX_SLOT_RANGE_DAYS} days after from` });

    const rules = ctx.config.booking;
    const now = new Date();
    // A stale copy of the operator's calendar is refreshed behind this answer (waited for only while a feed has never loaded).
    await freshenFeeds(ctx, { maxAgeMs: ctx.config.busyFeedTtlSeconds * 1000, wait: 'if-never-loaded', now });
    const window = localDatesToWindow(from, to, tz);
    const { calls, busy } = await occupiedTimes(ctx.db, ctx.config, window.from, window.to, now, { holdId: hold }, true);
    const slots = availableSlots(rules, window, now.toISOString(), calls, busy);
    // Nothing in the range: name the next free time, so the page can say when to look.
    const next = slots.length === 0 ? ((await nextFreeSlots(ctx, now, now.toISOString(), 1, rules.horizonDays, { holdId: hold }))[0] ?? null) : undefined;
    const body: SlotsResponse = { timeZone: rules.timeZone, horizonDays: rules.horizonDays, slots, ...(next !== undefined ? { next } : {}) };
    return Response.json(body, { headers: { 'Cache-Control': 'public, max-age=5, s-maxage=5' } });
  });
}
