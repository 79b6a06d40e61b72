// The sample audit outcome (/resources/sample-workflow-audit and its Markdown download): one fixed set of
// example answers for the site's own example workflow, lead routing and first reply, run through the
// readiness check's own generators (scoreReadiness, buildWorkflowSpec, specToMarkdown), plus the template
// for the review 30 days after launch. Pure, so the page, the download and the tests read the same thing.
// Every answer is made up and labelled as an example; none comes from a client.
import { daysBetween, type ReadinessAnswers } from './answers.ts';
import { scoreReadiness, type ReadinessResult } from './score.ts';
import { ASSISTED_SHARE, buildWorkflowSpec, specToMarkdown, type WorkflowSpec } from './spec.ts';
import { formatDate } from '../text/dates.ts';

/**
 * The example's calendar. The answers are scored on the build's first day; go-live falls in week 4 of
 * the 30-day build, and the review comes 30 days after go-live (not at the end of the build).
 */
export const SAMPLE_DATES = {
  buildStart: '2027-01-04',
  goLive: '2027-01-25',
  review: '2027-02-24',
} as const;

/** Invented for the example: a company shape no other page uses. */
export const SAMPLE_COMPANY = 'an invented 28-person commercial cleaning company that takes quote requests through its website';
/** The example model counts 4 weeks a month (6 h a week saved x 4 = 24 h), as the ROI calculator's table does. */
const WEEKS_PER_MONTH = 4;

export const SAMPLE_ANSWERS: ReadinessAnswers = {
  area: 'sales',
  workflowName: 'Example: lead routing and first reply to quote requests',
  signals: { clearInputs: 'yes', repeatedVolume: 'yes', measurableOutcome: 'yes', manageableRisk: 'partly' },
  redFlags: {
    publicChatbotWithoutKnowledgeBase: false,
    autonomousOutreachWithoutApproval: false,
    financeOrLegalWithoutEscalation: false,
    processNobodyCanExplain: false,
  },
  scope: 'one-workflow',
  processSteps: [
    'A quote request comes in through the website form',
    'The form copies it into the shared sales inbox',
    'Whoever has time that morning opens it',
    'Check that the address is inside the service area',
    'Look up the company and the size of its premises',
    'Search the CRM for an existing contact or account',
    'Create or update the contact and the company in the CRM',
    'Pick the estimator who covers that area',
    'The estimator writes a first reply from a saved template',
    'The estimator offers two slots for a site visit',
    'The estimator sends the reply from the shared inbox',
    'The estimator moves the deal to the site-visit stage in the CRM',
  ].join('\n'),
  // Rough figures, as given before the build; week 1 counts the real ones. 8 hours a week by hand is the
  // lead-routing workflow of our example model (8 h by hand, 2 h AI-assisted, 24 h a month back).
  baseline: { itemsPerMonth: 120, manualHoursPerWeek: 8, errorRatePercent: 10, cycleTimeHours: 22, revenueImpactPerMonth: null },
  aiActions: ['enrich', 'classify', 'draft', 'route'],
  approvalActions: ['send-to-customer', 'pricing-or-commitments'],
  sourceSystem: 'the quote form on the website',
  systemOfRecord: 'the CRM',
  failedRun: 'the address is outside the service area, the company cannot be identified, or the request asks for a price',
  escalationOwner: 'the sales lead on duty that day',
  successMetric: 'median hours from quote request to first reply',
  successTarget: 'under 4 business hours',
  reviewDate: SAMPLE_DATES.review,
};

// The review template ----------------------------------------------------------------------------------

export interface ReviewRow {
  measure: string;
  /** From the sample's baseline answers; replaced by the week 1 count in a real build. */
  baseline: string;
  target: string;
}

export interface ReviewGroup {
  title: string;
  /** Each one is a prompt with a blank to fill in at the review. */
  prompts: string[];
}

export interface ReviewDecision {
  label: 'Keep' | 'Fix' | 'Switch off';
  when: string;
}

export interface ReviewTemplate {
  title: string;
  intro: string;
  tableTitle: string;
  tableNote: string;
  rows: ReviewRow[];
  adoption: ReviewGroup;
  errors: ReviewGroup;
  decisionTitle: string;
  decisions: ReviewDecision[];
  decidedBy: string;
  nextWorkflow: ReviewGroup;
}

const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** The headings of the review template, in order: the page and the Markdown both use them. */
export const REVIEW_HEADINGS = {
  table: 'The metric against the baseline',
  adoption: 'Adoption',
  errors: 'Errors and escalations',
  decision: 'Decision',
  next: 'Next workflow',
} as const;

export function reviewTemplate(answers: ReadinessAnswers = SAMPLE_ANSWERS, dates = SAMPLE_DATES): ReviewTemplate {
  const { itemsPerMonth, manualHoursPerWeek, errorRatePercent, cycleTimeHours } = answers.baseline;
  const shown = (value: number | null, unit: string) => (value === null ? 'not counted yet' : `${number.format(value)}${unit}`);
  const assisted = manualHoursPerWeek === null ? null : manualHoursPerWeek * ASSISTED_SHARE;
  const owner = answers.escalationOwner.trim() || 'the named owner';
  return {
    title: '30-day review template',
    intro: `Fill this in on ${day(dates.review)}, 30 days after go-live on ${day(dates.goLive)}. Measure the same things the baseline counted, over ordinary weeks of live work, and write down a decision before the meeting ends.`,
    tableTitle: REVIEW_HEADINGS.table,
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
            : `${number.format(assisted)} hours (our example model: ${number.format((manualHoursPerWeek - assisted) * WEEKS_PER_MONTH)} hours a month back)`,
      },
      { measure: 'Quote requests a month', baseline: shown(itemsPerMonth, ''), target: 'none (context for the other rows)' },
      { measure: 'Requests with an error (wrong estimator, missing details)', baseline: shown(errorRatePercent, '%'), target: 'no higher than the baseline' },
    ],
    adoption: {
      title: REVIEW_HEADINGS.adoption,
      prompts: [
        'Share of quote requests that went through the new workflow',
        'Estimators who used the AI drafts in a normal week (how many of how many)',
        'Steps people still do by hand or redo, and why',
      ],
    },
    errors: {
      title: REVIEW_HEADINGS.errors,
      prompts: [
        `Failed runs handed to ${owner}, and the most common reason`,
        'Drafts a person corrected before sending, and what was wrong with them',
        'Mistakes that reached a customer, and what changed after each one',
      ],
    },
    decisionTitle: REVIEW_HEADINGS.decision,
    decisions: [
      { label: 'Keep', when: 'the metric moved toward the target, the hours went down and no harmful mistake reached a customer.' },
      { label: 'Fix', when: 'it helps, but corrections or failed runs cost too much time; list each fix with an owner and a date to look again.' },
      { label: 'Switch off', when: 'the metric did not move or the risk is too high; go back to the written fallback process.' },
    ],
    decidedBy: 'Decided by, and on which date',
    nextWorkflow: {
      title: REVIEW_HEADINGS.next,
      prompts: [
        'The next workflow to put through the readiness check',
        'What it can reuse from this one (CRM fields, approval rules, the run log)',
        'The date its baseline count starts',
      ],
    },
  };
}

const BLANK = '____';

function reviewMarkdown(review: ReviewTemplate): string {
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

// The whole sample -------------------------------------------------------------------------------------

export interface SampleAudit {
  answers: ReadinessAnswers;
  result: ReadinessResult;
  /** Made by the readiness check's own generator. */
  spec: WorkflowSpec;
  review: ReviewTemplate;
  /** The label that opens the page and the download, then what it means. */
  exampleLabel: string;
  exampleNote: string;
  dates: { buildStart: string; goLive: string; review: string; daysFromGoLiveToReview: number };
}

export function sampleAudit(): SampleAudit {
  const result = scoreReadiness(SAMPLE_ANSWERS, SAMPLE_DATES.buildStart);
  return {
    answers: SAMPLE_ANSWERS,
    result,
    spec: buildWorkflowSpec(SAMPLE_ANSWERS, result),
    review: reviewTemplate(),
    exampleLabel: 'Example only, not a client\'s audit.',
    exampleNote: `Every answer behind it is made up and describes ${SAMPLE_COMPANY}. The spec and the plan come from the same generator as the readiness check in our audit checklist; dates and figures are illustrative.`,
    dates: {
      buildStart: day(SAMPLE_DATES.buildStart),
      goLive: day(SAMPLE_DATES.goLive),
      review: day(SAMPLE_DATES.review),
      daysFromGoLiveToReview: daysBetween(SAMPLE_DATES.goLive, SAMPLE_DATES.review) ?? Number.NaN,
    },
  };
}

/** The download: the generator's spec and plan with the example label under the title, then the review template. */
export function sampleAuditMarkdown(sample: SampleAudit = sampleAudit()): string {
  const [title = '', ...rest] = specToMarkdown(sample.spec).split('\n');
  const note = `> **${sample.exampleLabel}** ${sample.exampleNote}`;
  const build = `Example dates: the 30-day build starts on ${sample.dates.buildStart}, the workflow goes live on ${sample.dates.goLive}, and the review is on ${sample.dates.review}.`;
  return `${[title, '', note, '', build, ...rest].join('\n').trimEnd()}\n\n${reviewMarkdown(sample.review)}\n`;
}
