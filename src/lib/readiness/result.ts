// What the score returns (score.ts) and the result's words are written from (score-text.ts): the
// result, its gaps and its points table. Types only, below both, so neither imports the other for them.
import type { Band, Cap } from './weights.ts';

/** A gap the result lists, with what it costs and what to do about it. */
export interface Blocker {
  /** 'signals.clearInputs', 'scope', 'process', ... or the red flag itself ('processNobodyCanExplain'). */
  id: string;
  /** What is missing or risky. */
  title: string;
  /** Points this gap costs; a red flag costs no points but caps the band, so it is given RED_FLAG_RANK. */
  pointsLost: number;
  /** One concrete sentence: what to do about it. */
  nextStep: string;
  /** 1 to 8 for a checklist item, null for a signal or a red flag. */
  checklistItem: number | null;
}

/** One row of the points table. */
export interface ScorePart {
  /** 'signals' or a checklist item. */
  id: string;
  /** The row's label. */
  label: string;
  /** Points earned. */
  earned: number;
  /** Points possible. */
  max: number;
}

/** What the result page shows. */
export interface ReadinessResult {
  /** 0 to 100, a whole number. */
  score: number;
  /** The band after caps: what the result page shows. */
  band: Band;
  /** The band the score alone would give. */
  bandByScore: Band;
  /** What lowered the band below bandByScore, or null when nothing did. */
  cappedBy: Cap | null;
  /** Red flags first, then the costliest gaps; only gaps that lose points; at most MAX_BLOCKERS. */
  blockers: Blocker[];
  /** Signals, then checklist items 1 to 8, in that order. */
  parts: ScorePart[];
}
