// The readiness wizard: one step at a time, answers kept in the browser (resume later), each step a
// history entry (Back and Forward work), focus on each new step's heading, errors announced.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  EMPTY_ANSWERS,
  STEPS,
  parseStoredAnswers,
  stepErrors,
  type ReadinessAnswers,
  type StepId,
} from '../../lib/readiness/answers.ts';
import { localDate } from '../../lib/booking/format.ts';
import { scoreReadiness } from '../../lib/readiness/score.ts';
import { buildWorkflowSpec } from '../../lib/readiness/spec.ts';
import { StepFields } from './StepFields.tsx';
import { ResultView } from './ResultView.tsx';

/** The booking form reads the same key, so nothing is asked twice. */
export const STORAGE_KEY = 'ai-operator:readiness:v1';
const RESULT = 'result';
type Position = StepId | typeof RESULT;

interface Props {
  calculatorPath: string;
  bookingPath: string;
}

const stepIds = STEPS.map((s) => s.id) as StepId[];
const isPosition = (value: string): value is Position => value === RESULT || (stepIds as string[]).includes(value);
const hashFor = (position: Position) => `#check-${position}`;
const positionFromHash = (hash: string): Position | null => {
  const value = hash.replace(/^#check-/, '');
  return hash.startsWith('#check-') && isPosition(value) ? value : null;
};
/** Today in the visitor's own zone: UTC's date is already tomorrow on an evening west of UTC. */
const todayHere = () => localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);

export default function ReadinessWizard({ calculatorPath, bookingPath }: Props) {
  const [answers, setAnswers] = useState<ReadinessAnswers>(EMPTY_ANSWERS);
  const [position, setPosition] = useState<Position>('workflow');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [resumed, setResumed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const today = useMemo(todayHere, []);

  // Resume: stored answers, then the step named in the URL (Back/Forward and reloads land on it).
  useEffect(() => {
    let stored: ReadinessAnswers | null = null;
    try {
      const raw = window.localStorage.getItem(STORAGE_KEY);
      if (raw) stored = parseStoredAnswers(JSON.parse(raw).answers);
    } catch {
      stored = null;
    }
    if (stored) {
      setAnswers(stored);
      setResumed(JSON.stringify(stored) !== JSON.stringify(EMPTY_ANSWERS));
    }
    const fromHash = positionFromHash(window.location.hash);
    if (fromHash) setPosition(fromHash);
    const onPopState = () => {
      const next = positionFromHash(window.location.hash);
      moved.current = true;
      setErrors({});
      setPosition(next ?? 'workflow');
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  // Every answer is saved as it is given.
  useEffect(() => {
    if (!moved.current && answers === EMPTY_ANSWERS) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ answers, savedAt: new Date().toISOString() }));
    } catch {
      // Private mode or a full quota: the wizard still works, it just cannot resume later.
    }
  }, [answers]);

  // A new step's heading takes focus, so screen readers and keyboards start at the top of it.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [position]);

  const index = position === RESULT ? STEPS.length : stepIds.indexOf(position);
  const step = position === RESULT ? null : STEPS[index]!;
  const result = useMemo(() => (position === RESULT ? scoreReadiness(answers, today) : null), [position, answers, today]);
  const spec = useMemo(() => (result ? buildWorkflowSpec(answers, result) : null), [result, answers]);

  function go(next: Position) {
    moved.current = true;
    setErrors({});
    setPosition(next);
    window.history.pushState(null, '', hashFor(next));
  }

  function next() {
    if (!step) return;
    const found = stepErrors(step.id, answers, today);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    go(index + 1 < STEPS.length ? stepIds[index + 1]! : RESULT);
  }

  function update(change: (current: ReadinessAnswers) => ReadinessAnswers) {
    moved.current = true;
    setAnswers((current) => change(current));
    if (Object.keys(errors).length > 0) setErrors({});
  }

  function startOver() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
    setResumed(false);
    setAnswers(EMPTY_ANSWERS);
    go('workflow');
  }

  const errorList = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));

  return (
    <section id="readiness-check" aria-labelledby="readiness-title" className="not-prose my-10 scroll-mt-20 rounded-card border border-accent-100 bg-white shadow-sm print:my-0 print:border-0 print:text-xs print:shadow-none" data-print-root={position === RESULT ? '' : undefined}>
      <noscript>
        <p className="m-5 rounded-card border border-warn-800/40 bg-warn-50 p-4 text-warn-800">This check needs JavaScript. The eight questions above work just as well on paper.</p>
      </noscript>
      <div className="border-b border-line bg-accent-50 px-5 py-4 sm:px-8 print:hidden">
        <p id="readiness-title" className="text-lg font-bold text-ink">Check your workflow: 10 short steps, about 5 minutes</p>
        <div className="mt-3 flex items-center gap-3">
          <progress max={STEPS.length} value={index} className="h-2 flex-1 accent-accent-700" aria-label="Progress" />
          <span className="text-sm font-medium whitespace-nowrap text-body">{position === RESULT ? 'Your result' : `Step ${index + 1} of ${STEPS.length}`}</span>
        </div>
        {resumed && position !== RESULT && (
          <p className="mt-2 text-sm text-body">
            Welcome back: your earlier answers are filled in.{' '}
            <button type="button" onClick={startOver} className="font-semibold text-accent-700 underline underline-offset-2">Start over</button>
          </p>
        )}
      </div>

      <div className="px-5 py-6 sm:px-8 print:p-0">
        {step ? (
          <form
            noValidate
            aria-labelledby="readiness-step-heading"
            onSubmit={(event) => {
              event.preventDefault();
              next();
            }}
          >
            <p className="text-sm font-semibold text-accent-700">{step.checklistItem ? `Checklist item ${step.checklistItem} of 8` : index === 0 ? 'The workflow' : 'First screen'}</p>
            <h3 id="readiness-step-heading" ref={headingRef} tabIndex={-1} className="mt-1 text-2xl font-bold text-ink outline-none">{step.title}</h3>
            <p className="mt-2 max-w-prose text-body">{step.intro}</p>
            {errorList.length > 0 && (
              <div role="alert" className="mt-4 rounded-card border border-red-700/40 bg-red-50 p-4 text-sm text-red-800">
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
                <button type="button" onClick={() => go(stepIds[index - 1]!)} className="btn-secondary">Back</button>
              )}
              <button type="submit" className="btn-primary">{index + 1 === STEPS.length ? 'See my result' : 'Next'}</button>
              {!step.checklistItem ? null : <span className="text-sm text-muted">Not sure yet? Leave it empty: the result will say what to find out.</span>}
            </div>
          </form>
        ) : (
          result && spec && (
            <ResultView
              headingRef={headingRef}
              answers={answers}
              result={result}
              spec={spec}
              calculatorPath={calculatorPath}
              bookingPath={bookingPath}
              onEdit={() => go('workflow')}
              onStartOver={startOver}
            />
          )
        )}
      </div>
    </section>
  );
}
