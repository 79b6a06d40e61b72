// The readiness score: 30 points for the brief's four signals of a good first workflow, 70 for its eight
// checklist items, then caps for the weak first workflows it warns about. One table row per checklist
// item (what it earns, what gap it names), so the score is a loop over the table; the figures are in
// weights.ts and the words in blockers.ts and score-text.ts.
import { ITEM_BLOCKERS, RED_FLAG_BLOCKERS, SIGNAL_BLOCKERS, type BlockerText } from './blockers.ts';
import { daysBetween } from './dates.ts';
import type { Blocker, ReadinessResult, ScorePart } from './result.ts';
import { PART_LABELS } from './score-text.ts';
import {
  CHECKLIST_ITEMS,
  countProcessSteps,
  missingBaseline,
  RED_FLAGS,
  SCORED_BASELINE,
  SIGNALS,
  type ChecklistItem,
  type ReadinessAnswers,
  type RedFlag,
} from './schema.ts';
import {
  BANDS,
  BASELINE_HALF_FROM,
  CAP_BAND,
  FIX_GAPS_FROM,
  ITEM_HALF,
  ITEM_MAX,
  MAX_BLOCKERS,
  PROCESS_STEPS,
  READY_FROM,
  RED_FLAG_RANK,
  REVIEW_WINDOW_DAYS,
  SCOPE_POINTS,
  SIGNAL_POINTS,
  SIGNALS_MAX,
  type Band,
  type Cap,
} from './weights.ts';

// The result's type lives below this module and score-text.ts (result.ts); imported from here too.
export type { ReadinessResult } from './result.ts';

// The table -------------------------------------------------------------------------------------------

interface ItemRule {
  /** Points from the answers, 0 to ITEM_MAX; `today` is 'YYYY-MM-DD'. */
  earned: (answers: ReadinessAnswers, today: string) => number;
  /** The gap it names when it earns less than ITEM_MAX. */
  blocker: (answers: ReadinessAnswers) => BlockerText;
}

type Range = { min: number; max: number };
const within = (value: number, range: Range) => value >= range.min && value <= range.max;
const filled = (text: string) => text.trim() !== '';

/** An item made of two answers: full credit for both, half for one. */
const pairItem = (
  first: (answers: ReadinessAnswers) => boolean,
  second: (answers: ReadinessAnswers) => boolean,
  blocker: (first: boolean, second: boolean) => BlockerText,
): ItemRule => ({
  earned: (a) => (first(a) && second(a) ? ITEM_MAX : first(a) || second(a) ? ITEM_HALF : 0),
  blocker: (a) => blocker(first(a), second(a)),
});

// One row per checklist item; Record makes a missing or extra item a compile error.
const ITEMS: Record<ChecklistItem, ItemRule> = {
  scope: { earned: (a) => (a.scope ? SCOPE_POINTS[a.scope] : 0), blocker: (a) => ITEM_BLOCKERS.scope(a.scope) },
  process: {
    earned: (a) => {
      const steps = countProcessSteps(a.processSteps);
      return within(steps, PROCESS_STEPS.full) ? ITEM_MAX : within(steps, PROCESS_STEPS.half) ? ITEM_HALF : 0;
    },
    blocker: (a) => ITEM_BLOCKERS.process(countProcessSteps(a.processSteps)),
  },
  baseline: {
    earned: (a) => {
      const given = SCORED_BASELINE.length - missingBaseline(a).length;
      return given === SCORED_BASELINE.length ? ITEM_MAX : given >= BASELINE_HALF_FROM ? ITEM_HALF : 0;
    },
    blocker: (a) => ITEM_BLOCKERS.baseline(missingBaseline(a)),
  },
  actions: pairItem((a) => a.aiActions.length > 0, (a) => a.approvalActions.length > 0, ITEM_BLOCKERS.actions),
  systems: pairItem((a) => filled(a.sourceSystem), (a) => filled(a.systemOfRecord), ITEM_BLOCKERS.systems),
  failure: pairItem((a) => filled(a.failedRun), (a) => filled(a.escalationOwner), ITEM_BLOCKERS.failure),
  metric: { earned: (a) => (filled(a.successMetric) ? ITEM_MAX : 0), blocker: ITEM_BLOCKERS.metric },
  review: {
    earned: (a, today) => {
      if (a.reviewDate === '') return 0;
      const days = daysBetween(today, a.reviewDate);
      return days !== null && within(days, REVIEW_WINDOW_DAYS) ? ITEM_MAX : ITEM_HALF;
    },
    blocker: (a) => ITEM_BLOCKERS.review(a.reviewDate !== ''),
  },
};

/** Whether a cap applies: its red flag is ticked, or the scope is a whole department. */
const capApplies = (cap: Cap, answers: ReadinessAnswers) => (cap === 'scope' ? answers.scope === 'department' : answers.redFlags[cap]);

const severity = (band: Band) => BANDS.indexOf(band);
// The most severe first (a process nobody can explain outranks the rest), red flags before the scope:
// the first cap that lowers the band is the one the result names, and red flags are listed in this order.
const CAP_ORDER = ([...RED_FLAGS, 'scope'] as Cap[]).sort((a, b) => severity(CAP_BAND[b]) - severity(CAP_BAND[a]));
const isRedFlag = (cap: Cap): cap is RedFlag => cap !== 'scope';

// The score -------------------------------------------------------------------------------------------

function bandForScore(score: number): Band {
  if (score >= READY_FROM) return 'ready';
  return score >= FIX_GAPS_FROM ? 'fix-gaps' : 'map-first';
}

const blocker = (id: string, text: BlockerText, pointsLost: number, checklistItem: number | null): Blocker => ({
  id,
  title: text.title,
  pointsLost,
  nextStep: text.nextStep,
  checklistItem,
});

/**
 * Scores answers against the brief's first-workflow screen and 30-day checklist. `today` is 'YYYY-MM-DD':
 * the review date is judged against it, so the same answers score the same on the same day.
 */
export function scoreReadiness(answers: ReadinessAnswers, today: string): ReadinessResult {
  const caps = CAP_ORDER.filter((cap) => capApplies(cap, answers));
  // Blockers are collected in priority order; a stable sort by points lost then keeps that order for ties.
  const blockers = caps.filter(isRedFlag).map((flag) => blocker(flag, RED_FLAG_BLOCKERS[flag], RED_FLAG_RANK, null));

  let signalsEarned = 0;
  for (const signal of SIGNALS) {
    const answer = answers.signals[signal];
    // Unanswered counts as no: the wizard requires an answer, so this only happens with edited data.
    const earned = answer ? SIGNAL_POINTS[answer] : 0;
    signalsEarned += earned;
    if (earned < SIGNAL_POINTS.yes) blockers.push(blocker(`signals.${signal}`, SIGNAL_BLOCKERS[signal], SIGNAL_POINTS.yes - earned, null));
  }

  const parts: ScorePart[] = [{ id: 'signals', label: PART_LABELS.signals, earned: signalsEarned, max: SIGNALS_MAX }];
  CHECKLIST_ITEMS.forEach((item, index) => {
    const earned = ITEMS[item].earned(answers, today);
    parts.push({ id: item, label: PART_LABELS[item], earned, max: ITEM_MAX });
    if (earned < ITEM_MAX) blockers.push(blocker(item, ITEMS[item].blocker(answers), ITEM_MAX - earned, index + 1));
  });

  // Every weight is a multiple of 1/8, so the sum is exact in floating point; only the final rounding
  // changes it. Math.round rounds halves up (44.5 -> 45).
  const score = Math.round(parts.reduce((sum, part) => sum + part.earned, 0));
  const bandByScore = bandForScore(score);

  let band = bandByScore;
  let cappedBy: Cap | null = null;
  for (const cap of caps) {
    if (severity(CAP_BAND[cap]) > severity(band)) {
      band = CAP_BAND[cap];
      cappedBy = cap;
    }
  }

  blockers.sort((a, b) => b.pointsLost - a.pointsLost);
  return { score, band, bandByScore, cappedBy, blockers: blockers.slice(0, MAX_BLOCKERS), parts };
}
