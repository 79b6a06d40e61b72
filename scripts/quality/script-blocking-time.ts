// How much of a Lighthouse run's Total Blocking Time the page's own scripts caused. TBT on this shared
// machine swings by hundreds of milliseconds between runs, mostly with the document's parse and layout
// tasks (the machine's speed, not the site's code); the share of the tasks Lighthouse attributes to a
// script is what a change to an island moves.

/** An item of Lighthouse's `long-tasks` audit: simulated start and duration (ms), and the URL it is attributed to. */
export interface LongTask {
  url: string;
  startTime: number;
  duration: number;
}

/** Lighthouse's threshold: the part of a task beyond 50 ms blocks. */
const BLOCKING_THRESHOLD_MS = 50;

/**
 * The blocking time, after the first contentful paint, of the long tasks attributed to a script: not to the
 * page's document (its parse, style and layout) and not "Unattributable". Clipped at FCP as Lighthouse's
 * TBT is (a task that straddles FCP counts from FCP on).
 */
export function scriptBlockingTime(longTasks: readonly LongTask[], fcpMs: number, documentUrl: string): number {
  let blocking = 0;
  for (const task of longTasks) {
    if (task.url === documentUrl || task.url === 'Unattributable') continue;
    const afterPaint = task.startTime + task.duration - Math.max(task.startTime, fcpMs);
    if (afterPaint > BLOCKING_THRESHOLD_MS) blocking += afterPaint - BLOCKING_THRESHOLD_MS;
  }
  return blocking;
}
