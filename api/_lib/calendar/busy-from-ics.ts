// One calendar feed's text -> the spans of time it marks busy inside the booking horizon. node-ical
// (pinned: regressions were reported in 0.23.1 and 0.26.0) parses the file, resolves TZIDs (IANA as
// Google writes them, Windows names with a VTIMEZONE as Outlook writes them) and expands recurrences
// with EXDATE and RECURRENCE-ID; this module only decides what blocks a call, and keeps nothing of an
// event but its start, its end and its UID (titles and descriptions are never read; attendees only for
// the operator's own reply, since Google's feed keeps the meetings its owner declined).
//
// node-ical builds two kinds of Date from the process's own zone, so they are read back here by their
// local fields, which makes the result the same whatever TZ the server runs in:
//   - DATE values (all-day events) are local midnights: their calendar dates become whole days in the
//     operator's zone;
//   - floating times (no TZID, no Z) are local wall times: they are read as the operator's wall time.
//     A floating series is expanded by plain elapsed time from its first start (24 h a day, whatever
//     the process's clock changes), so an occurrence's wall time is the first one's plus that offset.
import ical, { type VEvent } from 'node-ical';
import { Temporal } from 'temporal-polyfill';
import { isEmailAddress } from '../../../src/lib/booking/request.ts';
import { DAY_MS } from '../../../src/lib/time/durations.ts';
import { occurrenceBound } from './recurrence-bound.ts';

export interface FeedBusy {
  /** Busy spans in epoch ms, with the UID of the event each came from (to drop our own bookings). */
  spans: { start: number; end: number; uid: string }[];
  /** VEVENTs in the file, recurring series counted once. */
  events: number;
  /** What was cut off or skipped, for the operator's report: never an event's title or details. */
  warnings: string[];
}

export interface BusyOptions {
  /** The window to expand, epoch ms: [from, to). Nothing outside it is expanded or kept. */
  from: number;
  to: number;
  /** The operator's IANA zone: all-day events block its days, floating times are read in it. */
  timeZone: string;
  /** At most this many spans: past the last one kept, the window is treated as busy, with a warning. */
  maxSpans: number;
  /**
   * Whose calendar it is: a meeting its owner declined blocks nothing (Google's feed keeps declined
   * invitations, and an outsider's invitation, declined, must not close a bookable day). The owner is
   * the address the feed's URL names, else the calendar's name when it is an address (as Google names a
   * primary calendar), else the configured one (OPERATOR_EMAIL): one address, never several, so another
   * guest's decline never frees the owner's time.
   */
  owner?: { fromUrl?: string; configured?: string };
}

/**
 * The starts a feed's repeating events may give, summed from their rules' bounds before any is expanded:
 * a few hundred real series stay far below it, and 30,000 starts took 0.4 s to expand here.
 */
export const EXPANSION_BUDGET = 40_000;

export class FeedFormatError extends Error {
  override readonly name = 'FeedFormatError';
}

type Instance = ReturnType<typeof ical.expandRecurringEvent>[number];

const day = (date: Date) => ({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });

/** The first instant of a local calendar date in `timeZone`. */
const dayStartIn = (date: Date, timeZone: string) => Temporal.PlainDate.from(day(date)).toZonedDateTime({ timeZone }).epochMilliseconds;

/** The wall time a Date built from local fields stands for. */
const wallTime = (date: Date) => Temporal.PlainDateTime.from({ ...day(date), hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds() });
const inZone = (wall: Temporal.PlainDateTime, timeZone: string) => wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;

const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());
const hasZone = (date: Date) => typeof (date as Date & { tz?: string }).tz === 'string';

type Attendee = { params?: { PARTSTAT?: unknown }; val?: unknown } | string;

/** Whether `owner` (lower case) declined the event: listed as an ATTENDEE, and every such entry PARTSTAT=DECLINED. */
function declinedByOwner(attendees: Attendee | Attendee[] | undefined, owner: string | null): boolean {
  if (owner === null || attendees === undefined) return false;
  const entries = (Array.isArray(attendees) ? attendees : [attendees]).filter(
    (attendee): attendee is Exclude<Attendee, string> => typeof attendee === 'object' && attendee !== null && String(attendee.val ?? '').replace(/^mailto:/i, '').trim().toLowerCase() === owner,
  );
  return entries.length > 0 && entries.every((attendee) => String(attendee.params?.PARTSTAT ?? '').toUpperCase() === 'DECLINED');
}

/**
 * What the instance's own VEVENT says (an override's, else the series'): free, cancelled and declined by
 * the operator block nothing. A meeting the operator has not answered yet still does, as in Google's own
 * free/busy.
 */
function blocksTime(instance: Instance, series: VEvent, owner: string | null): boolean {
  const own = instance.event as (Partial<VEvent> & { attendee?: Attendee | Attendee[] }) | undefined;
  const status = String(own?.status ?? series.status ?? '').toUpperCase();
  const transparency = String(own?.transparency ?? series.transparency ?? '').toUpperCase();
  const attendees = own?.attendee ?? (series as VEvent & { attendee?: Attendee | Attendee[] }).attendee;
  return status !== 'CANCELLED' && transparency !== 'TRANSPARENT' && !declinedByOwner(attendees, owner);
}

/** The calendar's name when it is an address (Google names a primary calendar by its owner's). */
function calendarOwner(components: Record<string, unknown>): string | null {
  const calendar = components.vcalendar as { 'WR-CALNAME'?: unknown } | undefined;
  const name = typeof calendar?.['WR-CALNAME'] === 'string' ? calendar['WR-CALNAME'].trim().toLowerCase() : '';
  return isEmailAddress(name) ? name : null;
}

/** The instance as epoch ms in real time, or null when node-ical could not read its times. */
function spanOf(instance: Instance, series: VEvent, timeZone: string): { start: number; end: number } | null {
  const { start, end } = instance;
  if (!isValidDate(start) || !isValidDate(end)) return null;
  if (instance.isFullDay) return { start: dayStartIn(start, timeZone), end: dayStartIn(end, timeZone) };
  if (!hasZone(start)) {
    // An override carries its own wall time; a generated occurrence is the series' first wall time plus elapsed time.
    const first = series.start as unknown;
    const wall = instance.isOverride || !isValidDate(first) ? wallTime(start) : wallTime(first).add({ milliseconds: start.getTime() - first.getTime() });
    const from = inZone(wall, timeZone);
    return { start: from, end: from + (end.getTime() - start.getTime()) };
  }
  return { start: start.getTime(), end: end.getTime() };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Parses a feed and returns its busy spans in [from, to), clipped to it. Throws FeedFormatError when
 * the text is not an iCalendar file at all (an HTML error page, say), so the caller keeps its last copy.
 */
export function busyFromIcs(text: string, options: BusyOptions): FeedBusy {
  if (!/^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text)) throw new FeedFormatError('the answer is not an iCalendar file (it does not start with BEGIN:VCALENDAR)');
  let components: ReturnType<typeof ical.sync.parseICS>;
  try {
    components = ical.sync.parseICS(text);
  } catch (error) {
    throw new FeedFormatError(`the iCalendar file could not be read: ${(error as Error).message.slice(0, 200)}`);
  }
  const { from, to, timeZone, maxSpans } = options;
  const owner = (options.owner?.fromUrl ?? calendarOwner(components) ?? options.owner?.configured)?.trim().toLowerCase() ?? null;
  // Whole days either side: node-ical compares all-day events by local date, which may lie a day off the operator's.
  const range = { from: new Date(from - DAY_MS), to: new Date(to + DAY_MS), expandOngoing: true };
  const spans: FeedBusy['spans'] = [];
  const warnings: string[] = [];
  let events = 0;
  let unreadable = 0;
  const windowDays = (range.to.getTime() - range.from.getTime()) / DAY_MS;
  let expansionLeft = EXPANSION_BUDGET;
  for (const component of Object.values(components)) {
    if (component?.type !== 'VEVENT') continue;
    const event = component as VEvent;
    events++;
    if (!isValidDate(event.start)) {
      unreadable++;
      continue;
    }
    if (event.rrule) {
      // A series past what is left of the budget is never expanded: a rule that repeats every second
      // would hold the server for seconds. It blocks nothing, so nobody can empty the operator's week with
      // one invitation; the operator's report shows the warning.
      const bound = occurrenceBound(event.rrule.options, windowDays);
      if (bound > expansionLeft) {
        warnings.push(`a repeating event starting ${isoDay(event.start.getTime())} could start ${Number.isFinite(bound) ? `up to ${bound}` : 'countless'} times in the booking horizon, more than the ${expansionLeft} left to read; it blocks nothing`);
        continue;
      }
      expansionLeft -= bound;
    }
    let instances: Instance[];
    try {
      instances = ical.expandRecurringEvent(event, range);
    } catch (error) {
      // rrule-temporal refuses rules that would need too many steps (a MINUTELY rule from years ago, say).
      warnings.push(`a repeating event starting ${isoDay(event.start.getTime())} could not be expanded (${(error as Error).message.slice(0, 120)}); it blocks nothing`);
      continue;
    }
    for (const instance of instances) {
      if (!blocksTime(instance, event, owner)) continue;
      const span = spanOf(instance, event, timeZone);
      if (!span) {
        unreadable++;
        continue;
      }
      const start = Math.max(span.start, from);
      const end = Math.min(span.end, to);
      if (span.end < from || span.start >= to || end < start) continue;
      spans.push({ start, end, uid: String(event.uid ?? '') });
    }
  }
  if (unreadable > 0) warnings.push(`${unreadable} event(s) had a start or end that is not a date; they block nothing`);
  if (spans.length > maxSpans) {
    // What lies past the cut is unknown, so it is busy: a wrong "busy" costs a lead a later time, a
    // wrong "free" double-books the operator.
    spans.sort((a, b) => a.start - b.start);
    const cut = spans[maxSpans - 1]!.start;
    warnings.push(`${spans.length} busy times in the booking horizon, more than the ${maxSpans} read; from ${isoDay(cut)} on, every time counts as busy until the feed has fewer`);
    spans.length = maxSpans - 1;
    spans.push({ start: cut, end: to, uid: '' });
  }
  return { spans, events, warnings };
}
