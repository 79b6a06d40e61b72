// The inputs behind the figures, printed with the report so the page stands on its own (hidden on screen).
import type { RoiFormatters } from '../../lib/roi/format.ts';
import { countsItems, itemsPerMonthLabel, presetLabel, timePerUnitLabel } from '../../lib/roi/labels.ts';
import type { RoiInputs } from '../../lib/roi/schema.ts';

/** The assumptions table of the printed report. */
export function Assumptions({ inputs, format }: { inputs: RoiInputs; format: RoiFormatters }) {
  const unit = timePerUnitLabel(inputs.unit, inputs.timeUnit);
  const rows: [string, string][] = [
    ['Workflow', presetLabel(inputs.preset)],
    ...(countsItems(inputs.unit) ? [[itemsPerMonthLabel(inputs.unit), format.number(inputs.unitsPerMonth)] as [string, string]] : []),
    ['Time by hand → with AI', `${format.number(inputs.manualTimePerUnit, 2)} → ${format.number(inputs.assistedTimePerUnit, 2)} ${unit}`],
    ['Share handled', format.percent(inputs.coverageShare)],
    ['Loaded cost per hour', format.money(inputs.costPerHour)],
    ['Errors', `${format.percent(inputs.errorRate)} of ${inputs.unit}s, ${format.money(inputs.costPerError)} each, ${format.percent(inputs.errorReduction)} avoided`],
    ['Revenue effect per month', format.money(inputs.revenuePerMonth)],
    ['Implementation / running per month', `${format.money(inputs.implementationCost)} / ${format.money(inputs.runningCostPerMonth)}`],
    ['Ramp-up, horizon, discount rate', `${inputs.rampUpMonths} month${inputs.rampUpMonths === 1 ? '' : 's'}, ${inputs.horizonMonths} months, ${format.percent(inputs.annualDiscountRate)} a year`],
    ['Weeks per month', format.number(inputs.weeksPerMonth, 2)],
  ];
  return (
    <div className="hidden print:block">
      <h3 className="text-base font-semibold">Assumptions</h3>
      <table className="mt-2 w-full text-left text-sm print:text-xs">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label} className="border-b border-line"><th scope="row" className="py-1 pr-3 font-normal text-muted">{label}</th><td className="py-1">{value}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
