// Calendar dates as the answers write them ('YYYY-MM-DD'), checked and counted in whole UTC days so
// no daylight-saving change ever shifts a count.
import { DAY_MS } from '../time/durations.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch at UTC midnight, or null when the text is not a real 'YYYY-MM-DD' date. */
function utcMidnight(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A rolled-over date (2025-02-30 becomes 2025-03-02) is not the date that was written.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() : null;
}

/** True for a real calendar date written 'YYYY-MM-DD' (2024-02-29 yes, 2025-02-29 no). */
export function isCalendarDate(text: string): boolean {
  return utcMidnight(text) !== null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier), or null when either is not a real date. */
export function daysBetween(from: string, to: string): number | null {
  const start = utcMidnight(from);
  const end = utcMidnight(to);
  // Both are UTC midnights, so the difference is an exact multiple of a day: no daylight-saving drift.
  return start === null || end === null ? null : Math.round((end - start) / DAY_MS);
}
