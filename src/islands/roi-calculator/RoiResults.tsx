// The calculator's results: the headline figures, the cash-flow chart, the scenario table, the printed
// assumptions and the actions (book, copy link, CSV, print). Always the last valid inputs' figures.
import { useEffect, useState } from 'react';
import { cashFlowCsv } from '../../lib/roi/csv.ts';
import { needsFix } from '../../lib/roi/form.ts';
import type { RoiFormatters } from '../../lib/roi/format.ts';
import { presetLabel } from '../../lib/roi/labels.ts';
import { irrNoteText } from '../../lib/roi/reasons.ts';
import type { RoiResult } from '../../lib/roi/result.ts';
import type { RoiInputs } from '../../lib/roi/schema.ts';
import { downloadFile } from '../download-file.ts';
import { Assumptions } from './Assumptions.tsx';
import { CashFlowChart } from './CashFlowChart.tsx';
import { ScenarioTable } from './ScenarioTable.tsx';

/** What the results show, and what the actions need. */
interface RoiResultsProps {
  inputs: RoiInputs;
  result: RoiResult;
  format: RoiFormatters;
  /** The payback figure and its sentence (paybackText). */
  payback: { value: string; detail: string };
  /** How many fields need a fix: the figures are then the last valid ones. */
  errorCount: number;
  /** The first field to fix and its message, after how many there are (fixesSpoken): what the live region says. */
  fixes: string;
  /** What a shared link held that could not be used. */
  notices: string[];
  /** The booking link's query string: the scenario and where the visitor came from. */
  query: string;
  bookingPath: string;
  /** Whether the visitor has changed anything: only then is a summary spoken. */
  edited: { readonly current: boolean };
  onCopyLink: () => Promise<boolean>;
}

/** The results column, labelled by its "Your result" heading. */
export function RoiResults({ inputs, result, format, payback, errorCount, fixes, notices, query, bookingPath, edited, onCopyLink }: RoiResultsProps) {
  const [announcement, setAnnouncement] = useState('');
  // One calm spoken summary after typing stops, not one per keystroke; said again whenever its words change
  // (one field's message replaced by another's included).
  const spoken = errorCount
    ? `${fixes} Results still show your last valid numbers.`
    : `${format.number(result.hoursSavedPerMonth, 1)} hours saved a month, ${format.money(result.netMonthlyValue)} net a month, payback: ${payback.value}.`;
  useEffect(() => {
    if (!edited.current) return;
    const timer = window.setTimeout(() => setAnnouncement(spoken), 700);
    return () => window.clearTimeout(timer);
  }, [spoken, edited]);

  const paybackMonth = result.payback.kind === 'month' ? result.payback.month : null;
  // A note beside a set IRR is the very-high caveat: it goes before the figure, so nobody meets the figure alone.
  const irrNote = result.irrNote ? irrNoteText(result.irrNote, format) : undefined;
  const irrCaveat = result.irrAnnual === null ? undefined : irrNote;

  return (
    <section aria-labelledby="roi-results-heading" className="grid min-w-0 grid-cols-1 gap-6 lg:sticky lg:top-20 print:static print:gap-3 print:text-sm">
      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="roi-results-heading" className="text-2xl font-bold print:text-xl">Your result</h2>
          <p className="text-sm text-muted">{presetLabel(inputs.preset)} · {inputs.horizonMonths} months</p>
        </div>
        <p className="mt-1 text-sm text-body">
          {inputs.preset === 'custom'
            ? 'Worked out from your figures; any you left unchanged are still examples, not our prices.'
            : 'Worked out from example figures: an illustration, not our prices or a quote.'}
        </p>
      </div>
      {notices.length > 0 && (
        <div role="status" className="rounded-card border border-warn-800/40 bg-warn-50 p-4 text-sm text-warn-800">
          <p className="font-semibold">Some values in the link could not be used, so defaults stand in:</p>
          <ul className="mt-2 list-disc pl-5">{notices.map((n) => <li key={n}>{n}</li>)}</ul>
        </div>
      )}
      {/* Not live: the announcement below says it once, after typing stops. */}
      <p className={errorCount ? 'rounded-card border border-red-700/40 bg-red-50 p-3 text-sm font-medium text-red-800' : 'sr-only'}>
        {errorCount ? `${needsFix(errorCount)} The results show your last valid numbers.` : ''}
      </p>
      <p className="sr-only" aria-live="polite">{announcement}</p>

      <dl className="grid grid-cols-2 gap-3 print:grid-cols-3 print:gap-2">
        <Figure term="Hours saved a month" value={`${format.number(result.hoursSavedPerMonth, 1)} h`} detail={`${format.number(result.fte, 2)} FTE at ${format.number(result.hoursPerFteMonth)} h a month`} accent />
        <Figure term="Net value a month" value={format.money(result.netMonthlyValue)} detail={`${format.money(result.grossMonthlyValue)} value − ${format.money(inputs.runningCostPerMonth)} running`} accent />
        <Figure term="Payback" value={payback.value} detail={payback.detail} />
        <Figure term={`ROI at ${inputs.horizonMonths} months`} value={result.roiAtHorizon === null ? '—' : format.percent(result.roiAtHorizon)} detail={`${format.money(result.totalValueAtHorizon)} value on ${format.money(result.totalCostAtHorizon)} cost`} />
        <Figure term={`NPV at ${format.percent(inputs.annualDiscountRate)} a year`} value={format.money(result.npv)} detail="Today's value of the monthly cash flows." />
        <Figure term="IRR, per year" value={result.irrAnnual === null ? '—' : format.percent(result.irrAnnual)} caveat={irrCaveat} detail={irrCaveat ? '' : irrNote ?? 'The yearly return that makes NPV zero.'} />
      </dl>

      <div className="rounded-card border border-line bg-white p-4 print:p-2">
        <h3 className="text-base font-semibold">Cumulative cash flow</h3>
        <div className="mt-3 print:mx-auto print:mt-1 print:max-w-[22rem]">
          <CashFlowChart expected={result.months.map((m) => m.cumulative)} low={result.scenarios.low.cumulative} high={result.scenarios.high.cumulative} paybackMonth={paybackMonth} format={format} currency={inputs.currency} />
        </div>
      </div>

      <div className="grid grid-cols-1 gap-6 print:grid-cols-2 print:gap-3">
        <ScenarioTable scenarios={result.scenarios} format={format} horizon={inputs.horizonMonths} />
        <Assumptions inputs={inputs} format={format} />
      </div>

      <ResultActions href={`${bookingPath}?${query}`} onCopyLink={onCopyLink} csv={() => cashFlowCsv(inputs, result)} csvName={`ai-automation-roi-${inputs.preset}-${inputs.horizonMonths}-months.csv`} />
    </section>
  );
}

/** `caveat` is read before the value (DOM order, not only visually); `detail` after it. */
function Figure({ term, value, detail, caveat, accent = false }: { term: string; value: string; detail: string; caveat?: string; accent?: boolean }) {
  return (
    // A long figure takes the whole row; min-w-0 lets one wider than that scroll in its card.
    <div className={`flex min-w-0 flex-col rounded-card border p-4 print:p-2 ${value.length > 8 ? 'col-span-2' : ''} ${accent ? 'border-accent-100 bg-accent-50' : 'border-line bg-white'}`}>
      <dt className="text-sm text-muted">{term}</dt>
      {caveat && <dd className="mt-1 text-xs text-warn-800 print:text-[11px] print:leading-snug">{caveat}</dd>}
      {/* A figure never breaks ("$39,999,90" over "0"): long ones ("13,053,708%") step down a size and take
          the row; one wider than that (an IRR of 1e72%) scrolls in its card. */}
      <dd className={`mt-1 overflow-x-auto font-bold whitespace-nowrap text-ink tabular-nums print:text-lg ${value.length > 8 ? 'text-xl' : 'text-2xl'}`}>{value}</dd>
      {detail && <dd className="mt-1 text-xs text-body print:text-[11px] print:leading-snug">{detail}</dd>}
    </div>
  );
}

/** Book with these numbers, copy the link, download the CSV, print; then a line saying what happened. */
function ResultActions({ href, onCopyLink, csv, csvName }: { href: string; onCopyLink: () => Promise<boolean>; csv: () => string; csvName: string }) {
  const [status, setStatus] = useState('');
  async function copyLink() {
    setStatus((await onCopyLink())
      ? 'Link copied. Anyone who opens it sees these numbers.'
      : 'Copying is blocked here: the link is now in the address bar, copy it from there.');
  }
  function downloadCsv() {
    downloadFile(csvName, 'text/csv;charset=utf-8', csv());
    setStatus('CSV downloaded: one row per month, cumulative figures for all three scenarios.');
  }
  return (
    <>
      <div className="flex flex-wrap gap-3 print:hidden">
        <a href={href} className="btn-primary">Book an audit with these numbers</a>
        <button type="button" onClick={copyLink} className="btn-secondary">Copy link</button>
        <button type="button" onClick={downloadCsv} className="btn-secondary">Download CSV</button>
        <button type="button" onClick={() => window.print()} className="btn-secondary">Print report</button>
      </div>
      <p role="status" className="min-h-5 text-sm text-muted print:hidden">{status}</p>
    </>
  );
}
