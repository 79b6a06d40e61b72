// The wizard's form controls. Every control has a visible label; errors are tied to their field with
// aria-describedby and aria-invalid.
import { createContext, useContext, type ReactNode } from 'react';

/** The messages of the last "Next", keyed by field path ('signals.clearInputs'). */
export type FieldErrors = Partial<Record<string, string>>;

/** The element id for a field path: 'baseline.itemsPerMonth' is 'rw-baseline-itemsPerMonth'. */
export const fieldId = (path: string) => `rw-${path.replace(/\./g, '-')}`;

/** The field's error message, tied to it by id; nothing when it has none. */
export function ErrorText({ path, errors }: { path: string; errors: FieldErrors }) {
  const message = errors[path];
  return message ? <p id={`${fieldId(path)}-error`} className="mt-1 text-sm font-medium text-red-800">{message}</p> : null;
}

/** The ids a field or group is described by: its hint (when it has one), then its error (while it has one). */
const hintAndError = (id: string, hint: boolean, invalid: boolean) => [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/**
 * An input's classes: a red border when invalid. Placeholders in the newsletter form's slate-500 (4.76:1 on
 * white); Tailwind's own is the text colour at half strength, about 3.5:1.
 */
export const inputClass = (invalid: boolean) =>
  `mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-ink placeholder:text-slate-500 ${invalid ? 'border-red-700' : 'border-slate-400'}`;

/** A labeled text input or textarea, with an optional hint and its error. */
export function TextField({ path, label, hint, value, onChange, errors, multiline = false, placeholder }: {
  path: string; label: string; hint?: string; value: string; onChange: (v: string) => void; errors: FieldErrors; multiline?: boolean; placeholder?: string;
}) {
  const id = fieldId(path);
  const invalid = Boolean(errors[path]);
  const describedBy = hintAndError(id, Boolean(hint), invalid);
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

/**
 * A labeled number input with its unit after it; empty is null. Text the browser cannot read as a
 * number ("1e") is NaN, so the step says so instead of dropping it as if the field were empty; it is
 * shown as '' so React leaves the typed text in place.
 */
export function NumberInput({ path, label, unit, value, onChange, errors }: {
  path: string; label: string; unit: string; value: number | null; onChange: (v: number | null) => void; errors: FieldErrors;
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
          value={value === null || Number.isNaN(value) ? '' : value}
          onChange={(e) => onChange(e.target.validity.badInput ? Number.NaN : e.target.value === '' ? null : Number(e.target.value))}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-unit${invalid ? ` ${id}-error` : ''}`}
          className={`${inputClass(invalid)} mt-0 max-w-40`}
        />
        <span id={`${id}-unit`} className="text-sm text-muted">{unit}</span>
      </div>
      <ErrorText path={path} errors={errors} />
    </div>
  );
}

/** The group's hint and error, for each option in it: many screen readers read a radio's own description, not its group's. */
const GroupDescription = createContext<{ describedBy?: string; invalid?: true }>({});

/** A fieldset of radios or checkboxes under a legend, with an optional hint and its error. */
export function Choices({ legend, hint, path, errors, children }: { legend: string; hint?: string; path: string; errors: FieldErrors; children: ReactNode }) {
  const id = fieldId(path);
  const invalid = errors[path] ? true : undefined;
  const describedBy = hintAndError(id, Boolean(hint), Boolean(invalid));
  return (
    <fieldset aria-describedby={describedBy} className="min-w-0">
      <legend className="text-base font-semibold text-ink">{legend}</legend>
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        <GroupDescription.Provider value={{ describedBy, invalid }}>{children}</GroupDescription.Provider>
      </div>
      <ErrorText path={path} errors={errors} />
    </fieldset>
  );
}

/**
 * One radio or checkbox as a card: its label, and a detail line under it. The whole card is the <label> (one
 * target to tap), so the control is named by the label's line alone and described by the detail: as one label
 * the two ran together ("…knowledge base behind it A public chatbot answers from…"). Only options with a
 * detail have one, each with its own name (the red flags).
 */
export function Option({ type, name, checked, onChange, label, detail }: { type: 'radio' | 'checkbox'; name: string; checked: boolean; onChange: () => void; label: string; detail?: string }) {
  const group = useContext(GroupDescription);
  const describedBy = [detail ? `${name}-detail` : '', group.describedBy ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-checked:border-accent-700 has-checked:bg-accent-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-700">
      <input type={type} name={name} checked={checked} onChange={onChange} aria-labelledby={detail ? `${name}-label` : undefined} aria-describedby={describedBy} aria-invalid={group.invalid} className="mt-1 size-4 shrink-0 accent-accent-700" />
      <span>
        <span id={detail ? `${name}-label` : undefined} className="block font-medium text-ink">{label}</span>
        {detail && <span id={`${name}-detail`} className="block text-sm text-body">{detail}</span>}
      </span>
    </label>
  );
}
