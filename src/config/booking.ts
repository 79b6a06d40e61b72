// The operator's calendar rules for the 20-minute workflow audit. The values an operator changes
// often (working hours, blocked dates, notice, daily cap, time zone) can be overridden from the
// environment without a code change (BOOKING_* in .env.example, checked at start by
// api/_lib/runtime/config.ts); the rest is set here.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The calendar's grid: a call claims the 5-minute blocks it covers (api/_lib/booking/claims.ts), so
 * working hours, call length, step and buffers must all be multiples of it, or a time would be offered
 * that can never be claimed.
 */
export const GRID_MINUTES = 5;

/** How often one booked call may move in a day: each move emails an updated invite to both sides. */
export const MOVES_PER_DAY = 3;

/** Working time on one day, in the operator's wall-clock time: "09:00" to "12:00" (end exclusive). */
export interface TimeRange {
  start: string;
  end: string;
}

export interface BookingRules {
  /** The operator's IANA time zone: working hours, blocked dates and the daily cap are read in it. */
  timeZone: string;
  /** Working hours per weekday; several ranges a day allowed, none means closed. */
  weeklyHours: Record<Weekday, TimeRange[]>;
  /** Length of the call. */
  slotMinutes: number;
  /** Start times are this far apart, counted from the start of each working range. */
  stepMinutes: number;
  /** Kept free before and after every call (a new call's buffered block may not overlap another's). */
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** A call can be booked no sooner than this many hours ahead. */
  minimumNoticeHours: number;
  /** …and no later than this many days ahead. */
  horizonDays: number;
  /** A time the visitor picks is kept for them this long while they fill in the form. */
  holdMinutes: number;
  /** At most this many calls on one operator-local day. */
  dailyCap: number;
  /** Operator-local dates (YYYY-MM-DD) with no calls at all. */
  blockedDates: string[];
  /** Operator-local dates with hours of their own instead of the weekday's (an empty list closes the day). */
  dateOverrides: Record<string, TimeRange[]>;
}

const weekdays = (ranges: TimeRange[]): Record<Weekday, TimeRange[]> => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [] });

/** The defaults: mornings and afternoons, Monday to Friday, in Berlin. */
export const defaultBookingRules: BookingRules = {
  timeZone: 'Europe/Berlin',
  weeklyHours: weekdays([
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ]),
  slotMinutes: 20,
  stepMinutes: 20,
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 10,
  minimumNoticeHours: 12,
  horizonDays: 45,
  holdMinutes: 10,
  dailyCap: 6,
  blockedDates: [],
  dateOverrides: {},
};
