// The one-page workflow spec the wizard hands back: the brief's seven things a well-run workflow defines,
// filled from the answers, with the 30-day plan (plan.ts) and the calculator link (calculator-link.ts).
// Nothing is invented: an empty answer becomes a "Not decided yet: ..." line that says what to decide.
// Only answers the score counts (score.ts) can be open, so a score of 100 leaves no such line: the
// optional target reads "none set", and the run log, which the check does not ask about, is proposed
// in the system of record (item 5, scored) and labelled as a proposal.
import { formatNumber } from '../text/numbers.ts';
import { formatCalendarDate } from '../text/dates.ts';
import { AREA_LABELS } from './areas.ts';
import { calculatorParams } from './calculator-link.ts';
import { AI_ACTION_LABELS, APPROVAL_ACTION_LABELS, baselineNames } from './labels.ts';
import { plan30Days, type PlanWeek } from './plan.ts';
import { answerLines, missingBaseline, type ReadinessAnswers, type RedFlag } from './schema.ts';
import type { ReadinessResult } from './score.ts';
import { CAP_TEXT, resultSentence } from './score-text.ts';

/** One of the seven sections. */
interface SpecSection {
  /** Its heading. */
  title: string;
  /** One sentence or answer per line. */
  lines: string[];
}

/** The brief's seven fields, in its order. */
export const SPEC_SECTIONS = [
  'inputs',
  'aiResponsibilities',
  'humanResponsibilities',
  'systemUpdates',
  'errorHandling',
  'logs',
  'metrics',
] as const;
/** One of SPEC_SECTIONS. */
type SpecSectionId = (typeof SPEC_SECTIONS)[number];

/** The spec: its seven sections under their ids, plus title, summary, plan and calculator link. */
export interface WorkflowSpec extends Record<SpecSectionId, SpecSection> {
  /** Workflow name and area, e.g. 'First reply to inbound demo requests (Sales)'. */
  title: string;
  /** The score and band in one or two sentences. */
  summary: string;
  /** Weeks 1 to 4, then day 30 of the month (or, for a build, the review 30 days after launch). */
  plan30Days: PlanWeek[];
  /** Query parameters that open the ROI calculator on this workflow's hours, or null without them. */
  baselineForCalculator: Record<string, string> | null;
}

/** The start of every line that stands in for a missing answer, so the UI can style them. */
export const NOT_DECIDED = 'Not decided yet: ';

const plural = (value: number, one: string, many: string) => `${formatNumber(value)} ${value === 1 ? one : many}`;
const redFlagLine = (flag: RedFlag) => `Red flag: ${CAP_TEXT[flag]}.`;

function baselineFigures(answers: ReadinessAnswers): string[] {
  const { itemsPerMonth, manualHoursPerWeek, errorRatePercent, cycleTimeHours, revenueImpactPerMonth } = answers.baseline;
  const figures: string[] = [];
  if (itemsPerMonth !== null) figures.push(`${plural(itemsPerMonth, 'item', 'items')} a month`);
  if (manualHoursPerWeek !== null) figures.push(`${plural(manualHoursPerWeek, 'hour', 'hours')} a week by hand`);
  if (errorRatePercent !== null) figures.push(`${formatNumber(errorRatePercent)}% with errors`);
  if (cycleTimeHours !== null) figures.push(`${plural(cycleTimeHours, 'hour', 'hours')} from start to finish`);
  if (revenueImpactPerMonth !== null) figures.push(`${formatNumber(revenueImpactPerMonth)} in revenue affected a month`);
  return figures;
}

// The seven sections -----------------------------------------------------------------------------------

function inputs(answers: ReadinessAnswers): SpecSection {
  const source = answers.sourceSystem.trim();
  const steps = answerLines(answers.processSteps);
  const lines = [
    source ? `Comes from: ${source}` : `${NOT_DECIDED}the system the work comes from (a form, an inbox, a helpdesk, a CRM).`,
    steps[0] ? `Starts with: ${steps[0]}` : `${NOT_DECIDED}what starts a run (write the current process down, trigger first).`,
    answers.baseline.itemsPerMonth !== null
      ? `Volume today: ${plural(answers.baseline.itemsPerMonth, 'item', 'items')} a month`
      : `${NOT_DECIDED}how many items a month (count one ordinary month).`,
  ];
  const clear = answers.signals.clearInputs;
  if (clear === 'partly' || clear === 'no') {
    lines.push(`The inputs are ${clear === 'partly' ? 'only partly' : 'not'} the same each time: start with one kind and leave the rest on the current process.`);
  }
  if (answers.redFlags.publicChatbotWithoutKnowledgeBase) lines.push(redFlagLine('publicChatbotWithoutKnowledgeBase'));
  if (answers.redFlags.processNobodyCanExplain) lines.push(redFlagLine('processNobodyCanExplain'));
  return { title: 'Inputs', lines };
}

function aiResponsibilities(answers: ReadinessAnswers): SpecSection {
  const lines = answers.aiActions.map((action) => AI_ACTION_LABELS[action]);
  if (lines.length === 0) lines.push(`${NOT_DECIDED}what AI may do on its own (draft, classify, summarize, enrich, extract or route).`);
  else lines.push('Anything not listed here stays with a person.');
  return { title: 'What AI does on its own', lines };
}

function humanResponsibilities(answers: ReadinessAnswers): SpecSection {
  const lines = answers.approvalActions.map((action) => APPROVAL_ACTION_LABELS[action]);
  if (lines.length === 0) {
    lines.push(`${NOT_DECIDED}what waits for a person's approval. Until it is, a person approves everything AI produces.`);
  }
  if (answers.redFlags.autonomousOutreachWithoutApproval) lines.push(redFlagLine('autonomousOutreachWithoutApproval'));
  return { title: 'What a person approves', lines };
}

function systemUpdates(answers: ReadinessAnswers): SpecSection {
  const record = answers.systemOfRecord.trim();
  const steps = answerLines(answers.processSteps);
  const lines = [
    record
      ? `System of record: ${record}`
      : `${NOT_DECIDED}the system of record that must be right when a run ends (a CRM, a helpdesk, accounting, a document store).`,
  ];
  // The last written step is usually the update itself; with one step it is also the trigger, shown above.
  const last = steps.length > 1 ? steps[steps.length - 1] : undefined;
  if (last) lines.push(`Ends with: ${last}`);
  if (answers.approvalActions.includes('update-system-of-record')) {
    lines.push(`Changes to ${record || 'the system of record'} are written only after a person approves them.`);
  }
  return { title: 'System updates', lines };
}

function errorHandling(answers: ReadinessAnswers): SpecSection {
  const failedRun = answers.failedRun.trim();
  const owner = answers.escalationOwner.trim();
  const lines = [
    failedRun ? `A failed run looks like: ${failedRun}` : `${NOT_DECIDED}what a failed run looks like (missing data, low confidence, an unclear result).`,
    owner ? `Failed runs go to: ${owner}` : `${NOT_DECIDED}who gets failed runs, by name or role.`,
    // The brief's rule for every workflow, stated as a rule rather than as something already built.
    'Rule: if data is absent, the AI is unsure or the outcome is ambiguous, the run halts and a person takes it over; it never guesses.',
  ];
  if (answers.redFlags.financeOrLegalWithoutEscalation) lines.push(redFlagLine('financeOrLegalWithoutEscalation'));
  return { title: 'Error handling', lines };
}

function logs(answers: ReadinessAnswers): SpecSection {
  const lines = ['Each run records what changed, whether AI or a person changed it, and when.'];
  if (answers.approvalActions.length > 0) lines.push('Each approval records who approved it and when.');
  if (answers.failedRun.trim() || answers.escalationOwner.trim()) lines.push('Each failed run records why it failed and who picked it up.');
  // The log lives best with the records it explains: the system of record, which the score counts. The
  // check asks nothing else about it, so this is a proposal, not an answer (an open point here stood even
  // beside a score of 100).
  lines.push(`Proposed: the log is kept in ${answers.systemOfRecord.trim() || 'the system of record'}, as a field or note on each record a run changed (agree it in week 1).`);
  return { title: 'Logs', lines };
}

function metrics(answers: ReadinessAnswers): SpecSection {
  const metric = answers.successMetric.trim();
  const target = answers.successTarget.trim();
  const figures = baselineFigures(answers);
  const missing = missingBaseline(answers);
  const lines = [
    metric ? `Primary metric: ${metric}` : `${NOT_DECIDED}the one metric that will show whether this worked, 30 days after launch.`,
    // Optional and unscored (as the review template's "no target set"), so never an open point.
    `Target: ${target || 'none set (optional, but one turns the review into a yes or no)'}`,
  ];
  if (figures.length > 0) lines.push(`Baseline today: ${figures.join(', ')}.`);
  if (missing.length > 0) lines.push(`${NOT_DECIDED}the baseline ${baselineNames(missing)} (record one ordinary week before launch).`);
  lines.push(
    answers.reviewDate
      ? `Review on ${formatCalendarDate(answers.reviewDate)}: compare the metric with the baseline and decide to keep, fix or switch off the workflow.`
      : `${NOT_DECIDED}the date of the review, about 30 days after launch.`,
  );
  return { title: 'Metrics', lines };
}

// The spec -------------------------------------------------------------------------------------------------

/** The spec for these answers and their score: title, summary, the seven sections, the plan, the calculator link. */
/** Whether any line of the spec is still "Not decided yet". */
export function hasOpenPoints(spec: WorkflowSpec): boolean {
  return SPEC_SECTIONS.some((id) => spec[id].lines.some((line) => line.startsWith(NOT_DECIDED)));
}

export function buildWorkflowSpec(answers: ReadinessAnswers, result: ReadinessResult): WorkflowSpec {
  const name = answers.workflowName.trim() || 'Unnamed workflow';
  return {
    title: answers.area ? `${name} (${AREA_LABELS[answers.area]})` : name,
    summary: resultSentence(result),
    inputs: inputs(answers),
    aiResponsibilities: aiResponsibilities(answers),
    humanResponsibilities: humanResponsibilities(answers),
    systemUpdates: systemUpdates(answers),
    errorHandling: errorHandling(answers),
    logs: logs(answers),
    metrics: metrics(answers),
    plan30Days: plan30Days(answers, result),
    baselineForCalculator: calculatorParams(answers),
  };
}
