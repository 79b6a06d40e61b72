// Times as a person reads them, in a given zone and locale: only Intl, at the edge.
import { dateTimeFormat } from '../text/date-formats.ts';

/** "Tuesday, March 10, 2026" in `timeZone`. */
export function formatDay(instant: string, timeZone: string, locale = 'en-US'): string {
  return dateTimeFormat(locale, { timeZone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(instant));
}

/** "Tue, Dec 8" in `timeZone`: a day named short enough to stand beside a time. */
export function formatShortDay(instant: string, timeZone: string, locale = 'en-US'): string {
  return dateTimeFormat(locale, { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(instant));
}

/** "3:20 PM" (or "15:20", by the locale's own clock) in `timeZone`. */
export function formatTime(instant: string, timeZone: string, locale = 'en-US'): string {
  return dateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
}

/**
 * "10:10 AM" on `shownDay` (YYYY-MM-DD in `timeZone`, the day on screen beside it), else "10:10 AM today"
 * or "12:05 AM on Wed, Dec 2": a bare time under another day's call read as a time on that day.
 */
export function formatTimeBeside(instant: string, shownDay: string, today: string, timeZone: string, locale = 'en-US'): string {
  const time = formatTime(instant, timeZone, locale);
  const day = localDate(instant, timeZone);
  if (day === shownDay) return time;
  return day === today ? `${time} today` : `${time} on ${formatShortDay(instant, timeZone, locale)}`;
}

/**
 * The zone's offset at that instant: "GMT-8", "GMT+1", "GMT+5:45". Always this form: Intl's short names
 * abbreviate only some zones in en-US ("EST"), so a call showed "EST" beside the operator's "GMT+1".
 */
export function zoneName(instant: string, timeZone: string, locale = 'en-US'): string {
  const parts = dateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date(instant));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * "Tuesday, March 10, 2026, 3:20 PM GMT+1": one moment with its day, time and zone, in `timeZone`. With
 * `day: 'short'`, "Tue, Mar 10, 3:20 PM GMT+1", short enough for a list or a select's option.
 */
export function formatWhen(instant: string, timeZone: string, { day = 'long', locale = 'en-US' }: { day?: 'long' | 'short'; locale?: string } = {}): string {
  const dayText = day === 'short' ? formatShortDay(instant, timeZone, locale) : formatDay(instant, timeZone, locale);
  return `${dayText}, ${formatTime(instant, timeZone, locale)} ${zoneName(instant, timeZone, locale)}`;
}

/** "Tuesday, March 10, 2026, 3:20 PM – 3:40 PM GMT+1": a call as one line, in one zone. */
export function formatCall(start: string, end: string, timeZone: string, locale = 'en-US'): string {
  return `${formatDay(start, timeZone, locale)}, ${formatTime(start, timeZone, locale)} – ${formatTime(end, timeZone, locale)} ${zoneName(start, timeZone, locale)}`;
}

/**
 * The calendar date (YYYY-MM-DD) of an instant (ISO text or epoch milliseconds) in `timeZone`: the
 * booking calendar's days and the readiness wizard's "today" in the visitor's zone, not UTC's.
 */
export function localDate(instant: string | number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}
