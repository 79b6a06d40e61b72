import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AI_ACTIONS,
  APPROVAL_ACTIONS,
  EMPTY_ANSWERS,
  RED_FLAGS,
  SCOPES,
  SIGNAL_ANSWERS,
  type ReadinessAnswers,
  type RedFlag,
  type Scope,
  type SignalAnswer,
} from '../../../src/lib/readiness/schema.ts';
import { scoreReadiness, type ReadinessResult } from '../../../src/lib/readiness/score.ts';
import { BAND_TEXT, BLOCKERS_HEADING, SCORING_EXPLANATION, bandSummary } from '../../../src/lib/readiness/score-text.ts';
import { BANDS } from '../../../src/lib/readiness/weights.ts';
import { localDate } from '../../../src/lib/booking/format.ts';

// Fixtures: the best answers, and a builder that puts each checklist item at full, half or no credit so
// every score below can be added up by hand: signals yes 7.5 / partly 3.75 / no 0; items 8.75 / 4.375 / 0.

const TODAY = '2025-06-02';
/** 42 days after TODAY (28 left in June + 14): inside the 20-60 day window. */
const REVIEW_IN_WINDOW = '2025-07-14';

const steps = (count: number) => Array.from({ length: count }, (_, i) => `Step ${i + 1}`).join('\n');

/** Every answer at its best: 7.5 x 4 + 8.75 x 8 = 30 + 70 = 100. */
const BEST: ReadinessAnswers = {
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
type Level = 'full' | 'half' | 'zero';

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
function compose(signals: [SignalAnswer, SignalAnswer, SignalAnswer, SignalAnswer], scope: Scope | null, levels: Partial<Record<Item, Level>>): ReadinessAnswers {
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

const score = (answers: ReadinessAnswers, today = TODAY) => scoreReadiness(answers, today);
const part = (result: ReadinessResult, id: string) => result.parts.find((p) => p.id === id)?.earned;
const withFlag = (answers: ReadinessAnswers, ...flags: RedFlag[]): ReadinessAnswers => ({
  ...answers,
  redFlags: { ...answers.redFlags, ...Object.fromEntries(flags.map((flag) => [flag, true])) },
});

describe('scoreReadiness: totals', () => {
  it('gives 100 and ready for the best answers', () => {
    // 4 x 7.5 + 8 x 8.75 = 30 + 70 = 100
    const result = score(BEST);
    expect(result).toMatchObject({ score: 100, band: 'ready', bandByScore: 'ready', cappedBy: null, blockers: [] });
    expect(result.parts.map((p) => [p.id, p.earned, p.max])).toEqual([
      ['signals', 30, 30],
      ['scope', 8.75, 8.75],
      ['process', 8.75, 8.75],
      ['baseline', 8.75, 8.75],
      ['actions', 8.75, 8.75],
      ['systems', 8.75, 8.75],
      ['failure', 8.75, 8.75],
      ['metric', 8.75, 8.75],
      ['review', 8.75, 8.75],
    ]);
  });

  it('gives 0 and map-first for the worst answers', () => {
    // Every signal no (0) and nothing on the checklist, scope a department (0): 0 + 0 = 0.
    const worst = compose(['no', 'no', 'no', 'no'], 'department', {});
    const result = score(worst);
    expect(result).toMatchObject({ score: 0, band: 'map-first', bandByScore: 'map-first' });
    // The department cap allows fix-gaps at best; the score already puts it lower, so it caps nothing.
    expect(result.cappedBy).toBeNull();
    expect(score(EMPTY_ANSWERS).score).toBe(0);
  });

  it('gives no points for the optional revenue and target, and takes none away without them', () => {
    const bare = { ...BEST, successTarget: '', baseline: { ...BEST.baseline, revenueImpactPerMonth: null } };
    expect(score(bare).score).toBe(100);
    // Revenue and target alone earn nothing: the baseline needs 2 of the 4 scored figures for half credit.
    const onlyOptional = { ...EMPTY_ANSWERS, successTarget: 'Under 1 hour', baseline: { ...EMPTY_ANSWERS.baseline, revenueImpactPerMonth: 5_000 } };
    expect(score(onlyOptional).score).toBe(0);
  });
});

describe('scoreReadiness: partial credit', () => {
  it('scores each signal yes 7.5, partly 3.75, no 0', () => {
    // All partly: 4 x 3.75 = 15 + 70 = 85.
    const partly = compose(['partly', 'partly', 'partly', 'partly'], 'one-workflow', {
      process: 'full', baseline: 'full', actions: 'full', systems: 'full', failure: 'full', metric: 'full', review: 'full',
    });
    expect(part(score(partly), 'signals')).toBe(15);
    expect(score(partly).score).toBe(85);
    // yes + partly + no + no = 7.5 + 3.75 = 11.25
    expect(part(score(compose(['yes', 'partly', 'no', 'no'], null, {})), 'signals')).toBe(11.25);
    // Unanswered counts as no.
    expect(part(score({ ...BEST, signals: { ...BEST.signals, clearInputs: null } }), 'signals')).toBe(22.5);
  });

  it('scores the scope: one workflow 8.75, several 4, a department 0', () => {
    const scopes: [Scope | null, number, number][] = [
      ['one-workflow', 8.75, 100],
      ['several-workflows', 4, 95], // 100 - 8.75 + 4 = 95.25 -> 95
      ['department', 0, 91], // 100 - 8.75 = 91.25 -> 91
      [null, 0, 91],
    ];
    for (const [scope, earned, total] of scopes) {
      const result = score({ ...BEST, scope });
      expect([part(result, 'scope'), result.score]).toEqual([earned, total]);
    }
  });

  it('scores the process by its non-empty lines: 10-15 full, 5-9 or 16-25 half, otherwise 0', () => {
    const cases: [number, number][] = [
      [0, 0], [4, 0], [5, 4.375], [9, 4.375], [10, 8.75], [15, 8.75], [16, 4.375], [25, 4.375], [26, 0],
    ];
    for (const [count, earned] of cases) expect([count, part(score({ ...BEST, processSteps: steps(count) }), 'process')]).toEqual([count, earned]);
    // Blank and space-only lines do not count; Windows and old Mac line ends do: 10 steps, full credit.
    const spaced = `Step 1\r\n\r\n  \nStep 2\rStep 3\n${steps(7)}\n\n`;
    expect(part(score({ ...BEST, processSteps: spaced }), 'process')).toBe(8.75);
  });

  it('scores the baseline: all four figures full, two or three half, otherwise 0', () => {
    const b = BEST.baseline;
    const cases: [Partial<ReadinessAnswers['baseline']>, number][] = [
      [{}, 8.75],
      [{ revenueImpactPerMonth: null }, 8.75],
      [{ cycleTimeHours: null }, 4.375],
      [{ cycleTimeHours: null, errorRatePercent: null }, 4.375],
      [{ cycleTimeHours: null, errorRatePercent: null, manualHoursPerWeek: null }, 0],
      [{ itemsPerMonth: null, manualHoursPerWeek: null, errorRatePercent: null, cycleTimeHours: null }, 0],
      // 0 is a measured figure, not a missing one.
      [{ errorRatePercent: 0, cycleTimeHours: 0 }, 8.75],
    ];
    for (const [change, earned] of cases) expect([change, part(score({ ...BEST, baseline: { ...b, ...change } }), 'baseline')]).toEqual([change, earned]);
  });

  it('scores actions, systems and failure: both sides full, one side half, none 0', () => {
    const cases: [Partial<ReadinessAnswers>, string, number][] = [
      [{ approvalActions: [] }, 'actions', 4.375],
      [{ aiActions: [] }, 'actions', 4.375],
      [{ aiActions: [], approvalActions: [] }, 'actions', 0],
      [{ systemOfRecord: '' }, 'systems', 4.375],
      [{ sourceSystem: '   ' }, 'systems', 4.375],
      [{ sourceSystem: '', systemOfRecord: ' ' }, 'systems', 0],
      [{ escalationOwner: '' }, 'failure', 4.375],
      [{ failedRun: '\n' }, 'failure', 4.375],
      [{ failedRun: '', escalationOwner: '' }, 'failure', 0],
    ];
    for (const [change, id, earned] of cases) expect([change, part(score({ ...BEST, ...change }), id)]).toEqual([change, earned]);
  });

  it('scores the metric when named; the target alone earns nothing', () => {
    expect(part(score({ ...BEST, successTarget: '' }), 'metric')).toBe(8.75);
    expect(part(score({ ...BEST, successMetric: '' }), 'metric')).toBe(0);
    expect(part(score({ ...BEST, successMetric: '  ', successTarget: 'Under 1 hour' }), 'metric')).toBe(0);
  });

  it('scores the review date: 20 to 60 days from today full, any other date half, none 0', () => {
    // TODAY is 2025-06-02: +19 is 06-21, +20 is 06-22, +60 is 08-01 (28 to June 30, 31 in July, 1).
    const cases: [string, number][] = [
      ['', 0],
      ['2025-06-21', 4.375],
      ['2025-06-22', 8.75],
      ['2025-08-01', 8.75],
      ['2025-08-02', 4.375],
      ['2025-06-01', 4.375], // yesterday: set, but outside the window
      ['2025-06-02', 4.375],
    ];
    for (const [date, earned] of cases) expect([date, part(score({ ...BEST, reviewDate: date }), 'review')]).toEqual([date, earned]);
    // Across a leap day: 2024-02-10 + 20 days is 2024-03-01 (19 days to Feb 29, 1 more).
    expect(part(scoreReadiness({ ...BEST, reviewDate: '2024-03-01' }, '2024-02-10'), 'review')).toBe(8.75);
    expect(part(scoreReadiness({ ...BEST, reviewDate: '2024-02-29' }, '2024-02-10'), 'review')).toBe(4.375);
  });

  it("counts the days from the visitor's today, not UTC's (issue 13)", () => {
    // 2026-03-10T03:30Z is the evening of March 9 in Los Angeles and midday March 10 in Tokyo.
    const instant = Date.parse('2026-03-10T03:30:00Z');
    const losAngeles = localDate(instant, 'America/Los_Angeles');
    const tokyo = localDate(instant, 'Asia/Tokyo');
    expect([losAngeles, tokyo]).toEqual(['2026-03-09', '2026-03-10']);
    // 2026-03-29 is 20 days after March 9 (full credit) and 19 after March 10 (half).
    expect(part(scoreReadiness({ ...BEST, reviewDate: '2026-03-29' }, losAngeles), 'review')).toBe(8.75);
    expect(part(scoreReadiness({ ...BEST, reviewDate: '2026-03-29' }, tokyo), 'review')).toBe(4.375);
  });
});

describe('scoreReadiness: bands', () => {
  it('puts 44 in map-first and 45 in fix-gaps', () => {
    // yes, yes, yes, no = 22.5; several workflows 4; process and baseline full 17.5: 22.5 + 4 + 17.5 = 44
    const at44 = score(compose(['yes', 'yes', 'yes', 'no'], 'several-workflows', { process: 'full', baseline: 'full' }));
    // yes, yes, partly, no = 18.75; one workflow 8.75; process and baseline full 17.5: 18.75 + 8.75 + 17.5 = 45
    const at45 = score(compose(['yes', 'yes', 'partly', 'no'], 'one-workflow', { process: 'full', baseline: 'full' }));
    expect([at44.score, at44.band]).toEqual([44, 'map-first']);
    expect([at45.score, at45.band]).toEqual([45, 'fix-gaps']);
  });

  it('puts 74 in fix-gaps and 75 in ready', () => {
    const fiveFull = { process: 'full', baseline: 'full', actions: 'full', systems: 'full', failure: 'full' } as const;
    // yes, yes, yes, partly = 26.25; several 4; five items full 43.75: 26.25 + 4 + 43.75 = 74
    const at74 = score(compose(['yes', 'yes', 'yes', 'partly'], 'several-workflows', fiveFull));
    // yes, yes, yes, no = 22.5; one workflow 8.75; five items full 43.75: 22.5 + 8.75 + 43.75 = 75
    const at75 = score(compose(['yes', 'yes', 'yes', 'no'], 'one-workflow', fiveFull));
    expect([at74.score, at74.band]).toEqual([74, 'fix-gaps']);
    expect([at75.score, at75.band]).toEqual([75, 'ready']);
  });

  it('rounds the total to the nearest whole point, halves up, before banding', () => {
    // 18.75 + several 4 + five halves 21.875 = 44.625 -> 45: fix-gaps, not map-first
    const up45 = score(compose(['yes', 'yes', 'partly', 'no'], 'several-workflows', {
      process: 'half', baseline: 'half', actions: 'half', systems: 'half', failure: 'half',
    }));
    expect([up45.score, up45.band]).toEqual([45, 'fix-gaps']);
    // 22.5 + several 4 + four full 35 + three halves 13.125 = 74.625 -> 75: ready, not fix-gaps
    const up75 = score(compose(['yes', 'yes', 'yes', 'no'], 'several-workflows', {
      metric: 'full', process: 'full', baseline: 'full', actions: 'full', systems: 'half', failure: 'half', review: 'half',
    }));
    expect([up75.score, up75.band]).toEqual([75, 'ready']);
    // All signals no, no scope, five items full: 43.75 -> 44: still map-first
    const up44 = score(compose(['no', 'no', 'no', 'no'], null, {
      process: 'full', baseline: 'full', actions: 'full', systems: 'full', failure: 'full',
    }));
    expect([up44.score, up44.band]).toEqual([44, 'map-first']);
  });
});

describe('scoreReadiness: caps', () => {
  it('caps a perfect score at fix-gaps for any red flag but processNobodyCanExplain', () => {
    for (const flag of RED_FLAGS.filter((f) => f !== 'processNobodyCanExplain')) {
      const result = score(withFlag(BEST, flag));
      expect(result).toMatchObject({ score: 100, bandByScore: 'ready', band: 'fix-gaps', cappedBy: flag });
      expect(result.blockers[0]).toMatchObject({ id: flag, pointsLost: 100, checklistItem: null });
    }
  });

  it('caps a perfect score at map-first when nobody can explain the process', () => {
    const result = score(withFlag(BEST, 'processNobodyCanExplain'));
    expect(result).toMatchObject({ score: 100, bandByScore: 'ready', band: 'map-first', cappedBy: 'processNobodyCanExplain' });
    // With other flags too, the most severe cap is the one named, and its blocker comes first.
    const many = score(withFlag(BEST, 'publicChatbotWithoutKnowledgeBase', 'processNobodyCanExplain'));
    expect([many.band, many.cappedBy, many.blockers[0]?.id, many.blockers[1]?.id]).toEqual([
      'map-first', 'processNobodyCanExplain', 'processNobodyCanExplain', 'publicChatbotWithoutKnowledgeBase',
    ]);
  });

  it('caps a department-wide scope at fix-gaps', () => {
    // 100 - 8.75 = 91.25 -> 91, ready by score, capped.
    const result = score({ ...BEST, scope: 'department' });
    expect(result).toMatchObject({ score: 91, bandByScore: 'ready', band: 'fix-gaps', cappedBy: 'scope' });
    expect(result.blockers[0]).toMatchObject({ id: 'scope', pointsLost: 8.75, checklistItem: 1 });
  });

  it('names no cap when the score already gives that band or a lower one', () => {
    // 44 by score (map-first): a red flag's fix-gaps cap changes nothing.
    const low = score(withFlag(compose(['yes', 'yes', 'yes', 'no'], 'several-workflows', { process: 'full', baseline: 'full' }), 'financeOrLegalWithoutEscalation'));
    expect([low.score, low.band, low.cappedBy]).toEqual([44, 'map-first', null]);
    expect(low.blockers[0]?.id).toBe('financeOrLegalWithoutEscalation');
  });
});

describe('scoreReadiness: blockers', () => {
  it('ranks red flags first, then points lost, ties in checklist order, and keeps at most 5', () => {
    const answers = withFlag(
      {
        ...BEST,
        signals: { ...BEST.signals, manageableRisk: 'partly' }, // loses 3.75
        scope: 'several-workflows', // loses 8.75 - 4 = 4.75
        processSteps: steps(6), // loses 4.375
        systemOfRecord: '', // loses 4.375
        successMetric: '', // loses 8.75
        reviewDate: '', // loses 8.75
      },
      'publicChatbotWithoutKnowledgeBase',
    );
    const result = score(answers);
    // 100 - 3.75 - 4.75 - 4.375 - 4.375 - 8.75 - 8.75 = 65.25 -> 65
    expect(result.score).toBe(65);
    expect(result.blockers.map((b) => [b.id, b.pointsLost, b.checklistItem])).toEqual([
      ['publicChatbotWithoutKnowledgeBase', 100, null],
      ['metric', 8.75, 7],
      ['review', 8.75, 8],
      ['scope', 4.75, 1],
      ['process', 4.375, 2],
    ]);
    // Cut: systems (4.375) and the risk signal (3.75).
    for (const blocker of result.blockers) expect(blocker.nextStep).toMatch(/^[A-Z].{30,}\.$/);
  });

  it('lists only what loses points, with a next step that fits the gap', () => {
    const result = score({ ...BEST, approvalActions: [], processSteps: steps(3), signals: { ...BEST.signals, repeatedVolume: 'no' } });
    expect(result.blockers.map((b) => [b.id, b.pointsLost])).toEqual([
      ['process', 8.75],
      ['signals.repeatedVolume', 7.5],
      ['actions', 4.375],
    ]);
    expect(result.blockers[0]?.title).toBe('The process has only 3 steps written down');
    expect(result.blockers[2]?.nextStep).toMatch(/approval/);
    const empty = score({ ...BEST, processSteps: '' }).blockers[0];
    expect(empty?.nextStep).toBe(
      'Write the current process down as 10 to 15 steps, from the trigger to the system that is updated, before choosing any tool.',
    );
    expect(score({ ...BEST, processSteps: steps(30) }).blockers[0]?.title).toBe('The process is written as 30 steps, more than 15');
    expect(score({ ...BEST, baseline: { ...BEST.baseline, errorRatePercent: null, cycleTimeHours: null } }).blockers[0]?.title).toBe(
      'The baseline is missing error rate and cycle time',
    );
  });
});

describe('scoreReadiness: invariants', () => {
  const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 20 }));
  const figure = fc.option(fc.double({ min: 0, max: 1_000, noNaN: true }), { nil: null });
  const answers = fc.record({
    area: fc.constant(null),
    workflowName: text,
    signals: fc.record({
      clearInputs: fc.option(fc.constantFrom(...SIGNAL_ANSWERS), { nil: null }),
      repeatedVolume: fc.option(fc.constantFrom(...SIGNAL_ANSWERS), { nil: null }),
      measurableOutcome: fc.option(fc.constantFrom(...SIGNAL_ANSWERS), { nil: null }),
      manageableRisk: fc.option(fc.constantFrom(...SIGNAL_ANSWERS), { nil: null }),
    }),
    redFlags: fc.record({
      publicChatbotWithoutKnowledgeBase: fc.boolean(),
      autonomousOutreachWithoutApproval: fc.boolean(),
      financeOrLegalWithoutEscalation: fc.boolean(),
      processNobodyCanExplain: fc.boolean(),
    }),
    scope: fc.option(fc.constantFrom(...SCOPES), { nil: null }),
    processSteps: fc.nat({ max: 30 }).map(steps),
    baseline: fc.record({ itemsPerMonth: figure, manualHoursPerWeek: figure, errorRatePercent: figure, cycleTimeHours: figure, revenueImpactPerMonth: figure }),
    aiActions: fc.subarray([...AI_ACTIONS]),
    approvalActions: fc.subarray([...APPROVAL_ACTIONS]),
    sourceSystem: text,
    systemOfRecord: text,
    failedRun: text,
    escalationOwner: text,
    successMetric: text,
    successTarget: text,
    reviewDate: fc.constantFrom('', '2025-06-01', '2025-07-14', '2026-01-01'),
  }) satisfies fc.Arbitrary<ReadinessAnswers>;

  it('always gives a whole score 0-100 that matches its parts, a band no better than the score, and ranked blockers', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const result = score(a);
        const sum = result.parts.reduce((total, p) => total + p.earned, 0);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBe(Math.round(sum));
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(BANDS.indexOf(result.band)).toBeGreaterThanOrEqual(BANDS.indexOf(result.bandByScore));
        expect(result.cappedBy === null).toBe(result.band === result.bandByScore);
        expect(result.blockers.length).toBeLessThanOrEqual(5);
        const lost = result.blockers.map((b) => b.pointsLost);
        expect(lost).toEqual([...lost].sort((x, y) => y - x));
        for (const p of lost) expect(p).toBeGreaterThan(0);
      }),
    );
  });
});

describe('texts', () => {
  it('has a title and summary for every band and states the weights, thresholds and caps', () => {
    for (const band of BANDS) expect(BAND_TEXT[band].title.length).toBeGreaterThan(5);
    const all = SCORING_EXPLANATION.join(' ');
    for (const figure of ['30 points', '7.5', '3.75', '8.75', '4.375', '10 to 15', '20 to 60', '75 or more', '45 to 74', 'Below 45']) {
      expect(all).toContain(figure);
    }
    expect(all).toMatch(/red flag/i);
    expect(all).toMatch(/department/);
  });

  it('tells a ready workflow with nothing open to build, and one with open points to decide them first', () => {
    const build = 'Build it, and review it 30 days after it goes live.';
    expect(bandSummary({ band: 'ready', score: 100 }, false)).toBe(
      `This workflow has everything a first build needs: one scope, a written process, a baseline, approval rules and a review date. ${build}`,
    );
    expect(bandSummary({ band: 'ready', score: 96 }, false)).toBe(`This workflow has what a first build needs: one scope, a written process, a baseline, approval rules and a review date. ${build}`);
    expect(bandSummary({ band: 'ready', score: 96 }, true)).toContain('Decide what the spec marks "Not decided yet" in week 1');
    expect(bandSummary({ band: 'fix-gaps', score: 70 }, true)).toBe(BAND_TEXT['fix-gaps'].summary);
    expect(bandSummary({ band: 'map-first', score: 20 }, false)).toBe(BAND_TEXT['map-first'].summary);
  });

  it('heads a ready workflow\'s lost points as things to tighten, never as fixes standing before the build', () => {
    expect(BLOCKERS_HEADING.ready).toBe('Worth tightening in week 1');
    expect(BLOCKERS_HEADING['fix-gaps']).toBe('What to fix first');
    expect(BLOCKERS_HEADING['map-first']).toBe('What to fix first');
  });

  it('dates the review of a ready workflow from go-live, not from the end of the build', () => {
    expect(BAND_TEXT.ready.summary).toContain('review it 30 days after it goes live');
    expect(BAND_TEXT.ready.summary).not.toMatch(/after 30 days/);
  });
});
