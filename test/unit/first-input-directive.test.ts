import { afterEach, describe, expect, it, vi } from 'vitest';
import firstInput from '../../src/islands/first-input-directive.ts';

// A hand-driven window and IntersectionObserver: events and visibility happen only when a test says so.
function fakeBrowser() {
  const listeners = new Map<string, Set<() => void>>();
  const observers: { callback: (entries: { isIntersecting: boolean }[]) => void; observed: unknown[]; connected: boolean }[] = [];
  vi.stubGlobal('window', {
    addEventListener: (type: string, run: () => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(run)),
    removeEventListener: (type: string, run: () => void) => listeners.get(type)?.delete(run),
  });
  class FakeIntersectionObserver {
    readonly record: (typeof observers)[number];
    constructor(callback: (typeof observers)[number]['callback']) {
      this.record = { callback, observed: [], connected: true };
      observers.push(this.record);
    }
    observe(target: unknown) {
      this.record.observed.push(target);
    }
    disconnect() {
      this.record.connected = false;
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  const fire = (type: string) => [...(listeners.get(type) ?? [])].forEach((run) => run());
  const show = (isIntersecting: boolean) => observers.filter((o) => o.connected).forEach((o) => o.callback([{ isIntersecting }]));
  const listening = () => [...listeners.entries()].filter(([, runs]) => runs.size > 0).map(([type]) => type).sort();
  return { fire, show, listening, observers };
}

function island() {
  const hydrate = vi.fn(async () => {});
  const load = vi.fn(async () => hydrate);
  const children = [{ id: 'section' }];
  return { load, hydrate, element: { children } as unknown as HTMLElement, children };
}

const settle = () => new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(() => queueMicrotask(resolve))));

afterEach(() => vi.unstubAllGlobals());

describe('client:first-input', () => {
  it('loads nothing while the visitor does nothing and the island is off screen', async () => {
    const browser = fakeBrowser();
    const { load, element, children } = island();
    firstInput(load, { name: 'Island', value: '' }, element);
    expect(browser.listening()).toEqual(['keydown', 'pointerdown', 'touchstart', 'wheel']);
    expect(browser.observers[0]?.observed).toEqual(children);
    browser.show(false);
    await settle();
    expect(load).not.toHaveBeenCalled();
  });

  it('hydrates once at the first key press, and stops listening and observing', async () => {
    const browser = fakeBrowser();
    const { load, hydrate, element } = island();
    firstInput(load, { name: 'Island', value: '' }, element);
    browser.fire('keydown');
    await settle();
    expect(hydrate).toHaveBeenCalledTimes(1);
    expect(browser.listening()).toEqual([]);
    expect(browser.observers[0]?.connected).toBe(false);
    browser.fire('keydown');
    browser.show(true);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('hydrates when the island comes into view, with no input at all', async () => {
    const browser = fakeBrowser();
    const { load, hydrate, element } = island();
    firstInput(load, { name: 'Island', value: '' }, element);
    browser.show(true);
    await settle();
    expect(hydrate).toHaveBeenCalledTimes(1);
    expect(browser.listening()).toEqual([]);
  });

  it.each(['pointerdown', 'wheel', 'touchstart'])('hydrates at the first %s too', async (type) => {
    const browser = fakeBrowser();
    const { load, element } = island();
    firstInput(load, { name: 'Island', value: '' }, element);
    browser.fire(type);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
