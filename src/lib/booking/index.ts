// The booking rules' public surface: slot computation (slots.ts) and the operator's env overrides (hours.ts).
export { availableSlots, isBookable, localDatesToWindow, operatorDate, type Interval } from './slots.ts';
export { parseDateList, parseDateOverrides, parseWeeklyHours } from './hours.ts';
