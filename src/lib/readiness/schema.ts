// The readiness wizard's answers: the options, the answers' type and schema, and the empty answers.
// Built on the brief's "Which workflows first" screen and its 30-day readiness checklist.
// zod/mini: the same schemas at a fraction of the size in the wizard's browser bundle.
import * as z from 'zod/mini';
import { AREAS, type Area } from './areas.ts';
import { isCalendarDate } from './dates.ts';
import type { Baseline, BaselineField, TextField } from './fields.ts';
import { MESSAGES } from './messages.ts';

// The field types live below this module and messages.ts (fields.ts); imported from here too.
export type { Baseline, BaselineField, TextField } from './fields.ts';

/** How a signal can be answered. */
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
/** How much the work changes: the brief asks for one workflow. */
export const SCOPES = ['one-workflow', 'several-workflows', 'department'] as const;
/** What the brief lets AI do on its own: draft, classify, summarize, enrich, extract, route. */
export const AI_ACTIONS = ['draft', 'classify', 'summarize', 'enrich', 'extract', 'route'] as const;
/** What the brief keeps human-approved: sending, updating, merging, pricing and commitments, escalating. */
export const APPROVAL_ACTIONS = ['send-to-customer', 'update-system-of-record', 'merge-or-delete', 'pricing-or-commitments', 'escalate'] as const;
/** The brief's 30-day readiness checklist in its order: item n is CHECKLIST_ITEMS[n - 1], one step and one scored part each. */
export const CHECKLIST_ITEMS = ['scope', 'process', 'baseline', 'actions', 'systems', 'failure', 'metric', 'review'] as const;

/** One of SIGNAL_ANSWERS. */
export type SignalAnswer = (typeof SIGNAL_ANSWERS)[number];
/** One of SIGNALS. */
export type Signal = (typeof SIGNALS)[number];
/** One of RED_FLAGS. */
export type RedFlag = (typeof RED_FLAGS)[number];
/** One of SCOPES. */
export type Scope = (typeof SCOPES)[number];
/** One of AI_ACTIONS. */
export type AiAction = (typeof AI_ACTIONS)[number];
/** One of APPROVAL_ACTIONS. */
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];
/** One of CHECKLIST_ITEMS. */
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/** Everything the wizard asks, as the UI, the score and the browser's storage hold it. */
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
  /** Item 3. */
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

/** Longest answer per text field, counted after trimming: a name is a line, the process is a list. */
export const TEXT_LIMITS: Record<TextField, number> = {
  workflowName: 120,
  processSteps: 2_000,
  sourceSystem: 300,
  systemOfRecord: 300,
  failedRun: 300,
  escalationOwner: 300,
  successMetric: 300,
  successTarget: 300,
};

interface BaselineRule {
  /** The largest plausible figure: anything above is nearly always a typo. */
  max: number;
  /** Whether the score counts it. */
  scored: boolean;
}

/** Each baseline figure's upper bound and whether it is scored, in checklist order. */
export const BASELINE_FIELDS: Record<BaselineField, BaselineRule> = {
  itemsPerMonth: { max: 1_000_000, scored: true },
  // 400: ten full-time people; beyond that it is not one workflow.
  manualHoursPerWeek: { max: 400, scored: true },
  errorRatePercent: { max: 100, scored: true },
  // 10,000 hours is over a year: anything longer is a typo or a project, not a workflow.
  cycleTimeHours: { max: 10_000, scored: true },
  // Context for the operator: helpful, but not needed for a build, so it earns nothing.
  revenueImpactPerMonth: { max: 100_000_000, scored: false },
};

/** The baseline figures the score counts, in checklist order. */
export const SCORED_BASELINE = (Object.keys(BASELINE_FIELDS) as BaselineField[]).filter((field) => BASELINE_FIELDS[field].scored);

/** The scored baseline figures still unknown (null), in checklist order. */
export function missingBaseline(answers: ReadinessAnswers): BaselineField[] {
  return SCORED_BASELINE.filter((field) => answers.baseline[field] === null);
}

/** A free-text answer's non-empty lines, trimmed: the process's steps, and the lines of the Markdown copy. */
export function answerLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Process steps written down: one per non-empty line, so blank lines between groups do not count. */
export function countProcessSteps(text: string): number {
  return answerLines(text).length;
}

// Schema -------------------------------------------------------------------------------------------------

const textSchema = (field: TextField) =>
  z.string({ error: MESSAGES.text }).check(
    // Trimmed, so a stray space or newline at the end never tips an answer over the limit.
    z.refine((value) => value.trim().length <= TEXT_LIMITS[field], { error: MESSAGES.tooLong(field, TEXT_LIMITS[field]) }),
  );

const baselineSchema = (field: BaselineField) => {
  const { max } = BASELINE_FIELDS[field];
  const error = MESSAGES.baselineRange(field, max);
  // z.number() already rejects NaN and Infinity.
  return z.nullable(z.number({ error }).check(z.gte(0, { error }), z.lte(max, { error })));
};

const signalSchema = z.nullable(z.enum(SIGNAL_ANSWERS, { error: MESSAGES.signal }));
const redFlagSchema = z.boolean({ error: MESSAGES.redFlag });

const uniqueList = <T extends string>(options: readonly [T, ...T[]], error: string) =>
  z.array(z.enum(options, { error })).check(z.refine((list) => new Set(list).size === list.length, { error }));

/** The answers' schema: what the step checks and the stored answers are held to. */
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
