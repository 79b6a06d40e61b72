// The booking page's month grid: calendar arithmetic on plain dates. Every expected date is written out
// by hand from a printed calendar, never computed by the code under test.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  lastOfMonth,
  monthWeeks,
  sameDayIn,
  startOfWeek,
  weekdayOf,
  weekdayOrder,
} from '../../../src/lib/booking/calendar-month.ts';

describe('calendar month', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(daysInMonth('2026-04')).toBe(30);
    expect(lastOfMonth('2026-12')).toBe('2026-12-31');
  });

  it('adds days across month, year and clock-change boundaries without skipping or repeating one', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // Europe's spring change
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09'); // the US spring change
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-01', '2026-04-15')).toBe(45);
    expect(daysBetween('2026-04-15', '2026-03-01')).toBe(-45);
  });

  it('adds months across years and clamps the day to the shorter month', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', 14)).toBe('2027-07');
    expect(sameDayIn('2026-01-31', '2026-02')).toBe('2026-02-28');
    expect(sameDayIn('2026-03-15', '2026-04')).toBe('2026-04-15');
  });

  it('numbers weekdays the ISO way and starts weeks on the locale\'s first day', () => {
    expect(weekdayOf('2026-03-09')).toBe(1); // a Monday
    expect(weekdayOf('2026-03-15')).toBe(7); // a Sunday
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weekdayOrder(7)).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(weekdayOrder(6)).toEqual([6, 7, 1, 2, 3, 4, 5]);
    expect(startOfWeek('2026-03-11', 1)).toBe('2026-03-09');
    expect(startOfWeek('2026-03-11', 7)).toBe('2026-03-08');
    expect(startOfWeek('2026-03-08', 7)).toBe('2026-03-08');
    expect(startOfWeek('2026-03-08', 1)).toBe('2026-03-02');
  });

  it('lays a month out as six weeks of seven, with blanks outside the month', () => {
    // March 2026 starts on a Sunday and has 31 days.
    const mondayFirst = monthWeeks('2026-03', 1);
    expect(mondayFirst).toHaveLength(6);
    for (const week of mondayFirst) expect(week).toHaveLength(7);
    expect(mondayFirst[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(mondayFirst[5]).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    const sundayFirst = monthWeeks('2026-03', 7);
    expect(sundayFirst[0]).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(sundayFirst[4]).toEqual(['2026-03-29', '2026-03-30', '2026-03-31', null, null, null, null]);
    expect(sundayFirst[5]).toEqual([null, null, null, null, null, null, null]);
    // February 2026 (28 days, starting on a Sunday): every day once, in order.
    const days = monthWeeks('2026-02', 7).flat().filter(Boolean);
    expect(days).toHaveLength(28);
    expect(days[0]).toBe('2026-02-01');
    expect(days[27]).toBe('2026-02-28');
  });
});
