// The scenarios' names and the shape of what each moves: what the scenario definitions (presets.ts)
// and their labels (labels.ts) are written against. Below both, so neither imports the other for them.

/** The three scenarios, in the order the table shows them. */
export const SCENARIO_NAMES = ['low', 'expected', 'high'] as const;
/** 'low' (cautious), 'expected' or 'high' (optimistic). */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** How a scenario moves the visitor's figures. */
export interface ScenarioAdjustment {
  /** The scenario's name for people (labels.ts). */
  label: string;
  /** Relative change to time saved per unit (manual minus assisted), moved through the assisted time. */
  timeSavedChange: number;
  /** Relative change to the volume of work per month. */
  volumeChange: number;
  /** Relative change to the one-off implementation cost. */
  implementationCostChange: number;
  /** Months added to the ramp-up. */
  rampUpMonthsChange: number;
}
