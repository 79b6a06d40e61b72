// The model's results as words: payback, why a workflow never pays back, and the IRR's caveat, with every
// figure in the reader's locale and currency. The page, the booking email and anything else that shows
// them call these, so they read the same everywhere.
import type { IrrNote, NeverReason, Payback } from './result.ts';
import type { RoiFormatters } from './format.ts';
import { IRR_MAX_RATE } from './finance.ts';

/** Why a workflow never pays back, e.g. for en-US/USD 'Running costs ($1,200 a month) are higher than …'. */
export function neverPaysBackText(reason: NeverReason, format: RoiFormatters): string {
  // Whole amounts from 100 up; cents below, so 0.4 against 0.6 does not read as 0 against 1.
  const money = (value: number) => format.money(value, Math.abs(value) < 100 ? 2 : 0);
  switch (reason.kind) {
    case 'no-value':
    case 'unvalued':
      return `As entered, ${
        reason.kind === 'no-value'
          ? 'this workflow saves no time, errors or revenue'
          : `no value is put on what this workflow saves: the cost per ${reason.time ? (reason.errors ? 'hour and per error are' : 'hour is') : 'error is'} 0`
      }, so nothing pays back its costs.`;
    case 'running-costs-exceed-value':
      return `Running costs (${money(reason.monthlyRunning)} a month) are higher than the monthly value (${money(reason.monthlyValue)}): this workflow loses money every month.`;
    case 'running-costs-equal-value':
      return `Running costs (${money(reason.monthlyRunning)} a month) take the whole monthly value (${money(reason.monthlyValue)}): nothing is left to recover the implementation cost.`;
    case 'too-slow':
      return `At ${money(reason.monthlyNet)} a month after running costs, the ${money(reason.implementationCost)} implementation cost takes more than ${format.number(reason.maxMonths / 12)} years to recover.`;
  }
}

const AT_ONCE = 'At once';
const month = (payback: Extract<Payback, { kind: 'month' }>) => (payback.month === 0 ? AT_ONCE : `Month ${payback.month}`);

/** Payback in a word or two, for a table cell or a line of an email: 'Month 7', 'Month 30 (late)', 'At once' or 'Never'. */
export function paybackShort(payback: Payback): string {
  if (payback.kind === 'never') return 'Never';
  return payback.withinHorizon ? month(payback) : `${month(payback)} (late)`;
}

/** Payback as the results show it: the figure ('Month 7', 'Does not pay back') and the sentence under it. */
export function paybackText(payback: Payback, horizonMonths: number, format: RoiFormatters): { value: string; detail: string } {
  if (payback.kind === 'never') return { value: 'Does not pay back', detail: neverPaysBackText(payback.reason, format) };
  if (payback.month === 0) return { value: AT_ONCE, detail: 'Nothing to pay back: there is no implementation cost.' };
  return {
    value: month(payback),
    detail: payback.withinHorizon
      ? `Within the ${horizonMonths}-month horizon, ramp-up included.`
      : `After the ${horizonMonths}-month horizon: a long wait for one workflow.`,
  };
}

/** The IRR's note. The very-high caveat is read before the figure, so it has to stand on its own. */
export function irrNoteText(note: IrrNote, format: RoiFormatters): string {
  if (note.kind === 'no-rate') return note.text;
  // Always true of a rate that high: NPV is still above 0 at 1,000,000 a month, so the first months' gains
  // are over a million times what was spent before them.
  if (note.kind === 'above') return `Above ${format.percent(IRR_MAX_RATE)} a month, the highest rate this calculator works out: the implementation cost is tiny next to the gains.`;
  return `Read with care: above ${format.percent(note.threshold)} a year, this rate mostly reflects a small up-front cost. It is not a forecast; payback says more.`;
}
