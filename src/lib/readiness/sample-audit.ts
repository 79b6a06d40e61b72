// The sample audit outcome (/resources/sample-workflow-audit and its Markdown download): one fixed set of
// example answers for the site's own example workflow, lead routing and first reply, dated from the day
// the site is built, run through the readiness check's own generators (scoreReadiness, buildWorkflowSpec,
// specToMarkdown), plus the template for the review 30 days after launch. Pure (the day comes in), so the
// page, the download and the tests read the same thing.
// Every answer is made up and labeled as an example; none comes from a client.
import { EXAMPLE_LEAD_BASELINE } from '../roi/examples.ts';
import { daysBetween } from './dates.ts';
import { addDays, weekdayOf } from '../booking/calendar-month.ts';
import { specToMarkdown } from './markdown.ts';
import { formatCalendarDate } from '../text/dates.ts';
import { reviewMarkdown, reviewTemplate, type ReviewTemplate } from './review-template.ts';
import type { ReadinessAnswers } from './schema.ts';
import { scoreReadiness, type ReadinessResult } from './score.ts';
import { buildWorkflowSpec, type WorkflowSpec } from './spec.ts';

/** The example's calendar: three dates, as typed into the readiness check (YYYY-MM-DD). */
export interface SampleDates {
  buildStart: string;
  goLive: string;
  review: string;
}

/**
 * Whether the seven days from `weekStart` touch the year-end holidays (December 24 to January 1), when
 * no week of work is ordinary: the baseline guide says to count a normal week and avoid holidays.
 */
export function touchesYearEndHolidays(weekStart: string): boolean {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i).slice(5)).some((monthDay) => monthDay >= '12-24' || monthDay <= '01-01');
}

/** The four weeks of the 30-day build, go-live in the last: the example's plan (plan.ts) gives each a job. */
const BUILD_WEEKS = 4;

/**
 * The example's calendar, from the day the site is built, so the sample never reads as past: the build
 * starts on the first Monday at least two weeks out whose four weeks all miss the year-end holidays (a
 * week later each time one does not): week 1 counts the baseline, week 3 runs beside the current
 * process and week 4 goes live, and none of that means anything in Christmas week. Go-live falls in
 * week 4 (day 22), and the review comes 30 days after go-live (not at the end of the build). The
 * answers are scored on `today`, as the readiness check would score them for a visitor typing them in.
 */
export function sampleDates(today: string): SampleDates {
  const twoWeeksOut = addDays(today, 14);
  let buildStart = addDays(twoWeeksOut, (8 - weekdayOf(twoWeeksOut)) % 7);
  const buildTouchesHolidays = (start: string) => Array.from({ length: BUILD_WEEKS }, (_, week) => addDays(start, 7 * week)).some(touchesYearEndHolidays);
  while (buildTouchesHolidays(buildStart)) buildStart = addDays(buildStart, 7);
  const goLive = addDays(buildStart, 21);
  return { buildStart, goLive, review: addDays(goLive, 30) };
}

// Invented for the example: a company shape no other page uses.
const SAMPLE_COMPANY = 'an invented 28-person commercial cleaning company that takes quote requests through its website';

/** The example's answers, as if typed into the readiness check, with the review on the calendar's date. */
export const sampleAnswers = (dates: SampleDates): ReadinessAnswers => ({
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
  // Rough figures, as given before the build; week 1 counts the real ones. They are the lead example of
  // our example model (src/lib/roi/examples.ts: the hours by hand are the calculator's lead-routing
  // preset), which the audit checklist quotes too, so the page can quote its sum and no page disagrees.
  baseline: { ...EXAMPLE_LEAD_BASELINE, revenueImpactPerMonth: null },
  aiActions: ['enrich', 'classify', 'draft', 'route'],
  approvalActions: ['send-to-customer', 'pricing-or-commitments'],
  sourceSystem: 'the quote form on the website',
  systemOfRecord: 'the CRM',
  failedRun: 'the address is outside the service area, the company cannot be identified, or the request wants a fixed price before a site visit',
  escalationOwner: 'the sales lead on duty that day',
  successMetric: 'median hours from quote request to first reply',
  successTarget: 'under 4 hours',
  reviewDate: dates.review,
});

/** Everything the sample page and its download show. */
interface SampleAudit {
  /** The example's answers. */
  answers: ReadinessAnswers;
  /** Their score, on the build's first day. */
  result: ReadinessResult;
  /** Made by the readiness check's own generator. */
  spec: WorkflowSpec;
  /** The review template, filled from the answers. */
  review: ReviewTemplate;
  /** The label that opens the page and the download. */
  exampleLabel: string;
  /** What the label means. */
  exampleNote: string;
  /** The example's dates as a reader reads them, and the days from go-live to the review. */
  dates: { buildStart: string; goLive: string; review: string; daysFromGoLiveToReview: number };
}

/** The sample audit, as built on `today` (YYYY-MM-DD): the example answers scored, turned into a spec, and the review template. */
export function sampleAudit(today: string): SampleAudit {
  const dates = sampleDates(today);
  const answers = sampleAnswers(dates);
  const result = scoreReadiness(answers, today);
  return {
    answers,
    result,
    spec: buildWorkflowSpec(answers, result),
    review: reviewTemplate(answers, dates),
    exampleLabel: 'Example only, not a client\'s spec.',
    exampleNote: `Every answer behind it is made up and describes ${SAMPLE_COMPANY}. The spec and the plan come from the same generator as the readiness check in our audit checklist; dates and figures are illustrative.`,
    dates: {
      buildStart: formatCalendarDate(dates.buildStart),
      goLive: formatCalendarDate(dates.goLive),
      review: formatCalendarDate(dates.review),
      daysFromGoLiveToReview: daysBetween(dates.goLive, dates.review) ?? Number.NaN,
    },
  };
}

/** The download: the generator's spec and plan with the example label under the title, then the review template. */
export function sampleAuditMarkdown(sample: SampleAudit): string {
  const [title = '', ...rest] = specToMarkdown(sample.spec).split('\n');
  const note = `> **${sample.exampleLabel}** ${sample.exampleNote}`;
  const build = `Example dates: the 30-day build starts on ${sample.dates.buildStart}, the workflow goes live on ${sample.dates.goLive}, and the review is on ${sample.dates.review}.`;
  return `${[title, '', note, '', build, ...rest].join('\n').trimEnd()}\n\n${reviewMarkdown(sample.review)}\n`;
}
