// How many times a repeating event can start inside a window, at most, read from its rule alone. A feed
// may carry a rule that repeats every second (written by hand, or planted by anyone through a calendar
// invitation): expanding it runs synchronously for seconds and holds every request on the server, and
// the expander's own limit comes only after that time is spent. The bound is generous (it never counts
// fewer than the rule can give) and costs nothing to compute, so it decides before any expansion.

/** Steps a day of each sub-daily frequency at INTERVAL=1. */
const SUB_DAILY_PER_DAY: Record<string, number> = { SECONDLY: 86_400, MINUTELY: 1_440, HOURLY: 24 };

const count = (value: unknown): number | undefined => (Array.isArray(value) && value.length > 0 ? value.length : undefined);
const positive = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : undefined);

/**
 * The most starts `rule` (node-ical's `event.rrule.options`: rrule-temporal's names, freq, interval,
 * count, byHour, byMinute, bySecond, byDay, byMonthDay, byYearDay, byWeekNo) can give in `days` days.
 * A window touches at most ceil(days / period) + 1 of a rule's periods, each with a fixed most. Infinity
 * for a frequency it does not know, so such a rule is never expanded blind.
 */
export function occurrenceBound(rule: Record<string, unknown>, days: number): number {
  const freq = String(rule.freq ?? '').toUpperCase();
  const interval = positive(rule.interval) ?? 1;
  const subDaily = Object.hasOwn(SUB_DAILY_PER_DAY, freq);
  // RFC 5545: a time part the rule does not list takes DTSTART's value, unless the frequency is finer than it.
  const seconds = count(rule.bySecond) ?? (freq === 'SECONDLY' ? 60 : 1);
  const minutes = count(rule.byMinute) ?? (freq === 'SECONDLY' || freq === 'MINUTELY' ? 60 : 1);
  const hours = count(rule.byHour) ?? (subDaily ? 24 : 1);
  const timesOfDay = hours * minutes * seconds;
  /** Starts in the periods a window as long as `lengths` of them can touch, at most `perPeriod` each. */
  const periods = (lengths: number, perPeriod: number) => (Math.ceil(lengths) + 1) * perPeriod;
  // Whatever the frequency, no more than its times of day on each day the window touches.
  const daily = periods(days, timesOfDay);

  let bound: number;
  if (subDaily) {
    // Each step of the frequency gives one start per value of the parts finer than it.
    const perStep = freq === 'HOURLY' ? minutes * seconds : freq === 'MINUTELY' ? seconds : 1;
    bound = Math.min(daily, periods((days * SUB_DAILY_PER_DAY[freq]!) / interval, perStep));
  } else if (freq === 'DAILY') {
    bound = periods(days / interval, timesOfDay);
  } else if (freq === 'WEEKLY') {
    bound = periods(days / (7 * interval), timesOfDay * Math.min(7, count(rule.byDay) ?? 1));
  } else if (freq === 'MONTHLY' || freq === 'YEARLY') {
    // Day-picking parts may pick any day. Without them a month gives one day, and a year one day a month at
    // most (BYMONTH), whatever its interval: a year it touches may list every month.
    const picksDays = [rule.byDay, rule.byMonthDay, rule.byYearDay, rule.byWeekNo].some((part) => count(part) !== undefined);
    bound = picksDays ? daily : periods(days / (28 * (freq === 'MONTHLY' ? interval : 1)), timesOfDay);
  } else {
    return Infinity;
  }
  const limit = positive(rule.count);
  return limit === undefined ? bound : Math.min(bound, limit);
}
