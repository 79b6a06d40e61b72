import type { ClientDirective } from 'astro';

// `client:after-paint`: hydrate once the first contentful paint is on screen and the browser is idle.
// `client:idle` alone let requestIdleCallback fire before the first frame now and then, and even two
// animation frames were not enough: on a busy machine the frame reaches the screen later than the
// main thread finishes it. So the directive waits for the paint timing entry, which is reported once
// the paint was presented; browsers without paint timing wait two animation frames instead.
const IDLE_TIMEOUT_MS = 2000;

function afterFirstContentfulPaint(then: () => void): void {
  if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      then();
    });
    observer.observe({ type: 'paint', buffered: true });
    return;
  }
  requestAnimationFrame(() => requestAnimationFrame(then));
}

const afterPaint: ClientDirective = (load) => {
  const hydrate = async () => {
    await (await load())();
  };
  afterFirstContentfulPaint(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(hydrate, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(hydrate, 0);
  });
};

export default afterPaint;

declare global {
  namespace Astro {
    interface ClientDirectives {
      'client:after-paint'?: boolean;
    }
  }
}
