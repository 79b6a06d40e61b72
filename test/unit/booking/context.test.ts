// The operator's notice sums up the visitor's calculator scenario; its link must open the very scenario
// the figures were computed from, whatever the browser sent.
import { describe, expect, it } from 'vitest';
import { summarizeScenario } from '../../../src/lib/booking/context.ts';
import { fromQuery } from '../../../src/lib/roi/query.ts';

describe('summarizeScenario', () => {
  it("links to the scenario it computed, not to the query as sent (tampered and repeated keys dropped)", () => {
    const sent = 'p=%3Cscript%3E&n=250&tm=99999999999&cur=Infinity&p=x&cur=JPY&utm_source=mail';
    const summary = summarizeScenario(sent)!;
    const link = new URLSearchParams(summary.query);
    // Read back, the link is accepted whole: nothing in it is refused.
    expect(fromQuery(link).rejected).toEqual([]);
    expect(link.get('p')).toBe('lead-routing');
    expect(link.get('n')).toBe('250');
    expect(link.get('cur')).toBe('USD');
    expect(link.getAll('p')).toHaveLength(1);
    expect(link.has('utm_source')).toBe(false);
    // And it reproduces the figures the notice states.
    expect(summarizeScenario(summary.query)).toEqual(summary);
  });

  it('is null for a query without any of the calculator keys', () => {
    expect(summarizeScenario('?utm_source=mail')).toBeNull();
  });
});
