// What the checks say when an answer cannot be taken: each message says what to enter instead. Limits
// come in as arguments, so a message always states the limit its rule applies.
import { formatNumber } from '../text/numbers.ts';
import type { BaselineField, TextField } from './fields.ts';

/** What each text answer is called at the start of a message. */
const TEXT_NAMES: Record<TextField, string> = {
  workflowName: 'The workflow name',
  processSteps: 'The process',
  sourceSystem: 'The source system',
  systemOfRecord: 'The system of record',
  failedRun: 'The failed-run description',
  escalationOwner: 'The escalation owner',
  successMetric: 'The metric',
  successTarget: 'The target',
};

interface BaselineMessages {
  /** The figure at the start of a sentence: 'Items per month cannot be negative'. */
  label: string;
  /** What to enter and the allowed range, given the formatted maximum. */
  range: (max: string) => string;
  /** Above the maximum, given formatted: such figures are nearly always typos. */
  tooLarge: (max: string) => string;
}

const BASELINE_MESSAGES: Record<BaselineField, BaselineMessages> = {
  itemsPerMonth: {
    label: 'Items per month',
    range: (max) => `Enter the items per month as a number from 0 to ${max}, or leave it empty`,
    tooLarge: (max) => `That is more than ${max} items a month: check the figure`,
  },
  manualHoursPerWeek: {
    label: 'Hours by hand per week',
    range: (max) => `Enter the hours by hand per week as a number from 0 to ${max}, or leave it empty`,
    tooLarge: (max) => `That is more than ${max} hours a week (ten full-time people): check the figure`,
  },
  errorRatePercent: {
    label: 'Error rate',
    range: (max) => `Enter the error rate as a percentage from 0 to ${max}, or leave it empty`,
    tooLarge: (max) => `An error rate cannot be more than ${max}%`,
  },
  cycleTimeHours: {
    label: 'Cycle time',
    range: (max) => `Enter the cycle time in hours, from 0 to ${max}, or leave it empty`,
    tooLarge: (max) => `That is more than ${max} hours (over a year): check the figure`,
  },
  revenueImpactPerMonth: {
    label: 'Revenue affected per month',
    range: (max) => `Enter the revenue affected per month as a number from 0 to ${max}, or leave it empty`,
    tooLarge: (max) => `That is more than ${max} a month: check the figure`,
  },
};

/** Every message the schema and the step checks show. */
export const MESSAGES = {
  /** A text answer that is not text at all (only edited data gets here). */
  text: 'Enter text',
  /** No area chosen, or one not on the list. */
  area: 'Choose the area this workflow belongs to',
  /** A workflow name shorter than `min` characters. */
  workflowName: (min: number) => `Name the workflow in a few words (at least ${min} characters), e.g. "First reply to inbound demo requests"`,
  /** A signal answer not on the list. */
  signal: 'Answer yes, partly or no',
  /** A signal left unanswered on the screen step, naming its question. */
  unanswered: (question: string) => `Answer: ${question}`,
  /** A red flag that is not true or false. */
  redFlag: 'Tick the box or leave it empty',
  /** A scope not on the list. */
  scope: 'Choose one of the listed scopes, or leave it empty',
  /** An AI action not on the list, or listed twice. */
  aiActions: 'Choose from the listed AI actions, each once',
  /** An approval action not on the list, or listed twice. */
  approvalActions: 'Choose from the listed approval actions, each once',
  /** A review date that is not a real 'YYYY-MM-DD' date. */
  reviewDate: 'Enter a real date as YYYY-MM-DD (year, month, day), or leave it empty',
  /** A review date before today. */
  reviewDatePast: 'The review date is in the past: choose a date after launch, about 30 days out',
  /** A text answer over its limit. */
  tooLong: (field: TextField, max: number) => `${TEXT_NAMES[field]} is too long: keep it to ${formatNumber(max)} characters`,
  /** A baseline figure that is not a finite number. */
  notANumber: 'Enter a number, or leave it empty',
  /** A baseline figure outside 0 to `max`: the schema's message. */
  baselineRange: (field: BaselineField, max: number) => BASELINE_MESSAGES[field].range(formatNumber(max)),
  /** A baseline figure below 0: the step's own, more specific message. */
  baselineNegative: (field: BaselineField) => `${BASELINE_MESSAGES[field].label} cannot be negative: enter 0 or more, or leave it empty`,
  /** A baseline figure above `max`: the step's own, more specific message. */
  baselineTooLarge: (field: BaselineField, max: number) => BASELINE_MESSAGES[field].tooLarge(formatNumber(max)),
} as const;
