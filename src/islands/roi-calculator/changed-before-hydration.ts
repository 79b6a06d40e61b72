// What the visitor changed in the server-rendered form before the island's script ran. React's first
// render after hydration writes its own state back into every field, so the island reads these first and
// takes them as edits. Each control still holds what the server wrote as its default (defaultValue,
// defaultChecked, defaultSelected), so a change is a difference between the two.
import type { Draft } from '../../lib/roi/form.ts';
import { FIELD_ORDER } from '../../lib/roi/query.ts';

export interface ChangedBeforeHydration {
  /** The text of each field the visitor changed, the example picked under `preset`. */
  fields: Partial<Draft>;
  /** The number format, when the visitor picked one. */
  locale?: string;
}

/** A changed control's value, or undefined when it holds what the server wrote. */
function changedValue(control: Element | RadioNodeList | null): string | undefined {
  if (control instanceof HTMLInputElement) return control.value !== control.defaultValue ? control.value : undefined;
  if (control instanceof HTMLSelectElement) {
    const chosen = control.selectedOptions[0];
    return chosen && !chosen.defaultSelected ? chosen.value : undefined;
  }
  if (control instanceof RadioNodeList) {
    const checked = [...control].find((radio) => (radio as HTMLInputElement).checked) as HTMLInputElement | undefined;
    return checked && !checked.defaultChecked ? checked.value : undefined;
  }
  return undefined;
}

/** Each control is named by its field (RoiForm): the example workflows' radios `preset`, a slider `<field>-slider`. */
export function changedBeforeHydration(form: HTMLFormElement): ChangedBeforeHydration {
  const named = (name: string) => form.elements.namedItem(name);
  const fields: Partial<Draft> = {};
  for (const field of FIELD_ORDER) {
    // A slider moved sets its text box; the text box typed in wins over it.
    const value = changedValue(named(field)) ?? changedValue(named(`${field}-slider`));
    if (value !== undefined) fields[field] = value;
  }
  return { fields, locale: changedValue(named('locale')) };
}
