// What the result says: each band's title and summary, why a cap applies, each part's label and how
// the score works. The figures come from weights.ts, so the explanation always states the rules in use.
import { baselineNames, PROCESS_RANGE } from './labels.ts';
import { countWord } from '../text/numbers.ts';
import { CHECKLIST_ITEMS, SCORED_BASELINE, SIGNALS, type ChecklistItem } from './schema.ts';
import type { ReadinessResult } from './result.ts';
import {
  BASELINE_HALF_FROM,
  CHECKLIST_MAX,
  FIX_GAPS_FROM,
  ITEM_HALF,
  ITEM_MAX,
  PROCESS_STEPS,
  READY_FROM,
  REVIEW_WINDOW_DAYS,
  SCOPE_POINTS,
  SCORE_MAX,
  SIGNAL_POINTS,
  SIGNALS_MAX,
  type Band,
  type Cap,
} from './weights.ts';

/** A band in words. */
interface BandText {
  /** The result's heading, e.g. 'Ready for a 30-day build'. */
  title: string;
  /** What it means and what to do. */
  summary: string;
}

/** Each band's words. */
export const BAND_TEXT: Record<Band, BandText> = {
  ready: {
    title: 'Ready for a 30-day build',
    summary:
      'This workflow has most of what a first build needs: one scope, a written process, a baseline, approval rules and a review date. Decide what the spec marks "Not decided yet" in week 1; review it 30 days after it goes live.',
  },
  'fix-gaps': {
    title: 'Fix the named gaps first',
    summary:
      'This is a good candidate, but some answers are missing or risky. Close the gaps below (most take a conversation, not a project), then build.',
  },
  'map-first': {
    title: 'Map the process before any AI',
    summary:
      'Too much is unclear to automate safely yet. Write down how the work is done today and measure it first: AI added to a process nobody can describe automates the confusion.',
  },
};

/** A ready workflow whose spec leaves nothing open: the ready band's words would send the visitor to close gaps. */
const NOTHING_OPEN_SUMMARY = {
  full: 'This workflow has everything a first build needs: one scope, a written process, a baseline, approval rules and a review date. Build it, and review it 30 days after it goes live.',
  ready: 'This workflow has what a first build needs: one scope, a written process, a baseline, approval rules and a review date. Build it, and review it 30 days after it goes live.',
};

/** What the result says under its title: the band's summary, or, when ready with nothing left open in the spec, a plain go-ahead. */
export function bandSummary(result: Pick<ReadinessResult, 'band' | 'score'>, specHasOpenPoints: boolean): string {
  if (result.band !== 'ready' || specHasOpenPoints) return BAND_TEXT[result.band].summary;
  return result.score === SCORE_MAX ? NOTHING_OPEN_SUMMARY.full : NOTHING_OPEN_SUMMARY.ready;
}

/**
 * The heading over the blockers. A ready workflow's are points lost, not gaps: under "What to fix first"
 * they would contradict the go-ahead above them.
 */
export const BLOCKERS_HEADING: Record<Band, string> = {
  ready: 'Worth tightening in week 1',
  'fix-gaps': 'What to fix first',
  'map-first': 'What to fix first',
};

/** Why a cap applies, to finish "... because ...". */
export const CAP_TEXT: Record<Cap, string> = {
  publicChatbotWithoutKnowledgeBase: 'a public chatbot has no clean knowledge base behind it',
  autonomousOutreachWithoutApproval: 'AI would send outreach with nobody approving it',
  financeOrLegalWithoutEscalation: 'finance or legal work has no escalation rule',
  processNobodyCanExplain: 'nobody can explain the process today',
  scope: 'the scope is a whole department',
};

/** Each part's row in the points table: the signals, then the checklist items. */
export const PART_LABELS: Record<'signals' | ChecklistItem, string> = {
  signals: 'First screen: inputs, volume, outcome, risk',
  scope: 'One workflow chosen',
  process: 'Process written down',
  baseline: 'Baseline captured',
  actions: 'AI and approval actions decided',
  systems: 'Source and system of record named',
  failure: 'Failed runs and escalation decided',
  metric: 'Success metric set',
  review: '30-day review agreed',
};

const points = (value: number) => String(value);
const { full, half } = PROCESS_STEPS;

/** How each checklist item earns its points, after its number in the explanation. */
const ITEM_RULES: Record<ChecklistItem, string> = {
  scope: `Scope: one workflow ${points(ITEM_MAX)}, several workflows ${points(SCOPE_POINTS['several-workflows'])}, a whole department ${points(SCOPE_POINTS.department)}.`,
  process: `Process: ${PROCESS_RANGE} steps written down ${points(ITEM_MAX)}; ${half.min} to ${full.min - 1} or ${full.max + 1} to ${half.max} steps ${points(ITEM_HALF)}; fewer or more 0.`,
  // "Two or three": from the half-credit minimum to one short of all the scored figures.
  baseline: `Baseline: ${baselineNames(SCORED_BASELINE)} all given ${points(ITEM_MAX)}; ${countWord(BASELINE_HALF_FROM)} or ${countWord(SCORED_BASELINE.length - 1)} of them ${points(ITEM_HALF)}. Revenue impact is optional and adds nothing.`,
  actions: `Actions: at least one thing AI may do and at least one that needs approval ${points(ITEM_MAX)}; only one side ${points(ITEM_HALF)}.`,
  systems: `Systems: source system and system of record both named ${points(ITEM_MAX)}; one of them ${points(ITEM_HALF)}.`,
  failure: `Failed runs: what one looks like and who gets it ${points(ITEM_MAX)}; one of the two ${points(ITEM_HALF)}.`,
  metric: `Metric: one success metric named ${points(ITEM_MAX)}. A target is optional and adds nothing.`,
  review: `Review: a date ${REVIEW_WINDOW_DAYS.min} to ${REVIEW_WINDOW_DAYS.max} days from today ${points(ITEM_MAX)}; any other date ${points(ITEM_HALF)}; none 0.`,
};

/** How the score works, one sentence per line, as the result page prints it. */
export const SCORING_EXPLANATION: string[] = [
  `The score is out of ${SCORE_MAX}: ${SIGNALS_MAX} points for the ${countWord(SIGNALS.length)} first-screen questions and ${CHECKLIST_MAX} for the ${countWord(CHECKLIST_ITEMS.length)} checklist items.`,
  `Each first-screen question (clear inputs, repeated volume, measurable outcome, manageable risk) is worth ${points(SIGNAL_POINTS.yes)} points: yes ${points(SIGNAL_POINTS.yes)}, partly ${points(SIGNAL_POINTS.partly)}, no ${points(SIGNAL_POINTS.no)}.`,
  `Each checklist item is worth ${points(ITEM_MAX)} points, with half credit (${points(ITEM_HALF)}) where an answer is partly there.`,
  ...CHECKLIST_ITEMS.map((item, index) => `${index + 1}. ${ITEM_RULES[item]}`),
  'The total is rounded to the nearest whole point, halves up.',
  `${READY_FROM} or more: ${BAND_TEXT.ready.title.toLowerCase()}. ${FIX_GAPS_FROM} to ${READY_FROM - 1}: ${BAND_TEXT['fix-gaps'].title.toLowerCase()}. Below ${FIX_GAPS_FROM}: ${BAND_TEXT['map-first'].title.toLowerCase()}.`,
  'Caps, whatever the score: any red flag, or a department-wide scope, means fix the gaps first at best; a process nobody can explain means map it first.',
];

/** "Readiness score 82 of 100: Ready for a 30-day build." plus, when capped, what holds the band down. */
export function resultSentence(result: ReadinessResult): string {
  const base = `Readiness score ${result.score} of ${SCORE_MAX}: ${BAND_TEXT[result.band].title}.`;
  if (!result.cappedBy) return base;
  return `${base} The score alone would mean "${BAND_TEXT[result.bandByScore].title}", but ${CAP_TEXT[result.cappedBy]}.`;
}
