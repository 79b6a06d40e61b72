import { describe, expect, it } from 'vitest';
import { PAINT_REPORT_FALLBACK_MS, externalizeIslandRuntime, runtimeLoader } from '../../scripts/_lib/island-runtime-file.ts';

// The shapes Astro writes inline (abridged): a directive registers itself on self.Astro, the runtime defines the element.
const directive = '(()=>{var e=async t=>{await(await t())()};(self.Astro||(self.Astro={})).load=e;window.dispatchEvent(new Event("astro:load"));})();';
const runtime = '(()=>{class f extends HTMLElement{};customElements.get("astro-island")||customElements.define("astro-island",f)})();';
const jsonLd = '<script type="application/ld+json">{"@type":"WebPage"}</script>';
const own = '<script>document.documentElement.dataset.own="1"</script>';
const page = (scripts: string) => `<html><head>${jsonLd}</head><body><p>Text</p>${scripts}<astro-island ssr>x</astro-island>${own}</body></html>`;

describe('externalizeIslandRuntime', () => {
  it("moves Astro's inline island scripts, in order, into one file, and puts its loader where the first stood", () => {
    const { html, file } = externalizeIslandRuntime(page(`<script>${directive}</script><script>${runtime}</script>`));
    expect(file!.path).toMatch(/^\/_astro\/island-runtime\.[0-9a-f]{8}\.js$/);
    expect(file!.code).toBe(`${directive}\n${runtime}\n`);
    expect(html).toBe(page(`<script>${runtimeLoader(file!.path)}</script>`));
  });

  it('leaves other inline scripts and JSON-LD where they are', () => {
    const { html } = externalizeIslandRuntime(page(`<script>${runtime}</script>`));
    expect(html).toContain(own);
    expect(html).toContain(jsonLd);
    expect(html).not.toContain('customElements');
  });

  it('names the file by its content: the same scripts share a file, other directives get their own', () => {
    const a = externalizeIslandRuntime(page(`<script>${directive}</script><script>${runtime}</script>`)).file!;
    const b = externalizeIslandRuntime(`<body><script>${directive}</script><script>${runtime}</script></body>`).file!;
    const c = externalizeIslandRuntime(page(`<script>${directive.replaceAll('load', 'visible')}</script><script>${runtime}</script>`)).file!;
    expect(b.path).toBe(a.path);
    expect(c.path).not.toBe(a.path);
  });

  it('returns a page without islands unchanged, with no file', () => {
    const html = page('');
    expect(externalizeIslandRuntime(html)).toEqual({ html, file: null });
  });
});

describe('runtimeLoader', () => {
  // Runs the loader's text as a browser would, with a stand-in document, PerformanceObserver and timer.
  function runLoader(paintTiming: boolean) {
    const added: { src: string }[] = [];
    const observers: { callback: (list: { getEntriesByName: (name: string) => unknown[] }) => void; options?: unknown; disconnected: boolean }[] = [];
    const timers: { fn: () => void; ms: number }[] = [];
    class FakeObserver {
      static supportedEntryTypes = paintTiming ? ['paint', 'resource'] : ['resource'];
      record: (typeof observers)[number];
      constructor(callback: (typeof observers)[number]['callback']) {
        this.record = { callback, disconnected: false };
        observers.push(this.record);
      }
      observe(options: unknown) { this.record.options = options; }
      disconnect() { this.record.disconnected = true; }
    }
    const document = { head: { append: (el: { src: string }) => added.push(el) }, createElement: () => ({ src: '' }) };
    const setTimeout = (fn: () => void, ms: number) => timers.push({ fn, ms });
    new Function('document', 'PerformanceObserver', 'setTimeout', runtimeLoader('/_astro/island-runtime.abc.js'))(document, FakeObserver, setTimeout);
    const report = (...names: string[]) => observers.forEach((o) => o.callback({ getEntriesByName: (name) => names.filter((n) => n === name) }));
    return { added, observers, timers, report };
  }
  const runtime = { src: '/_astro/island-runtime.abc.js' };

  it('adds the runtime only once the first contentful paint is reported, a paint before it included, and stops observing', () => {
    const { added, observers, report } = runLoader(true);
    // The loader runs mid-body: a paint already made must still be reported to it.
    expect(observers[0]!.options).toEqual({ type: 'paint', buffered: true });
    expect(added).toEqual([]);
    report('first-paint');
    expect(added).toEqual([]);
    report('first-contentful-paint');
    expect(added).toEqual([runtime]);
    expect(observers[0]!.disconnected).toBe(true);
  });

  it('adds it after the fallback delay if no paint is ever reported, and never twice', () => {
    const { added, timers, report } = runLoader(true);
    expect(timers.map((t) => t.ms)).toEqual([PAINT_REPORT_FALLBACK_MS]);
    timers[0]!.fn();
    expect(added).toEqual([runtime]);
    report('first-contentful-paint');
    expect(added).toEqual([runtime]);
  });

  it('adds it once when the paint comes first and the fallback fires later', () => {
    const { added, timers, report } = runLoader(true);
    report('first-contentful-paint');
    timers[0]!.fn();
    expect(added).toEqual([runtime]);
  });

  it('adds it at once in a browser without paint timing', () => {
    const { added, observers, timers } = runLoader(false);
    expect(added).toEqual([runtime]);
    expect(observers).toEqual([]);
    expect(timers).toEqual([]);
  });
});
