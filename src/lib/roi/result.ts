// What the model returns: every figure the calculator shows, as plain numbers and codes. Words and
// formats are added at the edge (reasons.ts, format.ts), in the reader's locale.
import type { ScenarioName } from './presets.ts';

/** Why a workflow never pays back: a code and its figures; the edge writes the sentence in the reader's locale. */
export type NeverReason =
  | { kind: 'no-value' }
  /** Time or errors are saved (`time`, `errors`), but at a cost per hour or per error of 0, and there is no revenue. */
  | { kind: 'unvalued'; time: boolean; errors: boolean }
  | { kind: 'running-costs-exceed-value' | 'running-costs-equal-value'; monthlyValue: number; monthlyRunning: number }
  | { kind: 'too-slow'; monthlyNet: number; implementationCost: number; maxMonths: number };

/** When the cumulative cash flow turns and stays non-negative, or why it never does. */
export type Payback =
  | { kind: 'month'; /** First month from which the cumulative cash flow stays at or above 0. */ month: number; withinHorizon: boolean }
  | { kind: 'never'; reason: NeverReason };

/**
 * Why irrAnnual is null (plain words, no figures; or 'above': the rate is higher than IRR_MAX_RATE a month,
 * the most irr() looks at, finance.ts), or the caveat an IRR above `threshold` a year needs.
 */
export type IrrNote =
  | { kind: 'no-rate'; text: string }
  | { kind: 'above' }
  | { kind: 'very-high'; threshold: number };

interface MonthFlow {
  /** 0 is the implementation month; 1 is the first month the workflow runs. */
  month: number;
  /** Value earned minus running cost that month; month 0 is minus the implementation cost. */
  cashFlow: number;
  /** The sum of cash flows up to and including that month. */
  cumulative: number;
}

/** The figures a low/expected/high band chart and summary need. */
export interface ScenarioResult {
  /** Steady state, after ramp-up. */
  hoursSavedPerMonth: number;
  /** Steady-state value minus running cost, per month. */
  netMonthlyValue: number;
  payback: Payback;
  /** (total value - total cost) / total cost over the horizon; null when nothing is spent. */
  roiAtHorizon: number | null;
  /** Today's value of the horizon's cash flows at the discount rate. */
  npv: number;
  /** Cumulative cash flow for months 0..horizon. */
  cumulative: number[];
}

/** Every figure the calculator shows for one scenario, its cautious and optimistic variants included. */
export interface RoiResult {
  /** Units of work a month, before coverage: weeksPerMonth for 'week', 1 for 'month'. */
  unitsPerMonth: number;
  /** A full-time person's hours in a month: HOURS_PER_FTE_WEEK (model.ts) times weeks per month. */
  hoursPerFteMonth: number;
  /** Steady state, after ramp-up. */
  hoursSavedPerMonth: number;
  /** Hours saved as full-time people. */
  fte: number;
  errorsAvoidedPerMonth: number;
  /** Hours saved times the loaded cost per hour. */
  timeValuePerMonth: number;
  /** Errors avoided times the cost per error. */
  errorValuePerMonth: number;
  revenuePerMonth: number;
  /** Time, error and revenue value together, before running costs. */
  grossMonthlyValue: number;
  /** Gross value minus running costs. */
  netMonthlyValue: number;
  /** Months 0..horizon. */
  months: MonthFlow[];
  payback: Payback;
  /** Value over the horizon, ramp-up included. */
  totalValueAtHorizon: number;
  /** Implementation plus running costs over the horizon. */
  totalCostAtHorizon: number;
  /** (total value - total cost) / total cost; null when nothing is spent. */
  roiAtHorizon: number | null;
  /** The yearly discount rate as the monthly rate that compounds to it. */
  monthlyDiscountRate: number;
  /** Today's value of the horizon's cash flows; month 0 is not discounted. */
  npv: number;
  /** Monthly IRR of the horizon's cash flows; irrAnnual is this compounded over 12 months. */
  irrMonthly: number | null;
  /** irrMonthly compounded over 12 months; null when there is no rate (irrNote says why). */
  irrAnnual: number | null;
  /** 'no-rate' or 'above' when irrAnnual is null; 'very-high' when it is over IRR_NOTE_THRESHOLD. */
  irrNote: IrrNote | null;
  /** The cautious, expected and optimistic variants of the same workflow. */
  scenarios: Record<ScenarioName, ScenarioResult>;
}
