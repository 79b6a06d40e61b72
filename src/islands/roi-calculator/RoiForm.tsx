// The calculator's form: the preset picker, then the workflow's volume, time, costs and conventions. It
// shows the draft as typed and reports each edit; useSharedScenario parses it.
import type { RefObject } from 'react';
import type { Draft, FieldErrors } from '../../lib/roi/form.ts';
import { CURRENCIES, FORMAT_LOCALES } from '../../lib/roi/format.ts';
import {
  countsItems,
  errorRateHint,
  FORM_HINTS,
  formLabel,
  itemNoun,
  itemsPerMonthLabel,
  PRESET_TEXT,
  TIME_UNIT_OPTIONS,
  timePerUnitLabel,
  UNIT_OPTIONS,
} from '../../lib/roi/labels.ts';
import { HORIZON_MONTHS, type FieldName, type PresetId } from '../../lib/roi/schema.ts';
import { NumberField, SelectField, SliderField } from './fields.tsx';

/** What the form shows and where it reports edits. */
interface RoiFormProps {
  draft: Draft;
  errors: FieldErrors;
  /** The currency of the last valid inputs, shown beside money fields. */
  currency: string;
  /** The number format's locale, and its setter. */
  locale: string;
  onLocale: (locale: string) => void;
  /** One field retyped. */
  onEdit: (name: FieldName, raw: string) => void;
  onPreset: (id: PresetId) => void;
  /** The form element, read once on hydration for what was typed before (changedBeforeHydration). */
  formRef: RefObject<HTMLFormElement>;
  /** For the phone's sticky bar: hours saved ('24') and the payback figure ('Month 7'), and whether a field needs a fix (they are then the last valid input's). */
  summary: { hours: string; payback: string; stale: boolean };
}

// The example workflows, then the visitor's own ('custom'), in PRESET_TEXT's order.
const PRESET_IDS = Object.keys(PRESET_TEXT) as PresetId[];
const HORIZON_OPTIONS = HORIZON_MONTHS.map((m) => ({ value: String(m), label: `${m} months` }));

/** The calculator's form, in five numbered steps. */
export function RoiForm({ draft, errors, currency, locale, onLocale, onEdit, onPreset, formRef, summary }: RoiFormProps) {
  // The props every field shares; `id` is also what the e2e tests and aria-describedby find it by.
  const field = (name: FieldName, id: string) => ({
    id,
    name,
    label: formLabel(name),
    value: draft[name],
    onChange: (raw: string) => onEdit(name, raw),
    hint: FORM_HINTS[name],
    error: errors[name],
  });
  const usesCount = countsItems(draft.unit);
  const timeUnit = timePerUnitLabel(draft.unit, draft.timeUnit);
  const localeOptions = [...(FORMAT_LOCALES.some((l) => l.id === locale) ? [] : [{ value: locale, label: locale }]), ...FORMAT_LOCALES.map((l) => ({ value: l.id, label: l.label }))];

  return (
    <form ref={formRef} className="grid min-w-0 grid-cols-1 gap-8 print:hidden" onSubmit={(event) => event.preventDefault()} aria-label="Your workflow numbers" aria-describedby="roi-example-note" noValidate>
      {/* The starting figures are the example model's, never a price list: said before the first input. */}
      <p id="roi-example-note" className="rounded-card border border-accent-100 bg-accent-50 p-4 text-sm text-ink">
        The figures filled in are an illustration, not our prices: replace them with yours.
      </p>
      <PresetPicker selected={draft.preset} onPreset={onPreset} />

      <fieldset className="grid gap-4">
        <legend className="text-lg font-bold text-ink">2. Volume and time</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField {...field('unit', 'roi-unit')} options={UNIT_OPTIONS} />
          <SelectField {...field('timeUnit', 'roi-time-unit')} options={TIME_UNIT_OPTIONS} />
          {usesCount && <NumberField {...field('unitsPerMonth', 'roi-units')} label={itemsPerMonthLabel(draft.unit)} unit={itemNoun(draft.unit)} inputMode="numeric" />}
          <NumberField {...field('manualTimePerUnit', 'roi-manual')} unit={timeUnit} />
          <NumberField {...field('assistedTimePerUnit', 'roi-assisted')} unit={timeUnit} />
        </div>
        <SliderField {...field('coverageShare', 'roi-coverage')} unit="%" min={0} max={100} step={5} />
      </fieldset>

      <fieldset className="grid gap-4">
        <legend className="text-lg font-bold text-ink">3. Cost, errors and revenue</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField {...field('costPerHour', 'roi-cost-hour')} unit={`${currency}/h`} />
          <NumberField {...field('errorRate', 'roi-error-rate')} unit="%" hint={errorRateHint(draft.unit)} />
          <NumberField {...field('costPerError', 'roi-cost-error')} unit={currency} />
          <NumberField {...field('errorReduction', 'roi-error-reduction')} unit="%" />
          <NumberField {...field('revenuePerMonth', 'roi-revenue')} unit={currency} />
        </div>
      </fieldset>

      <fieldset className="grid gap-4">
        <legend className="text-lg font-bold text-ink">4. What it costs</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField {...field('implementationCost', 'roi-implementation')} unit={currency} />
          <NumberField {...field('runningCostPerMonth', 'roi-running')} unit={currency} />
        </div>
        <SliderField {...field('rampUpMonths', 'roi-ramp')} unit="months" min={0} max={12} step={1} />
      </fieldset>

      <fieldset className="grid gap-4">
        <legend className="text-lg font-bold text-ink">5. Horizon and conventions</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField {...field('horizonMonths', 'roi-horizon')} options={HORIZON_OPTIONS} />
          <NumberField {...field('annualDiscountRate', 'roi-discount')} unit="%" />
          <NumberField {...field('weeksPerMonth', 'roi-weeks')} unit="weeks" />
          <SelectField {...field('currency', 'roi-currency')} options={[...new Set([...CURRENCIES, draft.currency])].map((c) => ({ value: c, label: c }))} />
          <SelectField id="roi-locale" name="locale" label="Number format" value={locale} options={localeOptions} onChange={onLocale} />
        </div>
      </fieldset>

      {/* Phones: the results sit below the form, so a summary follows the visitor while they type; on a short
          screen (a phone held sideways, 400% zoom: 320 x 256) it stays at the form's end, where it would take a
          quarter of the view under the sticky header. */}
      <div className="bottom-0 z-10 [@media(min-height:30rem)]:sticky -mx-gutter flex items-center justify-between gap-3 border-t border-line bg-white/95 px-gutter py-3 backdrop-blur lg:hidden">
        <p className="text-sm text-body">
          {summary.stale && 'Last valid numbers: '}
          <strong className="text-ink">{summary.hours} h</strong> a month · payback <strong className="text-ink">{summary.payback.toLowerCase()}</strong>
        </p>
        <a href="#roi-results-heading" className="text-sm font-semibold whitespace-nowrap text-accent-700 underline underline-offset-2">See results</a>
      </div>
    </form>
  );
}

/** Step 1: the example workflows and the visitor's own, as radio cards. */
function PresetPicker({ selected, onPreset }: { selected: string; onPreset: (id: PresetId) => void }) {
  return (
    <fieldset className="grid gap-3">
      <legend className="text-lg font-bold text-ink">1. Start from an example workflow</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {PRESET_IDS.map((id) => (
          <label
            key={id}
            className={`relative cursor-pointer rounded-card border bg-white p-4 has-checked:border-accent-700 has-checked:bg-accent-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-700 ${id === 'custom' ? 'border-dashed border-slate-400 sm:col-span-2' : 'border-line'}`}
          >
            {/* Named by the short label alone; the line below is its description, not a run-on name. */}
            <input type="radio" name="preset" value={id} checked={selected === id} onChange={() => onPreset(id)} aria-labelledby={`roi-preset-${id}`} aria-describedby={`roi-preset-${id}-detail`} className="sr-only" />
            <span id={`roi-preset-${id}`} className="block font-semibold text-ink">{PRESET_TEXT[id].label}</span>
            <span id={`roi-preset-${id}-detail`} className="mt-1 block text-sm text-body">{PRESET_TEXT[id].description}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
