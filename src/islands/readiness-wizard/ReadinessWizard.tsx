// The readiness wizard: one step at a time, answers kept in the browser (resume later), each step a
// history entry (Back and Forward work), focus on each new step's heading, errors announced.
// State and navigation are in useWizard.ts; a step's form in StepForm.tsx; the result in ResultView.tsx.
import { lazy, Suspense, useEffect, useState } from 'react';
import { countWord } from '../../lib/text/numbers.ts';
import { CHECKLIST_ITEMS } from '../../lib/readiness/schema.ts';
import { STEPS } from '../../lib/readiness/steps.ts';
import { loadResultView } from './load-result-view.ts';
import { LoadFailure } from './LoadFailure.tsx';
import { StepForm } from './StepForm.tsx';
import { RESULT, useWizard } from './useWizard.ts';

const ResultView = lazy(loadResultView);

interface Props {
  /** The ROI calculator's page, opened from the result. */
  calculatorPath: string;
  /** The booking page, opened from the result. */
  bookingPath: string;
}

/** The wizard island, inside the audit checklist post. */
export default function ReadinessWizard({ calculatorPath, bookingPath }: Props) {
  const { answers, position, index, step, errors, resumed, headingRef, moved, cleared, today, go, next, back, update, startOver } = useWizard();
  // Until its script has run (it loads when scrolled into view, and takes a while on a slow line) the
  // check takes no input: a choice or text entered before hydration showed on screen but never reached
  // its state, and Next then said it was missing. Without JavaScript it stays inert, as it cannot work.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);

  return (
    // React 18 knows no `inert` prop: the attribute is written as it is.
    <section {...(live ? {} : { inert: '' })} id="readiness-check" aria-labelledby="readiness-title" className="not-prose my-10 scroll-mt-20 rounded-card border border-accent-100 bg-white shadow-sm print:my-0 print:border-0 print:text-xs print:shadow-none" data-print-root={position === RESULT ? '' : undefined}>
      <noscript>
        <p className="m-5 rounded-card border border-warn-800/40 bg-warn-50 p-4 text-warn-800">{`This check needs JavaScript. The ${countWord(CHECKLIST_ITEMS.length)} questions above work just as well on paper.`}</p>
      </noscript>
      <div className="border-b border-line bg-accent-50 px-5 py-4 sm:px-8 print:hidden">
        <p id="readiness-title" className="text-lg font-bold text-ink">{`Check your workflow: ${STEPS.length} short steps, about 5 minutes`}</p>
        <div className="mt-3 flex items-center gap-3">
          <progress max={STEPS.length} value={index} className="h-2 flex-1" aria-label="Progress" aria-valuetext={position === RESULT ? 'All steps answered' : `Step ${index + 1} of ${STEPS.length}`} />
          <span className="text-sm font-medium whitespace-nowrap text-body">{position === RESULT ? 'Your result' : `Step ${index + 1} of ${STEPS.length}`}</span>
        </div>
        <p role="status" className="sr-only">{cleared ? 'Your earlier answers are cleared.' : ''}</p>
        {resumed && position !== RESULT && (
          <p className="mt-2 text-sm text-body">
            Welcome back: your earlier answers are filled in.{' '}
            <button type="button" onClick={startOver} className="font-semibold text-accent-700 underline underline-offset-2">Start over</button>
          </p>
        )}
      </div>

      <div className="px-5 py-6 sm:px-8 print:p-0">
        {step ? (
          <StepForm step={step} index={index} answers={answers} errors={errors} update={update} today={today} headingRef={headingRef} onBack={back} onNext={next} />
        ) : (
          <LoadFailure>
          <Suspense fallback={<p className="text-body">Working out your result…</p>}>
            <ResultView
              headingRef={headingRef}
              focusOnShow={moved}
              answers={answers}
              today={today}
              calculatorPath={calculatorPath}
              bookingPath={bookingPath}
              onEdit={() => go('workflow')}
              onStartOver={startOver}
            />
          </Suspense>
          </LoadFailure>
        )}
      </div>
    </section>
  );
}
