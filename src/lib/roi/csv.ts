// The month-by-month series as CSV: plain numbers (no currency symbols or grouping) so a spreadsheet
// reads them as numbers in any locale.
import { SCENARIO_LABELS } from './labels.ts';
import type { RoiResult } from './result.ts';
import type { RoiInputs } from './schema.ts';

const cell = (value: string | number) => {
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per month: cash flow and cumulative, then the cautious and optimistic cumulatives. */
export function cashFlowCsv(inputs: RoiInputs, result: RoiResult): string {
  const { low, high } = result.scenarios;
  const scenarioColumn = (name: 'low' | 'high') => `cumulative, ${SCENARIO_LABELS[name].toLowerCase()}`;
  const header = ['month', `cash flow (${inputs.currency})`, `cumulative (${inputs.currency})`, scenarioColumn('low'), scenarioColumn('high')];
  const rows = result.months.map((m) => [m.month, m.cashFlow, m.cumulative, low.cumulative[m.month] ?? '', high.cumulative[m.month] ?? '']);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
