// The booking island's first date formatter, made ready off the main thread. Chromium loads its ICU
// locale and time-zone data once per process, on the first Intl call: about 180 ms in one task at a
// phone's speed (Lighthouse's 4x CPU), which blocked the page while it hydrated. A worker makes that
// call (intl-warmup.worker.ts); the calendar reads the visitor's zone once it has, and its own
// formatters then cost about a millisecond.

/** Longest the calendar waits for the worker: after that it reads the zone on the main thread all the same. */
export const WARMUP_WAIT_MS = 1500;

function startWarmupWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./intl-warmup.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Resolves once the worker has loaded the date data, or at once without workers, or on the worker's
 * error, or after `waitMs`: the calendar never waits on it for long, and it never fails.
 */
export function warmDateData(start: () => Worker | undefined = startWarmupWorker, waitMs = WARMUP_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker | undefined;
    const done = () => {
      clearTimeout(timer);
      worker?.terminate();
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    try {
      worker = start();
    } catch {
      // A browser or policy that refuses the worker: the main thread loads the data itself.
    }
    if (!worker) return done();
    worker.onmessage = done;
    worker.onerror = done;
  });
}
