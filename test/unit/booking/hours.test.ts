// The operator's env overrides: BOOKING_HOURS, BOOKING_BLOCKED_DATES, BOOKING_DATE_OVERRIDES. Good input
// parses to exactly the rules meant; bad input throws a message that names the bad part (the caller adds
// the variable's name in front).
import { describe, expect, it } from 'vitest';
import type { TimeRange, Weekday } from '../../../src/config/booking.ts';
import { offGridRules, parseDateList, parseDateOverrides, parseWeeklyHours } from '../../../src/lib/booking/index.ts';
import { configError } from '../../fixtures/config-error.ts';

const r = (start: string, end: string): TimeRange => ({ start, end });
const closedWeek: Record<Weekday, TimeRange[]> = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('parseWeeklyHours', () => {
  it('reads day ranges, several ranges a day and single days; days not named are closed', () => {
    expect(parseWeeklyHours('mon-fri 09:00-12:00 13:00-17:00; sat 10:00-12:00')).toEqual({
      mon: [r('09:00', '12:00'), r('13:00', '17:00')],
      tue: [r('09:00', '12:00'), r('13:00', '17:00')],
      wed: [r('09:00', '12:00'), r('13:00', '17:00')],
      thu: [r('09:00', '12:00'), r('13:00', '17:00')],
      fri: [r('09:00', '12:00'), r('13:00', '17:00')],
      sat: [r('10:00', '12:00')],
      sun: [],
    });
  });

  it('reads comma lists, any case, spaces around "-" and ",", commas between ranges and a trailing ";"', () => {
    expect(parseWeeklyHours(' MON, Wed 09:00 - 10:00, 11:00-12:00 ;  fri-Sat 14:00-15:00; ')).toEqual({
      ...closedWeek,
      mon: [r('09:00', '10:00'), r('11:00', '12:00')],
      wed: [r('09:00', '10:00'), r('11:00', '12:00')],
      fri: [r('14:00', '15:00')],
      sat: [r('14:00', '15:00')],
    });
  });

  it('accepts 00:00-24:00, touching ranges, "closed", and sorts ranges by start', () => {
    expect(parseWeeklyHours('sun 00:00-24:00; mon 13:00-17:00 09:00-12:00 12:00-13:00; tue closed')).toEqual({
      ...closedWeek,
      sun: [r('00:00', '24:00')],
      mon: [r('09:00', '12:00'), r('12:00', '13:00'), r('13:00', '17:00')],
    });
  });

  it('gives each day its own list (changing Monday does not change Tuesday)', () => {
    const hours = parseWeeklyHours('mon-tue 09:00-10:00');
    hours.mon.push(r('11:00', '12:00'));
    expect(hours.tue).toEqual([r('09:00', '10:00')]);
  });

  it.each([
    ['', 'no working hours given; write e.g. "mon-fri 09:00-12:00 13:00-17:00"'],
    [' ; ', 'no working hours given; write e.g. "mon-fri 09:00-12:00 13:00-17:00"'],
    ['mon-fri 09:00-08:00', '"09:00-08:00" ends before it starts'],
    ['mon 09:00-09:00', '"09:00-09:00" ends when it starts'],
    ['mon 09:00-12:00 11:00-13:00', 'mon: "09:00-12:00" and "11:00-13:00" overlap'],
    ['mon-fri 11:00-13:00 09:00-12:00', 'mon-fri: "09:00-12:00" and "11:00-13:00" overlap'],
    // By one step of the 5-minute grid: starts would be offered on two grids on the same afternoon.
    ['mon 09:00-12:05 12:00-17:00', 'mon: "09:00-12:05" and "12:00-17:00" overlap'],
    ['mnd 09:00-12:00', '"mnd" is not a day; use mon, tue, wed, thu, fri, sat or sun'],
    ['monday 09:00-12:00', '"monday" is not a day; use mon, tue, wed, thu, fri, sat or sun'],
    ['mon-,tue 09:00-12:00', '"mon-" is not a day; use mon, tue, wed, thu, fri, sat or sun'],
    ['fri-mon 09:00-12:00', '"fri-mon" runs backwards; the week runs mon to sun (write e.g. "sat-sun" or "mon,sun")'],
    ['mon-tue-wed 09:00-12:00', '"mon-tue-wed" is not a day or a range of days such as mon-fri'],
    ['mon-fri 09:00-12:00; fri 13:00-14:00', 'fri is given hours twice'],
    ['mon,mon 09:00-12:00', 'mon is given hours twice'],
    ['sat', '"sat" has no hours; add e.g. 09:00-12:00, or "closed"'],
    ['mon 9:00-12:00', '"9:00" in "9:00-12:00" is not a time; use HH:MM from 00:00 to 24:00'],
    ['mon 09:00-24:30', '"24:30" in "09:00-24:30" is not a time; use HH:MM from 00:00 to 24:00'],
    ['mon 09:60-10:00', '"09:60" in "09:60-10:00" is not a time; use HH:MM from 00:00 to 24:00'],
    ['mon 0900-1200', '"0900" in "0900-1200" is not a time; use HH:MM from 00:00 to 24:00'],
    ['mon 09:00', '"09:00" is not a time range; write HH:MM-HH:MM, e.g. 09:00-12:00'],
    ['mon 09:00-10:00-11:00', '"09:00-10:00-11:00" is not a time range; write HH:MM-HH:MM, e.g. 09:00-12:00'],
    ['mon 09:00-12:00 tue 13:00-14:00', '"tue" is not a time range (separate days with ";")'],
    ['mon closed 09:00-10:00', '"mon" is both closed and open; give hours or "closed", not both'],
  ])('rejects %j: %s', (text, message) => {
    expect(() => parseWeeklyHours(text)).toThrow(new Error(message));
  });
});

describe('parseDateList', () => {
  it('reads dates separated by commas or spaces, sorted and without repeats', () => {
    expect(parseDateList('2026-12-25, 2026-12-24 2027-01-01,2026-12-24')).toEqual(['2026-12-24', '2026-12-25', '2027-01-01']);
  });

  it('reads nothing as no dates', () => {
    expect(parseDateList('')).toEqual([]);
    expect(parseDateList(' , ')).toEqual([]);
  });

  it('accepts 29 February in leap years (2028, 2000)', () => {
    expect(parseDateList('2028-02-29 2000-02-29')).toEqual(['2000-02-29', '2028-02-29']);
  });

  it.each([
    ['2026-12-24, 2026-02-30', '"2026-02-30" is not a real date'],
    ['2027-02-29', '"2027-02-29" is not a real date'],
    ['2100-02-29', '"2100-02-29" is not a real date'],
    ['2026-04-31', '"2026-04-31" is not a real date'],
    ['2026-13-01', '"2026-13-01" is not a real date'],
    ['2026-12-00', '"2026-12-00" is not a real date'],
    ['2026-12-24, 24.12.2026', '"24.12.2026" is not a date; write YYYY-MM-DD, e.g. 2026-12-24'],
    ['2026-12-24;2026-12-25', '"2026-12-24;2026-12-25" is not a date; write YYYY-MM-DD, e.g. 2026-12-24'],
    ['2026-1-5', '"2026-1-5" is not a date; write YYYY-MM-DD, e.g. 2026-12-24'],
  ])('rejects %j: %s', (text, message) => {
    expect(() => parseDateList(text)).toThrow(new Error(message));
  });
});

describe('parseDateOverrides', () => {
  it('reads hours and "closed" per date', () => {
    expect(parseDateOverrides('2026-12-23 09:00-12:00; 2026-12-31 closed')).toEqual({
      '2026-12-23': [r('09:00', '12:00')],
      '2026-12-31': [],
    });
  });

  it('reads several ranges, any case, and a trailing ";"; nothing is no overrides', () => {
    expect(parseDateOverrides('2026-12-23 13:00-15:00 09:00-12:00; 2026-12-24 CLOSED;')).toEqual({
      '2026-12-23': [r('09:00', '12:00'), r('13:00', '15:00')],
      '2026-12-24': [],
    });
    expect(parseDateOverrides('')).toEqual({});
  });

  it.each([
    ['2026-12-32 closed', '"2026-12-32" is not a real date'],
    ['dec-24 closed', '"dec-24" is not a date; write YYYY-MM-DD, e.g. 2026-12-24'],
    ['2026-12-23', '"2026-12-23" has no hours; add e.g. 09:00-12:00, or "closed"'],
    ['2026-12-23 closed; 2026-12-23 09:00-10:00', '2026-12-23 is given twice'],
    ['2026-12-23 10:00-09:00', '"10:00-09:00" ends before it starts'],
    ['2026-12-23 09:00-12:00 11:00-12:30', '2026-12-23: "09:00-12:00" and "11:00-12:30" overlap'],
    ['2026-12-23 09:00-25:00', '"25:00" in "09:00-25:00" is not a time; use HH:MM from 00:00 to 24:00'],
    ['2026-12-23 09:00-12:00 2026-12-24 closed', '"2026-12-24" is not a time range (separate dates with ";")'],
  ])('rejects %j: %s', (text, message) => {
    expect(() => parseDateOverrides(text)).toThrow(new Error(message));
  });
});

describe('the calendar grid (a call claims 5-minute blocks)', () => {
  it('refuses hours and overrides off the grid, naming the time', () => {
    expect(() => parseWeeklyHours('mon-fri 09:07-12:00')).toThrow('"09:07" in "09:07-12:00" is off the calendar\'s 5-minute grid; use minutes that end in 0 or 5');
    expect(() => parseWeeklyHours('mon 09:00-11:58')).toThrow('"11:58" in "09:00-11:58" is off');
    expect(() => parseDateOverrides('2026-12-23 13:00-16:33')).toThrow('"16:33" in "13:00-16:33" is off');
    expect(parseWeeklyHours('mon 09:05-11:55').mon).toEqual([{ start: '09:05', end: '11:55' }]);
  });

  it('names every rule length that does not fit it, and none when all do', () => {
    const fits = { slotMinutes: 20, stepMinutes: 20, bufferBeforeMinutes: 10, bufferAfterMinutes: 0 };
    expect(offGridRules(fits)).toEqual([]);
    expect(offGridRules({ ...fits, slotMinutes: 7, bufferAfterMinutes: 2.5 })).toEqual([
      'slotMinutes (7) must be a whole multiple of 5 minutes',
      'bufferAfterMinutes (2.5) must be a whole multiple of 5 minutes',
    ]);
  });

  it('stops the server naming the variable', () => {
    expect(configError({ BOOKING_HOURS: 'mon-fri 09:07-12:00' })).toContain('- BOOKING_HOURS "09:07" in "09:07-12:00" is off the calendar\'s 5-minute grid');
    expect(configError({ BOOKING_DATE_OVERRIDES: '2026-12-23 09:00-11:59' })).toContain('- BOOKING_DATE_OVERRIDES "11:59" in "09:00-11:59" is off');
  });
});
