// The fields of each wizard step. Every control has a visible label; errors are tied to their
// field with aria-describedby and aria-invalid.
import type { ReactNode } from 'react';
import {
  AI_ACTIONS,
  AI_ACTION_LABELS,
  APPROVAL_ACTIONS,
  APPROVAL_ACTION_LABELS,
  AREAS,
  AREA_LABELS,
  RED_FLAGS,
  RED_FLAG_LABELS,
  SCOPES,
  SCOPE_LABELS,
  SIGNALS,
  SIGNAL_ANSWERS,
  SIGNAL_QUESTIONS,
  type ReadinessAnswers,
  type StepId,
} from '../../lib/readiness/answers.ts';

type Update = (change: (current: ReadinessAnswers) => ReadinessAnswers) => void;

interface Props {
  step: StepId;
  answers: ReadinessAnswers;
  errors: Partial<Record<string, string>>;
  update: Update;
  today: string;
}

const fieldId = (path: string) => `rw-${path.replace(/\./g, '-')}`;
const SIGNAL_ANSWER_LABELS = { yes: 'Yes', partly: 'Partly', no: 'No' } as const;

function ErrorText({ path, errors }: { path: string; errors: Props['errors'] }) {
  const message = errors[path];
  return message ? <p id={`${fieldId(path)}-error`} className="mt-1 text-sm font-medium text-red-800">{message}</p> : null;
}

const inputClass = (invalid: boolean) =>
  `mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-ink ${invalid ? 'border-red-700' : 'border-slate-400'}`;

function TextField({ path, label, hint, value, onChange, errors, multiline = false, placeholder }: {
  path: string; label: string; hint?: string; value: string; onChange: (v: string) => void; errors: Props['errors']; multiline?: boolean; placeholder?: string;
}) {
  const id = fieldId(path);
  const invalid = Boolean(errors[path]);
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name: id, value, placeholder, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, className: inputClass(invalid) };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      {multiline ? <textarea {...common} rows={8} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />}
      <ErrorText path={path} errors={errors} />
    </div>
  );
}

function NumberInput({ path, label, unit, value, onChange, errors }: {
  path: string; label: string; unit: string; value: number | null; onChange: (v: number | null) => void; errors: Props['errors'];
}) {
  const id = fieldId(path);
  const invalid = Boolean(errors[path]);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">{label}</label>
      <div className="mt-1 flex items-center gap-2">
        <input
          id={id}
          name={id}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          className={`${inputClass(invalid)} mt-0 max-w-40`}
        />
        <span className="text-sm text-muted">{unit}</span>
      </div>
      <ErrorText path={path} errors={errors} />
    </div>
  );
}

function Choices({ legend, hint, path, errors, children }: { legend: string; hint?: string; path: string; errors: Props['errors']; children: ReactNode }) {
  const id = fieldId(path);
  return (
    <fieldset aria-describedby={errors[path] ? `${id}-error` : undefined} className="min-w-0">
      <legend className="text-base font-semibold text-ink">{legend}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      <div className="mt-2 grid gap-2 sm:grid-cols-2">{children}</div>
      <ErrorText path={path} errors={errors} />
    </fieldset>
  );
}

function Option({ type, name, checked, onChange, label, detail }: { type: 'radio' | 'checkbox'; name: string; checked: boolean; onChange: () => void; label: string; detail?: string }) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-checked:border-accent-700 has-checked:bg-accent-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-700">
      <input type={type} name={name} checked={checked} onChange={onChange} className="mt-1 size-4 shrink-0 accent-accent-700" />
      <span>
        <span className="block font-medium text-ink">{label}</span>
        {detail && <span className="block text-sm text-body">{detail}</span>}
      </span>
    </label>
  );
}

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export function StepFields({ step, answers, errors, update, today }: Props) {
  switch (step) {
    case 'workflow':
      return (
        <div className="grid gap-6">
          <Choices legend="Which area is it in?" path="area" errors={errors}>
            {AREAS.map((area) => (
              <Option key={area} type="radio" name="rw-area" checked={answers.area === area} onChange={() => update((a) => ({ ...a, area }))} label={AREA_LABELS[area]} />
            ))}
          </Choices>
          <TextField path="workflowName" label="Name the workflow" hint="One workflow, in your words: what starts it and what it produces." placeholder="First reply to inbound demo requests" value={answers.workflowName} onChange={(v) => update((a) => ({ ...a, workflowName: v }))} errors={errors} />
        </div>
      );
    case 'screen':
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
    case 'scope':
      return (
        <Choices legend="How much does this change?" path="scope" errors={errors}>
          {SCOPES.map((scope) => (
            <Option key={scope} type="radio" name="rw-scope" checked={answers.scope === scope} onChange={() => update((a) => ({ ...a, scope }))} label={SCOPE_LABELS[scope]} />
          ))}
        </Choices>
      );
    case 'process': {
      const count = answers.processSteps.split('\n').filter((line) => line.trim()).length;
      return (
        <div>
          <TextField multiline path="processSteps" label="The process today, one step per line" hint="From what starts it to the system that ends up updated. 10 to 15 steps is the right grain." placeholder={'Demo request arrives from the website form\nSomeone checks the company in the CRM\n…'} value={answers.processSteps} onChange={(v) => update((a) => ({ ...a, processSteps: v }))} errors={errors} />
          <p className="mt-1 text-sm text-muted" aria-live="polite">{count} step{count === 1 ? '' : 's'} so far</p>
        </div>
      );
    }
    case 'baseline': {
      const setBaseline = (key: keyof ReadinessAnswers['baseline']) => (value: number | null) => update((a) => ({ ...a, baseline: { ...a.baseline, [key]: value } }));
      return (
        <div className="grid gap-5 sm:grid-cols-2">
          <NumberInput path="baseline.itemsPerMonth" label="Volume" unit="items a month" value={answers.baseline.itemsPerMonth} onChange={setBaseline('itemsPerMonth')} errors={errors} />
          <NumberInput path="baseline.manualHoursPerWeek" label="Time spent by hand" unit="hours a week" value={answers.baseline.manualHoursPerWeek} onChange={setBaseline('manualHoursPerWeek')} errors={errors} />
          <NumberInput path="baseline.errorRatePercent" label="Error rate" unit="% of items" value={answers.baseline.errorRatePercent} onChange={setBaseline('errorRatePercent')} errors={errors} />
          <NumberInput path="baseline.cycleTimeHours" label="Cycle time" unit="hours from start to done" value={answers.baseline.cycleTimeHours} onChange={setBaseline('cycleTimeHours')} errors={errors} />
          <NumberInput path="baseline.revenueImpactPerMonth" label="Revenue at stake (optional)" unit="a month" value={answers.baseline.revenueImpactPerMonth} onChange={setBaseline('revenueImpactPerMonth')} errors={errors} />
        </div>
      );
    }
    case 'actions':
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
    case 'systems':
      return (
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField path="sourceSystem" label="Where the work comes from" hint="The inbox, form, tool or folder that starts it." placeholder="Website form into the shared inbox" value={answers.sourceSystem} onChange={(v) => update((a) => ({ ...a, sourceSystem: v }))} errors={errors} />
          <TextField path="systemOfRecord" label="The system of record" hint="Where the result must end up and be trusted." placeholder="HubSpot deal and contact" value={answers.systemOfRecord} onChange={(v) => update((a) => ({ ...a, systemOfRecord: v }))} errors={errors} />
        </div>
      );
    case 'failure':
      return (
        <div className="grid gap-5">
          <TextField path="failedRun" label="What does a failed run look like?" hint="Missing data, low confidence, a reply that would embarrass you: name it." placeholder="The lead has no company domain, or the AI is unsure which owner fits" value={answers.failedRun} onChange={(v) => update((a) => ({ ...a, failedRun: v }))} errors={errors} />
          <TextField path="escalationOwner" label="Who gets it when it fails?" placeholder="The sales lead on duty, within 2 working hours" value={answers.escalationOwner} onChange={(v) => update((a) => ({ ...a, escalationOwner: v }))} errors={errors} />
        </div>
      );
    case 'metric':
      return (
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField path="successMetric" label="The one metric that proves it worked" placeholder="Median time to first reply" value={answers.successMetric} onChange={(v) => update((a) => ({ ...a, successMetric: v }))} errors={errors} />
          <TextField path="successTarget" label="Target (optional)" placeholder="Under 15 minutes in working hours" value={answers.successTarget} onChange={(v) => update((a) => ({ ...a, successTarget: v }))} errors={errors} />
        </div>
      );
    case 'review': {
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
  }
}
