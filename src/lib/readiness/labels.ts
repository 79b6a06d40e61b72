// The wizard's words: each option's label, each step's title and intro, the baseline figures' names.
// Display text only; the rules that use it live in schema.ts, steps.ts and weights.ts.
import { listText } from '../text/lists.ts';
import type { AiAction, ApprovalAction, BaselineField, RedFlag, Scope, Signal, SignalAnswer } from './schema.ts';
import type { StepId } from './step-ids.ts';
import { PROCESS_STEPS } from './weights.ts';

/** The process's full-credit range as a sentence states it: '10 to 15'. */
export const PROCESS_RANGE = `${PROCESS_STEPS.full.min} to ${PROCESS_STEPS.full.max}`;

/** The radio labels for a signal's answer. */
export const SIGNAL_ANSWER_LABELS: Record<SignalAnswer, string> = { yes: 'Yes', partly: 'Partly', no: 'No' };

/** A signal as the screen step asks it. */
interface SignalQuestion {
  /** The question, the legend of its radio group. */
  question: string;
  /** A hint on how to answer it. */
  help: string;
}

/** Each signal's question. */
export const SIGNAL_QUESTIONS: Record<Signal, SignalQuestion> = {
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

/** A red flag as the screen step's checkbox states it. */
interface RedFlagLabel {
  /** The checkbox's label. */
  label: string;
  /** Why it makes a weak first workflow, under the label. */
  why: string;
}

/** Each red flag's checkbox. */
export const RED_FLAG_LABELS: Record<RedFlag, RedFlagLabel> = {
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

/** The scope step's options. */
export const SCOPE_LABELS: Record<Scope, string> = {
  'one-workflow': 'One workflow, with one trigger and one result (e.g. the first reply to demo requests)',
  'several-workflows': 'A few related workflows at the same time',
  department: 'A whole department or function (e.g. "automate sales")',
};

/** What AI may do, as the actions step and the spec list it. */
export const AI_ACTION_LABELS: Record<AiAction, string> = {
  draft: 'Draft replies, notes or documents',
  classify: 'Sort and tag incoming items (topic, urgency, fit)',
  summarize: 'Summarize emails, calls or account history',
  enrich: 'Fill in missing details (company size, industry, role)',
  extract: 'Pull fields out of documents, emails or forms',
  route: 'Assign items to the right person or queue',
};

/** What needs a person's approval, as the actions step and the spec list it. */
export const APPROVAL_ACTION_LABELS: Record<ApprovalAction, string> = {
  'send-to-customer': 'Anything sent to a customer or prospect',
  'update-system-of-record': 'Changes to the system of record (CRM, helpdesk, accounting)',
  'merge-or-delete': 'Merging or deleting records',
  'pricing-or-commitments': 'Prices, discounts, deadlines and other commitments',
  escalate: 'Escalating a case to a manager, another team or the customer',
};

interface BaselineLabel {
  /** The figure mid-sentence, in the score's blockers and the spec: 'volume', 'hours by hand'. */
  name: string;
  /** The wizard's field label. */
  label: string;
  /** The unit shown after the wizard's field. */
  unit: string;
}

/** Each baseline figure's name in prose and its field in the wizard. */
export const BASELINE_LABELS: Record<BaselineField, BaselineLabel> = {
  itemsPerMonth: { name: 'volume', label: 'Volume', unit: 'items a month' },
  manualHoursPerWeek: { name: 'hours by hand', label: 'Time spent by hand', unit: 'hours a week' },
  errorRatePercent: { name: 'error rate', label: 'Error rate', unit: '% of items' },
  cycleTimeHours: { name: 'cycle time', label: 'Cycle time', unit: 'hours from start to done' },
  revenueImpactPerMonth: { name: 'revenue affected', label: 'Revenue at stake (optional)', unit: 'a month' },
};

/** Baseline figures named in a sentence: 'volume, hours by hand, error rate and cycle time'. */
export const baselineNames = (fields: readonly BaselineField[]): string => listText(fields.map((field) => BASELINE_LABELS[field].name));

/** A step's words. */
interface StepText {
  /** The heading. */
  title: string;
  /** The paragraph under the heading. */
  intro: string;
}

/** Each step's heading and intro. */
export const STEP_TEXT: Record<StepId, StepText> = {
  workflow: {
    title: 'Which workflow?',
    intro:
      'Pick one piece of work with a clear start and end. Name the work, not the tool: "First reply to inbound demo requests", not "use an AI email assistant".',
  },
  screen: {
    title: 'Is it a good first workflow?',
    intro:
      'Good first workflows have clear inputs, repeated volume, a measurable outcome and manageable risk. "Partly" is an honest answer, and a useful one.',
  },
  scope: {
    title: 'One workflow, not a department',
    intro:
      'Start with one workflow you can build, test and measure in 30 days. A department-wide transformation is many workflows at once, and it stalls.',
  },
  process: {
    title: 'Write the current process down',
    intro: `List how the work is done today, one step per line, from what starts it to the system that is updated at the end. ${PROCESS_RANGE} steps is the right level of detail.`,
  },
  baseline: {
    title: 'Your baseline today',
    intro:
      'Today\'s numbers are the only way to prove the workflow helped. Rough figures are fine; leave a field empty if you really do not know yet.',
  },
  actions: {
    title: 'What AI may do, and what needs a person',
    intro:
      'Decide up front what AI does on its own and what waits for a person\'s approval. A good first workflow lets AI draft and sort, and keeps sending and changing records approved.',
  },
  systems: {
    title: 'Where the work starts and where it is recorded',
    intro:
      'Name the system the work comes from and the system of record that must be right at the end, e.g. "website form" and "HubSpot".',
  },
  failure: {
    title: 'When a run fails',
    intro:
      'Every workflow has bad runs: missing data, low confidence, unclear results. Decide what counts as a failed run and who gets it, by name or role.',
  },
  metric: {
    title: 'One success metric',
    intro:
      'Pick the one number that will show this worked after 30 days, e.g. "median time to first reply". A target helps but is optional.',
  },
  review: {
    title: 'A review 30 days after launch',
    intro:
      'Agree a date about 30 days after launch to look at the metric and decide: keep it, fix it or switch it off. Put it in the calendar now.',
  },
};
