import { afterEach, describe, expect, it, vi } from 'vitest';
import afterPaint from '../../src/islands/after-paint-directive.ts';

// A hand-stepped browser: paint entries, animation frames and idle callbacks run only when a test says so.
function fakeBrowser({ paintTiming = true, idleCallback = true } = {}) {
  const observers: { callback: (list: { getEntriesByName(name: string): unknown[] }) => void; connected: boolean; options?: unknown }[] = [];
  const frames: (() => void)[] = [];
  const idle: { run: () => void; options: unknown }[] = [];
  const timeouts: (() => void)[] = [];
  class FakePerformanceObserver {
    static supportedEntryTypes = paintTiming ? ['paint', 'resource'] : ['resource'];
    readonly record: (typeof observers)[number];
    constructor(callback: (typeof observers)[number]['callback']) {
      this.record = { callback, connected: false };
      observers.push(this.record);
    }
    observe(options: unknown) {
      this.record.connected = true;
      this.record.options = options;
    }
    disconnect() {
      this.record.connected = false;
    }
  }
  vi.stubGlobal('PerformanceObserver', FakePerformanceObserver);
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  vi.stubGlobal('requestIdleCallback', idleCallback ? (run: () => void, options: unknown) => idle.push({ run, options }) : undefined);
  vi.stubGlobal('setTimeout', (run: () => void) => timeouts.push(run));
  const paint = (...names: string[]) => {
    for (const o of observers.filter((x) => x.connected)) o.callback({ getEntriesByName: (name) => names.filter((n) => n === name) });
  };
  const nextFrame = () => frames.splice(0).forEach((run) => run());
  return { observers, frames, idle, timeouts, paint, nextFrame };
}

function island() {
  const hydrate = vi.fn(async () => {});
  const load = vi.fn(async () => hydrate);
  return { load, hydrate, element: {} as HTMLElement };
}

const settle = () => new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(() => queueMicrotask(resolve))));

afterEach(() => vi.unstubAllGlobals());

describe('client:after-paint', () => {
  it('loads nothing until the first contentful paint is reported, then waits for an idle moment', async () => {
    const browser = fakeBrowser();
    const { load, hydrate, element } = island();
    afterPaint(load, { name: 'Island', value: '' }, element);

    expect(browser.observers[0]?.options).toEqual({ type: 'paint', buffered: true });
    browser.paint('first-paint'); // a background colour is not the content yet
    browser.nextFrame();
    expect(browser.idle).toHaveLength(0);
    expect(load).not.toHaveBeenCalled();

    browser.paint('first-paint', 'first-contentful-paint');
    expect(browser.observers[0]?.connected).toBe(false);
    expect(browser.idle).toHaveLength(1);
    expect(browser.idle[0]?.options).toEqual({ timeout: 2000 });
    expect(load).not.toHaveBeenCalled();

    browser.idle[0]!.run();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(hydrate).toHaveBeenCalledTimes(1);
  });

  it('without paint timing, waits two animation frames: the first only runs before a frame is drawn', async () => {
    const browser = fakeBrowser({ paintTiming: false });
    const { load, element } = island();
    afterPaint(load, { name: 'Island', value: '' }, element);

    expect(browser.observers).toHaveLength(0);
    browser.nextFrame();
    expect(browser.idle).toHaveLength(0);
    browser.nextFrame();
    expect(browser.idle).toHaveLength(1);
    browser.idle[0]!.run();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('without requestIdleCallback (Safari), hydrates in the next task after the paint', async () => {
    const browser = fakeBrowser({ idleCallback: false });
    const { load, element } = island();
    afterPaint(load, { name: 'Island', value: '' }, element);

    browser.paint('first-contentful-paint');
    expect(load).not.toHaveBeenCalled();
    expect(browser.timeouts).toHaveLength(1);
    browser.timeouts[0]!();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
