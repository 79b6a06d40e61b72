// What holds for any answers at all (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AI_ACTIONS, APPROVAL_ACTIONS, SCOPES, SIGNAL_ANSWERS, type ReadinessAnswers } from '../../../src/lib/readiness/schema.ts';
import { BANDS } from '../../../src/lib/readiness/weights.ts';
import { steps, score } from './_score-fixtures.ts';

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
