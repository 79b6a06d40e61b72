// The fields of each wizard step, built from the controls in fields.tsx (the longer steps in
// StepSections.tsx) and the words in src/lib/readiness/labels.ts.
import { AREA_LABELS, OFFERED_AREAS } from '../../lib/readiness/areas.ts';
import { BASELINE_LABELS, SCOPE_LABELS } from '../../lib/readiness/labels.ts';
import { BASELINE_FIELDS, SCOPES, type BaselineField, type TextField as TextAnswer } from '../../lib/readiness/schema.ts';
import type { StepId } from '../../lib/readiness/steps.ts';
import { Choices, NumberInput, Option, TextField } from './fields.tsx';
import { ActionFields, ProcessField, ReviewDateField, ScreenFields, type FieldsProps } from './StepSections.tsx';

interface Props extends FieldsProps {
  step: StepId;
  /** 'YYYY-MM-DD' in the visitor's zone: the earliest review date the picker offers. */
  today: string;
}

const BASELINE = Object.keys(BASELINE_FIELDS) as BaselineField[];

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
            {OFFERED_AREAS.map((area) => (
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
