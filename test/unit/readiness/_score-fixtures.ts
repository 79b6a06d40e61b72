// What the score-*.test.ts files share: the best answers, and a builder of answers at chosen levels.
import {
  EMPTY_ANSWERS,
  type ReadinessAnswers,
  type RedFlag,
  type Scope,
  type SignalAnswer,
} from '../../../src/lib/readiness/schema.ts';
import { scoreReadiness, type ReadinessResult } from '../../../src/lib/readiness/score.ts';
// Fixtures: the best answers, and a builder that puts each checklist item at full, half or no credit so
// every score below can be added up by hand: signals yes 7.5 / partly 3.75 / no 0; items 8.75 / 4.375 / 0.

export const TODAY = '2025-06-02';
/** 42 days after TODAY (28 left in June + 14): inside the 20-120 day window. */
export const REVIEW_IN_WINDOW = '2025-07-14';

export const steps = (count: number) => Array.from({ length: count }, (_, i) => `Step ${i + 1}`).join('\n');

/** Every answer at its best: 7.5 x 4 + 8.75 x 8 = 30 + 70 = 100. */
export const BEST: ReadinessAnswers = {
  area: 'sales',
  workflowName: 'First reply to inbound demo requests',
  signals: { clearInputs: 'yes', repeatedVolume: 'yes', measurableOutcome: 'yes', manageableRisk: 'yes' },
  redFlags: {
    publicChatbotWithoutKnowledgeBase: false,
    autonomousOutreachWithoutApproval: false,
    financeOrLegalWithoutEscalation: false,
    processNobodyCanExplain: false,
  },
  scope: 'one-workflow',
  processSteps: steps(12),
  baseline: { itemsPerMonth: 120, manualHoursPerWeek: 8, errorRatePercent: 10, cycleTimeHours: 26, revenueImpactPerMonth: 12_000 },
  aiActions: ['draft', 'enrich', 'route'],
  approvalActions: ['send-to-customer', 'update-system-of-record'],
  sourceSystem: 'Website demo form',
  systemOfRecord: 'HubSpot',
  failedRun: 'No company match, or the draft needs pricing',
  escalationOwner: 'Maya, sales lead',
  successMetric: 'Median time to first reply',
  successTarget: 'Under 1 hour',
  reviewDate: REVIEW_IN_WINDOW,
};

type Item = 'process' | 'baseline' | 'actions' | 'systems' | 'failure' | 'metric' | 'review';
export type Level = 'full' | 'half' | 'zero';

const NO_BASELINE = { itemsPerMonth: null, manualHoursPerWeek: null, errorRatePercent: null, cycleTimeHours: null, revenueImpactPerMonth: null };

/** What each level of each item looks like. The metric has no half credit. */
const LEVELS: Record<Item, Partial<Record<Level, Partial<ReadinessAnswers>>>> = {
  process: { full: { processSteps: steps(12) }, half: { processSteps: steps(6) }, zero: { processSteps: '' } },
  baseline: {
    full: { baseline: { ...NO_BASELINE, itemsPerMonth: 120, manualHoursPerWeek: 8, errorRatePercent: 10, cycleTimeHours: 26 } },
    half: { baseline: { ...NO_BASELINE, itemsPerMonth: 120, manualHoursPerWeek: 8 } },
    zero: { baseline: NO_BASELINE },
  },
  actions: {
    full: { aiActions: ['draft'], approvalActions: ['send-to-customer'] },
    half: { aiActions: ['draft'], approvalActions: [] },
    zero: { aiActions: [], approvalActions: [] },
  },
  systems: {
    full: { sourceSystem: 'Gmail', systemOfRecord: 'HubSpot' },
    half: { sourceSystem: 'Gmail', systemOfRecord: '' },
    zero: { sourceSystem: '', systemOfRecord: '' },
  },
  failure: {
    full: { failedRun: 'No match', escalationOwner: 'Maya' },
    half: { failedRun: 'No match', escalationOwner: '' },
    zero: { failedRun: '', escalationOwner: '' },
  },
  metric: { full: { successMetric: 'Time to first reply' }, zero: { successMetric: '' } },
  review: { full: { reviewDate: REVIEW_IN_WINDOW }, half: { reviewDate: '2025-12-01' }, zero: { reviewDate: '' } },
};

/** Answers with the four signals in order, a scope, and each item at a level (no credit when not named). */
export function compose(signals: [SignalAnswer, SignalAnswer, SignalAnswer, SignalAnswer], scope: Scope | null, levels: Partial<Record<Item, Level>>): ReadinessAnswers {
  let answers: ReadinessAnswers = {
    ...EMPTY_ANSWERS,
    area: 'sales',
    workflowName: 'A workflow',
    signals: { clearInputs: signals[0], repeatedVolume: signals[1], measurableOutcome: signals[2], manageableRisk: signals[3] },
    scope,
  };
  for (const item of Object.keys(LEVELS) as Item[]) {
    const change = LEVELS[item][levels[item] ?? 'zero'];
    if (!change) throw new Error(`${item} has no level ${levels[item]}`);
    answers = { ...answers, ...change };
  }
  return answers;
}

export const score = (answers: ReadinessAnswers, today = TODAY) => scoreReadiness(answers, today);
export const part = (result: ReadinessResult, id: string) => result.parts.find((p) => p.id === id)?.earned;
export const withFlag = (answers: ReadinessAnswers, ...flags: RedFlag[]): ReadinessAnswers => ({
  ...answers,
  redFlags: { ...answers.redFlags, ...Object.fromEntries(flags.map((flag) => [flag, true])) },
});
