// The wizard's state: the answers (saved as they are given, resumed on return), the position (each step
// a history entry, so Back and Forward work), the errors of the last "Next", and focus on each new heading.
import { useEffect, useMemo, useRef, useState } from 'react';
import { localDate } from '../../lib/booking/format.ts';
import { stepErrors } from '../../lib/readiness/checks.ts';
import { EMPTY_ANSWERS, type ReadinessAnswers } from '../../lib/readiness/schema.ts';
import { STEPS, type Step, type StepId } from '../../lib/readiness/steps.ts';
import { answersFromStorage, STORAGE_KEY, storageValue } from '../../lib/readiness/stored.ts';
import type { FieldErrors } from './fields.tsx';
import { loadResultView } from './load-result-view.ts';
import type { Update } from './StepSections.tsx';

/** The position after the last step. */
export const RESULT = 'result';
// A step, or the result.
type Position = StepId | typeof RESULT;

const stepIds = STEPS.map((s) => s.id);
const isPosition = (value: string): value is Position => value === RESULT || (stepIds as string[]).includes(value);
const hashFor = (position: Position) => `#check-${position}`;
const positionFromHash = (hash: string): Position | null => {
  const value = hash.replace(/^#check-/, '');
  return hash.startsWith('#check-') && isPosition(value) ? value : null;
};
/** Today in the visitor's own zone: UTC's date is already tomorrow on an evening west of UTC. */
const todayHere = () => localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);

function readStored(): ReadinessAnswers | null {
  try {
    return answersFromStorage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage blocked (some private modes): nothing to resume.
    return null;
  }
}

/** Everything the wizard shows and every way to move through it. */
export function useWizard() {
  const [answers, setAnswers] = useState<ReadinessAnswers>(EMPTY_ANSWERS);
  const [position, setPosition] = useState<Position>('workflow');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [resumed, setResumed] = useState(false);
  // Counts every move the visitor makes, so a move to the step already shown (start over on step 1)
  // still puts focus on its heading; and whether the last "Start over" cleared answers (announced).
  const [moves, setMoves] = useState(0);
  const [cleared, setCleared] = useState(false);
  // Set by a "Next" that found errors: focus then goes to the first field that needs a fix.
  const focusFirstError = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // False until the person does anything, so the first render neither saves nor steals focus.
  const moved = useRef(false);
  // Set by the browser's Back and Forward: the step shown came from history, with its scroll position.
  const fromHistory = useRef(false);
  const today = useMemo(todayHere, []);

  // Resume: stored answers, then the step named in the URL (Back/Forward and reloads land on it).
  useEffect(() => {
    const stored = readStored();
    if (stored) {
      setAnswers(stored);
      setResumed(JSON.stringify(stored) !== JSON.stringify(EMPTY_ANSWERS));
    }
    const fromHash = positionFromHash(window.location.hash);
    if (fromHash) setPosition(fromHash);
    const onPopState = () => {
      const next = positionFromHash(window.location.hash);
      moved.current = true;
      fromHistory.current = true;
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
      window.localStorage.setItem(STORAGE_KEY, storageValue(answers, new Date()));
    } catch {
      // Private mode or a full quota: the wizard still works, it just cannot resume later.
    }
  }, [answers]);

  // A new step's heading takes focus, so screen readers and keyboards start at the top of it.
  useEffect(() => {
    if (!moved.current) return;
    const heading = headingRef.current;
    heading?.focus();
    if (!fromHistory.current) return;
    fromHistory.current = false;
    // Back and Forward also restore the scroll position the entry was left at, after this runs, which
    // left the focused heading far off screen: it is brought back into view in the next frame.
    window.requestAnimationFrame(() => heading?.scrollIntoView({ block: 'center' }));
  }, [position, moves]);

  // After a "Next" that found errors: the first field in the form that needs a fix (its message is
  // its description), so nobody has to search back up the step for it.
  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    headingRef.current?.closest('form')?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const index = position === RESULT ? STEPS.length : stepIds.indexOf(position);
  const step: Step | null = position === RESULT ? null : STEPS[index]!;

  function go(next: Position) {
    moved.current = true;
    setMoves((n) => n + 1);
    setCleared(false);
    // Fetch the result's code while the visitor answers (a failure shows when the result is asked for).
    loadResultView().catch(() => {});
    setErrors({});
    setPosition(next);
    window.history.pushState(null, '', hashFor(next));
  }

  function next() {
    if (!step) return;
    const found = stepErrors(step.id, answers, today);
    if (Object.keys(found).length > 0) {
      focusFirstError.current = true;
      setErrors(found);
      return;
    }
    go(index + 1 < STEPS.length ? stepIds[index + 1]! : RESULT);
  }

  const back = () => go(stepIds[index - 1]!);

  const update: Update = (change) => {
    moved.current = true;
    setAnswers((current) => change(current));
  };

  // An error stays until its own field is right: each change re-checks the step and drops only the
  // messages whose field now passes (a field not yet complained about is not complained about now).
  useEffect(() => {
    if (!step) return;
    setErrors((shown) => {
      const fields = Object.keys(shown);
      if (fields.length === 0) return shown;
      const found = stepErrors(step.id, answers, today);
      const still: FieldErrors = {};
      for (const field of fields) if (found[field]) still[field] = found[field];
      return fields.every((field) => still[field] === shown[field]) ? shown : still;
    });
  }, [answers, step, today]);

  function startOver() {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
    setResumed(false);
    setAnswers(EMPTY_ANSWERS);
    go('workflow');
    setCleared(true);
  }

  return { answers, position, index, step, errors, resumed, headingRef, moved: moved.current, cleared, today, go, next, back, update, startOver };
}
