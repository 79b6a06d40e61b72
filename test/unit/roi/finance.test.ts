import { IRR, NPV } from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualRateFromMonthly, irr, monthlyRateFromAnnual, npv } from '../../../src/lib/roi/finance.ts';

/** The rate of an IrrResult, failing the test with the note when there is none. */
const rateOf = (flows: number[]) => {
  const result = irr(flows);
  if (!result.ok) throw new Error(`expected an IRR, got: ${result.above ? 'a rate above the grid' : result.note}`);
  return result.rate;
};
const sumAbs = (flows: number[]) => flows.reduce((total, flow) => total + Math.abs(flow), 0);

// A conventional investment: money out at month 0, nothing negative after, some return. Exactly one IRR.
const conventionalFlows = fc
  .tuple(
    fc.double({ min: -1e6, max: -1, noNaN: true }),
    fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 36 }),
    fc.double({ min: 1, max: 1e5, noNaN: true }),
  )
  .map(([outlay, returns, oneReturn]) => [outlay, oneReturn, ...returns]);

describe('rates', () => {
  it('converts an annual rate to the monthly rate that compounds to it, and back', () => {
    // 1.08^(1/12) - 1 = 0.00643403011000345... (50-digit decimal arithmetic)
    expect(monthlyRateFromAnnual(0.08)).toBeCloseTo(0.0064340301100035, 15);
    expect(annualRateFromMonthly(monthlyRateFromAnnual(0.08))).toBeCloseTo(0.08, 14);
    expect(monthlyRateFromAnnual(0)).toBe(0);
  });

  it('discounts one period-t payment', () => {
    // 1 / 1.1^2 = 1 / 1.21 (npv of a single payment is its discount factor)
    expect(npv(0.1, [0, 0, 1])).toBeCloseTo(1 / 1.21, 15);
    expect(npv(0.1, [1])).toBe(1);
  });
});

describe('npv', () => {
  it('does not discount period 0 and discounts period t by (1 + r)^t', () => {
    // -100 + 60 / 1.1 + 60 / 1.21 = -100 + 54.5454... + 49.5867... = 4.1322314...
    expect(npv(0.1, [-100, 60, 60])).toBeCloseTo(4.132231404958678, 12);
    expect(npv(0.1, [-100, 110])).toBeCloseTo(0, 12);
    expect(npv(0.05, [])).toBe(0);
  });

  it('is the plain sum at 0%', () => {
    // -1000 + 200 + 300 + 400 + 500 = 400
    expect(npv(0, [-1000, 200, 300, 400, 500])).toBe(400);
  });

  it('never rises with the rate when every flow after period 0 is 0 or more', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { maxLength: 37 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (first, rest, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const flows = [first, ...rest];
          // Equal up to rounding when the rates are (nearly) equal: allow a hair of slack.
          expect(npv(high, flows)).toBeLessThanOrEqual(npv(low, flows) + 1e-9 * (1 + sumAbs(flows)));
        },
      ),
    );
  });
});

describe('irr', () => {
  it('finds the monthly rate of -1000 then 12 x 100', () => {
    // The r with 100 x (1 - 1.r^-12) / r = 1000: 0.02922854076913369... (bisection in 50-digit decimals);
    // spreadsheets agree: RATE(12, 100, -1000) = 2.9229%.
    const rate = rateOf([-1000, ...Array<number>(12).fill(100)]);
    expect(Math.abs(rate - 0.029228540769133695)).toBeLessThan(1e-12);
    // Annualised: 1.0292285...^12 - 1 = 0.41299898...
    expect(annualRateFromMonthly(rate)).toBeCloseTo(0.4129989841496152, 9);
  });

  it('solves exact one-period cases, including rates near -100% and far above 100%', () => {
    // -100 + 110 / (1 + r) = 0 => r = 0.1; -100 + 1 / (1 + r) = 0 => r = -0.99; -1 + 1e5 / (1 + r) = 0 => r = 99,999.
    expect(rateOf([-100, 110])).toBeCloseTo(0.1, 14);
    expect(rateOf([-100, 1])).toBeCloseTo(-0.99, 14);
    expect(rateOf([-1, 1e5]) / 99_999).toBeCloseTo(1, 12);
  });

  it('ignores zeros before the first and after the last flow', () => {
    expect(rateOf([0, 0, -100, 110, 0])).toBeCloseTo(0.1, 14);
  });

  it('returns the rate nearest 0 when two fit', () => {
    // -100 + 230 / 1.1 - 132 / 1.21 = -100 + 209.09 - 109.09 = 0, and at 1.2: -100 + 191.67 - 91.67 = 0.
    expect(rateOf([-100, 230, -132])).toBeCloseTo(0.1, 12);
  });

  it('explains why there is no rate instead of returning a number', () => {
    expect(irr([0, 100, 100])).toEqual({ ok: false, note: expect.stringContaining('no up-front cost') });
    expect(irr([-100, -5, 0])).toEqual({ ok: false, note: expect.stringContaining('never turn positive') });
    expect(irr([])).toMatchObject({ ok: false });
    expect(irr([-100, Number.NaN])).toMatchObject({ ok: false });
    // -100 + 50 / (1 + r) - 50 / (1 + r)^2 < 0 for every r > -1: there is no root at all.
    expect(irr([-100, 50, -50])).toEqual({ ok: false, note: expect.stringContaining('No rate of return fits') });
  });

  it('says the rate is above the highest it computes, not that there is none, when a tiny cost is earned back at once', () => {
    // -1 + 2,000,000 / (1 + r) = 0 => r = 1,999,999 a period, above the 1,000,000 the grid ends at.
    expect(irr([-1, 2e6])).toEqual({ ok: false, above: true });
    // The reported workflow: 1 up front, then 19,999,800 and 39,999,900 a month (10,000 h x $1,000, ramp-up 1).
    expect(irr([-1, 19_999_800, 39_999_900, 39_999_900])).toEqual({ ok: false, above: true });
    // Just inside the grid it is still a rate: -1 + 500,000 / (1 + r) = 0 => r = 499,999.
    expect(rateOf([-1, 5e5]) / 499_999).toBeCloseTo(1, 12);
    // The other edge stays as it was: [-100, 50, -50] has no root at any rate (see above).
    expect(irr([-100, 50, -50])).toEqual({ ok: false, note: 'No rate of return fits these cash flows: they never break even at any rate.' });
  });

  it('brings NPV to 0 for any conventional series', () => {
    fc.assert(
      fc.property(conventionalFlows, (flows) => {
        expect(Math.abs(npv(rateOf(flows), flows))).toBeLessThan(1e-6 * sumAbs(flows));
      }),
    );
  });
});

describe('cross-check with @formulajs/formulajs', () => {
  it('matches cf0 + NPV(r, cf1..cfn) on random series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e5, max: 1e5, noNaN: true }), { minLength: 2, maxLength: 37 }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        (flows, rate) => {
          const [first = 0, ...rest] = flows;
          const theirs = first + (NPV(rate, ...rest) as number);
          // Tolerance relative to the size of the discounted terms, which bounds any rounding either way.
          const scale = flows.reduce((total, flow, t) => total + Math.abs(flow) / Math.pow(1 + rate, t), 0);
          expect(Math.abs(npv(rate, flows) - theirs)).toBeLessThanOrEqual(1e-12 * (1 + scale));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches IRR() on random conventional series', () => {
    // Returns of at least half the outlay keep the root where IRR()'s Newton start (10%) reaches it.
    const series = fc
      .tuple(
        fc.double({ min: 100, max: 1e5, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 36 }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
      )
      .filter(([, weights]) => weights.some((weight) => weight > 0.01))
      .map(([outlay, weights, multiple]) => {
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        return [-outlay, ...weights.map((weight) => (weight / total) * outlay * multiple)];
      });
    fc.assert(
      fc.property(series, (flows) => {
        const theirs = IRR(flows) as unknown;
        expect(typeof theirs).toBe('number');
        const ours = rateOf(flows);
        // IRR() stops at |NPV| < 1e-10 and rounds rates to 1e-10, so 1e-8 leaves room for that and no more (seen: 1e-10).
        expect(Math.abs(ours - (theirs as number))).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(ours)));
      }),
      { numRuns: 300 },
    );
  });
});
