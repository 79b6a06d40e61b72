// The answers' fields that the messages name (messages.ts) and the schema checks (schema.ts): the
// baseline figures and the free-text answers. Types only, below both, so neither imports the other.

/** Checklist item 3: today's figures; null is "don't know yet", which the score reflects. */
export interface Baseline {
  /** Items of work a month. */
  itemsPerMonth: number | null;
  /** Hours spent by hand a week. */
  manualHoursPerWeek: number | null;
  /** Share of items with an error, 0 to 100. */
  errorRatePercent: number | null;
  /** Hours from start to finish for one item. */
  cycleTimeHours: number | null;
  /** Revenue the work affects a month: optional, not scored. */
  revenueImpactPerMonth: number | null;
}

/** The answers written as free text. */
export type TextField = 'workflowName' | 'processSteps' | 'sourceSystem' | 'systemOfRecord' | 'failedRun' | 'escalationOwner' | 'successMetric' | 'successTarget';
/** One of the baseline figures. */
export type BaselineField = keyof Baseline;
