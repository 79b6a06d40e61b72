// The one-page workflow spec the wizard hands back: the brief's seven things a well-run workflow defines,
// filled from the answers, plus a 30-day plan that fits the band and a Markdown copy to download.
// Nothing is invented: an empty answer becomes a "Not decided yet: ..." line that says what to decide.
import {
  AI_ACTION_LABELS,
  APPROVAL_ACTION_LABELS,
  AREA_LABELS,
  RED_FLAGS,
  type ReadinessAnswers,
  type RedFlag,
} from './answers.ts';
import { CAP_TEXT, resultSentence, type Band, type ReadinessResult } from './score.ts';
// Type-only: the calculator's keys are checked at compile time without adding its code to this bundle.
import type { QUERY_KEYS } from '../roi/inputs.ts';

export interface SpecSection {
  title: string;
  lines: string[];
}

export interface PlanWeek {
  /** 'Week 1: Close the gaps', ..., 'Day 30: Decide on go-live', or '30 days after launch: Review' when ready. */
  week: string;
  tasks: string[];
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
export type SpecSectionId = (typeof SPEC_SECTIONS)[number];

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
export const CALCULATOR_PATH = '/resources/ai-automation-roi-calculator';
/**
 * Hours with automation as a share of hours by hand: the brief's lead-routing example (8 h a week by
 * hand, 2 h assisted). A starting guess the calculator lets people change, not a promise.
 */
export const ASSISTED_SHARE = 0.25;

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const fmt = (value: number) => grouped.format(value);
const plural = (value: number, one: string, many: string) => `${fmt(value)} ${value === 1 ? one : many}`;

const listText = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const redFlagLine = (flag: RedFlag) => `Red flag: ${CAP_TEXT[flag]}.`;

function processLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const BASELINE_WORDS = {
  itemsPerMonth: 'volume',
  manualHoursPerWeek: 'hours by hand',
  errorRatePercent: 'error rate',
  cycleTimeHours: 'cycle time',
} as const;

/** The baseline figures that are scored and missing, in checklist order. */
function missingBaseline(answers: ReadinessAnswers): string[] {
  return (Object.keys(BASELINE_WORDS) as (keyof typeof BASELINE_WORDS)[])
    .filter((field) => answers.baseline[field] === null)
    .map((field) => BASELINE_WORDS[field]);
}

function baselineFigures(answers: ReadinessAnswers): string[] {
  const { itemsPerMonth, manualHoursPerWeek, errorRatePercent, cycleTimeHours, revenueImpactPerMonth } = answers.baseline;
  const figures: string[] = [];
  if (itemsPerMonth !== null) figures.push(`${plural(itemsPerMonth, 'item', 'items')} a month`);
  if (manualHoursPerWeek !== null) figures.push(`${plural(manualHoursPerWeek, 'hour', 'hours')} a week by hand`);
  if (errorRatePercent !== null) figures.push(`${fmt(errorRatePercent)}% with errors`);
  if (cycleTimeHours !== null) figures.push(`${plural(cycleTimeHours, 'hour', 'hours')} from start to finish`);
  if (revenueImpactPerMonth !== null) figures.push(`${fmt(revenueImpactPerMonth)} in revenue affected a month`);
  return figures;
}

// The seven sections -----------------------------------------------------------------------------------

function inputs(answers: ReadinessAnswers): SpecSection {
  const source = answers.sourceSystem.trim();
  const steps = processLines(answers.processSteps);
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
  if (lines.length === 0) lines.push(`${NOT_DECIDED}what AI may do on its own (draft, classify, summarise, enrich, extract or route).`);
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
  const steps = processLines(answers.processSteps);
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
  // The wizard does not ask where the log lives, so the spec says so rather than guess.
  lines.push(`${NOT_DECIDED}where the run log is kept (a field or note in the system of record, or a shared sheet).`);
  return { title: 'Logs', lines };
}

function metrics(answers: ReadinessAnswers): SpecSection {
  const metric = answers.successMetric.trim();
  const target = answers.successTarget.trim();
  const figures = baselineFigures(answers);
  const missing = missingBaseline(answers);
  const lines = [
    metric ? `Primary metric: ${metric}` : `${NOT_DECIDED}the one metric that will show whether this worked, 30 days after launch.`,
    target ? `Target: ${target}` : `${NOT_DECIDED}a target for the metric (optional, but it turns the review into a yes or no).`,
  ];
  if (figures.length > 0) lines.push(`Baseline today: ${figures.join(', ')}.`);
  if (missing.length > 0) lines.push(`${NOT_DECIDED}the baseline ${listText(missing)} (record one ordinary week before launch).`);
  lines.push(
    answers.reviewDate
      ? `Review on ${answers.reviewDate}: compare the metric with the baseline and decide to keep, fix or stop.`
      : `${NOT_DECIDED}the date of the review, about 30 days after launch.`,
  );
  return { title: 'Metrics', lines };
}

// The 30-day plan ----------------------------------------------------------------------------------------

interface PlanContext {
  answers: ReadinessAnswers;
  result: ReadinessResult;
  systems: string;
  metric: string;
}

function buildAndTest(ctx: PlanContext): string[] {
  const { answers } = ctx;
  const ai = answers.aiActions.length > 0 ? ` (${listText([...answers.aiActions])})` : '';
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
          ? `Record the missing baseline (${listText(missing)}) for one ordinary week.`
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
        `${answers.reviewDate ? `On ${answers.reviewDate}, compare` : 'Compare'} ${metric} over the first 30 days live with the baseline${target ? ` and the target (${target})` : ''}.`,
        'Decide: keep it, fix it or stop it.',
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
        'Answer this check again with the gaps closed; go on to the build only once it says "Ready for a 30-day build".',
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
        'Record volume, hours by hand, error rate and cycle time for one ordinary week.',
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
        'Build only when it says "Ready for a 30-day build": until then, AI adds fragments, not a workflow.',
      ],
    },
  ];
}

const PLANS: Record<Band, (ctx: PlanContext) => PlanWeek[]> = {
  ready: readyPlan,
  'fix-gaps': fixGapsPlan,
  'map-first': mapFirstPlan,
};

// The calculator link ------------------------------------------------------------------------------------

// Checked against the calculator's own keys, so a renamed key fails to compile here.
const CALCULATOR_KEYS = {
  preset: 'p',
  unit: 'u',
  timeUnit: 'tu',
  manualTimePerUnit: 'tm',
  assistedTimePerUnit: 'ta',
  errorRate: 'er',
} as const satisfies Partial<typeof QUERY_KEYS>;

/**
 * A custom weekly workflow in hours: hours by hand as given, a quarter of them with automation, and the
 * error rate as a share. Only with hours above 0: the calculator needs time by hand to compare against.
 * Other figures (cost per hour, build cost) stay the calculator's defaults, shown there to be changed.
 */
function calculatorParams(answers: ReadinessAnswers): Record<string, string> | null {
  const hours = answers.baseline.manualHoursPerWeek;
  if (hours === null || !(hours > 0)) return null;
  const params: Record<string, string> = {
    [CALCULATOR_KEYS.preset]: 'custom',
    [CALCULATOR_KEYS.unit]: 'week',
    [CALCULATOR_KEYS.timeUnit]: 'hours',
    [CALCULATOR_KEYS.manualTimePerUnit]: String(hours),
    // To the nearest half hour, a figure people can read at a glance.
    [CALCULATOR_KEYS.assistedTimePerUnit]: String(Math.round(hours * ASSISTED_SHARE * 2) / 2),
  };
  const errorRate = answers.baseline.errorRatePercent;
  // toFixed then Number: 3.3 / 100 is 0.033, not 0.032999999999999995.
  if (errorRate !== null) params[CALCULATOR_KEYS.errorRate] = String(Number((errorRate / 100).toFixed(8)));
  return params;
}

// The spec -------------------------------------------------------------------------------------------------

export function buildWorkflowSpec(answers: ReadinessAnswers, result: ReadinessResult): WorkflowSpec {
  const name = answers.workflowName.trim() || 'Unnamed workflow';
  const source = answers.sourceSystem.trim();
  const record = answers.systemOfRecord.trim();
  const ctx: PlanContext = {
    answers,
    result,
    systems: source && record && source !== record ? `${source} and ${record}` : source || record || 'the source system and the system of record',
    metric: answers.successMetric.trim() || 'the success metric',
  };
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
    plan30Days: PLANS[result.band](ctx),
    baselineForCalculator: calculatorParams(answers),
  };
}

// Markdown -------------------------------------------------------------------------------------------------

// What turns the start of a line into structure: headings, lists (-, +, *, 1. or 1)), quotes, tables,
// setext underlines and rules (---, ===, ***, ___), code fences and HTML blocks. A backslash makes each
// one a plain character again; mid-line they are plain text already and stay as typed.
const BLOCK_START = /^([#>|+*=_`~<-]|\d{1,9}[.)])/;

/** One piece of text as Markdown lines: trimmed (leading spaces could start a code block), starts escaped. */
function markdownLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.replace(BLOCK_START, (start) => (/^\d/.test(start) ? `${start.slice(0, -1)}\\${start.slice(-1)}` : `\\${start}`)));
}

/** A heading on one line; a trailing run of # would otherwise be read as the heading's closing sequence. */
function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${markdownLines(text).join(' ').replace(/#+$/, (hashes) => `\\${hashes}`)}`;
}

/** A list item; further lines of the same text continue it, indented, so they cannot end the list. */
function listItem(text: string): string {
  const [first = '', ...rest] = markdownLines(text);
  return [`- ${first}`, ...rest.map((line) => `  ${line}`)].join('\n');
}

/** The spec as a one-page Markdown document: title, summary, the seven sections, then the 30-day plan. */
export function specToMarkdown(spec: WorkflowSpec): string {
  const blocks: string[] = [heading(1, spec.title), markdownLines(spec.summary).join('\n')];
  for (const id of SPEC_SECTIONS) {
    const section = spec[id];
    blocks.push(heading(2, section.title), section.lines.map(listItem).join('\n'));
  }
  blocks.push(heading(2, 'The 30-day plan'));
  for (const week of spec.plan30Days) blocks.push(heading(3, week.week), week.tasks.map(listItem).join('\n'));
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}
