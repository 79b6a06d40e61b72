// The points: each answer's credit, and the totals they add up to.
import { describe, expect, it } from 'vitest';
import { EMPTY_ANSWERS, type ReadinessAnswers, type Scope } from '../../../src/lib/readiness/schema.ts';
import { scoreReadiness } from '../../../src/lib/readiness/score.ts';
import { localDate } from '../../../src/lib/booking/format.ts';
import { steps, BEST, compose, score, part } from './_score-fixtures.ts';

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

  it('scores the review date: 20 to 120 days from today full, any other date half, none 0', () => {
    // TODAY is 2025-06-02: +19 is 06-21, +20 is 06-22, +120 is 09-30 (28 to June 30, 31 in July, 31 in
    // August, 30 in September). +65 (08-06) is what a check made two weeks before a build would date it
    // (14 days to the start, go-live 21 days later, the review 30 days after that).
    const cases: [string, number][] = [
      ['', 0],
      ['2025-06-21', 4.375],
      ['2025-06-22', 8.75],
      ['2025-08-06', 8.75],
      ['2025-09-30', 8.75],
      ['2025-10-01', 4.375],
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
