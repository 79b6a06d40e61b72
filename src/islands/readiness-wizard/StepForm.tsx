// One step of the wizard as a form: where it sits in the checklist, its heading and intro, what stops
// "Next", its fields, and the buttons to move on. A "Next" that finds errors puts focus on the first
// field to fix, which reads its message; the list above the fields is not live, so it is not re-read
// as each message clears.
import type { RefObject } from 'react';
import type { ReadinessAnswers } from '../../lib/readiness/schema.ts';
import { STEPS, type Step } from '../../lib/readiness/steps.ts';
import type { FieldErrors } from './fields.tsx';
import { StepFields } from './StepFields.tsx';
import type { Update } from './StepSections.tsx';

interface Props {
  step: Step;
  /** The step's place in STEPS, from 0. */
  index: number;
  answers: ReadinessAnswers;
  /** The messages of the last "Next" not yet fixed, listed above the fields. */
  errors: FieldErrors;
  update: Update;
  /** 'YYYY-MM-DD' in the visitor's zone. */
  today: string;
  /** Focused when the step appears. */
  headingRef: RefObject<HTMLHeadingElement>;
  onBack: () => void;
  /** Runs the step's checks, then moves on. */
  onNext: () => void;
}

/** The form for one step. */
export function StepForm({ step, index, answers, errors, update, today, headingRef, onBack, onNext }: Props) {
  const errorList = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return (
    <form
      noValidate
      aria-labelledby="readiness-step-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <p className="text-sm font-semibold text-accent-700">{step.checklistItem ? `Checklist item ${step.checklistItem}` : index === 0 ? 'The workflow' : 'First screen'}</p>
      <h3 id="readiness-step-heading" ref={headingRef} tabIndex={-1} className="mt-1 text-2xl font-bold text-ink outline-none"><span className="sr-only">{`Step ${index + 1} of ${STEPS.length}: `}</span>{step.title}</h3>
      <p className="mt-2 max-w-prose text-body">{step.intro}</p>
      {errorList.length > 0 && (
        <div className="mt-4 rounded-card border border-red-700/40 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">Before you go on:</p>
          <ul className="mt-1 list-disc pl-5">
            {errorList.map(([field, message]) => <li key={field}>{message}</li>)}
          </ul>
        </div>
      )}
      <div className="mt-6">
        <StepFields step={step.id} answers={answers} errors={errors} update={update} today={today} />
      </div>
      <div className="mt-8 flex flex-wrap items-center gap-3">
        {index > 0 && (
          <button type="button" onClick={onBack} className="btn-secondary">Back</button>
        )}
        <button type="submit" className="btn-primary">{index + 1 === STEPS.length ? 'See my result' : 'Next'}</button>
        {!step.checklistItem ? null : <span className="text-sm text-muted">Not sure yet? Leave it empty: the result will say what to find out.</span>}
      </div>
    </form>
  );
}
