// Parses the operator's booking overrides from the environment (BOOKING_HOURS, BOOKING_BLOCKED_DATES,
// BOOKING_DATE_OVERRIDES). Pure. A mistake here would silently open or close the calendar, so anything
// doubtful throws, and each message says what is wrong with which part; the caller prefixes the
// variable's name.
import { GRID_MINUTES, WEEKDAYS, type BookingRules, type TimeRange, type Weekday } from '../../config/booking.ts';

const RANGE_HINT = 'write HH:MM-HH:MM, e.g. 09:00-12:00';
const DATE_HINT = 'write YYYY-MM-DD, e.g. 2026-12-24';
const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A part's words; spaces around '-' and ',' are dropped first, so "mon - fri" and "mon, wed" read as one word. */
const wordsOf = (part: string): string[] =>
  part.trim().replace(/\s*([-,])\s*/g, '$1').split(/\s+/).filter(Boolean);

/** Minutes since midnight of "HH:MM" (00:00 to 24:00), or null. */
function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

const isDay = (word: string): word is Weekday => (WEEKDAYS as readonly string[]).includes(word);

/** The ranges of one day (or one group of days), sorted; `what` names it in the overlap message. */
function parseRanges(words: string[], what: string): TimeRange[] {
  if (words.length === 0) throw new Error(`"${what}" has no hours; add e.g. 09:00-12:00, or "closed"`);
  if (words.length === 1 && words[0]!.toLowerCase() === 'closed') return [];
  const ranges = words
    .flatMap((word) => word.split(',').filter(Boolean)) // "09:00-12:00, 13:00-17:00" is fine too
    .map((text) => {
      const lower = text.toLowerCase();
      if (lower === 'closed') throw new Error(`"${what}" is both closed and open; give hours or "closed", not both`);
      // A day or a date where a range should be: most likely a missing ';' before it.
      if (isDay(lower)) throw new Error(`"${text}" is not a time range (separate days with ";")`);
      if (DATE_FORM.test(text)) throw new Error(`"${text}" is not a time range (separate dates with ";")`);
      const [start = '', end, ...extra] = text.split('-');
      if (end === undefined || extra.length > 0) throw new Error(`"${text}" is not a time range; ${RANGE_HINT}`);
      for (const time of [start, end]) {
        const minutes = minutesOf(time);
        if (minutes === null) throw new Error(`"${time}" in "${text}" is not a time; use HH:MM from 00:00 to 24:00`);
        if (minutes % GRID_MINUTES !== 0) throw new Error(`"${time}" in "${text}" is off the calendar's ${GRID_MINUTES}-minute grid; use minutes that end in 0 or 5`);
      }
      const from = minutesOf(start)!;
      const to = minutesOf(end)!;
      if (to < from) throw new Error(`"${text}" ends before it starts`);
      if (to === from) throw new Error(`"${text}" ends when it starts`);
      return { text, from, to, range: { start, end } };
    })
    .sort((a, b) => a.from - b.from);
  // Sorted by start, so only neighbours can overlap; touching ("09:00-12:00 12:00-13:00") is fine.
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.from < ranges[i - 1]!.to) {
      throw new Error(`${what}: "${ranges[i - 1]!.text}" and "${ranges[i]!.text}" overlap`);
    }
  }
  return ranges.map((r) => r.range);
}

/** "mon-fri", "sat", "mon,wed", "mon-wed,fri" → the weekdays named. */
function parseDays(text: string): Weekday[] {
  return text.split(',').filter(Boolean).flatMap((item) => {
    const [first = '', last, ...extra] = item.toLowerCase().split('-');
    for (const day of [first, last ?? first]) {
      if (!isDay(day)) throw new Error(`"${day || item}" is not a day; use mon, tue, wed, thu, fri, sat or sun`);
    }
    if (extra.length > 0) throw new Error(`"${item}" is not a day or a range of days such as mon-fri`);
    const from = WEEKDAYS.indexOf(first as Weekday);
    const to = WEEKDAYS.indexOf((last ?? first) as Weekday);
    if (to < from) throw new Error(`"${item}" runs backwards; the week runs mon to sun (write e.g. "sat-sun" or "mon,sun")`);
    return WEEKDAYS.slice(from, to + 1);
  });
}

/** Parses BOOKING_HOURS such as "mon-fri 09:00-12:00 13:00-17:00; sat 10:00-12:00" into weekly hours. Days not named are closed. Throws an Error with a specific message on bad input. */
export function parseWeeklyHours(text: string): Record<Weekday, TimeRange[]> {
  const parts = text.split(';').map(wordsOf).filter((words) => words.length > 0);
  if (parts.length === 0) throw new Error('no working hours given; write e.g. "mon-fri 09:00-12:00 13:00-17:00"');
  const hours = Object.fromEntries(WEEKDAYS.map((day) => [day, [] as TimeRange[]])) as Record<Weekday, TimeRange[]>;
  const named = new Set<Weekday>();
  for (const [dayText = '', ...rangeWords] of parts) {
    const days = parseDays(dayText);
    const ranges = parseRanges(rangeWords, dayText);
    for (const day of days) {
      // Two sets of hours for one day is a typo either way; merging or picking one would hide it.
      if (named.has(day)) throw new Error(`${day} is given hours twice`);
      named.add(day);
      hours[day] = ranges.map((r) => ({ ...r }));
    }
  }
  return hours;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Checks one "YYYY-MM-DD" is a real calendar date (2026-02-30 is not) and returns it. */
function checkDate(text: string): string {
  const match = DATE_FORM.exec(text);
  if (!match) throw new Error(`"${text}" is not a date; ${DATE_HINT}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth) throw new Error(`"${text}" is not a real date`);
  return text;
}

/** Parses BOOKING_BLOCKED_DATES "2026-12-24, 2026-12-25" (commas or spaces) into sorted unique valid dates; throws naming the bad item. */
export function parseDateList(text: string): string[] {
  const dates = text.split(/[\s,]+/).filter(Boolean).map(checkDate);
  return [...new Set(dates)].sort(); // YYYY-MM-DD sorts as text
}

/** Parses BOOKING_DATE_OVERRIDES "2026-12-23 09:00-12:00; 2026-12-31 closed" into a record; throws naming the bad part. */
export function parseDateOverrides(text: string): Record<string, TimeRange[]> {
  const overrides: Record<string, TimeRange[]> = {};
  for (const part of text.split(';')) {
    const [date, ...rangeWords] = wordsOf(part);
    if (date === undefined) continue; // an empty part, e.g. after a trailing ';'
    checkDate(date);
    if (Object.hasOwn(overrides, date)) throw new Error(`${date} is given twice`);
    overrides[date] = parseRanges(rangeWords, date);
  }
  return overrides;
}

/** What in the rules does not fit the calendar's grid (a call length of 7 minutes, say); empty when all fits. */
export function offGridRules(rules: Pick<BookingRules, 'slotMinutes' | 'stepMinutes' | 'bufferBeforeMinutes' | 'bufferAfterMinutes'>): string[] {
  const lengths = { slotMinutes: rules.slotMinutes, stepMinutes: rules.stepMinutes, bufferBeforeMinutes: rules.bufferBeforeMinutes, bufferAfterMinutes: rules.bufferAfterMinutes };
  return Object.entries(lengths)
    .filter(([, minutes]) => !Number.isInteger(minutes) || minutes % GRID_MINUTES !== 0)
    .map(([name, minutes]) => `${name} (${minutes}) must be a whole multiple of ${GRID_MINUTES} minutes`);
}
