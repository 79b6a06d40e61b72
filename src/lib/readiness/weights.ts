// The score's figures: points, thresholds, windows and caps. Every text that states one of them (the
// scoring explanation, the blockers, the step intros) reads it from here, so the two cannot drift.
import { CHECKLIST_ITEMS, SIGNALS, type RedFlag, type Scope, type SignalAnswer } from './schema.ts';

/** Best first: 'ready' for a 30-day build, 'fix-gaps' first, or 'map-first': map the process before any AI. */
export const BANDS = ['ready', 'fix-gaps', 'map-first'] as const;
/** One of BANDS. */
export type Band = (typeof BANDS)[number];
/** What can hold the band below the score's: a red flag, or a department-wide scope. */
export type Cap = RedFlag | 'scope';

/** Points for the four signals together. */
export const SIGNALS_MAX = 30;
/** Points for the checklist items together. */
export const CHECKLIST_MAX = 70;
/** The whole score: 100. */
export const SCORE_MAX = SIGNALS_MAX + CHECKLIST_MAX;
const SIGNAL_MAX = SIGNALS_MAX / SIGNALS.length;
/** Per signal: full, half or no credit (30 / 4 = 7.5 for yes). */
export const SIGNAL_POINTS: Record<SignalAnswer, number> = { yes: SIGNAL_MAX, partly: SIGNAL_MAX / 2, no: 0 };
/** Per checklist item: 70 / 8 = 8.75. */
export const ITEM_MAX = CHECKLIST_MAX / CHECKLIST_ITEMS.length;
/** Half credit where an answer is partly there. */
export const ITEM_HALF = ITEM_MAX / 2;
/** Several workflows at once: close to half, but below it, since the brief asks for one. */
export const SCOPE_POINTS: Record<Scope, number> = { 'one-workflow': ITEM_MAX, 'several-workflows': 4, department: 0 };
/** Steps written down for full credit, and the wider range that still earns half. */
export const PROCESS_STEPS = { full: { min: 10, max: 15 }, half: { min: 5, max: 25 } } as const;
/** Scored baseline figures needed for half credit; all of them earn full credit. */
export const BASELINE_HALF_FROM = 2;
/**
 * Review dates this many days from today earn full credit: about 30 days after a launch that is days to
 * a couple of months away. A check made before the build starts dates it 50 to 90 days out (a start a few
 * weeks away, go-live in the build's fourth week, then 30 days); 60, the old limit, told those to move it.
 */
export const REVIEW_WINDOW_DAYS = { min: 20, max: 120 } as const;
/** The lowest score for 'ready'. */
export const READY_FROM = 75;
/** The lowest score for 'fix-gaps'; below it is 'map-first'. */
export const FIX_GAPS_FROM = 45;
/** The most a cap allows. */
export const CAP_BAND: Record<Cap, Band> = {
  publicChatbotWithoutKnowledgeBase: 'fix-gaps',
  autonomousOutreachWithoutApproval: 'fix-gaps',
  financeOrLegalWithoutEscalation: 'fix-gaps',
  processNobodyCanExplain: 'map-first',
  scope: 'fix-gaps',
};
/** Blockers the result lists at most. */
export const MAX_BLOCKERS = 5;
/** Above any possible points lost (no gap costs the whole score), so red flags always rank first. */
export const RED_FLAG_RANK = SCORE_MAX;
