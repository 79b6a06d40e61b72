// The wizard's step ids: what steps.ts builds its steps from and labels.ts titles each step by. Below
// both, so that neither imports the other for the id type.
import type { ChecklistItem } from './schema.ts';

/** The steps before the checklist: the workflow itself, then the brief's first screen. */
export const SCREEN_STEPS = ['workflow', 'screen'] as const;

/** A step's id, also the end of its URL hash ('#check-process'). */
export type StepId = (typeof SCREEN_STEPS)[number] | ChecklistItem;
