// The template for the review 30 days after launch: the metric against the baseline, adoption, errors,
// the decision and the next workflow. The sample audit fills it from its answers and dates.
import { formatCalendarDate } from '../text/dates.ts';
import { formatNumber } from '../text/numbers.ts';
import { ASSISTED_SHARE } from './calculator-link.ts';
import type { ReadinessAnswers } from './schema.ts';

/** One row of the table that compares the metric with the baseline. */
interface ReviewRow {
  /** What is measured. */
  measure: string;
  /** From the sample's baseline answers; replaced by the week 1 count in a real build. */
  baseline: string;
  /** What the build aims for. */
  target: string;
}

/** A heading and its prompts. */
interface ReviewGroup {
  /** The heading. */
  title: string;
  /** Each one is a prompt with a blank to fill in at the review. */
  prompts: string[];
}

/** One way the review can end. */
interface ReviewDecision {
  /** The decision. */
  label: 'Keep' | 'Fix' | 'Switch off';
  /** When to take it, finishing "... if". */
  when: string;
}

/** The whole template, for the page and the Markdown alike. */
export interface ReviewTemplate {
  /** The template's heading. */
  title: string;
  /** When to fill it in and how. */
  intro: string;
  /** The table's heading. */
  tableTitle: string;
  /** What the table's columns hold. */
  tableNote: string;
  /** The table's rows. */
  rows: ReviewRow[];
  /** How the team took to it. */
  adoption: ReviewGroup;
  /** What went wrong and who caught it. */
  errors: ReviewGroup;
  /** The decision's heading. */
  decisionTitle: string;
  /** Keep, fix or switch off, and when. */
  decisions: ReviewDecision[];
  /** The line for who decided and when. */
  decidedBy: string;
  /** What comes next. */
  nextWorkflow: ReviewGroup;
}

/** The example's calendar, as reviewTemplate needs it. */
interface ReviewDates {
  /** Go-live, 'YYYY-MM-DD'. */
  goLive: string;
  /** The review, 'YYYY-MM-DD'. */
  review: string;
}

/** The example model counts 4 weeks a month (6 h a week saved x 4 = 24 h), as the ROI calculator's table does. */
const WEEKS_PER_MONTH = 4;


/** The review template filled from the answers' baseline, metric and owner, dated for the example. */
export function reviewTemplate(answers: ReadinessAnswers, dates: ReviewDates): ReviewTemplate {
  const { itemsPerMonth, manualHoursPerWeek, errorRatePercent, cycleTimeHours } = answers.baseline;
  const shown = (value: number | null, unit: string) => (value === null ? 'not counted yet' : `${formatNumber(value, 1)}${unit}`);
  const assisted = manualHoursPerWeek === null ? null : manualHoursPerWeek * ASSISTED_SHARE;
  const owner = answers.escalationOwner.trim() || 'the named owner';
  return {
    title: '30-day review template',
    intro: `Fill this in on ${formatCalendarDate(dates.review)}, 30 days after go-live on ${formatCalendarDate(dates.goLive)}. Measure the same things the baseline counted, over ordinary weeks of live work, and write down a decision before the meeting ends.`,
    tableTitle: 'The metric against the baseline',
    tableNote: 'The baseline column holds the example\'s rough figures; in a real build, week 1 replaces them with counted ones. Leave the last column for the review.',
    rows: [
      // The cycle time runs from the form to the first reply, so it is the primary metric's baseline.
      { measure: `Primary metric: ${answers.successMetric}`, baseline: shown(cycleTimeHours, ' hours'), target: answers.successTarget || 'no target set' },
      {
        measure: 'Hours of hand work a week',
        baseline: shown(manualHoursPerWeek, ' hours'),
        target:
          assisted === null || manualHoursPerWeek === null
            ? 'no target set'
            : `${formatNumber(assisted, 1)} hours (our example model: ${formatNumber((manualHoursPerWeek - assisted) * WEEKS_PER_MONTH, 1)} hours a month back)`,
      },
      { measure: 'Quote requests a month', baseline: shown(itemsPerMonth, ''), target: 'none (context for the other rows)' },
      { measure: 'Requests with an error (wrong estimator, missing details)', baseline: shown(errorRatePercent, '%'), target: 'no higher than the baseline' },
    ],
    adoption: {
      title: 'Adoption',
      prompts: [
        'Share of quote requests that went through the new workflow',
        'Estimators who used the AI drafts in a normal week (how many of how many)',
        'Steps people still do by hand or redo, and why',
      ],
    },
    errors: {
      title: 'Errors and escalations',
      prompts: [
        `Failed runs handed to ${owner}, and the most common reason`,
        'Drafts a person corrected before sending, and what was wrong with them',
        'Mistakes that reached a customer, and what changed after each one',
      ],
    },
    decisionTitle: 'Decision',
    decisions: [
      { label: 'Keep', when: 'the metric moved toward the target, the hours went down and no harmful mistake reached a customer.' },
      { label: 'Fix', when: 'it helps, but corrections or failed runs cost too much time; list each fix with an owner and a date to look again.' },
      { label: 'Switch off', when: 'the metric did not move or the risk is too high; go back to the written fallback process.' },
    ],
    decidedBy: 'Decided by, and on which date',
    nextWorkflow: {
      title: 'Next workflow',
      prompts: [
        'The next workflow to put through the readiness check',
        'What it can reuse from this one (CRM fields, approval rules, the run log)',
        'The date its baseline count starts',
      ],
    },
  };
}

const BLANK = '____';

/** The template as Markdown, with a blank after every prompt and an empty column to measure into. */
export function reviewMarkdown(review: ReviewTemplate): string {
  const group = (g: ReviewGroup) => [`### ${g.title}`, g.prompts.map((prompt) => `- ${prompt}: ${BLANK}`).join('\n')];
  return [
    `## ${review.title}`,
    review.intro,
    `### ${review.tableTitle}`,
    review.tableNote,
    [
      '| Measure | Baseline | Target | Measured after 30 days live |',
      '|---|---|---|---|',
      ...review.rows.map((row) => `| ${row.measure} | ${row.baseline} | ${row.target} | |`),
    ].join('\n'),
    ...group(review.adoption),
    ...group(review.errors),
    `### ${review.decisionTitle}`,
    [...review.decisions.map((d) => `- [ ] **${d.label}** if ${d.when}`), `- ${review.decidedBy}: ${BLANK}`].join('\n'),
    ...group(review.nextWorkflow),
  ].join('\n\n');
}
