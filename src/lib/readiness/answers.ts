// The readiness wizard's answers: schema, empty answers, steps and the checks that run before each
// "Next". Built on the brief's "Which workflows first" screen and its 30-day readiness checklist.
// Pure: the wizard island, the booking form (which reads the stored answers) and the tests use it as is.
// zod/mini: the same schemas at a fraction of the size in the wizard's browser bundle.
import * as z from 'zod/mini';
import { AREAS, type Area } from './areas.ts';

export { AREAS, AREA_LABELS, type Area } from './areas.ts';
export const SIGNAL_ANSWERS = ['yes', 'partly', 'no'] as const;
/** The brief's four marks of a good first workflow. */
export const SIGNALS = ['clearInputs', 'repeatedVolume', 'measurableOutcome', 'manageableRisk'] as const;
/** The brief's weak first workflows. */
export const RED_FLAGS = [
  'publicChatbotWithoutKnowledgeBase',
  'autonomousOutreachWithoutApproval',
  'financeOrLegalWithoutEscalation',
  'processNobodyCanExplain',
] as const;
export const SCOPES = ['one-workflow', 'several-workflows', 'department'] as const;
/** What the brief lets AI do on its own: draft, classify, summarise, enrich, extract, route. */
export const AI_ACTIONS = ['draft', 'classify', 'summarise', 'enrich', 'extract', 'route'] as const;
/** What the brief keeps human-approved: sending, updating, merging, pricing and commitments, escalating. */
export const APPROVAL_ACTIONS = ['send-to-customer', 'update-system-of-record', 'merge-or-delete', 'pricing-or-commitments', 'escalate'] as const;

export type SignalAnswer = (typeof SIGNAL_ANSWERS)[number];
export type Signal = (typeof SIGNALS)[number];
export type RedFlag = (typeof RED_FLAGS)[number];
export type Scope = (typeof SCOPES)[number];
export type AiAction = (typeof AI_ACTIONS)[number];
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export interface Baseline {
  itemsPerMonth: number | null;
  manualHoursPerWeek: number | null;
  errorRatePercent: number | null;
  cycleTimeHours: number | null;
  revenueImpactPerMonth: number | null;
}

export interface ReadinessAnswers {
  /** Step "workflow". */
  area: Area | null;
  /** Step "workflow", e.g. "First reply to inbound demo requests". */
  workflowName: string;
  /** Step "screen": null until answered. */
  signals: Record<Signal, SignalAnswer | null>;
  /** Step "screen". */
  redFlags: Record<RedFlag, boolean>;
  /** Checklist item 1. */
  scope: Scope | null;
  /** Item 2: one step per line; empty lines do not count. */
  processSteps: string;
  /** Item 3: null is "don't know yet", which the score reflects. */
  baseline: Baseline;
  /** Item 4: what AI may do on its own. */
  aiActions: AiAction[];
  /** Item 4: what needs a person's approval. */
  approvalActions: ApprovalAction[];
  /** Item 5. */
  sourceSystem: string;
  /** Item 5. */
  systemOfRecord: string;
  /** Item 6: what a failed run looks like. */
  failedRun: string;
  /** Item 6: who gets it. */
  escalationOwner: string;
  /** Item 7. */
  successMetric: string;
  /** Item 7, optional. */
  successTarget: string;
  /** Item 8: 'YYYY-MM-DD' or ''. */
  reviewDate: string;
}

// Dates ------------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds since the epoch at UTC midnight, or null when the text is not a real 'YYYY-MM-DD' date. */
function utcMidnight(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A rolled-over date (2025-02-30 becomes 2025-03-02) is not the date that was written.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() : null;
}

/** True for a real calendar date written 'YYYY-MM-DD' (2024-02-29 yes, 2025-02-29 no). */
export function isCalendarDate(text: string): boolean {
  return utcMidnight(text) !== null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier), or null when either is not a real date. */
export function daysBetween(from: string, to: string): number | null {
  const start = utcMidnight(from);
  const end = utcMidnight(to);
  // Both are UTC midnights, so the difference is an exact multiple of a day: no daylight-saving drift.
  return start === null || end === null ? null : Math.round((end - start) / DAY_MS);
}

// Limits and messages ----------------------------------------------------------------------------------

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const fmt = (value: number) => grouped.format(value);

export type TextField =
  | 'workflowName'
  | 'processSteps'
  | 'sourceSystem'
  | 'systemOfRecord'
  | 'failedRun'
  | 'escalationOwner'
  | 'successMetric'
  | 'successTarget';

/** Longest answer per text field, counted after trimming: a name is a line, the process is a list. */
export const TEXT_LIMITS: Record<TextField, { label: string; max: number }> = {
  workflowName: { label: 'The workflow name', max: 120 },
  processSteps: { label: 'The process', max: 2_000 },
  sourceSystem: { label: 'The source system', max: 300 },
  systemOfRecord: { label: 'The system of record', max: 300 },
  failedRun: { label: 'The failed-run description', max: 300 },
  escalationOwner: { label: 'The escalation owner', max: 300 },
  successMetric: { label: 'The metric', max: 300 },
  successTarget: { label: 'The target', max: 300 },
};

const tooLong = (field: TextField) =>
  `${TEXT_LIMITS[field].label} is too long: keep it to ${fmt(TEXT_LIMITS[field].max)} characters`;

export type BaselineField = keyof Baseline;

interface BaselineSpec {
  label: string;
  max: number;
  /** The schema's message: what to enter and the allowed range. */
  message: string;
  /** The inline message above the maximum: such figures are nearly always typos. */
  tooLarge: string;
}

export const BASELINE_FIELDS: Record<BaselineField, BaselineSpec> = {
  itemsPerMonth: {
    label: 'Items per month',
    max: 1_000_000,
    message: 'Enter the items per month as a number from 0 to 1,000,000, or leave it empty',
    tooLarge: 'That is more than 1,000,000 items a month: check the figure',
  },
  manualHoursPerWeek: {
    label: 'Hours by hand per week',
    // 400: ten full-time people; beyond that it is not one workflow.
    max: 400,
    message: 'Enter the hours by hand per week as a number from 0 to 400, or leave it empty',
    tooLarge: 'That is more than 400 hours a week (ten full-time people): check the figure',
  },
  errorRatePercent: {
    label: 'Error rate',
    max: 100,
    message: 'Enter the error rate as a percentage from 0 to 100, or leave it empty',
    tooLarge: 'An error rate cannot be more than 100%',
  },
  cycleTimeHours: {
    label: 'Cycle time',
    // 10,000 hours is over a year: anything longer is a typo or a project, not a workflow.
    max: 10_000,
    message: 'Enter the cycle time in hours, from 0 to 10,000, or leave it empty',
    tooLarge: 'That is more than 10,000 hours (over a year): check the figure',
  },
  revenueImpactPerMonth: {
    label: 'Revenue affected per month',
    max: 100_000_000,
    message: 'Enter the revenue affected per month as a number from 0 to 100,000,000, or leave it empty',
    tooLarge: 'That is more than 100,000,000 a month: check the figure',
  },
};

const MESSAGES = {
  area: 'Choose the area this workflow belongs to',
  workflowName: 'Name the workflow in a few words (at least 3 characters), e.g. "First reply to inbound demo requests"',
  signal: 'Answer yes, partly or no',
  redFlag: 'Tick the box or leave it empty',
  scope: 'Choose one of the listed scopes, or leave it empty',
  aiActions: 'Choose from the listed AI actions, each once',
  approvalActions: 'Choose from the listed approval actions, each once',
  reviewDate: 'Enter a real date as YYYY-MM-DD, e.g. 2025-07-15, or leave it empty',
  reviewDatePast: 'The review date is in the past: choose a date after launch, about 30 days out',
} as const;

// Schema -------------------------------------------------------------------------------------------------

const textSchema = (field: TextField) =>
  z.string({ error: 'Enter text' }).check(
    // Trimmed, so a stray space or newline at the end never tips an answer over the limit.
    z.refine((value) => value.trim().length <= TEXT_LIMITS[field].max, { error: tooLong(field) }),
  );

const baselineSchema = (field: BaselineField) => {
  const { max, message } = BASELINE_FIELDS[field];
  // z.number() already rejects NaN and Infinity.
  return z.nullable(z.number({ error: message }).check(z.gte(0, { error: message }), z.lte(max, { error: message })));
};

const signalSchema = z.nullable(z.enum(SIGNAL_ANSWERS, { error: MESSAGES.signal }));
const redFlagSchema = z.boolean({ error: MESSAGES.redFlag });

const uniqueList = <T extends string>(options: readonly [T, ...T[]], error: string) =>
  z.array(z.enum(options, { error })).check(z.refine((list) => new Set(list).size === list.length, { error }));

export const readinessAnswersSchema = z.object({
  area: z.nullable(z.enum(AREAS, { error: MESSAGES.area })),
  workflowName: textSchema('workflowName'),
  signals: z.object({
    clearInputs: signalSchema,
    repeatedVolume: signalSchema,
    measurableOutcome: signalSchema,
    manageableRisk: signalSchema,
  }),
  redFlags: z.object({
    publicChatbotWithoutKnowledgeBase: redFlagSchema,
    autonomousOutreachWithoutApproval: redFlagSchema,
    financeOrLegalWithoutEscalation: redFlagSchema,
    processNobodyCanExplain: redFlagSchema,
  }),
  scope: z.nullable(z.enum(SCOPES, { error: MESSAGES.scope })),
  processSteps: textSchema('processSteps'),
  baseline: z.object({
    itemsPerMonth: baselineSchema('itemsPerMonth'),
    manualHoursPerWeek: baselineSchema('manualHoursPerWeek'),
    errorRatePercent: baselineSchema('errorRatePercent'),
    cycleTimeHours: baselineSchema('cycleTimeHours'),
    revenueImpactPerMonth: baselineSchema('revenueImpactPerMonth'),
  }),
  aiActions: uniqueList(AI_ACTIONS, MESSAGES.aiActions),
  approvalActions: uniqueList(APPROVAL_ACTIONS, MESSAGES.approvalActions),
  sourceSystem: textSchema('sourceSystem'),
  systemOfRecord: textSchema('systemOfRecord'),
  failedRun: textSchema('failedRun'),
  escalationOwner: textSchema('escalationOwner'),
  successMetric: textSchema('successMetric'),
  successTarget: textSchema('successTarget'),
  // Only the shape here: "not in the past" needs today's date, which stepErrors is given.
  reviewDate: z.string({ error: MESSAGES.reviewDate }).check(
    z.refine((value) => value === '' || isCalendarDate(value), { error: MESSAGES.reviewDate }),
  ),
});

// Fails to compile if the schema and the interface the UI is written against ever drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<z.infer<typeof readinessAnswersSchema>, ReadinessAnswers>;

const deepFreeze = <T extends object>(value: T): T => {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner);
  return Object.freeze(value);
};

/**
 * Nothing answered yet. Frozen: wizard state is replaced, never edited in place, and a mutation here
 * would leak into every later "Start over".
 */
export const EMPTY_ANSWERS: ReadinessAnswers = deepFreeze({
  area: null,
  workflowName: '',
  signals: { clearInputs: null, repeatedVolume: null, measurableOutcome: null, manageableRisk: null },
  redFlags: {
    publicChatbotWithoutKnowledgeBase: false,
    autonomousOutreachWithoutApproval: false,
    financeOrLegalWithoutEscalation: false,
    processNobodyCanExplain: false,
  },
  scope: null,
  processSteps: '',
  baseline: { itemsPerMonth: null, manualHoursPerWeek: null, errorRatePercent: null, cycleTimeHours: null, revenueImpactPerMonth: null },
  aiActions: [],
  approvalActions: [],
  sourceSystem: '',
  systemOfRecord: '',
  failedRun: '',
  escalationOwner: '',
  successMetric: '',
  successTarget: '',
  reviewDate: '',
});

// Labels for the UI ----------------------------------------------------------------------------------

export const SIGNAL_ANSWER_LABELS: Record<SignalAnswer, string> = { yes: 'Yes', partly: 'Partly', no: 'No' };

export const SIGNAL_QUESTIONS: Record<Signal, { question: string; help: string }> = {
  clearInputs: {
    question: 'Does the work start from the same kind of input each time?',
    help: 'For example a web form, a new CRM record, an invoice PDF or a support ticket. Answer "partly" if it arrives in several formats or places.',
  },
  repeatedVolume: {
    question: 'Does this work come up often enough to matter?',
    help: 'Think dozens of times a month, or several hours of someone\'s week. A task done twice a quarter rarely pays back a build.',
  },
  measurableOutcome: {
    question: 'Could you prove with a number that it got better?',
    help: 'Time to first reply, hours spent, errors caught, cycle time, conversion. Answer "partly" if you could measure it but nobody does today.',
  },
  manageableRisk: {
    question: 'If a run goes wrong, can a person catch it before it does real harm?',
    help: 'A wrong draft that someone reviews costs a minute. A wrong price sent, an invoice paid twice or a record deleted costs far more.',
  },
};

export const RED_FLAG_LABELS: Record<RedFlag, { label: string; why: string }> = {
  publicChatbotWithoutKnowledgeBase: {
    label: 'You want a chatbot your customers talk to, and there is no clean, up-to-date knowledge base behind it',
    why: 'A public chatbot answers from what it is given. Without a maintained knowledge base it guesses, in front of your customers.',
  },
  autonomousOutreachWithoutApproval: {
    label: 'AI would send sales emails or messages on its own, with nobody approving them first',
    why: 'One wrong claim, price or tone goes out under your name to many prospects before anyone sees it.',
  },
  financeOrLegalWithoutEscalation: {
    label: 'It touches money or contracts (invoices, payments, terms) and there is no rule for when a person takes over',
    why: 'Mistakes here cost money or create commitments. Every unclear case needs a named person to hand it to.',
  },
  processNobodyCanExplain: {
    label: 'Nobody on your team could write down today how this work is done',
    why: 'AI cannot fix a process nobody can describe: it automates the confusion. Clean it up and write it down first.',
  },
};

export const SCOPE_LABELS: Record<Scope, string> = {
  'one-workflow': 'One workflow, with one trigger and one result (e.g. the first reply to demo requests)',
  'several-workflows': 'A few related workflows at the same time',
  department: 'A whole department or function (e.g. "automate sales")',
};

export const AI_ACTION_LABELS: Record<AiAction, string> = {
  draft: 'Draft replies, notes or documents',
  classify: 'Sort and tag incoming items (topic, urgency, fit)',
  summarise: 'Summarise emails, calls or account history',
  enrich: 'Fill in missing details (company size, industry, role)',
  extract: 'Pull fields out of documents, emails or forms',
  route: 'Assign items to the right person or queue',
};

export const APPROVAL_ACTION_LABELS: Record<ApprovalAction, string> = {
  'send-to-customer': 'Anything sent to a customer or prospect',
  'update-system-of-record': 'Changes to the system of record (CRM, helpdesk, accounting)',
  'merge-or-delete': 'Merging or deleting records',
  'pricing-or-commitments': 'Prices, discounts, deadlines and other commitments',
  escalate: 'Escalating a case to a manager, another team or the customer',
};

// Steps --------------------------------------------------------------------------------------------------

export const STEPS = [
  {
    id: 'workflow',
    title: 'Which workflow?',
    checklistItem: null,
    intro:
      'Pick one piece of work with a clear start and end. Name the work, not the tool: "First reply to inbound demo requests", not "use an AI email assistant".',
  },
  {
    id: 'screen',
    title: 'Is it a good first workflow?',
    checklistItem: null,
    intro:
      'Good first workflows have clear inputs, repeated volume, a measurable outcome and manageable risk. "Partly" is an honest answer, and a useful one.',
  },
  {
    id: 'scope',
    title: 'One workflow, not a department',
    checklistItem: 1,
    intro:
      'Start with one workflow you can build, test and measure in 30 days. A department-wide transformation is many workflows at once, and it stalls.',
  },
  {
    id: 'process',
    title: 'Write the current process down',
    checklistItem: 2,
    intro:
      'List how the work is done today, one step per line, from what starts it to the system that is updated at the end. 10 to 15 steps is the right level of detail.',
  },
  {
    id: 'baseline',
    title: 'Your baseline today',
    checklistItem: 3,
    intro:
      'Today\'s numbers are the only way to prove the workflow helped. Rough figures are fine; leave a field empty if you really do not know yet.',
  },
  {
    id: 'actions',
    title: 'What AI may do, and what needs a person',
    checklistItem: 4,
    intro:
      'Decide up front what AI does on its own and what waits for a person\'s approval. A good first workflow lets AI draft and sort, and keeps sending and changing records approved.',
  },
  {
    id: 'systems',
    title: 'Where the work starts and where it is recorded',
    checklistItem: 5,
    intro:
      'Name the system the work comes from and the system of record that must be right at the end, e.g. "website form" and "HubSpot".',
  },
  {
    id: 'failure',
    title: 'When a run fails',
    checklistItem: 6,
    intro:
      'Every workflow has bad runs: missing data, low confidence, unclear results. Decide what counts as a failed run and who gets it, by name or role.',
  },
  {
    id: 'metric',
    title: 'One success metric',
    checklistItem: 7,
    intro:
      'Pick the one number that will show this worked after 30 days, e.g. "median time to first reply". A target helps but is optional.',
  },
  {
    id: 'review',
    title: 'A review 30 days after launch',
    checklistItem: 8,
    intro:
      'Agree a date about 30 days after launch to look at the metric and decide: keep it, fix it or stop it. Put it in the calendar now.',
  },
] as const satisfies readonly { id: string; title: string; checklistItem: number | null; intro: string }[];

export type StepId = (typeof STEPS)[number]['id'];

// Step checks ----------------------------------------------------------------------------------------

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
  const spec = BASELINE_FIELDS[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Enter a number, or leave it empty';
  if (value < 0) return `${spec.label} cannot be negative: enter 0 or more, or leave it empty`;
  if (value > spec.max) return spec.tooLarge;
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
    if (answers.area === null) add('area', MESSAGES.area);
    if (typeof answers.workflowName === 'string' && answers.workflowName.trim().length < MIN_NAME_LENGTH) {
      add('workflowName', MESSAGES.workflowName);
    }
  }
  if (step === 'screen') {
    for (const signal of SIGNALS) {
      if (answers.signals[signal] == null) add(`signals.${signal}`, `Answer: ${SIGNAL_QUESTIONS[signal].question}`);
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

// Resuming -----------------------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pick<T>(schema: z.ZodMiniType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

function storedText(field: TextField, value: unknown): string {
  if (typeof value !== 'string') return '';
  // Too long is still the person's own words: keep what fits rather than lose all of it.
  return value.trim().length <= TEXT_LIMITS[field].max ? value : value.trim().slice(0, TEXT_LIMITS[field].max);
}

function storedList<T extends string>(options: readonly T[], value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  const kept = value.filter((item): item is T => (options as readonly unknown[]).includes(item));
  return [...new Set(kept)];
}

/**
 * Answers from a stored blob (localStorage, possibly old, hand-edited or from another version), never
 * throwing: every field that is valid on its own is kept, anything else falls back to EMPTY_ANSWERS.
 */
export function parseStoredAnswers(raw: unknown): ReadinessAnswers {
  try {
    return mergeStored(raw);
  } catch {
    // Only reachable with objects JSON cannot produce (a throwing getter or proxy): start afresh.
    return parseStoredAnswers(null);
  }
}

function mergeStored(raw: unknown): ReadinessAnswers {
  const shape = readinessAnswersSchema.shape;
  const source = isRecord(raw) ? raw : {};
  const signals = isRecord(source.signals) ? source.signals : {};
  const redFlags = isRecord(source.redFlags) ? source.redFlags : {};
  const baseline = isRecord(source.baseline) ? source.baseline : {};
  const text = (field: TextField) => storedText(field, source[field]);

  return {
    area: pick(shape.area, source.area, null),
    workflowName: text('workflowName'),
    signals: {
      clearInputs: pick(signalSchema, signals.clearInputs, null),
      repeatedVolume: pick(signalSchema, signals.repeatedVolume, null),
      measurableOutcome: pick(signalSchema, signals.measurableOutcome, null),
      manageableRisk: pick(signalSchema, signals.manageableRisk, null),
    },
    redFlags: {
      publicChatbotWithoutKnowledgeBase: redFlags.publicChatbotWithoutKnowledgeBase === true,
      autonomousOutreachWithoutApproval: redFlags.autonomousOutreachWithoutApproval === true,
      financeOrLegalWithoutEscalation: redFlags.financeOrLegalWithoutEscalation === true,
      processNobodyCanExplain: redFlags.processNobodyCanExplain === true,
    },
    scope: pick(shape.scope, source.scope, null),
    processSteps: text('processSteps'),
    baseline: {
      itemsPerMonth: pick(baselineSchema('itemsPerMonth'), baseline.itemsPerMonth, null),
      manualHoursPerWeek: pick(baselineSchema('manualHoursPerWeek'), baseline.manualHoursPerWeek, null),
      errorRatePercent: pick(baselineSchema('errorRatePercent'), baseline.errorRatePercent, null),
      cycleTimeHours: pick(baselineSchema('cycleTimeHours'), baseline.cycleTimeHours, null),
      revenueImpactPerMonth: pick(baselineSchema('revenueImpactPerMonth'), baseline.revenueImpactPerMonth, null),
    },
    aiActions: storedList(AI_ACTIONS, source.aiActions),
    approvalActions: storedList(APPROVAL_ACTIONS, source.approvalActions),
    sourceSystem: text('sourceSystem'),
    systemOfRecord: text('systemOfRecord'),
    failedRun: text('failedRun'),
    escalationOwner: text('escalationOwner'),
    successMetric: text('successMetric'),
    successTarget: text('successTarget'),
    reviewDate: typeof source.reviewDate === 'string' && isCalendarDate(source.reviewDate) ? source.reviewDate : '',
  };
}
