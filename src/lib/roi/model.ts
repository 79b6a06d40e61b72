// The ROI calculator's model: validated inputs in, every figure the page shows out (shapes in result.ts).
// Pure and cheap enough to rerun on each keystroke: at most a few hundred loop steps per scenario.
import { annualRateFromMonthly, irr, monthlyRateFromAnnual, npv } from './finance.ts';
import { SCENARIO_ADJUSTMENTS, type ScenarioAdjustment } from './presets.ts';
import type { IrrNote, Payback, RoiResult, ScenarioResult } from './result.ts';
import type { RoiInputs } from './schema.ts';

// A full-time person's week.
const HOURS_PER_FTE_WEEK = 40;
/** How far past the horizon payback is still worth reporting: 20 years. */
export const MAX_PAYBACK_MONTHS = 240;
/** Annualised IRR (a share) above which the figure gets a note: it then reflects a small up-front cost more than returns. */
export const IRR_NOTE_THRESHOLD = 10;

function hoursPerFteMonth(weeksPerMonth: number): number {
  return HOURS_PER_FTE_WEEK * weeksPerMonth;
}

/** Units of work a month: the timed item's volume, or the number of timed periods in a month. */
function unitsPerMonth(inputs: Pick<RoiInputs, 'unit' | 'unitsPerMonth' | 'weeksPerMonth'>): number {
  if (inputs.unit === 'week') return inputs.weeksPerMonth;
  if (inputs.unit === 'month') return 1;
  return inputs.unitsPerMonth;
}

/** Share of the steady-state value earned in month `month` (1-based): k / (rampUpMonths + 1), then 1. */
export function rampFactor(month: number, rampUpMonths: number): number {
  if (month < 1) return 0;
  return month <= rampUpMonths ? month / (rampUpMonths + 1) : 1;
}

const toHours = (time: number, timeUnit: RoiInputs['timeUnit']) => (timeUnit === 'minutes' ? time / 60 : time);

/** The whole model for one set of inputs; `volumeFactor` scales the work per month (scenarios use it). */
function computeCore(inputs: RoiInputs, volumeFactor: number) {
  const units = unitsPerMonth(inputs) * volumeFactor;
  const handled = units * inputs.coverageShare;
  const savedHoursPerUnit = toHours(inputs.manualTimePerUnit - inputs.assistedTimePerUnit, inputs.timeUnit);
  const hoursSavedPerMonth = handled * savedHoursPerUnit;
  const errorsAvoidedPerMonth = handled * inputs.errorRate * inputs.errorReduction;
  const timeValuePerMonth = hoursSavedPerMonth * inputs.costPerHour;
  const errorValuePerMonth = errorsAvoidedPerMonth * inputs.costPerError;
  const gross = timeValuePerMonth + errorValuePerMonth + inputs.revenuePerMonth;
  const running = inputs.runningCostPerMonth;
  const net = gross - running;
  const horizon = inputs.horizonMonths;
  const implementation = inputs.implementationCost;

  // One pass over the horizon, continued up to MAX_PAYBACK_MONTHS only while payback is still open.
  // 0 - x rather than -x: no cost up front is 0, not -0.
  let total = 0 - implementation;
  const cashFlows: number[] = [total];
  const cumulative: number[] = [total];
  let paybackMonth: number | null = total >= 0 ? 0 : null;
  let totalValue = 0;
  for (let month = 1; month <= MAX_PAYBACK_MONTHS; month++) {
    const value = gross * rampFactor(month, inputs.rampUpMonths);
    const flow = value - running;
    total += flow;
    if (month <= horizon) {
      cashFlows.push(flow);
      cumulative.push(total);
      totalValue += value;
    }
    // Allow for rounding in a long sum, so a cumulative of -1e-12 counts as breaking even.
    const tolerance = 1e-12 * (1 + implementation + (gross + running) * month);
    if (total < -tolerance) paybackMonth = null;
    else if (paybackMonth === null) paybackMonth = month;
    // After ramp-up every month adds the same net value, so once past the horizon and ramp-up the answer is fixed.
    if (month >= horizon && month >= inputs.rampUpMonths && (paybackMonth !== null || net <= 0)) break;
  }

  const totalCost = implementation + running * horizon;
  return {
    units,
    hoursSavedPerMonth,
    errorsAvoidedPerMonth,
    timeValuePerMonth,
    errorValuePerMonth,
    grossMonthlyValue: gross,
    netMonthlyValue: net,
    cashFlows,
    cumulative,
    payback: paybackOf(paybackMonth, inputs, gross, net, hoursSavedPerMonth > 0, errorsAvoidedPerMonth > 0),
    totalValue,
    totalCost,
    roi: totalCost > 0 ? (totalValue - totalCost) / totalCost : null,
    npv: npv(monthlyRateFromAnnual(inputs.annualDiscountRate), cashFlows),
  };
}

function paybackOf(month: number | null, inputs: RoiInputs, gross: number, net: number, savesTime: boolean, savesErrors: boolean): Payback {
  // A workflow that loses money each month never pays back, even if nothing was spent up front.
  if (net <= 0) {
    // No value: nothing saved, or what is saved is valued at 0 a unit (a cost per hour or per error of 0).
    if (gross <= 0) return { kind: 'never', reason: savesTime || savesErrors ? { kind: 'unvalued', time: savesTime, errors: savesErrors } : { kind: 'no-value' } };
    return {
      kind: 'never',
      reason: { kind: net < 0 ? 'running-costs-exceed-value' : 'running-costs-equal-value', monthlyValue: gross, monthlyRunning: inputs.runningCostPerMonth },
    };
  }
  if (month === null) {
    return {
      kind: 'never',
      reason: { kind: 'too-slow', monthlyNet: net, implementationCost: inputs.implementationCost, maxMonths: MAX_PAYBACK_MONTHS },
    };
  }
  return { kind: 'month', month, withinHorizon: month <= inputs.horizonMonths };
}

/** The inputs a scenario stands for: time saved moves through the assisted time, kept within 0..manual. */
function adjustInputs(inputs: RoiInputs, adjustment: ScenarioAdjustment): RoiInputs {
  const manual = inputs.manualTimePerUnit;
  const saved = (manual - inputs.assistedTimePerUnit) * (1 + adjustment.timeSavedChange);
  return {
    ...inputs,
    assistedTimePerUnit: Math.min(manual, Math.max(0, manual - saved)),
    implementationCost: Math.max(0, inputs.implementationCost * (1 + adjustment.implementationCostChange)),
    rampUpMonths: Math.max(0, inputs.rampUpMonths + adjustment.rampUpMonthsChange),
  };
}

type Core = ReturnType<typeof computeCore>;

const compact = (core: Core): ScenarioResult => ({
  hoursSavedPerMonth: core.hoursSavedPerMonth,
  netMonthlyValue: core.netMonthlyValue,
  payback: core.payback,
  roiAtHorizon: core.roi,
  npv: core.npv,
  cumulative: core.cumulative,
});

/** One scenario of a workflow, e.g. computeScenario(inputs, SCENARIO_ADJUSTMENTS.low). */
export function computeScenario(inputs: RoiInputs, adjustment: ScenarioAdjustment): ScenarioResult {
  return compact(computeCore(adjustInputs(inputs, adjustment), Math.max(0, 1 + adjustment.volumeChange)));
}

function irrFigures(cashFlows: number[]): Pick<RoiResult, 'irrMonthly' | 'irrAnnual' | 'irrNote'> {
  const result = irr(cashFlows);
  if (!result.ok) {
    const note: IrrNote = result.above ? { kind: 'above' } : { kind: 'no-rate', text: result.note };
    return { irrMonthly: null, irrAnnual: null, irrNote: note };
  }
  // Finite: irr() returns at most IRR_MAX_RATE a month, which compounds to about 1e72 a year.
  const annual = annualRateFromMonthly(result.rate);
  const note: IrrNote | null = annual > IRR_NOTE_THRESHOLD ? { kind: 'very-high', threshold: IRR_NOTE_THRESHOLD } : null;
  return { irrMonthly: result.rate, irrAnnual: annual, irrNote: note };
}

/** Every figure the calculator shows, for inputs that passed roiInputsSchema. */
export function computeRoi(inputs: RoiInputs): RoiResult {
  const core = computeCore(inputs, 1);
  return {
    unitsPerMonth: core.units,
    hoursPerFteMonth: hoursPerFteMonth(inputs.weeksPerMonth),
    hoursSavedPerMonth: core.hoursSavedPerMonth,
    fte: core.hoursSavedPerMonth / hoursPerFteMonth(inputs.weeksPerMonth),
    errorsAvoidedPerMonth: core.errorsAvoidedPerMonth,
    timeValuePerMonth: core.timeValuePerMonth,
    errorValuePerMonth: core.errorValuePerMonth,
    revenuePerMonth: inputs.revenuePerMonth,
    grossMonthlyValue: core.grossMonthlyValue,
    netMonthlyValue: core.netMonthlyValue,
    months: core.cashFlows.map((cashFlow, month) => ({ month, cashFlow, cumulative: core.cumulative[month] ?? 0 })),
    payback: core.payback,
    totalValueAtHorizon: core.totalValue,
    totalCostAtHorizon: core.totalCost,
    roiAtHorizon: core.roi,
    monthlyDiscountRate: monthlyRateFromAnnual(inputs.annualDiscountRate),
    npv: core.npv,
    ...irrFigures(core.cashFlows),
    scenarios: {
      low: computeScenario(inputs, SCENARIO_ADJUSTMENTS.low),
      // Expected moves nothing, so it is the main result.
      expected: compact(core),
      high: computeScenario(inputs, SCENARIO_ADJUSTMENTS.high),
    },
  };
}
