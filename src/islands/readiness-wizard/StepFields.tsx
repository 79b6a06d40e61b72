// The fields of each wizard step, built from the controls in fields.tsx and the words in
// src/lib/readiness/labels.ts.
import { AREAS, AREA_LABELS } from '../../lib/readiness/areas.ts';
import {
  AI_ACTION_LABELS,
  APPROVAL_ACTION_LABELS,
  BASELINE_LABELS,
  PROCESS_RANGE,
  RED_FLAG_LABELS,
  SCOPE_LABELS,
  SIGNAL_ANSWER_LABELS,
  SIGNAL_QUESTIONS,
} from '../../lib/readiness/labels.ts';
import {
  AI_ACTIONS,
  APPROVAL_ACTIONS,
  BASELINE_FIELDS,
  countProcessSteps,
  RED_FLAGS,
  SCOPES,
  SIGNALS,
  SIGNAL_ANSWERS,
  type BaselineField,
  type ReadinessAnswers,
  type TextField as TextAnswer,
} from '../../lib/readiness/schema.ts';
import type { StepId } from '../../lib/readiness/steps.ts';
import { Choices, ErrorText, fieldId, inputClass, NumberInput, Option, TextField, type FieldErrors } from './fields.tsx';

/** Changes the answers: the wizard replaces them, never edits them in place. */
export type Update = (change: (current: ReadinessAnswers) => ReadinessAnswers) => void;

interface FieldsProps {
  answers: ReadinessAnswers;
  errors: FieldErrors;
  update: Update;
}

interface Props extends FieldsProps {
  step: StepId;
  /** 'YYYY-MM-DD' in the visitor's zone: the earliest review date the picker offers. */
  today: string;
}

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
const BASELINE = Object.keys(BASELINE_FIELDS) as BaselineField[];

function ScreenFields({ answers, errors, update }: FieldsProps) {
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

function ProcessField({ answers, errors, update }: FieldsProps) {
  const count = countProcessSteps(answers.processSteps);
  return (
    <div>
      <TextField multiline path="processSteps" label="The process today, one step per line" hint={`From what starts it to the system that ends up updated. ${PROCESS_RANGE} steps is the right grain.`} placeholder={'Demo request arrives from the website form\nSomeone checks the company in the CRM\n…'} value={answers.processSteps} onChange={(v) => update((a) => ({ ...a, processSteps: v }))} errors={errors} />
      <p className="mt-1 text-sm text-muted" aria-live="polite">{count} step{count === 1 ? '' : 's'} so far</p>
    </div>
  );
}

function ActionFields({ answers, errors, update }: FieldsProps) {
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

function ReviewDateField({ answers, errors, update, today }: FieldsProps & { today: string }) {
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

/** The fields of one step. */
export function StepFields({ step, answers, errors, update, today }: Props) {
  const fields = { answers, errors, update };
  // The props every one-line text answer shares: its path, value, change and error.
  const text = (field: Exclude<TextAnswer, 'processSteps'>) => ({
    path: field,
    value: answers[field],
    onChange: (v: string) => update((a) => ({ ...a, [field]: v })),
    errors,
  });
  switch (step) {
    case 'workflow':
      return (
        <div className="grid gap-6">
          <Choices legend="Which area is it in?" path="area" errors={errors}>
            {AREAS.map((area) => (
              <Option key={area} type="radio" name="rw-area" checked={answers.area === area} onChange={() => update((a) => ({ ...a, area }))} label={AREA_LABELS[area]} />
            ))}
          </Choices>
          <TextField {...text('workflowName')} label="Name the workflow" hint="One workflow, in your words: what starts it and what it produces." placeholder="First reply to inbound demo requests" />
        </div>
      );
    case 'screen':
      return <ScreenFields {...fields} />;
    case 'scope':
      return (
        <Choices legend="How much does this change?" path="scope" errors={errors}>
          {SCOPES.map((scope) => (
            <Option key={scope} type="radio" name="rw-scope" checked={answers.scope === scope} onChange={() => update((a) => ({ ...a, scope }))} label={SCOPE_LABELS[scope]} />
          ))}
        </Choices>
      );
    case 'process':
      return <ProcessField {...fields} />;
    case 'baseline':
      return (
        <div className="grid gap-5 sm:grid-cols-2">
          {BASELINE.map((field) => (
            <NumberInput key={field} path={`baseline.${field}`} label={BASELINE_LABELS[field].label} unit={BASELINE_LABELS[field].unit} value={answers.baseline[field]} onChange={(value) => update((a) => ({ ...a, baseline: { ...a.baseline, [field]: value } }))} errors={errors} />
          ))}
        </div>
      );
    case 'actions':
      return <ActionFields {...fields} />;
    case 'systems':
      return (
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField {...text('sourceSystem')} label="Where the work comes from" hint="The inbox, form, tool or folder that starts it." placeholder="Website form into the shared inbox" />
          <TextField {...text('systemOfRecord')} label="The system of record" hint="Where the result must end up and be trusted." placeholder="HubSpot deal and contact" />
        </div>
      );
    case 'failure':
      return (
        <div className="grid gap-5">
          <TextField {...text('failedRun')} label="What does a failed run look like?" hint="Missing data, low confidence, a reply that would embarrass you: name it." placeholder="The lead has no company domain, or the AI is unsure which owner fits" />
          <TextField {...text('escalationOwner')} label="Who gets it when it fails?" placeholder="The sales lead on duty, within 2 working hours" />
        </div>
      );
    case 'metric':
      return (
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField {...text('successMetric')} label="The one metric that proves it worked" placeholder="Median time to first reply" />
          <TextField {...text('successTarget')} label="Target (optional)" placeholder="Under 15 minutes in working hours" />
        </div>
      );
    case 'review':
      return <ReviewDateField {...fields} today={today} />;
  }
}
