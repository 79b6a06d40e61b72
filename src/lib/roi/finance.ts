// Discounting, NPV and IRR over per-period cash flows. Pure and allocation-light: the ROI calculator
// recomputes on every keystroke. Period 0 is "now" and is not discounted (unlike a spreadsheet's NPV()).

/** The monthly rate that compounds to the annual one: (1 + annual)^(1/12) - 1. */
export function monthlyRateFromAnnual(annualRate: number): number {
  return Math.pow(1 + annualRate, 1 / 12) - 1;
}

/** The annual rate a monthly rate compounds to: (1 + monthly)^12 - 1. */
export function annualRateFromMonthly(monthlyRate: number): number {
  return Math.pow(1 + monthlyRate, 12) - 1;
}

/**
 * Net present value of cash flows where cashFlows[t] falls at the end of period t and t = 0 is today:
 * sum of cashFlows[t] / (1 + rate)^t. Horner form: one division per period, no pow().
 */
export function npv(ratePerPeriod: number, cashFlows: readonly number[]): number {
  const v = 1 / (1 + ratePerPeriod);
  let total = 0;
  for (let t = cashFlows.length - 1; t >= 0; t--) total = total * v + (cashFlows[t] ?? 0);
  return total;
}

type IrrResult =
  | { ok: true; /** Internal rate of return per period. */ rate: number }
  | { ok: false; /** Plain-language reason, fit to show on the page. */ note: string; above?: undefined }
  | { ok: false; /** The rate is higher than IRR_MAX_RATE, the highest rate per period irr() looks at. */ above: true };

/** The highest rate per period irr() looks at: 1e6 is 100,000,000% a period. */
export const IRR_MAX_RATE = 1e6;

// Where to look for a sign change of NPV(rate). Dense near 0, where real business cases sit; the ends are
// far enough out that a conventional series (one sign change, so exactly one root) is always bracketed.
const RATE_GRID: readonly number[] = [
  -1 + 1e-12, -1 + 1e-9, -0.999999, -0.9999, -0.999, -0.99, -0.95, -0.9, -0.8, -0.6, -0.4, -0.25, -0.15, -0.1, -0.06, -0.03, -0.015, -0.005,
  0, 0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.15, 0.25, 0.4, 0.6, 1, 2, 5, 10, 30, 100, 1e3, 1e4, 1e5, IRR_MAX_RATE,
];

/**
 * The sign of NPV(rate), computed without overflow. For rate < 0 discounting inflates late flows without
 * bound (0.001^-240 is Infinity), so there we use NPV x (1 + rate)^n, which has the same sign and only shrinks.
 */
function npvSign(rate: number, flows: readonly number[]): number {
  if (rate >= 0) return Math.sign(npv(rate, flows));
  const x = 1 + rate;
  let acc = 0;
  for (const flow of flows) acc = acc * x + flow;
  return Math.sign(acc);
}

/**
 * Internal rate of return per period: the rate at which npv() is 0. Brackets a sign change on a fixed grid,
 * then bisects to full double precision, so it cannot diverge the way plain Newton can. With several sign
 * changes in the flows more than one rate may fit; the one nearest 0 is returned. A rate above IRR_MAX_RATE
 * is reported as `above`, not as no rate: NPV still has the sign of the last flows there, and as the rate
 * grows it takes the sign of the first flow, so a root lies beyond (a tiny cost earned back at once).
 */
export function irr(cashFlows: readonly number[]): IrrResult {
  if (!cashFlows.every(Number.isFinite)) {
    return { ok: false, note: 'Some cash flows are not finite numbers, so there is no rate of return.' };
  }
  // Leading and trailing zeros only scale NPV by a positive factor, so drop them.
  const first = cashFlows.findIndex((flow) => flow !== 0);
  let last = cashFlows.length - 1;
  while (last >= 0 && cashFlows[last] === 0) last--;
  const flows = first < 0 ? [] : cashFlows.slice(first, last + 1);
  const hasGain = flows.some((flow) => flow > 0);
  const hasCost = flows.some((flow) => flow < 0);
  if (!hasGain || !hasCost) {
    return {
      ok: false,
      note: hasGain
        ? 'There is no up-front cost to earn a return on: every month is a gain.'
        : 'The cash flows never turn positive, so there is no rate of return.',
    };
  }

  let best: number | undefined;
  let previousRate: number | undefined;
  let previousSign = 0;
  for (const rate of RATE_GRID) {
    const sign = npvSign(rate, flows);
    let root: number | undefined;
    if (sign === 0) root = rate;
    else if (previousRate !== undefined && previousSign !== 0 && sign !== previousSign) {
      root = bisect(flows, previousRate, previousSign, rate);
    }
    if (root !== undefined && (best === undefined || Math.abs(root) < Math.abs(best))) best = root;
    previousRate = rate;
    previousSign = sign;
  }
  if (best === undefined) {
    // previousSign is NPV's sign at IRR_MAX_RATE; far above it NPV has the first flow's sign.
    if (previousSign === -Math.sign(flows[0]!)) return { ok: false, above: true };
    return { ok: false, note: 'No rate of return fits these cash flows: they never break even at any rate.' };
  }
  return { ok: true, rate: best };
}

function bisect(flows: readonly number[], low: number, lowSign: number, high: number): number {
  let lo = low;
  let hi = high;
  // Usually stops when lo and hi are adjacent doubles; the cap only bounds the work (200 halvings of the
  // widest bracket leave less than 1e-54).
  for (let i = 0; i < 200; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const sign = npvSign(mid, flows);
    if (sign === 0) return mid;
    if (sign === lowSign) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
