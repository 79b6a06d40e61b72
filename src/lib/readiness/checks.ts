// The checks before each "Next": what stops the person moving on from a step, one message per field.
import { isCalendarDate, daysBetween } from './dates.ts';
import { SIGNAL_QUESTIONS } from './labels.ts';
import { MESSAGES } from './messages.ts';
import { withoutHiddenFormatting } from '../text/hidden-characters.ts';
import { BASELINE_FIELDS, readinessAnswersSchema, SIGNALS, type BaselineField, type ReadinessAnswers } from './schema.ts';
import type { StepId } from './steps.ts';

/** Which step asks for each top-level answer, so a schema issue is shown on the step it belongs to. */
const STEP_OF_FIELD: Record<keyof ReadinessAnswers, StepId> = {
  area: 'workflow',
  workflowName: 'workflow',
  signals: 'screen',
  redFlags: 'screen',
  scope: 'scope',
  processSteps: 'process',
  baseline: 'baseline',
  aiActions: 'actions',
  approvalActions: 'actions',
  sourceSystem: 'systems',
  systemOfRecord: 'systems',
  failedRun: 'failure',
  escalationOwner: 'failure',
  successMetric: 'metric',
  successTarget: 'metric',
  reviewDate: 'review',
};

const MIN_NAME_LENGTH = 3;

/** An inline message for one baseline figure, more specific than the schema's range message. */
function baselineMessage(field: BaselineField, value: number | null): string | undefined {
  if (value === null) return undefined;
  const { max } = BASELINE_FIELDS[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) return MESSAGES.notANumber;
  if (value < 0) return MESSAGES.baselineNegative(field);
  if (value > max) return MESSAGES.baselineTooLarge(field, max);
  return undefined;
}

/**
 * What stops the person moving on from `step`, keyed by field path ('area', 'signals.clearInputs',
 * 'baseline.itemsPerMonth', 'reviewDate'). Only the first two steps require answers; the checklist steps
 * accept empty answers, because "don't know yet" is honest and the score already reflects it, but
 * reject values that are malformed. `today` is 'YYYY-MM-DD', so a review date in the past is caught.
 */
export function stepErrors(step: StepId, answers: ReadinessAnswers, today: string): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  const add = (path: string, message: string) => {
    errors[path] ??= message;
  };

  // Specific checks first, so their messages win over the schema's general ones for the same path.
  if (step === 'workflow') {
    // Counted as the spec's title will show it: zero-width and bidi characters are dropped there.
    if (answers.area === null) add('area', MESSAGES.area);
    if (typeof answers.workflowName === 'string' && withoutHiddenFormatting(answers.workflowName).trim().length < MIN_NAME_LENGTH) {
      add('workflowName', MESSAGES.workflowName(MIN_NAME_LENGTH));
    }
  }
  if (step === 'screen') {
    for (const signal of SIGNALS) {
      if (answers.signals[signal] == null) add(`signals.${signal}`, MESSAGES.unanswered(SIGNAL_QUESTIONS[signal].question));
    }
  }
  if (step === 'baseline') {
    for (const field of Object.keys(BASELINE_FIELDS) as BaselineField[]) {
      const message = baselineMessage(field, answers.baseline[field]);
      if (message) add(`baseline.${field}`, message);
    }
  }
  if (step === 'review' && isCalendarDate(answers.reviewDate)) {
    const days = daysBetween(today, answers.reviewDate);
    if (days !== null && days < 0) add('reviewDate', MESSAGES.reviewDatePast);
  }

  // The schema catches the rest: text too long, values not on a list, a date that does not exist.
  const parsed = readinessAnswersSchema.safeParse(answers);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const top = issue.path[0];
      if (typeof top !== 'string' || !(top in STEP_OF_FIELD) || STEP_OF_FIELD[top as keyof ReadinessAnswers] !== step) continue;
      // Lists report the list, not the item index: the UI shows one message per group of checkboxes.
      const path = top === 'aiActions' || top === 'approvalActions' ? top : issue.path.map(String).join('.');
      add(path, issue.message);
    }
  }
  return errors;
}
