// The details form's controls: a visible label, the control, an optional hint and an inline error
// that screen readers hear with the field (aria-describedby + aria-invalid). Every one is required
// (aria-required; not `required`, whose browser bubbles the form's own messages replace).
import type { ReactNode } from 'react';

export const fieldId = (name: string) => `bk-${name}`;

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
const controlClass = (error?: string) => `mt-1 block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-ink ${error ? 'border-red-700' : 'border-slate-400'}`;

function Shell({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">{label}</label>
      {hint && <p id={`${id}-hint`} className="text-sm text-muted">{hint}</p>}
      {children}
      {error && <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">{error}</p>}
    </div>
  );
}

interface TextProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'email';
  /** The schema's limit for the field: the browser stops there, so the limit is never a surprise at sending. */
  maxLength: number;
  autoComplete?: string;
  multiline?: boolean;
}

export function TextField({ name, label, value, onChange, error, hint, type = 'text', maxLength, autoComplete, multiline = false }: TextProps) {
  const id = fieldId(name);
  const common = {
    id,
    name,
    value,
    autoComplete,
    maxLength,
    'aria-required': true,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    className: controlClass(error),
  };
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={type === 'email' ? 'email' : undefined} spellCheck={type === 'email' ? false : undefined} onChange={(event) => onChange(event.target.value)} />
      )}
    </Shell>
  );
}

interface SelectProps {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}

export function SelectField({ name, label, value, options, onChange, error, hint }: SelectProps) {
  const id = fieldId(name);
  return (
    <Shell id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} value={value} onChange={(event) => onChange(event.target.value)} aria-required aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={controlClass(error)}>
        <option value="">Choose one</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </Shell>
  );
}
