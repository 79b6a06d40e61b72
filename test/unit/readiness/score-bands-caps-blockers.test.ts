// From points to a verdict: the bands, the caps red flags put on them, and the ranked blockers.
import { describe, expect, it } from 'vitest';
import { RED_FLAGS } from '../../../src/lib/readiness/schema.ts';
import { steps, BEST, compose, score, withFlag } from './_score-fixtures.ts';

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
