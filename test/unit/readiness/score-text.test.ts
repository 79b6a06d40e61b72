// The words beside a score: band titles and summaries, the scoring explanation, the blockers' heading.
import { describe, expect, it } from 'vitest';
import { BAND_TEXT, BLOCKERS_HEADING, SCORING_EXPLANATION, bandSummary } from '../../../src/lib/readiness/score-text.ts';
import { BANDS } from '../../../src/lib/readiness/weights.ts';

describe('texts', () => {
  it('has a title and summary for every band and states the weights, thresholds and caps', () => {
    for (const band of BANDS) expect(BAND_TEXT[band].title.length).toBeGreaterThan(5);
    const all = SCORING_EXPLANATION.join(' ');
    for (const figure of ['30 points', '7.5', '3.75', '8.75', '4.375', '10 to 15', '20 to 120', '75 or more', '45 to 74', 'Below 45']) {
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
