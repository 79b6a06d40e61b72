// Form controls of the calculator: a label, the control, a unit, a hint and an inline error that
// screen readers hear (aria-describedby + aria-invalid): the unit first ("%" or "h/week" decides what
// a number means), then the error, then the hint, which stays when there is an error.
import type { ReactNode } from 'react';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

// The label, the hint or the error, and the control between them.
function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-ink">{label}</label>
      {children}
      {hint && <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string, unit?: string) =>
  [unit ? `${id}-unit` : '', error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

interface NumberFieldProps {
  id: string;
  /** The scenario's field name: how the island finds what was typed before it ran (changed-before-hydration.ts). */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown inside the field: "h/week", "%", "USD". */
  unit?: string;
  /** Shown before the value: a currency symbol. */
  prefix?: string;
  hint?: string;
  error?: string;
  inputMode?: 'decimal' | 'numeric';
}

/** A number typed as text, with its unit inside: type=number would drop what it cannot parse, and the form has its own messages. */
export function NumberField({ id, name, label, value, onChange, unit, prefix, hint, error, inputMode = 'decimal' }: NumberFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <div
        className={`flex min-h-11 items-center rounded-lg border bg-white focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent-700 ${error ? 'border-red-700' : 'border-slate-400'}`}
      >
        {prefix && <span className="pl-3 text-muted" aria-hidden="true">{prefix}</span>}
        <input
          id={id}
          name={name}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error, unit)}
          className="w-full min-w-0 bg-transparent px-3 py-2 text-base text-ink tabular-nums outline-none"
        />
        {unit && <span id={`${id}-unit`} className="pr-3 text-sm whitespace-nowrap text-muted">{unit}</span>}
      </div>
    </FieldShell>
  );
}

interface SelectFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** A native select with the same label, hint and error as the other fields. */
export function SelectField({ id, name, label, value, options, onChange, hint, error }: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="min-h-11 rounded-lg border border-slate-400 bg-white px-3 text-base text-ink"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

interface SliderFieldProps extends Omit<NumberFieldProps, 'inputMode' | 'unit'> {
  /** Shown inside the text box and said with the slider's value: "%", "months". */
  unit: string;
  min: number;
  max: number;
  step: number;
}

/** A number field with a range slider beside it, for shares and months where dragging helps. */
export function SliderField({ id, name, label, value, onChange, unit, hint, error, min, max, step }: SliderFieldProps) {
  // The slider's own value: the typed figure, within its bounds and on a step (the browser rounds it so), or
  // the minimum when the text is not a number. It is what the slider says (aria-valuetext), not the text box.
  const numeric = Number(value);
  const own = Number.isFinite(numeric) ? Math.min(max, Math.max(min, Math.round(numeric / step) * step)) : min;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <div className="flex items-center gap-3">
        <input
          type="range"
          name={`${name}-slider`}
          min={min}
          max={max}
          step={step}
          value={own}
          onChange={(event) => onChange(event.target.value)}
          aria-label={label}
          aria-valuetext={`${own} ${unit}`}
          className="h-11 flex-1 accent-accent-700"
        />
        <div className={`flex min-h-11 w-28 items-center rounded-lg border bg-white focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent-700 ${error ? 'border-red-700' : 'border-slate-400'}`}>
          <input
            id={id}
            name={name}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error, unit)}
            className="w-full min-w-0 bg-transparent px-3 py-2 text-base text-ink tabular-nums outline-none"
          />
          <span id={`${id}-unit`} className="pr-3 text-sm text-muted">{unit}</span>
        </div>
      </div>
    </FieldShell>
  );
}
