// The ROI and payback calculator island. The server renders it with the default scenario, so the
// first paint already shows real results; after hydration it reads a shared scenario from the URL.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  HORIZON_MONTHS,
  PRESETS,
  QUERY_KEYS,
  SCENARIO_ADJUSTMENTS,
  SCENARIO_NAMES,
  describeScenario,
  fieldLabel,
  fromQuery,
  toQuery,
  type FieldName,
  type PresetId,
  type RoiInputs,
} from '../../lib/roi/inputs.ts';
import { computeRoi, type Payback } from '../../lib/roi/model.ts';
import { draftFromInputs, parseDraft, type Draft, type FieldErrors } from '../../lib/roi/form.ts';
import { CURRENCIES, FORMAT_LOCALES, currencyForLocale, roiFormatters, supportedLocale, type RoiFormatters } from '../../lib/roi/format.ts';
import { irrNoteText, neverPaysBackText } from '../../lib/roi/reasons.ts';
import { cashFlowCsv } from '../../lib/roi/csv.ts';
import { CashFlowChart } from './CashFlowChart.tsx';
import { downloadFile } from '../download-file.ts';
import { NumberField, SelectField, SliderField } from './fields.tsx';

interface Props {
  initialInputs: RoiInputs;
  bookingPath: string;
}

const QUERY_KEY_SET = new Set<string>(Object.values(QUERY_KEYS));
const PRESET_ENTRIES = Object.entries(PRESETS) as [Exclude<PresetId, 'custom'>, (typeof PRESETS)[keyof typeof PRESETS]][];

const UNIT_OPTIONS = [
  { value: 'week', label: 'Hours or minutes per week' },
  { value: 'month', label: 'Hours or minutes per month' },
  { value: 'file', label: 'Time per file or document' },
  { value: 'account', label: 'Time per account' },
] as const;

function perUnitLabel(inputs: Pick<Draft, 'unit' | 'timeUnit'>): string {
  const time = inputs.timeUnit === 'hours' ? 'h' : 'min';
  const per = { week: 'week', month: 'month', file: 'file', account: 'account' }[inputs.unit as 'week'] ?? 'unit';
  return `${time}/${per}`;
}

function paybackText(payback: Payback, horizon: number, format: RoiFormatters): { value: string; detail: string } {
  if (payback.kind === 'never') return { value: 'Does not pay back', detail: neverPaysBackText(payback.reason, format) };
  if (payback.month === 0) return { value: 'At once', detail: 'Nothing to pay back: there is no implementation cost.' };
  return {
    value: `Month ${payback.month}`,
    detail: payback.withinHorizon ? `Within the ${horizon}-month horizon, ramp-up included.` : `After the ${horizon}-month horizon: a long wait for one workflow.`,
  };
}

export default function RoiCalculator({ initialInputs, bookingPath }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftFromInputs(initialInputs));
  const [inputs, setInputs] = useState<RoiInputs>(initialInputs);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notices, setNotices] = useState<string[]>([]);
  const [locale, setLocale] = useState('en-US');
  const [actionStatus, setActionStatus] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const changedByVisitor = useRef(false);

  const result = useMemo(() => computeRoi(inputs), [inputs]);
  const format = useMemo(() => roiFormatters(locale, inputs.currency), [locale, inputs.currency]);
  const query = useMemo(() => toQuery(inputs).toString(), [inputs]);
  const errorCount = Object.keys(errors).length;

  // After hydration: a shared scenario in the URL wins over the defaults; then the visitor's locale.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    let next = initialInputs;
    if ([...params.keys()].some((key) => QUERY_KEY_SET.has(key))) {
      const shared = fromQuery(params);
      next = shared.inputs;
      setNotices(shared.rejected.map((r) => r.message));
    }
    const preferred = supportedLocale(navigator.language);
    if (preferred) setLocale(preferred);
    if (next === initialInputs && !params.has(QUERY_KEYS.currency)) {
      const guess = preferred ? currencyForLocale(preferred) : undefined;
      if (guess && guess !== next.currency) next = { ...next, currency: guess };
    }
    if (next !== initialInputs) {
      setInputs(next);
      setDraft(draftFromInputs(next));
    }
  }, [initialInputs]);

  // The URL carries the scenario once the visitor has changed something (replaceState: no history spam).
  useEffect(() => {
    if (!changedByVisitor.current) return;
    const timer = window.setTimeout(() => window.history.replaceState(null, '', `${window.location.pathname}?${query}`), 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  // One calm spoken summary after typing stops, not one per keystroke.
  useEffect(() => {
    if (!changedByVisitor.current) return;
    const timer = window.setTimeout(() => {
      const payback = paybackText(result.payback, inputs.horizonMonths, format).value;
      setAnnouncement(
        errorCount
          ? `${errorCount} field${errorCount === 1 ? ' needs' : 's need'} a fix. Results still show your last valid numbers.`
          : `${format.number(result.hoursSavedPerMonth, 1)} hours saved a month, ${format.money(result.netMonthlyValue)} net a month, payback: ${payback}.`,
      );
    }, 700);
    return () => window.clearTimeout(timer);
  }, [result, errorCount, format, inputs.horizonMonths]);

  function applyDraft(next: Draft) {
    changedByVisitor.current = true;
    const parsed = parseDraft(next);
    setDraft(next);
    setErrors(parsed.errors);
    if (parsed.inputs) setInputs(parsed.inputs);
  }

  function update(name: FieldName, raw: string) {
    const next = { ...draft, [name]: raw };
    // Editing a preset's workflow figures makes it the visitor's own workflow.
    const conventions: FieldName[] = ['currency', 'weeksPerMonth', 'horizonMonths', 'annualDiscountRate'];
    if (draft.preset !== 'custom' && !conventions.includes(name)) next.preset = 'custom';
    applyDraft(next);
  }

  function choosePreset(id: PresetId) {
    if (id === 'custom') return applyDraft({ ...draft, preset: 'custom' });
    const preset = PRESETS[id].inputs;
    // The visitor's currency and month convention stay; the workflow's figures come from the preset.
    applyDraft(draftFromInputs({ ...preset, currency: inputs.currency, weeksPerMonth: inputs.weeksPerMonth }));
  }

  async function copyLink() {
    const url = `${window.location.origin}${window.location.pathname}?${query}`;
    try {
      await navigator.clipboard.writeText(url);
      setActionStatus('Link copied. Anyone who opens it sees these numbers.');
    } catch {
      window.history.replaceState(null, '', `${window.location.pathname}?${query}`);
      setActionStatus('Copying is blocked here: the link is now in the address bar, copy it from there.');
    }
  }

  function downloadCsv() {
    downloadFile(`ai-automation-roi-${inputs.preset}-${inputs.horizonMonths}-months.csv`, 'text/csv;charset=utf-8', cashFlowCsv(inputs, result));
    setActionStatus('CSV downloaded: one row per month, cumulative figures for all three scenarios.');
  }

  const usesCount = draft.unit === 'file' || draft.unit === 'account';
  const timeUnitLabel = perUnitLabel(draft);
  const payback = paybackText(result.payback, inputs.horizonMonths, format);
  const paybackMonth = result.payback.kind === 'month' ? result.payback.month : null;
  // A note beside a set IRR is the very-high caveat: it goes before the figure, so nobody meets the figure alone.
  const irrNote = result.irrNote ? irrNoteText(result.irrNote, format) : undefined;
  const irrCaveat = result.irrAnnual === null ? undefined : irrNote;
  const scenarios = SCENARIO_NAMES.map((name) => ({ name, adjustment: SCENARIO_ADJUSTMENTS[name], result: result.scenarios[name] }));

  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.05fr)] lg:items-start">
      <form className="grid min-w-0 grid-cols-1 gap-8 print:hidden" onSubmit={(event) => event.preventDefault()} aria-label="Your workflow numbers" aria-describedby="roi-example-note" noValidate>
        {/* The starting figures are the example model's, never a price list: said before the first input. */}
        <p id="roi-example-note" className="rounded-card border border-accent-100 bg-accent-50 p-4 text-sm text-ink">
          The figures filled in are an illustration, not our prices: replace them with yours.
        </p>
        <fieldset className="grid gap-3">
          <legend className="text-lg font-bold text-ink">1. Start from an example workflow</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {PRESET_ENTRIES.map(([id, preset]) => (
              <label
                key={id}
                className="relative cursor-pointer rounded-card border border-line bg-white p-4 has-checked:border-accent-700 has-checked:bg-accent-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-700"
              >
                <input type="radio" name="preset" value={id} checked={draft.preset === id} onChange={() => choosePreset(id)} className="sr-only" />
                <span className="block font-semibold text-ink">{preset.label}</span>
                <span className="mt-1 block text-sm text-body">{preset.description}</span>
              </label>
            ))}
            <label className="relative cursor-pointer rounded-card border border-dashed border-slate-400 bg-white p-4 has-checked:border-accent-700 has-checked:bg-accent-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-700 sm:col-span-2">
              <input type="radio" name="preset" value="custom" checked={draft.preset === 'custom'} onChange={() => choosePreset('custom')} className="sr-only" />
              <span className="block font-semibold text-ink">Your own workflow</span>
              <span className="mt-1 block text-sm text-body">Selected as soon as you change a figure below.</span>
            </label>
          </div>
        </fieldset>

        <fieldset className="grid gap-4">
          <legend className="text-lg font-bold text-ink">2. Volume and time</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField id="roi-unit" label={fieldLabel('unit')} value={draft.unit} options={UNIT_OPTIONS} onChange={(v) => update('unit', v)} error={errors.unit} />
            <SelectField id="roi-time-unit" label={fieldLabel('timeUnit')} value={draft.timeUnit} options={[{ value: 'minutes', label: 'Minutes' }, { value: 'hours', label: 'Hours' }]} onChange={(v) => update('timeUnit', v)} error={errors.timeUnit} />
            {usesCount && (
              <NumberField id="roi-units" label={draft.unit === 'file' ? 'Files per month' : 'Accounts per month'} value={draft.unitsPerMonth} onChange={(v) => update('unitsPerMonth', v)} unit={draft.unit === 'file' ? 'files' : 'accounts'} error={errors.unitsPerMonth} inputMode="numeric" />
            )}
            <NumberField id="roi-manual" label="Time by hand" value={draft.manualTimePerUnit} onChange={(v) => update('manualTimePerUnit', v)} unit={timeUnitLabel} error={errors.manualTimePerUnit} />
            <NumberField id="roi-assisted" label="Time with AI assistance" value={draft.assistedTimePerUnit} onChange={(v) => update('assistedTimePerUnit', v)} unit={timeUnitLabel} hint="Include the time a person spends reviewing." error={errors.assistedTimePerUnit} />
          </div>
          <SliderField id="roi-coverage" label="Share of the volume the workflow handles" value={draft.coverageShare} onChange={(v) => update('coverageShare', v)} unit="%" min={0} max={100} step={5} hint="The rest stays manual: exceptions, edge cases." error={errors.coverageShare} />
        </fieldset>

        <fieldset className="grid gap-4">
          <legend className="text-lg font-bold text-ink">3. Cost, errors and revenue</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <NumberField id="roi-cost-hour" label="Loaded cost per hour" value={draft.costPerHour} onChange={(v) => update('costPerHour', v)} unit={`${inputs.currency}/h`} hint="Salary plus overheads, per hour worked." error={errors.costPerHour} />
            <NumberField id="roi-error-rate" label="Error rate by hand" value={draft.errorRate} onChange={(v) => update('errorRate', v)} unit="%" hint={usesCount ? `Share of ${draft.unit}s that need rework.` : `Share of ${draft.unit}s with an error that needs rework.`} error={errors.errorRate} />
            <NumberField id="roi-cost-error" label="Cost per error" value={draft.costPerError} onChange={(v) => update('costPerError', v)} unit={inputs.currency} error={errors.costPerError} />
            <NumberField id="roi-error-reduction" label="Errors avoided" value={draft.errorReduction} onChange={(v) => update('errorReduction', v)} unit="%" error={errors.errorReduction} />
            <NumberField id="roi-revenue" label="Revenue effect per month (optional)" value={draft.revenuePerMonth} onChange={(v) => update('revenuePerMonth', v)} unit={inputs.currency} hint="Only if you can defend it, for example faster replies that win deals." error={errors.revenuePerMonth} />
          </div>
        </fieldset>

        <fieldset className="grid gap-4">
          <legend className="text-lg font-bold text-ink">4. What it costs</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <NumberField id="roi-implementation" label="One-off implementation cost" value={draft.implementationCost} onChange={(v) => update('implementationCost', v)} unit={inputs.currency} hint="The figure filled in is an example, not a quote." error={errors.implementationCost} />
            <NumberField id="roi-running" label="Running cost per month" value={draft.runningCostPerMonth} onChange={(v) => update('runningCostPerMonth', v)} unit={inputs.currency} hint="Tools, upkeep and review time." error={errors.runningCostPerMonth} />
          </div>
          <SliderField id="roi-ramp" label="Ramp-up" value={draft.rampUpMonths} onChange={(v) => update('rampUpMonths', v)} unit="months" min={0} max={12} step={1} hint="Benefits grow evenly to full over these months." error={errors.rampUpMonths} />
        </fieldset>

        <fieldset className="grid gap-4">
          <legend className="text-lg font-bold text-ink">5. Horizon and conventions</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField id="roi-horizon" label={fieldLabel('horizonMonths')} value={draft.horizonMonths} options={HORIZON_MONTHS.map((m) => ({ value: String(m), label: `${m} months` }))} onChange={(v) => update('horizonMonths', v)} error={errors.horizonMonths} />
            <NumberField id="roi-discount" label="Discount rate per year" value={draft.annualDiscountRate} onChange={(v) => update('annualDiscountRate', v)} unit="%" hint="Your cost of capital, for NPV." error={errors.annualDiscountRate} />
            <NumberField id="roi-weeks" label="Weeks per month" value={draft.weeksPerMonth} onChange={(v) => update('weeksPerMonth', v)} unit="weeks" hint="4 matches the example table; 4.33 is the calendar average." error={errors.weeksPerMonth} />
            <SelectField id="roi-currency" label="Currency" value={draft.currency} options={[...new Set([...CURRENCIES, draft.currency])].map((c) => ({ value: c, label: c }))} onChange={(v) => update('currency', v)} error={errors.currency} />
            <SelectField id="roi-locale" label="Number format" value={locale} options={[...(FORMAT_LOCALES.some((l) => l.id === locale) ? [] : [{ value: locale, label: locale }]), ...FORMAT_LOCALES.map((l) => ({ value: l.id, label: l.label }))]} onChange={setLocale} />
          </div>
        </fieldset>

        {/* Phones: the results sit below the form, so a summary follows the visitor while they type. */}
        <div className="sticky bottom-0 z-10 -mx-gutter flex items-center justify-between gap-3 border-t border-line bg-white/95 px-gutter py-3 backdrop-blur lg:hidden">
          <p className="text-sm text-body">
            <strong className="text-ink">{format.number(result.hoursSavedPerMonth, 1)} h</strong> a month · payback <strong className="text-ink">{payback.value.toLowerCase()}</strong>
          </p>
          <a href="#roi-results-heading" className="text-sm font-semibold whitespace-nowrap text-accent-700 underline underline-offset-2">See results</a>
        </div>
      </form>

      <section aria-labelledby="roi-results-heading" className="grid min-w-0 grid-cols-1 gap-6 lg:sticky lg:top-20 print:static print:gap-3 print:text-sm">
        <div>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="roi-results-heading" className="text-2xl font-bold print:text-xl">Your result</h2>
            <p className="text-sm text-muted">{PRESETS[inputs.preset as Exclude<PresetId, 'custom'>]?.label ?? 'Your own workflow'} · {inputs.horizonMonths} months</p>
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
        <p role="status" className={errorCount ? 'rounded-card border border-red-700/40 bg-red-50 p-3 text-sm font-medium text-red-800' : 'sr-only'}>
          {errorCount ? `${errorCount} field${errorCount === 1 ? ' needs' : 's need'} a fix. The results show your last valid numbers.` : ''}
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
          <ScenarioTable scenarios={scenarios} format={format} horizon={inputs.horizonMonths} />
          <Assumptions inputs={inputs} format={format} />
        </div>

        <div className="flex flex-wrap gap-3 print:hidden">
          <a href={`${bookingPath}?${query}`} className="btn-primary">Book an audit with these numbers</a>
          <button type="button" onClick={copyLink} className="btn-secondary">Copy link</button>
          <button type="button" onClick={downloadCsv} className="btn-secondary">Download CSV</button>
          <button type="button" onClick={() => window.print()} className="btn-secondary">Print report</button>
        </div>
        <p role="status" className="min-h-5 text-sm text-muted print:hidden">{actionStatus}</p>
      </section>
    </div>
  );
}

/** `caveat` is read before the value (DOM order, not only visually); `detail` after it. */
function Figure({ term, value, detail, caveat, accent = false }: { term: string; value: string; detail: string; caveat?: string; accent?: boolean }) {
  return (
    <div className={`flex flex-col rounded-card border p-4 print:p-2 ${accent ? 'border-accent-100 bg-accent-50' : 'border-line bg-white'}`}>
      <dt className="text-sm text-muted">{term}</dt>
      {caveat && <dd className="mt-1 text-xs text-warn-800 print:text-[11px] print:leading-snug">{caveat}</dd>}
      {/* Long figures ("6,638,893%", "$1,234,567") step down a size so they fit a phone's half-width card. */}
      <dd className={`mt-1 font-bold text-ink tabular-nums print:text-lg ${value.length > 8 ? 'text-xl wrap-anywhere' : 'text-2xl'}`}>{value}</dd>
      {detail && <dd className="mt-1 text-xs text-body print:text-[11px] print:leading-snug">{detail}</dd>}
    </div>
  );
}

interface ScenarioRow {
  name: string;
  adjustment: (typeof SCENARIO_ADJUSTMENTS)[keyof typeof SCENARIO_ADJUSTMENTS];
  result: ReturnType<typeof computeRoi>['scenarios']['low'];
}

function ScenarioTable({ scenarios, format, horizon }: { scenarios: ScenarioRow[]; format: RoiFormatters; horizon: number }) {
  const paybackCell = (p: Payback) => (p.kind === 'never' ? 'Never' : p.month === 0 ? 'At once' : `Month ${p.month}${p.withinHorizon ? '' : ' (late)'}`);
  return (
    <div className="rounded-card border border-line bg-white p-4 print:p-2">
      <h3 className="text-base font-semibold">Cautious, expected and optimistic</h3>
      <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Scenario comparison">
        <table className="w-full min-w-[28rem] text-left text-sm tabular-nums print:min-w-0 print:text-xs">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-3 print:py-1 font-semibold text-ink">Figure</th>
              {scenarios.map((s) => <th key={s.name} scope="col" className="py-2 pr-3 print:py-1 font-semibold text-ink">{s.adjustment.label}</th>)}
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-line"><th scope="row" className="py-2 pr-3 print:py-1 font-normal">Hours saved a month</th>{scenarios.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{format.number(s.result.hoursSavedPerMonth, 1)}</td>)}</tr>
            <tr className="border-b border-line"><th scope="row" className="py-2 pr-3 print:py-1 font-normal">Net value a month</th>{scenarios.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{format.money(s.result.netMonthlyValue)}</td>)}</tr>
            <tr className="border-b border-line"><th scope="row" className="py-2 pr-3 print:py-1 font-normal">Payback</th>{scenarios.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{paybackCell(s.result.payback)}</td>)}</tr>
            <tr className="border-b border-line"><th scope="row" className="py-2 pr-3 print:py-1 font-normal">ROI at {horizon} months</th>{scenarios.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{s.result.roiAtHorizon === null ? '—' : format.percent(s.result.roiAtHorizon)}</td>)}</tr>
            <tr><th scope="row" className="py-2 pr-3 print:py-1 font-normal">NPV</th>{scenarios.map((s) => <td key={s.name} className="py-2 pr-3 print:py-1">{format.money(s.result.npv)}</td>)}</tr>
          </tbody>
        </table>
      </div>
      <ul className="mt-3 grid gap-1 text-xs text-muted">
        {scenarios.filter((s) => s.name !== 'expected').map((s) => (
          <li key={s.name}><span className="font-semibold text-body">{s.adjustment.label}:</span> {describeScenario(s.adjustment).join(', ')}.</li>
        ))}
      </ul>
    </div>
  );
}

/** Printed with the report, so the page stands on its own. */
function Assumptions({ inputs, format }: { inputs: RoiInputs; format: RoiFormatters }) {
  const unit = perUnitLabel({ unit: inputs.unit, timeUnit: inputs.timeUnit });
  const rows: [string, string][] = [
    ['Workflow', PRESETS[inputs.preset as Exclude<PresetId, 'custom'>]?.label ?? 'Your own workflow'],
    ...(inputs.unit === 'file' || inputs.unit === 'account' ? [[`${inputs.unit === 'file' ? 'Files' : 'Accounts'} per month`, format.number(inputs.unitsPerMonth)] as [string, string]] : []),
    ['Time by hand → with AI', `${format.number(inputs.manualTimePerUnit, 2)} → ${format.number(inputs.assistedTimePerUnit, 2)} ${unit}`],
    ['Share handled', format.percent(inputs.coverageShare)],
    ['Loaded cost per hour', format.money(inputs.costPerHour)],
    ['Errors', `${format.percent(inputs.errorRate)} of items, ${format.money(inputs.costPerError)} each, ${format.percent(inputs.errorReduction)} avoided`],
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
