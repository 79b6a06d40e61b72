// The 30-day plan under the spec, one per band: build when ready, close the gaps first, or map the
// process before any AI. A build's review comes 30 days after go-live, not at the end of the month.
import { listText } from '../text/lists.ts';
import { formatCalendarDate } from '../text/dates.ts';
import { baselineNames } from './labels.ts';
import { missingBaseline, RED_FLAGS, SCORED_BASELINE, type ReadinessAnswers } from './schema.ts';
import type { ReadinessResult } from './score.ts';
import { BAND_TEXT } from './score-text.ts';
import type { Band } from './weights.ts';

/** The plan's heading, on the result page and in the Markdown. */
export const PLAN_TITLE = 'The 30-day plan';

/** One week of the plan (or its last step). */
export interface PlanWeek {
  /** 'Week 1: Close the gaps', ..., 'Day 30: Decide on go-live', or '30 days after launch: Review' when ready. */
  week: string;
  /** What to do that week, in order. */
  tasks: string[];
}

interface PlanContext {
  answers: ReadinessAnswers;
  result: ReadinessResult;
  /** The systems to set up access to, as a sentence names them. */
  systems: string;
  /** The success metric, or a stand-in when none is named. */
  metric: string;
}

function buildAndTest(ctx: PlanContext): string[] {
  const { answers } = ctx;
  const ai = answers.aiActions.length > 0 ? ` (${listText(answers.aiActions)})` : '';
  const owner = answers.escalationOwner.trim();
  return [
    `Build the AI steps${ai} and put a person's approval in front of every action on the approval list.`,
    'Test on 20 to 30 real past cases and note every wrong or unclear result.',
    `Set up the failed-run path: unclear or failed runs go to ${owner || 'a named person'}, never silently dropped.`,
  ];
}

function shadowRun(): string[] {
  return [
    'Run alongside the current process: AI does its part on live work, people still decide and send.',
    'Fix prompts, rules and field mappings from what went wrong.',
    'Update the written process and show the team the new way of working.',
  ];
}

function readyPlan(ctx: PlanContext): PlanWeek[] {
  const { answers, metric } = ctx;
  const missing = missingBaseline(answers);
  const target = answers.successTarget.trim();
  return [
    {
      week: 'Week 1: Count the baseline and confirm the spec',
      tasks: [
        'Walk through this spec with the person who does the work today and agree any changes.',
        `Set up access to ${ctx.systems}.`,
        missing.length > 0
          ? `Record the missing baseline (${baselineNames(missing)}) for one ordinary week.`
          : 'Count one ordinary week of live work to check the baseline figures in this spec: the review 30 days after launch is compared with them.',
      ],
    },
    { week: 'Week 2: Build and test on past cases', tasks: buildAndTest(ctx) },
    { week: 'Week 3: Run alongside the current process', tasks: shadowRun() },
    {
      week: 'Week 4: Go live with approvals on',
      tasks: [
        'Move live work to the new workflow, with every approval in place.',
        `Check ${metric} and the failed runs every week.`,
        'Keep the old way written down as the fallback.',
      ],
    },
    // The review judges a month of live use, so it comes 30 days after go-live, not at the end of the build.
    {
      week: '30 days after launch: Review',
      tasks: [
        `${answers.reviewDate ? `On ${formatCalendarDate(answers.reviewDate)}, compare` : 'Compare'} ${metric} over the first 30 days live with the baseline${target ? ` and the target (${target})` : ''}.`,
        'Decide: keep it, fix it or switch it off.',
        'If you keep it, choose the next workflow and reuse this one\'s data and approval rules.',
      ],
    },
  ];
}

function fixGapsPlan(ctx: PlanContext): PlanWeek[] {
  const gaps = ctx.result.blockers.map((blocker) => blocker.nextStep);
  return [
    { week: 'Week 1: Close the gaps', tasks: gaps.length > 0 ? gaps : ['Review the answers marked "Not decided yet" and decide each one.'] },
    {
      week: 'Week 2: Confirm and prepare',
      tasks: [
        `Answer this check again with the gaps closed; go on to the build only once it says "${BAND_TEXT.ready.title}".`,
        'Walk through this spec with the person who does the work today and agree any changes.',
        `Set up access to ${ctx.systems}.`,
      ],
    },
    { week: 'Week 3: Build and test on past cases', tasks: buildAndTest(ctx) },
    { week: 'Week 4: Run alongside the current process', tasks: shadowRun() },
    {
      week: 'Day 30: Decide on go-live',
      tasks: [
        `Compare the trial run's ${ctx.metric} with the baseline and count the failed runs.`,
        'Go live only if the metric moved and every failed run reached a person.',
        'Book the 30-day review after go-live.',
      ],
    },
  ];
}

function mapFirstPlan(ctx: PlanContext): PlanWeek[] {
  const { answers } = ctx;
  // Other red flags still need an answer before anything is built; the process itself is weeks 1 to 3.
  const flagSteps = ctx.result.blockers
    .filter((blocker) => (RED_FLAGS as readonly string[]).includes(blocker.id) && blocker.id !== 'processNobodyCanExplain')
    .map((blocker) => blocker.nextStep);
  return [
    {
      week: 'Week 1: Write the process down',
      tasks: [
        'Sit with the person who does the work and write down every step, from what starts it to the record that is updated.',
        'Mark where the work waits, where it is redone and where data is missing.',
      ],
    },
    {
      week: 'Week 2: Measure the baseline',
      tasks: [
        `Record ${baselineNames(SCORED_BASELINE)} for one ordinary week.`,
        'Note every place the inputs come from and in which format.',
      ],
    },
    {
      week: 'Week 3: Clean up the process',
      tasks: [
        'Cut steps that add nothing and agree one format for the inputs.',
        'Agree who owns the workflow and who gets the cases that go wrong.',
        ...flagSteps,
      ],
    },
    {
      week: 'Week 4: Run it by hand',
      tasks: [
        'Run the cleaned-up process by hand for a week and check it holds.',
        `Decide what AI could do on its own and what stays with a person${answers.aiActions.length > 0 || answers.approvalActions.length > 0 ? ', starting from your answers in this check' : ''}.`,
      ],
    },
    {
      week: 'Day 30: Check again',
      tasks: [
        'Answer this check again with what you now know.',
        `Build only when it says "${BAND_TEXT.ready.title}": until then, AI adds fragments, not a workflow.`,
      ],
    },
  ];
}

const PLANS: Record<Band, (ctx: PlanContext) => PlanWeek[]> = {
  ready: readyPlan,
  'fix-gaps': fixGapsPlan,
  'map-first': mapFirstPlan,
};

/** Weeks 1 to 4 and a last step, fitted to the result's band and filled from the answers. */
export function plan30Days(answers: ReadinessAnswers, result: ReadinessResult): PlanWeek[] {
  const source = answers.sourceSystem.trim();
  const record = answers.systemOfRecord.trim();
  return PLANS[result.band]({
    answers,
    result,
    systems: source && record && source !== record ? `${source} and ${record}` : source || record || 'the source system and the system of record',
    metric: answers.successMetric.trim() || 'the success metric',
  });
}
