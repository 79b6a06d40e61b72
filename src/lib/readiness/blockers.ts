// What each gap is called on the result, and the one concrete next step that closes it: for every red
// flag, every signal and every checklist item. Display text only; score.ts decides which gaps there are.
import { baselineNames, PROCESS_RANGE } from './labels.ts';
import type { BaselineField, ChecklistItem, RedFlag, Scope, Signal } from './schema.ts';
import { PROCESS_STEPS, REVIEW_WINDOW_DAYS } from './weights.ts';

/** A gap in words. */
export interface BlockerText {
  /** What is missing or risky, as a heading. */
  title: string;
  /** One concrete sentence: what to do about it. */
  nextStep: string;
}

/** Each red flag's gap. */
export const RED_FLAG_BLOCKERS: Record<RedFlag, BlockerText> = {
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
    nextStep: `Sit with the person who does the work and write the current process down as ${PROCESS_RANGE} steps, from the trigger to the system that is updated, before choosing any tool.`,
  },
};

/** Each signal's gap, for an answer of partly or no. */
export const SIGNAL_BLOCKERS: Record<Signal, BlockerText> = {
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

// One workflow earns full credit, so it never needs a text of its own.
const SCOPE_BLOCKERS: Partial<Record<Scope, BlockerText>> = {
  department: {
    title: 'The scope is a whole department',
    nextStep: 'Pick the one workflow in that department with the most volume and the clearest inputs, and park the rest until it runs.',
  },
  'several-workflows': {
    title: 'Several workflows at once',
    nextStep: 'Choose one of them to build first; the others can reuse its data and approval rules later.',
  },
};

const NO_SCOPE: BlockerText = {
  title: 'The scope is not decided',
  nextStep: 'Name the one workflow you will build first, with what starts it and what it produces.',
};

/** Each checklist item's gap, from what its answers lack. */
export const ITEM_BLOCKERS = {
  /** By the scope chosen, or none. */
  scope: (scope: Scope | null): BlockerText => (scope && SCOPE_BLOCKERS[scope]) || NO_SCOPE,
  /** By the number of steps written down, outside the full-credit range. */
  process: (steps: number): BlockerText => {
    if (steps === 0) {
      return {
        title: 'The current process is not written down',
        nextStep: `Write the current process down as ${PROCESS_RANGE} steps, from the trigger to the system that is updated, before choosing any tool.`,
      };
    }
    if (steps < PROCESS_STEPS.full.min) {
      return {
        title: `The process has only ${steps} step${steps === 1 ? '' : 's'} written down`,
        nextStep: `Break the process down to ${PROCESS_RANGE} steps: who does what, in which tool, and where a decision is made.`,
      };
    }
    return {
      title: `The process is written as ${steps} steps, more than ${PROCESS_STEPS.full.max}`,
      nextStep: `Group the steps into ${PROCESS_RANGE} at the level of who does what in which system, and keep the finer detail in a linked how-to.`,
    };
  },
  /** Naming the scored figures still missing. */
  baseline: (missing: readonly BaselineField[]): BlockerText => ({
    title: `The baseline is missing ${baselineNames(missing)}`,
    nextStep: `Record ${baselineNames(missing)} for one ordinary week before you build, so the 30-day review has something to compare with.`,
  }),
  /** By which of the two lists has anything on it. */
  actions: (hasAi: boolean, hasApproval: boolean): BlockerText => {
    if (!hasAi && !hasApproval) {
      return {
        title: 'It is not decided what AI may do and what needs approval',
        nextStep:
          'Make two lists: what AI may do on its own (e.g. draft, classify) and what waits for a person\'s approval (e.g. sending to a customer, changing records).',
      };
    }
    return hasAi
      ? {
          title: 'Nothing is marked as needing approval',
          nextStep: 'Name what needs a person\'s approval before it happens: at least anything sent to a customer and any change to the system of record.',
        }
      : {
          title: 'Nothing is marked as AI\'s job',
          nextStep: 'Name what AI may do on its own, e.g. draft the reply or classify the request, so the build has a clear job.',
        };
  },
  /** By which of the two systems is named. */
  systems: (hasSource: boolean, hasRecord: boolean): BlockerText => ({
    title: !hasSource && !hasRecord ? 'The systems are not named' : hasSource ? 'The system of record is not named' : 'The source system is not named',
    nextStep:
      'Name the system the work starts in (a form, an inbox, a helpdesk) and the system of record that must be right at the end (a CRM, a helpdesk, accounting).',
  }),
  /** By which of failure and owner is written. */
  failure: (hasFailure: boolean, hasOwner: boolean): BlockerText => ({
    title: !hasFailure && !hasOwner
      ? 'Failed runs have no definition and no owner'
      : hasFailure
        ? 'Nobody is named to receive failed runs'
        : 'It is not defined what a failed run looks like',
    nextStep:
      'Write one sentence on what a failed run looks like (missing data, low confidence, no match) and name the person who gets it.',
  }),
  /** No metric named. */
  metric: (): BlockerText => ({
    title: 'No success metric is set',
    nextStep: 'Choose one primary metric, such as median time to first reply, and write down today\'s value.',
  }),
  /** No review date, or one outside the window. */
  review: (dated: boolean): BlockerText =>
    dated
      ? {
          title: `The review date is not ${REVIEW_WINDOW_DAYS.min} to ${REVIEW_WINDOW_DAYS.max} days out`,
          nextStep: `Put the review about 30 days after the planned launch, ${REVIEW_WINDOW_DAYS.min} to ${REVIEW_WINDOW_DAYS.max} days from today: sooner leaves too little data, later lets a broken workflow run unchecked.`,
        }
      : { title: 'No review date is agreed', nextStep: 'Put a review in the calendar about 30 days after launch, with the metric\'s owner invited.' },
} satisfies Record<ChecklistItem, (...args: never[]) => BlockerText>;
