// The bound that decides, before any expansion, whether a repeating event is read: hand-counted cases,
// then the expander itself as the judge that the bound never counts fewer starts than a rule gives.
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { occurrenceBound } from '../../../api/_lib/calendar/recurrence-bound.ts';

const DAY = 86_400_000;

/** The rule's options as node-ical hands them over, for a series starting at DTSTART. */
function parsed(rule: string, dtstart = '20261005T090000Z'): VEvent {
  const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x@test', `DTSTART:${dtstart}`, 'DTEND:20261005T091000Z', `RRULE:${rule}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  return Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as VEvent;
}
const bound = (rule: string, days: number) => occurrenceBound(parsed(rule).rrule!.options, days);

describe('occurrenceBound', () => {
  it('counts what each frequency and its finer parts allow, in every period the window touches (one more than it spans)', () => {
    expect(bound('FREQ=SECONDLY', 1)).toBe(86_401);
    expect(bound('FREQ=MINUTELY', 2)).toBe(2_881);
    expect(bound('FREQ=MINUTELY;INTERVAL=15', 1)).toBe(97);
    expect(bound('FREQ=MINUTELY;BYHOUR=9', 3)).toBe(240); // 60 minutes of one hour, on each of 4 days touched
    expect(bound('FREQ=MINUTELY;BYSECOND=0,30', 1)).toBe(2_882);
    expect(bound('FREQ=HOURLY', 2)).toBe(49);
    expect(bound('FREQ=HOURLY;INTERVAL=2;BYMINUTE=0,20,40', 1)).toBe(39);
    expect(bound('FREQ=HOURLY;BYMINUTE=0,30;BYSECOND=0,1,2', 1)).toBe(150);
    expect(bound('FREQ=DAILY', 10)).toBe(11);
    expect(bound('FREQ=DAILY;INTERVAL=2', 10)).toBe(6);
    expect(bound('FREQ=DAILY;BYHOUR=9,14;BYMINUTE=0,30', 7)).toBe(32);
    expect(bound('FREQ=WEEKLY', 70)).toBe(11);
    expect(bound('FREQ=WEEKLY;BYDAY=MO,WE,FR', 70)).toBe(33);
    expect(bound('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 70)).toBe(6);
    expect(bound('FREQ=MONTHLY', 56)).toBe(3);
    expect(bound('FREQ=MONTHLY;BYMONTHDAY=1,15', 60)).toBe(61); // any day may be picked: one a day at most
    expect(bound('FREQ=YEARLY;BYDAY=MO', 14)).toBe(15);
    expect(bound('FREQ=YEARLY;INTERVAL=2;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12', 56)).toBe(3); // one a month, interval or not
  });

  it('never passes COUNT, and an unknown frequency is never expanded blind', () => {
    expect(bound('FREQ=SECONDLY;COUNT=3', 60)).toBe(3);
    expect(bound('FREQ=DAILY;COUNT=100', 10)).toBe(11);
    expect(occurrenceBound({ freq: 'FORTNIGHTLY' }, 10)).toBe(Infinity);
    expect(occurrenceBound({}, 10)).toBe(Infinity);
  });

  it('is never below what the expander gives in the window', () => {
    const from = new Date('2026-10-05T00:00:00Z');
    const days = 21;
    const rules = [
      'FREQ=MINUTELY;INTERVAL=30', 'FREQ=MINUTELY;BYHOUR=9,17', 'FREQ=HOURLY;BYMINUTE=0,15,30,45', 'FREQ=HOURLY;INTERVAL=3',
      'FREQ=DAILY;BYHOUR=8,12,16', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9,10;BYMINUTE=0,30', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU',
      'FREQ=MONTHLY;BYDAY=1MO,-1FR', 'FREQ=MONTHLY;BYMONTHDAY=1,2,3,4,5,6,7,8,9,10', 'FREQ=YEARLY;BYMONTH=10;BYDAY=MO,TU', 'FREQ=YEARLY;INTERVAL=3;BYMONTH=10,11;BYMONTHDAY=5', 'FREQ=SECONDLY;BYHOUR=9;BYMINUTE=0;BYSECOND=0,1,2',
    ];
    for (const rule of rules) {
      const event = parsed(rule);
      const given = ical.expandRecurringEvent(event, { from, to: new Date(from.getTime() + days * DAY) }).length;
      expect(given, rule).toBeGreaterThan(0);
      expect(occurrenceBound(event.rrule!.options, days), rule).toBeGreaterThanOrEqual(given);
    }
  });
});
