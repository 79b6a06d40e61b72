// Bookable slots for the audit call: the operator's rules (src/config/booking.ts) applied to a window of
// time, a clock, the existing bookings and the operator's own busy times (their calendar feeds). Pure,
// so the API, the booking island and the tests share it.
// Wall-clock times are turned into instants only by Temporal in the operator's zone; everything after
// that is elapsed time (epoch milliseconds, i.e. Temporal.Instant arithmetic), never wall-clock
// arithmetic, so daylight-saving changes cannot put a slot at a local time that does not exist or
// make two slots overlap.
import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type BookingRules } from '../../config/booking.ts';
import { overlapsAny, type Span } from './busy-times.ts';
import { MINUTE_MS, HOUR_MS, DAY_MS } from '../time/durations.ts';

/** A span of time as ISO 8601 UTC instants, e.g. { start: '2026-03-09T08:00:00Z', end: '2026-03-09T08:20:00Z' }. */
export interface Interval {
  start: string;
  end: string;
}

const COMPATIBLE = { disambiguation: 'compatible' } as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** '2026-03-09T08:00:00Z': UTC, whole seconds. UTC has no clock changes, so Date's UTC fields are exact, and
 * reading them is several times faster than Temporal's or Date's own ISO formatting (hundreds of slots a call). */
function isoOf(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

const UTC_FORM = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,3})?Z$/;
/** Epoch milliseconds of an ISO instant (Temporal insists on a 'Z' or an offset, so no local time slips in). */
function msOf(instant: string): number {
  // Fast path for the plain UTC form this module returns (the polyfill's parser costs ~10 µs, a lot for 200
  // booking times). Date.parse rolls 02-30 over to 03-02 and reads 24:00 as the next day: the round trip
  // catches that, and everything else goes to Temporal, which also rejects what is not an instant.
  const match = UTC_FORM.exec(instant);
  if (match) {
    const ms = Date.parse(instant);
    if (isoOf(ms) === `${match[1]}Z`) return ms;
  }
  return Temporal.Instant.from(instant).epochMilliseconds;
}

/** The operator-local calendar date an instant falls on. */
const operatorPlainDate = (rules: BookingRules, ms: number): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(rules.timeZone).toPlainDate();

// The polyfill spends ~10 µs on each wall-time → instant conversion, most of a 62-day computation, and
// every visitor asks about the same few weeks: conversions are remembered (bounded, then started afresh).
const remembered = new Map<string, number>();
function remember(key: string, compute: () => number): number {
  let ms = remembered.get(key);
  if (ms === undefined) {
    if (remembered.size >= 10_000) remembered.clear();
    ms = compute();
    remembered.set(key, ms);
  }
  return ms;
}

/** The first instant of `day` (YYYY-MM-DD) in `timeZone` (not always 00:00: some zones skip midnight at a clock change). */
const startOfDayMs = (day: string, timeZone: string): number =>
  remember(`${timeZone} ${day}`, () => Temporal.PlainDate.from(day).toZonedDateTime({ timeZone }).epochMilliseconds);

/** The instant an operator wall-clock time "HH:MM" happens on `day`; "24:00" is `nextDayStart`, the next day's first instant. */
function wallTimeToMs(day: string, time: string, timeZone: string, nextDayStart: number): number {
  if (time === '24:00') return nextDayStart;
  // 'compatible': a time inside a spring-forward gap means the instant after the gap (02:30 → 03:30),
  // a time that happens twice at a fall-back means the first of the two.
  return remember(`${timeZone} ${day} ${time}`, () =>
    Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(timeZone, COMPATIBLE).epochMilliseconds);
}

/** The working ranges of one operator-local date: none if blocked, the override if any (even []), else the weekday's. */
function rangesOn(rules: BookingRules, date: Temporal.PlainDate, day: string) {
  if (rules.blockedDates.includes(day)) return [];
  if (Object.hasOwn(rules.dateOverrides, day)) return rules.dateOverrides[day] ?? [];
  return rules.weeklyHours[WEEKDAYS[date.dayOfWeek - 1]!];
}

/**
 * The bookable start instants (ms, ascending, unique) in [fromMs, untilMs): the rules in one place for
 * both exports. `busy` (sorted, merged) blocks every call whose buffered block would overlap it, and,
 * unlike a booking, does not count toward the daily cap: the cap counts calls booked here.
 */
function slotStarts(rules: BookingRules, fromMs: number, untilMs: number, nowMs: number, booked: Interval[], busy: readonly Span[]): number[] {
  const { timeZone } = rules;
  const slot = rules.slotMinutes * MINUTE_MS;
  const step = rules.stepMinutes * MINUTE_MS;
  const before = rules.bufferBeforeMinutes * MINUTE_MS;
  const after = rules.bufferAfterMinutes * MINUTE_MS;
  // A zero or negative length would loop forever or offer empty calls.
  if (!(slot > 0 && step > 0)) throw new RangeError('slotMinutes and stepMinutes must be positive');

  // Notice and horizon are elapsed time from now: 12 hours' notice is 12 real hours, also across a clock
  // change, and the horizon is horizonDays × 24 real hours (not "the same wall time N days later").
  const earliest = Math.max(fromMs, nowMs + rules.minimumNoticeHours * HOUR_MS);
  const latest = Math.min(untilMs, nowMs + rules.horizonDays * DAY_MS); // exclusive
  if (earliest >= latest) return [];

  // Each booking's start and buffered block, [start - before, end + after).
  const blocks = booked.map((b) => {
    const at = msOf(b.start);
    return { at, start: at - before, end: msOf(b.end) + after };
  });
  const starts = new Set<number>(); // overlapping ranges in the rules must not offer a start twice

  // One operator day either side of the window, then filter: an operator day need not line up with the window's edges.
  const lastDate = operatorPlainDate(rules, latest).add({ days: 1 });
  let date = operatorPlainDate(rules, earliest).subtract({ days: 1 });
  let day = date.toString();
  let dayStart = startOfDayMs(day, timeZone);
  while (Temporal.PlainDate.compare(date, lastDate) <= 0) {
    const nextDate = date.add({ days: 1 });
    const nextDay = nextDate.toString();
    const nextDayStart = startOfDayMs(nextDay, timeZone);
    const ranges = dayStart < latest && nextDayStart > earliest ? rangesOn(rules, date, day) : [];
    // The daily cap counts bookings starting in this operator day: [its first instant, the next day's first).
    if (ranges.length > 0 && blocks.filter((b) => dayStart <= b.at && b.at < nextDayStart).length < rules.dailyCap) {
      for (const range of ranges) {
        const rangeEnd = wallTimeToMs(day, range.end, timeZone, nextDayStart);
        // Steps of real minutes from the range's start: a day with a clock change simply has fewer or more slots.
        for (let start = wallTimeToMs(day, range.start, timeZone, nextDayStart); start + slot <= rangeEnd && start < latest; start += step) {
          if (start < earliest) continue;
          // Half-open blocks: a slot's block may touch a booking's block but not overlap it.
          const blockStart = start - before;
          const blockEnd = start + slot + after;
          if (!blocks.some((b) => blockStart < b.end && b.start < blockEnd) && !overlapsAny(busy, blockStart, blockEnd)) starts.add(start);
        }
      }
    }
    date = nextDate;
    day = nextDay;
    dayStart = nextDayStart;
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * Every bookable slot whose start lies in [from, to), given existing bookings (their own start/end, no
 * buffers) and the operator's busy times (sorted and merged by mergeSpans).
 */
export function availableSlots(rules: BookingRules, window: { from: string; to: string }, now: string, booked: Interval[], busy: readonly Span[] = []): Interval[] {
  const slot = rules.slotMinutes * MINUTE_MS;
  return slotStarts(rules, msOf(window.from), msOf(window.to), msOf(now), booked, busy).map((start) => ({
    start: isoOf(start),
    end: isoOf(start + slot),
  }));
}

/** The first instant of a local date (YYYY-MM-DD) in `timeZone`, as a UTC instant: someone's "from Monday" is their own Monday. */
export function startOfLocalDate(date: string, timeZone: string): string {
  return isoOf(startOfDayMs(Temporal.PlainDate.from(date).toString(), timeZone));
}

/** The instants [start of `fromDate`, start of the day after `toDate`) in `timeZone` (visitor's local dates → UTC window). */
export function localDatesToWindow(fromDate: string, toDate: string, timeZone: string): { from: string; to: string } {
  return {
    from: startOfLocalDate(fromDate, timeZone),
    to: startOfLocalDate(Temporal.PlainDate.from(toDate).add({ days: 1 }).toString(), timeZone),
  };
}

/** Whether `start` is exactly one of the slots availableSlots would offer now (used to re-check at booking time). */
export function isBookable(rules: BookingRules, start: string, now: string, booked: Interval[], busy: readonly Span[] = []): boolean {
  let at: number;
  try {
    at = msOf(start);
  } catch {
    return false; // not an instant at all, so not a slot
  }
  // The same computation over a one-millisecond window: what is accepted can never drift from what was offered.
  return slotStarts(rules, at, at + 1, msOf(now), booked, busy)[0] === at;
}

/** Why a start can never be booked, whatever is booked or busy: it has passed, or the hours never offer it. */
export type NeverBookable = 'passed' | 'off_grid';

/**
 * Why `start` can never be booked: 'passed' when it is not after `now`; 'off_grid' when the operator's hours
 * never offer it (not on a step from a range's start, outside the hours, on a blocked date, or not an
 * instant). Null when the hours do offer it: whether it is still free (notice, horizon, daily cap, calls,
 * holds, busy times) is isBookable's question, so a refusal can tell "not a time we offer" from "taken".
 */
export function neverBookable(rules: BookingRules, start: string, now: string): NeverBookable | null {
  let at: number;
  try {
    at = msOf(start);
  } catch {
    return 'off_grid';
  }
  if (at <= msOf(now)) return 'passed';
  // isBookable's computation with nothing in the way (no notice, the clock at the start itself, no calls or
  // busy times), so the grid it checks is exactly the one availableSlots steps through.
  return slotStarts({ ...rules, minimumNoticeHours: 0 }, at, at + 1, at, [], [])[0] === at ? null : 'off_grid';
}

/** The operator-local calendar date (YYYY-MM-DD) of an instant. */
export function operatorDate(rules: BookingRules, instant: string): string {
  return operatorPlainDate(rules, msOf(instant)).toString();
}
