// The cautious, expected and optimistic scenarios side by side, and what each of the outer two moves.
import type { RoiFormatters } from '../../lib/roi/format.ts';
import { describeScenario } from '../../lib/roi/labels.ts';
import { SCENARIO_ADJUSTMENTS, SCENARIO_NAMES, type ScenarioName } from '../../lib/roi/presets.ts';
import { paybackShort } from '../../lib/roi/reasons.ts';
import type { ScenarioResult } from '../../lib/roi/result.ts';

/** The three scenarios' results, in the visitor's format; `horizon` names the ROI row. */
interface ScenarioTableProps {
  scenarios: Record<ScenarioName, ScenarioResult>;
  format: RoiFormatters;
  horizon: number;
}

/** A scrollable table of the scenarios' key figures, then one line per non-expected scenario. */
export function ScenarioTable({ scenarios, format, horizon }: ScenarioTableProps) {
  const columns = SCENARIO_NAMES.map((name) => ({ name, adjustment: SCENARIO_ADJUSTMENTS[name], result: scenarios[name] }));
  return (
    <div className="rounded-card border border-line bg-white p-4 print:p-2">
      <h3 className="text-base font-semibold">Cautious, expected and optimistic</h3>
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Scenario comparison">
        <table className="w-full min-w-[28rem] text-left text-sm tabular-nums print:min-w-0 print:text-xs">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-3 print:py-1 font-semibold text-ink">Figure</th>
              {columns.map((s) => <th key={s.name} scope="col" className="py-2 pr-3 print:py-1 font-semibold text-ink">{s.adjustment.label}</th>)}
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-line"><th scope="row" className="py-2 pr-3 print:py-1 font-normal">Hours saved a month</th>{columns.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{format.number(s.result.hoursSavedPerMonth, 1)}</td>)}</tr>
            <tr className="border-b border-line"><th scope="row" className="py-2 pr-3 print:py-1 font-normal">Net value a month</th>{columns.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{format.money(s.result.netMonthlyValue)}</td>)}</tr>
            <tr className="border-b border-line"><th scope="row" className="py-2 pr-3 print:py-1 font-normal">Payback</th>{columns.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{paybackShort(s.result.payback)}</td>)}</tr>
            <tr className="border-b border-line"><th scope="row" className="py-2 pr-3 print:py-1 font-normal">ROI at {horizon} months</th>{columns.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{s.result.roiAtHorizon === null ? '—' : format.percent(s.result.roiAtHorizon)}</td>)}</tr>
            <tr><th scope="row" className="py-2 pr-3 print:py-1 font-normal">NPV</th>{columns.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{format.money(s.result.npv)}</td>)}</tr>
          </tbody>
        </table>
      </div>
      <ul className="mt-3 grid gap-1 text-xs text-muted">
        {columns.filter((s) => s.name !== 'expected').map((s) => (
          <li key={s.name}><span className="font-semibold text-body">{s.adjustment.label}:</span> {describeScenario(s.adjustment).join(', ')}.</li>
        ))}
      </ul>
    </div>
  );
}
