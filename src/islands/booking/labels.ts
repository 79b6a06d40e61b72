// Words for dates and counts in the visitor's locale, with Intl only. A local date ('2026-03-10') is
// formatted at UTC midnight in UTC, so the label is that calendar day whatever the browser's zone.
import type { IsoWeekday } from '../../lib/booking/calendar-month.ts';
import { dateTimeFormat } from '../../lib/text/date-formats.ts';

const atUtcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Tuesday, March 10" (en-US) or "Tuesday 10 March" (en-GB). */
export function dayLabel(date: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(atUtcMidnight(date));
}

/**
 * The day's label in the two pieces a narrow heading may break between, each kept whole: the weekday with its
 * comma, and the date ("Wednesday," and "December 30"; "Wednesday" and "30 December" in en-GB). A locale that
 * does not start with the weekday gets the label as one piece.
 */
export function dayLabelPieces(date: string, locale: string): string[] {
  const parts = dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).formatToParts(atUtcMidnight(date));
  if (parts[0]?.type !== 'weekday' || parts[1]?.type !== 'literal' || parts.length < 3) return [parts.map((part) => part.value).join('')];
  return [parts[0].value + parts[1].value.trimEnd(), parts.slice(2).map((part) => part.value).join('')];
}

/** "March 2026". */
export function monthLabel(month: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(atUtcMidnight(`${month}-01`));
}

const ENGLISH_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The headings the server writes and hydration keeps until the visitor's calendar is read. Written out,
 * not formatted: the page's first Intl formatter loads the browser's date data, about 180 ms at a phone's
 * speed, and a worker does that off the main thread meanwhile (intl-warmup.worker.ts).
 */
export function englishWeekdayNames(day: IsoWeekday): WeekdayNames {
  const long = ENGLISH_WEEKDAYS[day - 1]!;
  return { narrow: long.slice(0, 1), short: long.slice(0, 3), long };
}

/** A weekday's names for a column heading: narrow ("T", on the narrowest screens), short ("Tue") and long ("Tuesday"). */
export interface WeekdayNames {
  narrow: string;
  short: string;
  long: string;
}

/** The column headings of an ISO weekday in the visitor's locale. 2024-01-01 was a Monday. */
export function weekdayNames(day: IsoWeekday, locale: string): WeekdayNames {
  const date = atUtcMidnight(`2024-01-0${day}`);
  const name = (weekday: 'narrow' | 'short' | 'long') => dateTimeFormat(locale, { timeZone: 'UTC', weekday }).format(date);
  return { narrow: name('narrow'), short: name('short'), long: name('long') };
}

/** "no free times", "1 time free", "4 times free". */
export const timesFree = (count: number) => (count === 0 ? 'no free times' : `${count} time${count === 1 ? '' : 's'} free`);

/** The locale's first day of the week (Monday in most of the world, Sunday in the US), ISO-numbered. */
export function firstDayOfWeek(locale: string): IsoWeekday {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const day = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return day && day >= 1 && day <= 7 ? (day as IsoWeekday) : 1;
  } catch {
    return 1;
  }
}

/** "America/Los_Angeles" -> "America/Los Angeles". */
export const zoneLabel = (zone: string) => zone.replace(/_/g, ' ');

/** Every zone the browser knows (all current browsers list them), the visitor's own always included. */
export function timeZoneOptions(own: string): string[] {
  let zones: string[] = [];
  try {
    zones = (Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  if (zones.length === 0) zones = ['UTC'];
  return zones.includes(own) ? zones : [own, ...zones];
}
