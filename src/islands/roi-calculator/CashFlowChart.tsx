// Cumulative cash flow over the horizon as a small SVG: the expected line, the cautious-optimistic
// band, the zero line and the payback month. The same numbers follow as a table for screen readers.
import type { RoiFormatters } from '../../lib/roi/format.ts';

interface Props {
  expected: number[];
  low: number[];
  high: number[];
  paybackMonth: number | null;
  format: RoiFormatters;
  currency: string;
}

/** The chart's drawing box, in SVG units. */
interface Frame {
  W: number;
  H: number;
  PAD: { top: number; right: number; bottom: number; left: number };
}
// Drawn twice, at two widths, so the labels are 11-12 px wherever it is shown: one 640-unit drawing
// scaled down to a phone's 330 px set them at 6 px. CSS shows one; the other is display:none, so
// neither assistive technology nor print meets both.
const WIDE: Frame = { W: 560, H: 240, PAD: { top: 16, right: 16, bottom: 34, left: 64 } };
const NARROW: Frame = { W: 360, H: 240, PAD: { top: 16, right: 12, bottom: 34, left: 56 } };

/** 3 to 5 round tick values covering [min, max]. */
function ticks(min: number, max: number): number[] {
  const span = max - min || Math.abs(max) || 1;
  const rough = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => span / s <= 5) ?? magnitude * 10;
  const first = Math.ceil(min / step) * step;
  const values: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) values.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return values;
}

/** The chart, its text summary and the sr-only table of the same numbers. */
export function CashFlowChart({ expected, low, high, paybackMonth, format, currency }: Props) {
  const months = expected.length - 1;
  const all = [...expected, ...low, ...high, 0];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const yTicks = ticks(min, max);
  const yMin = Math.min(min, yTicks[0] ?? min);
  const yMax = Math.max(max, yTicks[yTicks.length - 1] ?? max);
  const xTicks = Array.from({ length: Math.floor(months / 6) + 1 }, (_, i) => i * 6);
  const end = expected[months] ?? 0;
  const summary = `Cumulative cash flow starts at ${format.money(expected[0] ?? 0)} in month 0${
    paybackMonth !== null && paybackMonth <= months ? `, turns positive in month ${paybackMonth}` : ', and does not turn positive within the horizon'
  }, and ends at ${format.money(end)} in month ${months}. The shaded band runs from the cautious to the optimistic scenario.`;
  // A tenth of a unit is below a pixel at any width the chart is drawn; more digits only add bytes.
  const tenth = (n: number) => Math.round(n * 10) / 10;

  const drawing = ({ W, H, PAD }: Frame, id: string, className: string) => {
    const x = (month: number) => tenth(PAD.left + (month / Math.max(1, months)) * (W - PAD.left - PAD.right));
    const y = (value: number) => tenth(PAD.top + (1 - (value - yMin) / (yMax - yMin || 1)) * (H - PAD.top - PAD.bottom));
    const line = (series: number[]) => series.map((v, m) => `${m === 0 ? 'M' : 'L'}${x(m)} ${y(v)}`).join('');
    const band = `${line(high)}${low
      .map((_, i) => {
        const m = low.length - 1 - i;
        return `L${x(m)} ${y(low[m]!)}`;
      })
      .join('')}Z`;
    return (
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className={`h-auto w-full ${className}`}>
        <title id={`${id}-title`}>{`Cumulative cash flow by month, in ${currency}`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {yTicks.map((value) => (
          <g key={value}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(value)} y2={y(value)} stroke={value === 0 ? '#334155' : '#e2e8f0'} strokeWidth={value === 0 ? 1.5 : 1} />
            <text x={PAD.left - 8} y={y(value) + 4} textAnchor="end" fontSize="12" fill="#526071">{format.moneyShort(value)}</text>
          </g>
        ))}
        {xTicks.map((month) => (
          <text key={month} x={x(month)} y={H - PAD.bottom + 18} textAnchor="middle" fontSize="12" fill="#526071">{month}</text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle" fontSize="12" fill="#526071">Month</text>
        <path d={band} fill="#0b6b62" fillOpacity="0.12" stroke="none" />
        <path d={line(expected)} fill="none" stroke="#0b6b62" strokeWidth="2.5" strokeLinejoin="round" />
        {paybackMonth !== null && paybackMonth <= months && (
          <g>
            <line x1={x(paybackMonth)} x2={x(paybackMonth)} y1={PAD.top} y2={H - PAD.bottom} stroke="#7a4a00" strokeDasharray="4 4" strokeWidth="1.5" />
            <circle cx={x(paybackMonth)} cy={y(expected[paybackMonth] ?? 0)} r="5" fill="#7a4a00" />
            <text x={x(paybackMonth) + (paybackMonth > months * 0.75 ? -6 : 6)} y={PAD.top + 12} textAnchor={paybackMonth > months * 0.75 ? 'end' : 'start'} fontSize="12" fontWeight="600" fill="#7a4a00">
              Payback: month {paybackMonth}
            </text>
          </g>
        )}
      </svg>
    );
  };

  return (
    <figure className="m-0">
      {drawing(NARROW, 'roi-chart-narrow', 'sm:hidden print:hidden')}
      {drawing(WIDE, 'roi-chart', 'hidden sm:block print:block')}
      {/* A table ignores the 1px box of sr-only, so the wrapper carries it. */}
      <div className="sr-only">
      <table>
        <caption>Cumulative cash flow by month ({currency})</caption>
        <thead>
          <tr><th scope="col">Month</th><th scope="col">Cautious</th><th scope="col">Expected</th><th scope="col">Optimistic</th></tr>
        </thead>
        <tbody>
          {expected.map((value, month) => (
            <tr key={month}>
              <th scope="row">{month}</th>
              <td>{format.money(low[month] ?? 0)}</td>
              <td>{format.money(value)}</td>
              <td>{format.money(high[month] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
        <span className="flex items-center gap-2"><span aria-hidden="true" className="inline-block h-0.5 w-5 bg-accent-700" />Expected</span>
        <span className="flex items-center gap-2"><span aria-hidden="true" className="inline-block h-3 w-5 bg-accent-700/15" />Cautious to optimistic</span>
      </figcaption>
    </figure>
  );
}
