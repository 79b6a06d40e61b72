import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREA_LABELS, AREAS, OFFERED_AREAS, isArea, offeredArea } from '../../../src/lib/readiness/areas.ts';
import { stepErrors } from '../../../src/lib/readiness/checks.ts';
import { daysBetween, isCalendarDate } from '../../../src/lib/readiness/dates.ts';
import { AI_ACTION_LABELS, APPROVAL_ACTION_LABELS, RED_FLAG_LABELS, SCOPE_LABELS, SIGNAL_QUESTIONS } from '../../../src/lib/readiness/labels.ts';
import {
  AI_ACTIONS,
  APPROVAL_ACTIONS,
  EMPTY_ANSWERS,
  RED_FLAGS,
  readinessAnswersSchema,
  SCOPES,
  SIGNALS,
  type ReadinessAnswers,
} from '../../../src/lib/readiness/schema.ts';
import { STEPS } from '../../../src/lib/readiness/steps.ts';
import { parseStoredAnswers } from '../../../src/lib/readiness/stored.ts';
import { localDate } from '../../../src/lib/booking/format.ts';

const TODAY = '2025-06-02';

const FULL: ReadinessAnswers = {
  area: 'documents',
  workflowName: 'Supplier invoice intake',
  signals: { clearInputs: 'yes', repeatedVolume: 'yes', measurableOutcome: 'partly', manageableRisk: 'yes' },
  redFlags: {
    publicChatbotWithoutKnowledgeBase: false,
    autonomousOutreachWithoutApproval: false,
    financeOrLegalWithoutEscalation: true,
    processNobodyCanExplain: false,
  },
  scope: 'one-workflow',
  processSteps: 'Invoice arrives in the AP inbox\nOpen the PDF\nKey the fields into Xero',
  baseline: { itemsPerMonth: 300, manualHoursPerWeek: 18.5, errorRatePercent: 4, cycleTimeHours: 48, revenueImpactPerMonth: null },
  aiActions: ['extract', 'classify'],
  approvalActions: ['update-system-of-record'],
  sourceSystem: 'ap@ inbox (Google Workspace)',
  systemOfRecord: 'Xero',
  failedRun: 'Supplier not found or total does not match the lines',
  escalationOwner: 'Jo in finance',
  successMetric: 'Minutes per invoice',
  successTarget: '5 minutes',
  reviewDate: '2025-07-10',
};

/** The first schema message for `path`, or undefined when that field passed. */
const schemaMessage = (input: unknown, path: string) => {
  const result = readinessAnswersSchema.safeParse(input);
  return result.success ? undefined : result.error.issues.find((issue) => issue.path.join('.') === path)?.message;
};

describe('readinessAnswersSchema', () => {
  it('accepts the empty answers and a full set as they are', () => {
    expect(readinessAnswersSchema.parse(EMPTY_ANSWERS)).toEqual(EMPTY_ANSWERS);
    expect(readinessAnswersSchema.parse(FULL)).toEqual(FULL);
  });

  it('rejects malformed values with a message that says what to enter', () => {
    const bad = (change: Partial<ReadinessAnswers>, path: string) => schemaMessage({ ...FULL, ...change }, path);
    const baseline = (change: Partial<ReadinessAnswers['baseline']>) => ({ baseline: { ...FULL.baseline, ...change } });
    expect(bad({ area: 'hr' as never }, 'area')).toBe('Choose the area this workflow belongs to');
    expect(bad({ workflowName: 'x'.repeat(121) }, 'workflowName')).toBe('The workflow name is too long: keep it to 120 characters');
    expect(bad({ processSteps: 'x'.repeat(2_001) }, 'processSteps')).toBe('The process is too long: keep it to 2,000 characters');
    expect(bad({ failedRun: 'x'.repeat(301) }, 'failedRun')).toBe('The failed-run description is too long: keep it to 300 characters');
    expect(bad(baseline({ itemsPerMonth: -1 }), 'baseline.itemsPerMonth')).toBe('Enter the items per month as a number from 0 to 1,000,000, or leave it empty');
    expect(bad(baseline({ manualHoursPerWeek: 401 }), 'baseline.manualHoursPerWeek')).toMatch(/0 to 400/);
    expect(bad(baseline({ errorRatePercent: 100.5 }), 'baseline.errorRatePercent')).toMatch(/0 to 100/);
    expect(bad(baseline({ cycleTimeHours: Number.NaN }), 'baseline.cycleTimeHours')).toMatch(/0 to 10,000/);
    expect(bad(baseline({ revenueImpactPerMonth: Number.POSITIVE_INFINITY }), 'baseline.revenueImpactPerMonth')).toMatch(/100,000,000/);
    expect(bad({ aiActions: ['draft', 'draft'] }, 'aiActions')).toBe('Choose from the listed AI actions, each once');
    expect(bad({ reviewDate: '2025-02-29' }, 'reviewDate')).toMatch(/real date/);
    expect(bad({ reviewDate: '10/07/2025' }, 'reviewDate')).toMatch(/real date/);
  });

  it('measures text limits after trimming, and takes the edges', () => {
    expect(schemaMessage({ ...FULL, workflowName: `${'x'.repeat(120)}\n  ` }, 'workflowName')).toBeUndefined();
    expect(schemaMessage({ ...FULL, processSteps: 'x'.repeat(2_000) }, 'processSteps')).toBeUndefined();
    expect(schemaMessage({ ...FULL, baseline: { ...FULL.baseline, errorRatePercent: 100, itemsPerMonth: 0 } }, 'baseline.errorRatePercent')).toBeUndefined();
  });

  it('strips keys it does not know', () => {
    expect(readinessAnswersSchema.parse({ ...FULL, extra: 1 })).toEqual(FULL);
  });
});

describe('dates', () => {
  it('knows real calendar dates', () => {
    for (const date of ['2024-02-29', '2025-12-31', '2025-01-01']) expect(isCalendarDate(date)).toBe(true);
    for (const date of ['2025-02-29', '2025-13-01', '2025-04-31', '2025-4-1', ' 2025-04-01', '', '20250401']) expect(isCalendarDate(date)).toBe(false);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-06-02', '2025-06-01')).toBe(-1);
    // Across the March daylight-saving change in Europe and the US: still whole days.
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
    expect(daysBetween('nope', '2025-04-01')).toBeNull();
  });
});

describe('areas', () => {
  it('offers the four service areas, each a stored value with its own label', () => {
    expect([...OFFERED_AREAS]).toEqual(['sales', 'crm', 'documents', 'customer-success']);
    expect(OFFERED_AREAS.map((area) => AREA_LABELS[area])).toEqual(['Sales', 'RevOps and CRM', 'Documents', 'Customer success']);
    expect(new Set(OFFERED_AREAS.map((area) => AREA_LABELS[area])).size).toBe(OFFERED_AREAS.length);
  });

  it("still accepts and labels 'revops', stored before the areas were four, as RevOps and CRM", () => {
    expect(isArea('revops')).toBe(true);
    expect(readinessAnswersSchema.safeParse({ ...EMPTY_ANSWERS, area: 'revops' }).success).toBe(true);
    expect(AREA_LABELS.revops).toBe(AREA_LABELS.crm);
    expect(offeredArea('revops')).toBe('crm');
    for (const area of OFFERED_AREAS) expect(offeredArea(area)).toBe(area);
    // Every stored value maps to an offered area, so a form always pre-fills a choice it shows.
    for (const area of AREAS) expect(OFFERED_AREAS).toContain(offeredArea(area));
  });
});

describe('labels and steps', () => {
  it('has a label for every option', () => {
    expect(Object.keys(AREA_LABELS)).toEqual([...AREAS]);
    expect(Object.values(AREA_LABELS)).toEqual(['Sales', 'Customer success', 'Documents', 'RevOps and CRM', 'RevOps and CRM']);
    expect(Object.keys(SIGNAL_QUESTIONS)).toEqual([...SIGNALS]);
    expect(Object.keys(RED_FLAG_LABELS)).toEqual([...RED_FLAGS]);
    expect(Object.keys(SCOPE_LABELS)).toEqual([...SCOPES]);
    expect(Object.keys(AI_ACTION_LABELS)).toEqual([...AI_ACTIONS]);
    expect(Object.keys(APPROVAL_ACTION_LABELS)).toEqual([...APPROVAL_ACTIONS]);
    for (const { question, help } of Object.values(SIGNAL_QUESTIONS)) expect([question.endsWith('?'), help.length > 20]).toEqual([true, true]);
    for (const { label, why } of Object.values(RED_FLAG_LABELS)) expect([label.length > 20, why.endsWith('.')]).toEqual([true, true]);
  });

  it('lists the ten steps in order, the eight checklist items numbered 1 to 8', () => {
    expect(STEPS.map((s) => s.id)).toEqual(['workflow', 'screen', 'scope', 'process', 'baseline', 'actions', 'systems', 'failure', 'metric', 'review']);
    expect(STEPS.map((s) => s.checklistItem)).toEqual([null, null, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (const step of STEPS) expect(step.intro).toMatch(/^[A-Z"].{40,}[.)]$/);
  });
});

describe('stepErrors', () => {
  it('requires an area and a workflow name of 3 or more characters', () => {
    expect(stepErrors('workflow', EMPTY_ANSWERS, TODAY)).toEqual({
      area: 'Choose the area this workflow belongs to',
      workflowName: 'Name the workflow in a few words (at least 3 characters), e.g. "First reply to inbound demo requests"',
    });
    expect(Object.keys(stepErrors('workflow', { ...FULL, workflowName: ' ab ' }, TODAY))).toEqual(['workflowName']);
    expect(stepErrors('workflow', { ...FULL, workflowName: 'abc' }, TODAY)).toEqual({});
    // Zero-width and bidi characters are dropped from the spec's title, so they do not count.
    expect(Object.keys(stepErrors('workflow', { ...FULL, workflowName: 'a\u200b\u200b\u202e\ufeffb' }, TODAY))).toEqual(['workflowName']);
    expect(stepErrors('workflow', { ...FULL, workflowName: 'x'.repeat(121) }, TODAY)).toEqual({
      workflowName: 'The workflow name is too long: keep it to 120 characters',
    });
  });

  it('requires all four signals and names each unanswered one', () => {
    const errors = stepErrors('screen', { ...FULL, signals: { ...EMPTY_ANSWERS.signals, repeatedVolume: 'no' } }, TODAY);
    expect(Object.keys(errors)).toEqual(['signals.clearInputs', 'signals.measurableOutcome', 'signals.manageableRisk']);
    expect(errors['signals.clearInputs']).toBe('Answer: Does the work start from the same kind of input each time?');
    expect(stepErrors('screen', FULL, TODAY)).toEqual({});
  });

  it('lets every checklist step through empty: "don\'t know yet" is an answer', () => {
    for (const step of STEPS.filter((s) => s.checklistItem !== null)) expect([step.id, stepErrors(step.id, EMPTY_ANSWERS, TODAY)]).toEqual([step.id, {}]);
  });

  it('rejects baseline figures that cannot be right, with a message per field', () => {
    const errors = stepErrors('baseline', {
      ...FULL,
      baseline: { itemsPerMonth: -5, manualHoursPerWeek: 500, errorRatePercent: 120, cycleTimeHours: Number.NaN, revenueImpactPerMonth: 0 },
    }, TODAY);
    expect(errors).toEqual({
      'baseline.itemsPerMonth': 'Items per month cannot be negative: enter 0 or more, or leave it empty',
      'baseline.manualHoursPerWeek': 'That is more than 400 hours a week (ten full-time people): check the figure',
      'baseline.errorRatePercent': 'An error rate cannot be more than 100%',
      'baseline.cycleTimeHours': 'Enter a number, or leave it empty',
    });
  });

  it('rejects text that is too long on the step that asks for it, and only there', () => {
    const long = 'x'.repeat(301);
    expect(stepErrors('systems', { ...FULL, systemOfRecord: long }, TODAY)).toEqual({
      systemOfRecord: 'The system of record is too long: keep it to 300 characters',
    });
    expect(stepErrors('failure', { ...FULL, escalationOwner: long }, TODAY)).toEqual({
      escalationOwner: 'The escalation owner is too long: keep it to 300 characters',
    });
    expect(stepErrors('metric', { ...FULL, successTarget: long }, TODAY)).toEqual({ successTarget: 'The target is too long: keep it to 300 characters' });
    expect(stepErrors('process', { ...FULL, processSteps: 'x'.repeat(2_001) }, TODAY)).toEqual({
      processSteps: 'The process is too long: keep it to 2,000 characters',
    });
    // Someone else's problem: the scope step does not report the systems step's field.
    expect(stepErrors('scope', { ...FULL, systemOfRecord: long }, TODAY)).toEqual({});
  });

  it('reports a tampered action list once, on the list', () => {
    expect(stepErrors('actions', { ...FULL, aiActions: ['extract', 'teleport' as never] }, TODAY)).toEqual({
      aiActions: 'Choose from the listed AI actions, each once',
    });
  });

  it('rejects a review date that does not exist or is in the past', () => {
    expect(stepErrors('review', { ...FULL, reviewDate: '2025-02-30' }, TODAY)).toEqual({
      reviewDate: 'Enter a real date as YYYY-MM-DD (year, month, day), or leave it empty',
    });
    expect(stepErrors('review', { ...FULL, reviewDate: '2025-06-01' }, TODAY)).toEqual({
      reviewDate: 'The review date is in the past: choose a date after launch, about 30 days out',
    });
    expect(stepErrors('review', { ...FULL, reviewDate: TODAY }, TODAY)).toEqual({});
    expect(stepErrors('review', { ...FULL, reviewDate: '' }, TODAY)).toEqual({});
  });
});

describe("today in the visitor's zone (issue 13)", () => {
  // A fixed instant, no clock: 03:30 UTC on March 10 is 20:30 on March 9 in Los Angeles (PDT, UTC-7,
  // since March 8) and 12:30 on March 10 in Tokyo (UTC+9). UTC's date would be March 10 for both.
  const INSTANT = '2026-03-10T03:30:00Z';

  it("is the calendar date where the visitor is, not UTC's", () => {
    expect(localDate(Date.parse(INSTANT), 'America/Los_Angeles')).toBe('2026-03-09');
    expect(localDate(INSTANT, 'America/Los_Angeles')).toBe('2026-03-09');
    expect(localDate(Date.parse(INSTANT), 'Asia/Tokyo')).toBe('2026-03-10');
  });

  it('accepts a review date of today on an evening west of UTC', () => {
    const today = localDate(Date.parse(INSTANT), 'America/Los_Angeles');
    expect(stepErrors('review', { ...FULL, reviewDate: '2026-03-09' }, today)).toEqual({});
    // The day before is still past, and UTC's date (the old "today") rejected the visitor's today.
    expect(stepErrors('review', { ...FULL, reviewDate: '2026-03-08' }, today)).toEqual({
      reviewDate: 'The review date is in the past: choose a date after launch, about 30 days out',
    });
    expect(stepErrors('review', { ...FULL, reviewDate: '2026-03-09' }, '2026-03-10')).toEqual({
      reviewDate: 'The review date is in the past: choose a date after launch, about 30 days out',
    });
  });
});

describe('parseStoredAnswers', () => {
  it('starts empty from anything that is not an answers object', () => {
    for (const raw of [null, undefined, 'answers', 42, true, [], [FULL], () => FULL]) expect(parseStoredAnswers(raw)).toEqual(EMPTY_ANSWERS);
  });

  it('reads a figure the browser could not read (NaN, as the wizard holds "1e") as unknown, and keeps the rest', () => {
    const read = parseStoredAnswers({ ...FULL, baseline: { ...FULL.baseline, manualHoursPerWeek: Number.NaN } });
    expect(read.baseline).toEqual({ ...FULL.baseline, manualHoursPerWeek: null });
    expect(read.workflowName).toBe(FULL.workflowName);
  });

  it("reads an area saved when CRM and RevOps were two choices as the one area the wizard offers", () => {
    expect(parseStoredAnswers({ area: 'revops' }).area).toBe('crm');
    expect(parseStoredAnswers({ area: 'crm' }).area).toBe('crm');
    expect(parseStoredAnswers({ area: 'marketing' }).area).toBeNull();
  });

  it('reads answers saved before the US spelling: summarise becomes summarize, once', () => {
    expect(parseStoredAnswers({ aiActions: ['summarise', 'draft', 'summarize'] }).aiActions).toEqual(['summarize', 'draft']);
  });

  it('round-trips a full set through JSON', () => {
    expect(parseStoredAnswers(JSON.parse(JSON.stringify(FULL)))).toEqual(FULL);
  });

  it('keeps the valid fields and drops the rest, field by field', () => {
    const stored = {
      area: 'crm',
      workflowName: 42,
      signals: { clearInputs: 'partly', repeatedVolume: 'maybe', measurableOutcome: null },
      redFlags: { processNobodyCanExplain: true, publicChatbotWithoutKnowledgeBase: 'yes' },
      scope: 'galaxy',
      processSteps: ['not', 'a', 'string'],
      baseline: { itemsPerMonth: '300', manualHoursPerWeek: 6, errorRatePercent: 150, cycleTimeHours: -1 },
      aiActions: ['draft', 'teleport', 'draft', 7, 'route'],
      approvalActions: 'send-to-customer',
      sourceSystem: 'Typeform',
      reviewDate: '2025-02-30',
      successMetric: 'x'.repeat(400),
      unknownKey: { deep: true },
    };
    const parsed = parseStoredAnswers(stored);
    expect(parsed).toEqual({
      ...EMPTY_ANSWERS,
      area: 'crm',
      signals: { ...EMPTY_ANSWERS.signals, clearInputs: 'partly' },
      redFlags: { ...EMPTY_ANSWERS.redFlags, processNobodyCanExplain: true },
      baseline: { ...EMPTY_ANSWERS.baseline, manualHoursPerWeek: 6 },
      aiActions: ['draft', 'route'],
      sourceSystem: 'Typeform',
      // Too long is still the person's own words: cut to the limit rather than lost.
      successMetric: 'x'.repeat(300),
    });
    expect(readinessAnswersSchema.safeParse(parsed).success).toBe(true);
    expect('unknownKey' in parsed).toBe(false);
  });

  it('never throws and always returns answers the schema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ signals: fc.anything(), baseline: fc.anything(), aiActions: fc.anything(), workflowName: fc.anything() })), (raw) => {
        expect(readinessAnswersSchema.safeParse(parseStoredAnswers(raw)).success).toBe(true);
      }),
    );
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); }, has: () => true });
    expect(parseStoredAnswers(hostile)).toEqual(EMPTY_ANSWERS);
  });

  it('returns fresh objects: editing them never changes EMPTY_ANSWERS', () => {
    const parsed = parseStoredAnswers(null);
    parsed.aiActions.push('draft');
    parsed.signals.clearInputs = 'yes';
    expect(EMPTY_ANSWERS.aiActions).toEqual([]);
    expect(EMPTY_ANSWERS.signals.clearInputs).toBeNull();
    expect(Object.isFrozen(EMPTY_ANSWERS.signals)).toBe(true);
  });
});
