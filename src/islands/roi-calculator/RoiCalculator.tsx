// The ROI and payback calculator island: the form beside its results. The server renders it with the
// default scenario, so the first paint already shows real results; after hydration useSharedScenario
// reads a shared scenario from the URL and what the visitor typed into the form before hydration.
import { useMemo, useRef } from 'react';
import { editDraft, fixesSpoken, keptOwn, presetDraft, type Draft } from '../../lib/roi/form.ts';
import { roiFormatters } from '../../lib/roi/format.ts';
import { computeRoi } from '../../lib/roi/model.ts';
import { paybackText } from '../../lib/roi/reasons.ts';
import type { RoiInputs } from '../../lib/roi/schema.ts';
import { RoiForm } from './RoiForm.tsx';
import { RoiResults } from './RoiResults.tsx';
import { changedBeforeHydration } from './changed-before-hydration.ts';
import { useSharedScenario } from './useSharedScenario.ts';

interface Props {
  initialInputs: RoiInputs;
  bookingPath: string;
}

/** The calculator: recomputes on every valid edit and keeps the last valid results while a field needs a fix. */
export default function RoiCalculator({ initialInputs, bookingPath }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const scenario = useSharedScenario(initialInputs, () => formRef.current && changedBeforeHydration(formRef.current));
  const { draft, inputs, errors, locale } = scenario;
  const result = useMemo(() => computeRoi(inputs), [inputs]);
  const format = useMemo(() => roiFormatters(locale, inputs.currency), [locale, inputs.currency]);
  const payback = paybackText(result.payback, inputs.horizonMonths, format);
  const errorCount = Object.keys(errors).length;
  // The visitor's own figures while an example workflow is shown, brought back when "Your own workflow" is picked again.
  const own = useRef<Draft>();

  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.05fr)] lg:items-start">
      <RoiForm
        draft={draft}
        errors={errors}
        currency={inputs.currency}
        locale={locale}
        onLocale={scenario.setLocale}
        formRef={formRef}
        onEdit={(name, raw) => scenario.edit(editDraft(draft, name, raw))}
        onPreset={(id) => scenario.edit(presetDraft(draft, inputs, id, scenario.mark, (own.current = keptOwn(draft, own.current, scenario.mark))))}
        summary={{ hours: format.number(result.hoursSavedPerMonth, 1), payback: payback.value, stale: errorCount > 0 }}
      />
      <RoiResults
        inputs={inputs}
        result={result}
        format={format}
        payback={payback}
        errorCount={errorCount}
        fixes={fixesSpoken(errors, draft.unit)}
        notices={scenario.notices}
        query={scenario.bookingQuery}
        bookingPath={bookingPath}
        edited={scenario.edited}
        onCopyLink={scenario.copyLink}
      />
    </div>
  );
}
