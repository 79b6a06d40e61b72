// The readiness score: 30 points for the brief's four signals of a good first workflow, 70 for its eight
// checklist items, then caps for the weak first workflows it warns about. Written so every figure can
// be checked by hand against SCORING_EXPLANATION, which the result page prints.
import {
  daysBetween,
  RED_FLAGS,
  SIGNALS,
  type ReadinessAnswers,
  type RedFlag,
  type Scope,
  type Signal,
  type SignalAnswer,
} from './answers.ts';

/** Best first: 'ready' for a 30-day build, 'fix-gaps' first, or 'map-first': map the process before any AI. */
export const BANDS = ['ready', 'fix-gaps', 'map-first'] as const;
export type Band = (typeof BANDS)[number];

export interface Blocker {
  /** 'signals.clearInputs', 'scope', 'process', ... or the red flag itself ('processNobodyCanExplain'). */
  id: string;
  title: string;
  /** Points this gap costs; a red flag costs no points but caps the band, so it is given RED_FLAG_RANK. */
  pointsLost: number;
  /** One concrete sentence: what to do about it. */
  nextStep: string;
  /** 1 to 8 for a checklist item, null for a signal or a red flag. */
  checklistItem: number | null;
}

export interface ScorePart {
  id: string;
  label: string;
  earned: number;
  max: number;
}

export type Cap = RedFlag | 'scope';

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

// Weights ---------------------------------------------------------------------------------------------

export const SIGNALS_MAX = 30;
export const CHECKLIST_MAX = 70;
/** 30 / 4 signals. */
export const SIGNAL_POINTS: Record<SignalAnswer, number> = { yes: 7.5, partly: 3.75, no: 0 };
/** 70 / 8 items. */
export const ITEM_MAX = 8.75;
/** Half credit where an answer is partly there. */
export const ITEM_HALF = ITEM_MAX / 2;
/** Several workflows at once: close to half, but below it, since the brief asks for one. */
export const SCOPE_POINTS: Record<Scope, number> = { 'one-workflow': ITEM_MAX, 'several-workflows': 4, department: 0 };
export const READY_FROM = 75;
export const FIX_GAPS_FROM = 45;
/** Review dates this many days from today earn full credit: roughly 30 days after a launch a few weeks out. */
export const REVIEW_WINDOW_DAYS = { min: 20, max: 60 } as const;
export const MAX_BLOCKERS = 5;
/** Above any possible points lost (the whole score is 100), so red flags always rank first. */
export const RED_FLAG_RANK = 100;

// Texts -----------------------------------------------------------------------------------------------

export const BAND_TEXT: Record<Band, { title: string; summary: string }> = {
  ready: {
    title: 'Ready for a 30-day build',
    summary:
      'This workflow has what a first build needs: one scope, a written process, a baseline, clear approval rules and a date to check the result. Build it, measure it and review it 30 days after it goes live.',
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

/** Why a cap applies, to finish "... because ...". */
export const CAP_TEXT: Record<Cap, string> = {
  publicChatbotWithoutKnowledgeBase: 'a public chatbot has no clean knowledge base behind it',
  autonomousOutreachWithoutApproval: 'AI would send outreach with nobody approving it',
  financeOrLegalWithoutEscalation: 'finance or legal work has no escalation rule',
  processNobodyCanExplain: 'nobody can explain the process today',
  scope: 'the scope is a whole department',
};

/** The most a cap allows. */
const CAP_BAND: Record<Cap, Band> = {
  publicChatbotWithoutKnowledgeBase: 'fix-gaps',
  autonomousOutreachWithoutApproval: 'fix-gaps',
  financeOrLegalWithoutEscalation: 'fix-gaps',
  processNobodyCanExplain: 'map-first',
  scope: 'fix-gaps',
};

const points = (value: number) => String(value);

export const SCORING_EXPLANATION: string[] = [
  `The score is out of 100: ${SIGNALS_MAX} points for the four first-screen questions and ${CHECKLIST_MAX} for the eight checklist items.`,
  `Each first-screen question (clear inputs, repeated volume, measurable outcome, manageable risk) is worth ${points(SIGNAL_POINTS.yes)} points: yes ${points(SIGNAL_POINTS.yes)}, partly ${points(SIGNAL_POINTS.partly)}, no ${points(SIGNAL_POINTS.no)}.`,
  `Each checklist item is worth ${points(ITEM_MAX)} points, with half credit (${points(ITEM_HALF)}) where an answer is partly there.`,
  `1. Scope: one workflow ${points(ITEM_MAX)}, several workflows ${points(SCOPE_POINTS['several-workflows'])}, a whole department 0.`,
  `2. Process: 10 to 15 steps written down ${points(ITEM_MAX)}; 5 to 9 or 16 to 25 steps ${points(ITEM_HALF)}; fewer or more 0.`,
  `3. Baseline: volume, hours by hand, error rate and cycle time all given ${points(ITEM_MAX)}; two or three of them ${points(ITEM_HALF)}. Revenue impact is optional and adds nothing.`,
  `4. Actions: at least one thing AI may do and at least one that needs approval ${points(ITEM_MAX)}; only one side ${points(ITEM_HALF)}.`,
  `5. Systems: source system and system of record both named ${points(ITEM_MAX)}; one of them ${points(ITEM_HALF)}.`,
  `6. Failed runs: what one looks like and who gets it ${points(ITEM_MAX)}; one of the two ${points(ITEM_HALF)}.`,
  `7. Metric: one success metric named ${points(ITEM_MAX)}. A target is optional and adds nothing.`,
  `8. Review: a date ${REVIEW_WINDOW_DAYS.min} to ${REVIEW_WINDOW_DAYS.max} days from today ${points(ITEM_MAX)}; any other date ${points(ITEM_HALF)}; none 0.`,
  'The total is rounded to the nearest whole point, halves up.',
  `${READY_FROM} or more: ${BAND_TEXT.ready.title.toLowerCase()}. ${FIX_GAPS_FROM} to ${READY_FROM - 1}: ${BAND_TEXT['fix-gaps'].title.toLowerCase()}. Below ${FIX_GAPS_FROM}: ${BAND_TEXT['map-first'].title.toLowerCase()}.`,
  'Caps, whatever the score: any red flag, or a department-wide scope, means fix the gaps first at best; a process nobody can explain means map it first.',
];

// Parts -----------------------------------------------------------------------------------------------

/** Non-empty lines: one step per line, blank lines between groups do not count. */
export function countProcessSteps(text: string): number {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length;
}

const filled = (text: string) => text.trim() !== '';
/** Full credit for both, half for one. */
const pair = (a: boolean, b: boolean) => (a && b ? ITEM_MAX : a || b ? ITEM_HALF : 0);

function processPoints(steps: number): number {
  if (steps >= 10 && steps <= 15) return ITEM_MAX;
  if ((steps >= 5 && steps <= 9) || (steps >= 16 && steps <= 25)) return ITEM_HALF;
  return 0;
}

const BASELINE_SCORED = ['itemsPerMonth', 'manualHoursPerWeek', 'errorRatePercent', 'cycleTimeHours'] as const;
const BASELINE_NAMES: Record<(typeof BASELINE_SCORED)[number], string> = {
  itemsPerMonth: 'volume',
  manualHoursPerWeek: 'hours by hand',
  errorRatePercent: 'error rate',
  cycleTimeHours: 'cycle time',
};

function baselinePoints(given: number): number {
  if (given === BASELINE_SCORED.length) return ITEM_MAX;
  return given >= 2 ? ITEM_HALF : 0;
}

function reviewPoints(reviewDate: string, today: string): number {
  if (reviewDate === '') return 0;
  const days = daysBetween(today, reviewDate);
  return days !== null && days >= REVIEW_WINDOW_DAYS.min && days <= REVIEW_WINDOW_DAYS.max ? ITEM_MAX : ITEM_HALF;
}

const listText = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

// Blockers --------------------------------------------------------------------------------------------

const RED_FLAG_BLOCKERS: Record<RedFlag, { title: string; nextStep: string }> = {
  publicChatbotWithoutKnowledgeBase: {
    title: 'A public chatbot without a clean knowledge base',
    nextStep:
      'Start with an internal assistant that drafts answers for your team from a knowledge base you clean up first, and go public only once its answers hold up.',
  },
  autonomousOutreachWithoutApproval: {
    title: 'Outreach sent with nobody approving it',
    nextStep: 'Have AI draft outreach into a review queue and let a person approve every send until you know its error rate.',
  },
  financeOrLegalWithoutEscalation: {
    title: 'Money or contracts with no escalation rule',
    nextStep:
      'Write the escalation rule before any build: which amounts, clauses or unclear cases go to which named person, and how fast.',
  },
  processNobodyCanExplain: {
    title: 'Nobody can explain the process today',
    nextStep:
      'Sit with the person who does the work and write the current process down as 10 to 15 steps, from the trigger to the system that is updated, before choosing any tool.',
  },
};

const SIGNAL_BLOCKERS: Record<Signal, { title: string; nextStep: string }> = {
  clearInputs: {
    title: 'The inputs are not clear yet',
    nextStep:
      'Pick one input to start with (one form, one inbox or one document type) and leave the rest on the current process for now.',
  },
  repeatedVolume: {
    title: 'The volume may be too low to pay back a build',
    nextStep:
      'Count how often this work came up in the last 30 days; if it is only a handful of times, pick a workflow that happens more often.',
  },
  measurableOutcome: {
    title: 'The outcome is hard to measure',
    nextStep:
      'Choose one number you can read today, such as time to first reply or hours spent per week, and start recording it before you build.',
  },
  manageableRisk: {
    title: 'A wrong run could do real harm',
    nextStep:
      'Put a person\'s approval in front of every action that reaches a customer, money or a record, and start with AI drafting only.',
  },
};

function scopeBlocker(scope: Scope | null): { title: string; nextStep: string } {
  switch (scope) {
    case 'department':
      return {
        title: 'The scope is a whole department',
        nextStep:
          'Pick the one workflow in that department with the most volume and the clearest inputs, and park the rest until it runs.',
      };
    case 'several-workflows':
      return {
        title: 'Several workflows at once',
        nextStep: 'Choose one of them to build first; the others can reuse its data and approval rules later.',
      };
    default:
      return { title: 'The scope is not decided', nextStep: 'Name the one workflow you will build first, with what starts it and what it produces.' };
  }
}

function processBlocker(steps: number): { title: string; nextStep: string } {
  if (steps === 0) {
    return {
      title: 'The current process is not written down',
      nextStep:
        'Write the current process down as 10 to 15 steps, from the trigger to the system that is updated, before choosing any tool.',
    };
  }
  if (steps < 10) {
    return {
      title: `The process has only ${steps} step${steps === 1 ? '' : 's'} written down`,
      nextStep: 'Break the process down to 10 to 15 steps: who does what, in which tool, and where a decision is made.',
    };
  }
  return {
    title: `The process is written as ${steps} steps, more than 15`,
    nextStep:
      'Group the steps into 10 to 15 at the level of who does what in which system, and keep the finer detail in a linked how-to.',
  };
}

// Score -----------------------------------------------------------------------------------------------

function bandForScore(score: number): Band {
  if (score >= READY_FROM) return 'ready';
  return score >= FIX_GAPS_FROM ? 'fix-gaps' : 'map-first';
}

const severity = (band: Band) => BANDS.indexOf(band);

/**
 * Scores answers against the brief's first-workflow screen and 30-day checklist. `today` is 'YYYY-MM-DD':
 * the review date is judged against it, so the same answers score the same on the same day.
 */
export function scoreReadiness(answers: ReadinessAnswers, today: string): ReadinessResult {
  // Blockers are collected in priority order; a stable sort by points lost then keeps that order for ties.
  const blockers: Blocker[] = [];
  const lose = (id: string, max: number, earned: number, checklistItem: number | null, text: { title: string; nextStep: string }) => {
    if (earned < max) blockers.push({ id, title: text.title, pointsLost: max - earned, nextStep: text.nextStep, checklistItem });
  };

  // The most severe cap first: a process nobody can explain outranks the other red flags.
  const flags = [...RED_FLAGS].sort((a, b) => severity(CAP_BAND[b]) - severity(CAP_BAND[a])).filter((flag) => answers.redFlags[flag]);
  for (const flag of flags) {
    blockers.push({ id: flag, title: RED_FLAG_BLOCKERS[flag].title, pointsLost: RED_FLAG_RANK, nextStep: RED_FLAG_BLOCKERS[flag].nextStep, checklistItem: null });
  }

  let signalPoints = 0;
  for (const signal of SIGNALS) {
    const answer = answers.signals[signal];
    // Unanswered counts as no: the wizard requires an answer, so this only happens with edited data.
    const earned = answer ? SIGNAL_POINTS[answer] : 0;
    signalPoints += earned;
    lose(`signals.${signal}`, SIGNAL_POINTS.yes, earned, null, SIGNAL_BLOCKERS[signal]);
  }

  const scope = answers.scope ? SCOPE_POINTS[answers.scope] : 0;
  lose('scope', ITEM_MAX, scope, 1, scopeBlocker(answers.scope));

  const steps = countProcessSteps(answers.processSteps);
  const process = processPoints(steps);
  lose('process', ITEM_MAX, process, 2, processBlocker(steps));

  const missing = BASELINE_SCORED.filter((field) => answers.baseline[field] === null);
  const baseline = baselinePoints(BASELINE_SCORED.length - missing.length);
  lose('baseline', ITEM_MAX, baseline, 3, {
    title: `The baseline is missing ${listText(missing.map((field) => BASELINE_NAMES[field]))}`,
    nextStep: `Record ${listText(missing.map((field) => BASELINE_NAMES[field]))} for one ordinary week before you build, so the 30-day review has something to compare with.`,
  });

  const hasAi = answers.aiActions.length > 0;
  const hasApproval = answers.approvalActions.length > 0;
  const actions = pair(hasAi, hasApproval);
  lose('actions', ITEM_MAX, actions, 4, !hasAi && !hasApproval
    ? {
        title: 'It is not decided what AI may do and what needs approval',
        nextStep:
          'Make two lists: what AI may do on its own (e.g. draft, classify) and what waits for a person\'s approval (e.g. sending to a customer, changing records).',
      }
    : hasAi
      ? {
          title: 'Nothing is marked as needing approval',
          nextStep: 'Name what needs a person\'s approval before it happens: at least anything sent to a customer and any change to the system of record.',
        }
      : {
          title: 'Nothing is marked as AI\'s job',
          nextStep: 'Name what AI may do on its own, e.g. draft the reply or classify the request, so the build has a clear job.',
        });

  const hasSource = filled(answers.sourceSystem);
  const hasRecord = filled(answers.systemOfRecord);
  const systems = pair(hasSource, hasRecord);
  lose('systems', ITEM_MAX, systems, 5, {
    title: !hasSource && !hasRecord ? 'The systems are not named' : hasSource ? 'The system of record is not named' : 'The source system is not named',
    nextStep:
      'Name the system the work starts in (a form, an inbox, a helpdesk) and the system of record that must be right at the end (a CRM, a helpdesk, accounting).',
  });

  const hasFailure = filled(answers.failedRun);
  const hasOwner = filled(answers.escalationOwner);
  const failure = pair(hasFailure, hasOwner);
  lose('failure', ITEM_MAX, failure, 6, {
    title: !hasFailure && !hasOwner
      ? 'Failed runs have no definition and no owner'
      : hasFailure
        ? 'Nobody is named to receive failed runs'
        : 'It is not defined what a failed run looks like',
    nextStep:
      'Write one sentence on what a failed run looks like (missing data, low confidence, no match) and name the person who gets it.',
  });

  const metric = filled(answers.successMetric) ? ITEM_MAX : 0;
  lose('metric', ITEM_MAX, metric, 7, {
    title: 'No success metric is set',
    nextStep: 'Choose one primary metric, such as median time to first reply, and write down today\'s value.',
  });

  const review = reviewPoints(answers.reviewDate, today);
  lose('review', ITEM_MAX, review, 8, answers.reviewDate === ''
    ? { title: 'No review date is agreed', nextStep: 'Put a review in the calendar about 30 days after launch, with the metric\'s owner invited.' }
    : {
        title: `The review date is not ${REVIEW_WINDOW_DAYS.min} to ${REVIEW_WINDOW_DAYS.max} days out`,
        nextStep: `Move the review to ${REVIEW_WINDOW_DAYS.min} to ${REVIEW_WINDOW_DAYS.max} days from today: sooner leaves too little data, later lets a broken workflow run unchecked.`,
      });

  const parts: ScorePart[] = [
    { id: 'signals', label: 'First screen: inputs, volume, outcome, risk', earned: signalPoints, max: SIGNALS_MAX },
    { id: 'scope', label: 'One workflow chosen', earned: scope, max: ITEM_MAX },
    { id: 'process', label: 'Process written down', earned: process, max: ITEM_MAX },
    { id: 'baseline', label: 'Baseline captured', earned: baseline, max: ITEM_MAX },
    { id: 'actions', label: 'AI and approval actions decided', earned: actions, max: ITEM_MAX },
    { id: 'systems', label: 'Source and system of record named', earned: systems, max: ITEM_MAX },
    { id: 'failure', label: 'Failed runs and escalation decided', earned: failure, max: ITEM_MAX },
    { id: 'metric', label: 'Success metric set', earned: metric, max: ITEM_MAX },
    { id: 'review', label: '30-day review agreed', earned: review, max: ITEM_MAX },
  ];

  // Every weight is a multiple of 1/8, so the sum is exact in floating point; only the final rounding
  // changes it. Math.round rounds halves up (44.5 -> 45).
  const score = Math.round(parts.reduce((sum, part) => sum + part.earned, 0));
  const bandByScore = bandForScore(score);

  const caps: Cap[] = [...flags];
  if (answers.scope === 'department') caps.push('scope');
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

/** "Readiness score 82 of 100: Ready for a 30-day build." plus, when capped, what holds the band down. */
export function resultSentence(result: ReadinessResult): string {
  const base = `Readiness score ${result.score} of 100: ${BAND_TEXT[result.band].title}.`;
  if (!result.cappedBy) return base;
  return `${base} The score alone would mean "${BAND_TEXT[result.bandByScore].title}", but ${CAP_TEXT[result.cappedBy]}.`;
}
