// The link from the spec to the ROI calculator, opened on this workflow's own hours by hand.
// Type-only: the calculator's keys are checked at compile time without adding its code to this bundle.
import type { QUERY_KEYS } from '../roi/query.ts';
import type { ReadinessAnswers } from './schema.ts';

/**
 * Hours with automation as a share of hours by hand: the brief's lead-routing example (8 h a week by
 * hand, 2 h assisted). A starting guess the calculator lets people change, not a promise.
 */
export const ASSISTED_SHARE = 0.25;

// Checked against the calculator's own keys, so a renamed key fails to compile here.
const CALCULATOR_KEYS = {
  preset: 'p',
  unit: 'u',
  timeUnit: 'tu',
  manualTimePerUnit: 'tm',
  assistedTimePerUnit: 'ta',
} as const satisfies Partial<typeof QUERY_KEYS>;

/**
 * Query parameters for a custom weekly workflow in hours: hours by hand as given and a quarter of them
 * with automation; null without hours above 0, which the calculator needs to compare against. Other
 * figures stay the calculator's examples, shown there. Not the error rate: the check's is a share of
 * items, a weekly workflow's in the calculator a share of weeks, so 4% of leads misrouted would have
 * read as one bad week in 25 and priced the errors far too low.
 */
export function calculatorParams(answers: ReadinessAnswers): Record<string, string> | null {
  const hours = answers.baseline.manualHoursPerWeek;
  if (hours === null || !(hours > 0)) return null;
  return {
    [CALCULATOR_KEYS.preset]: 'custom',
    [CALCULATOR_KEYS.unit]: 'week',
    [CALCULATOR_KEYS.timeUnit]: 'hours',
    [CALCULATOR_KEYS.manualTimePerUnit]: String(hours),
    // To the nearest half hour, a figure people can read at a glance.
    [CALCULATOR_KEYS.assistedTimePerUnit]: String(Math.round(hours * ASSISTED_SHARE * 2) / 2),
  };
}
