// The month-by-month series as CSV: plain numbers (no currency symbols or grouping) so a spreadsheet
// reads them as numbers in any locale.
import type { RoiInputs } from './inputs.ts';
import type { RoiResult } from './model.ts';

const cell = (value: string | number) => {
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function cashFlowCsv(inputs: RoiInputs, result: RoiResult): string {
  const { low, high } = result.scenarios;
  const header = ['month', `cash flow (${inputs.currency})`, `cumulative (${inputs.currency})`, 'cumulative, cautious', 'cumulative, optimistic'];
  const rows = result.months.map((m) => [m.month, m.cashFlow, m.cumulative, low.cumulative[m.month] ?? '', high.cumulative[m.month] ?? '']);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
