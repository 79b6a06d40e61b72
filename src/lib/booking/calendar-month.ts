// The booking page's month grid as plain calendar arithmetic on 'YYYY-MM-DD' dates and 'YYYY-MM'
// months. No time zones here: a date is a wall-calendar day, and the zone is applied where slots are
// grouped into the visitor's local dates (format.ts, localDate). UTC Date maths only, so no daylight
// saving change can skip or repeat a day.
import { DAY_MS } from '../time/durations.ts';

/** ISO weekday: 1 is Monday, 7 is Sunday (Intl.Locale's weekInfo uses the same numbers). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const pad = (value: number) => String(value).padStart(2, '0');

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** '2026-03-10' -> '2026-03'. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The first day of a month: '2026-03' -> '2026-03-01'. */
export const firstOfMonth = (month: string): string => `${month}-01`;

/** Days in a month: '2024-02' -> 29. */
export function daysInMonth(month: string): number {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

/** The last day of a month: '2026-02' -> '2026-02-28'. */
export const lastOfMonth = (month: string): string => `${month}-${pad(daysInMonth(month))}`;

/** `days` later (or earlier, when negative). */
export function addDays(date: string, days: number): string {
  return isoDate(new Date(utc(date).getTime() + days * DAY_MS));
}

/** `count` months later (or earlier): '2026-12' + 1 -> '2027-01'. */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The same day of the month in another month, clamped to its length: 31 Jan + 1 month -> 28 Feb. */
export function sameDayIn(date: string, month: string): string {
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(month));
  return `${month}-${pad(day)}`;
}

/** ISO weekday of a date: 2026-03-09 (a Monday) -> 1. */
export function weekdayOf(date: string): IsoWeekday {
  const day = utc(date).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/** The weekdays in display order for a week that starts on `firstDay`: 7 -> [7, 1, 2, 3, 4, 5, 6]. */
export function weekdayOrder(firstDay: IsoWeekday): IsoWeekday[] {
  return Array.from({ length: 7 }, (_, i) => (((firstDay - 1 + i) % 7) + 1) as IsoWeekday);
}

/** The first day of the week that holds `date`, for weeks that start on `firstDay`. */
export function startOfWeek(date: string, firstDay: IsoWeekday): string {
  return addDays(date, -((weekdayOf(date) - firstDay + 7) % 7));
}

/**
 * The month as six rows of seven: each cell a date of that month or null (a day of the month before
 * or after). Always six rows, whatever the month, so the grid keeps its height from month to month.
 */
export function monthWeeks(month: string, firstDay: IsoWeekday): (string | null)[][] {
  let cursor = startOfWeek(firstOfMonth(month), firstDay);
  return Array.from({ length: 6 }, () =>
    Array.from({ length: 7 }, () => {
      const date = cursor;
      cursor = addDays(cursor, 1);
      return monthOf(date) === month ? date : null;
    }),
  );
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / DAY_MS);
}
