// The wizard steps with more than a couple of fields (the screen, the process, the actions, the
// review date), each a component; StepFields.tsx picks the one a step shows.
import {
  AI_ACTION_LABELS,
  APPROVAL_ACTION_LABELS,
  PROCESS_RANGE,
  RED_FLAG_LABELS,
  SIGNAL_ANSWER_LABELS,
  SIGNAL_QUESTIONS,
} from '../../lib/readiness/labels.ts';
import { AI_ACTIONS, APPROVAL_ACTIONS, countProcessSteps, RED_FLAGS, SIGNALS, SIGNAL_ANSWERS, type ReadinessAnswers } from '../../lib/readiness/schema.ts';
import { Choices, ErrorText, fieldId, inputClass, Option, TextField, type FieldErrors } from './fields.tsx';

/** Changes the answers: the wizard replaces them, never edits them in place. */
export type Update = (change: (current: ReadinessAnswers) => ReadinessAnswers) => void;

export interface FieldsProps {
  answers: ReadinessAnswers;
  errors: FieldErrors;
  update: Update;
}

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export function ScreenFields({ answers, errors, update }: FieldsProps) {
  return (
    <div className="grid gap-6">
      {SIGNALS.map((signal) => (
        <Choices key={signal} legend={SIGNAL_QUESTIONS[signal].question} hint={SIGNAL_QUESTIONS[signal].help} path={`signals.${signal}`} errors={errors}>
          {SIGNAL_ANSWERS.map((answer) => (
            <Option key={answer} type="radio" name={`rw-signal-${signal}`} checked={answers.signals[signal] === answer} onChange={() => update((a) => ({ ...a, signals: { ...a.signals, [signal]: answer } }))} label={SIGNAL_ANSWER_LABELS[answer]} />
          ))}
        </Choices>
      ))}
      <fieldset className="min-w-0">
        <legend className="text-base font-semibold text-ink">Does any of these describe it? Tick all that apply.</legend>
        <div className="mt-2 grid gap-2">
          {RED_FLAGS.map((flag) => (
            <Option key={flag} type="checkbox" name={`rw-flag-${flag}`} checked={answers.redFlags[flag]} onChange={() => update((a) => ({ ...a, redFlags: { ...a.redFlags, [flag]: !a.redFlags[flag] } }))} label={RED_FLAG_LABELS[flag].label} detail={RED_FLAG_LABELS[flag].why} />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function ProcessField({ answers, errors, update }: FieldsProps) {
  const count = countProcessSteps(answers.processSteps);
  return (
    <div>
      <TextField multiline path="processSteps" label="The process today, one step per line" hint={`From what starts it to the system that ends up updated. ${PROCESS_RANGE} steps is the right grain.`} placeholder={'Demo request arrives from the website form\nSomeone checks the company in the CRM\n…'} value={answers.processSteps} onChange={(v) => update((a) => ({ ...a, processSteps: v }))} errors={errors} />
      {/* Not live: announced on every new line, it would talk over the typing. */}
      <p className="mt-1 text-sm text-muted">{count} step{count === 1 ? '' : 's'} so far</p>
    </div>
  );
}

export function ActionFields({ answers, errors, update }: FieldsProps) {
  return (
    <div className="grid gap-6">
      <Choices legend="What may AI do on its own?" path="aiActions" errors={errors}>
        {AI_ACTIONS.map((action) => (
          <Option key={action} type="checkbox" name={`rw-ai-${action}`} checked={answers.aiActions.includes(action)} onChange={() => update((a) => ({ ...a, aiActions: toggle(a.aiActions, action) }))} label={AI_ACTION_LABELS[action]} />
        ))}
      </Choices>
      <Choices legend="What needs a person's approval first?" path="approvalActions" errors={errors}>
        {APPROVAL_ACTIONS.map((action) => (
          <Option key={action} type="checkbox" name={`rw-approve-${action}`} checked={answers.approvalActions.includes(action)} onChange={() => update((a) => ({ ...a, approvalActions: toggle(a.approvalActions, action) }))} label={APPROVAL_ACTION_LABELS[action]} />
        ))}
      </Choices>
    </div>
  );
}

export function ReviewDateField({ answers, errors, update, today }: FieldsProps & { today: string }) {
  const id = fieldId('reviewDate');
  const invalid = Boolean(errors.reviewDate);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">Review date</label>
      <p id={`${id}-hint`} className="text-sm text-muted">About 30 days after launch: long enough for real volume, soon enough to fix what is off.</p>
      <input
        id={id}
        name={id}
        type="date"
        min={today}
        value={answers.reviewDate}
        onChange={(e) => update((a) => ({ ...a, reviewDate: e.target.value }))}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
        className={`${inputClass(invalid)} max-w-56`}
      />
      <ErrorText path="reviewDate" errors={errors} />
    </div>
  );
}
