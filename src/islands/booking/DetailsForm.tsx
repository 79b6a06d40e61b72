// The details step's form: who is coming and what they want to fix. Every field is required, which the
// form says once above them and each field says to a screen reader (aria-required). Errors come from the same
// zod/mini schema the API uses: a summary with a link to each field, and inline messages. A failed
// submit puts focus on the first field to fix, which reads its message; the summary is not live, so it
// is not re-read as each message clears while the visitor types. A message no field here can fix is the
// step's to show, beside the button (DetailsStep.tsx).
import type { FormEvent, ReactNode, RefObject } from 'react';
import { BOOKING_FIELD_MAX_LENGTH, COMPANY_SIZES, type CompanySize } from '../../lib/booking/request.ts';
import { AREA_LABELS, OFFERED_AREAS, type Area } from '../../lib/readiness/areas.ts';
import { SelectField, TextField, fieldId } from './Fields.tsx';

export interface Details {
  name: string;
  email: string;
  company: string;
  companySize: CompanySize | '';
  area: Area | '';
  goal: string;
  consent: boolean;
  /** Honeypot: hidden from people. */
  website: string;
}

export const EMPTY_DETAILS: Details = { name: '', email: '', company: '', companySize: '', area: '', goal: '', consent: false, website: '' };

/** The form's fields in the order they appear: the error summary and the first-error focus follow it. Each is required. */
export const FIELD_ORDER = ['name', 'email', 'company', 'companySize', 'area', 'goal', 'consent'] as const;

const SIZE_OPTIONS = COMPANY_SIZES.map((size) => ({ value: size, label: size === '500+' ? 'More than 500 people' : `${size.replace('-', '–')} people` }));
const AREA_OPTIONS = OFFERED_AREAS.map((area) => ({ value: area, label: AREA_LABELS[area] }));

interface Props {
  details: Details;
  onChange: <K extends keyof Details>(field: K, value: Details[K]) => void;
  /** Messages on the form's own fields (FIELD_ORDER). */
  errors: Record<string, string>;
  sending: boolean;
  privacyPath: string;
  submitRef: RefObject<HTMLButtonElement>;
  onSubmit: () => void;
  /** What the last attempt answered, shown just above the button. */
  children?: ReactNode;
}

export function DetailsForm({ details, onChange, errors, sending, privacyPath, submitRef, onSubmit, children }: Props) {
  const listed = Object.entries(errors);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sending) onSubmit();
  };
  return (
    <form noValidate onSubmit={submit} aria-label="Your details" className="relative mt-6 grid gap-5">
      <p className="text-sm text-muted">All fields are required.</p>
      {listed.length > 0 && (
        <div className="rounded-card border border-red-700/40 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-semibold">{listed.length === 1 ? 'One thing to fix before booking:' : `${listed.length} things to fix before booking:`}</p>
          <ul className="mt-2 grid list-disc gap-1 pl-5">
            {listed.map(([field, message]) => (
              <li key={field}>
                <a className="inline-block min-h-6 py-0.5 align-top underline underline-offset-2" href={`#${fieldId(field)}`} onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId(field))?.focus();
                }}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextField name="name" maxLength={BOOKING_FIELD_MAX_LENGTH.name} label="Your name" value={details.name} onChange={(v) => onChange('name', v)} error={errors.name} autoComplete="name" />
      <TextField name="email" maxLength={BOOKING_FIELD_MAX_LENGTH.email} label="Work email" type="email" value={details.email} onChange={(v) => onChange('email', v)} error={errors.email} autoComplete="email" hint="The invite and the link to move or cancel go here." />
      <TextField name="company" maxLength={BOOKING_FIELD_MAX_LENGTH.company} label="Company" value={details.company} onChange={(v) => onChange('company', v)} error={errors.company} autoComplete="organization" />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField name="companySize" label="Company size" value={details.companySize} options={SIZE_OPTIONS} onChange={(v) => onChange('companySize', v as Details['companySize'])} error={errors.companySize} />
        <SelectField name="area" label="Workflow area" value={details.area} options={AREA_OPTIONS} onChange={(v) => onChange('area', v as Details['area'])} error={errors.area} />
      </div>
      <TextField name="goal" maxLength={BOOKING_FIELD_MAX_LENGTH.goal} label="What do you want to fix?" multiline value={details.goal} onChange={(v) => onChange('goal', v)} error={errors.goal} hint="The workflow and what goes wrong with it today: a sentence or two, at least 10 characters." />
      {/* Honeypot: people never see or reach it; bots that fill every field get a neutral answer. */}
      <div className="absolute -left-[9999px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor="bk-website">Leave this field empty</label>
        <input id="bk-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={details.website} onChange={(event) => onChange('website', event.target.value)} />
      </div>
      <div>
        <div className="flex items-start gap-3">
          <input id={fieldId('consent')} name="consent" type="checkbox" checked={details.consent} onChange={(event) => onChange('consent', event.target.checked)} aria-required="true" aria-invalid={errors.consent ? true : undefined} aria-describedby={errors.consent ? `${fieldId('consent')}-error` : undefined} className="mt-1 size-5 shrink-0 accent-accent-700" />
          <label htmlFor={fieldId('consent')} className="text-sm text-body">
            AI Operator may use these details, and which page or campaign brought me here, to prepare and hold the call, and keeps them as the <a className="link" href={privacyPath}>privacy policy</a> describes.
          </label>
        </div>
        {errors.consent && <p id={`${fieldId('consent')}-error`} className="mt-1 text-sm font-medium text-red-800">{errors.consent}</p>}
      </div>
      {children}
      <button ref={submitRef} type="submit" aria-disabled={sending || undefined} className="btn-primary w-full sm:w-auto sm:justify-self-start">
        {sending ? 'Booking…' : 'Book the call'}
      </button>
    </form>
  );
}
