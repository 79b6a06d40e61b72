// The wizard's steps, in order: the two screening steps, then one step per checklist item.
import { STEP_TEXT } from './labels.ts';
import { CHECKLIST_ITEMS } from './schema.ts';
import { SCREEN_STEPS, type StepId } from './step-ids.ts';

// The id type lives below this module and labels.ts (step-ids.ts); imported from here too.
export type { StepId } from './step-ids.ts';

/** One wizard step. */
export interface Step {
  /** Where it sits in the URL and which answers it asks for. */
  id: StepId;
  /** The heading. */
  title: string;
  /** 1 to 8 for a checklist item, null for the screening steps. */
  checklistItem: number | null;
  /** The paragraph under the heading. */
  intro: string;
}

const step = (id: StepId, checklistItem: number | null): Step => ({ id, title: STEP_TEXT[id].title, checklistItem, intro: STEP_TEXT[id].intro });

/** Every step in the order the wizard asks them. */
export const STEPS: readonly Step[] = [
  ...SCREEN_STEPS.map((id) => step(id, null)),
  ...CHECKLIST_ITEMS.map((id, index) => step(id, index + 1)),
];
