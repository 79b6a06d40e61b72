import { describe, expect, it } from 'vitest';
import { externalizeIslandRuntime, runtimeLoader } from '../../scripts/_lib/island-runtime-file.ts';

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
  // Runs the loader's text as a browser would, with a stand-in document and PerformanceObserver.
  function runLoader(paintTiming: boolean) {
    const added: { src: string }[] = [];
    const observers: { callback: (list: { getEntriesByName: (name: string) => unknown[] }) => void; disconnected: boolean }[] = [];
    class FakeObserver {
      static supportedEntryTypes = paintTiming ? ['paint', 'resource'] : ['resource'];
      record = { callback: (() => {}) as (list: { getEntriesByName: (name: string) => unknown[] }) => void, disconnected: false };
      constructor(callback: (list: { getEntriesByName: (name: string) => unknown[] }) => void) {
        this.record.callback = callback;
        observers.push(this.record);
      }
      observe() {}
      disconnect() { this.record.disconnected = true; }
    }
    const document = { head: { append: (el: { src: string }) => added.push(el) }, createElement: () => ({ src: '' }) };
    new Function('document', 'PerformanceObserver', runtimeLoader('/_astro/island-runtime.abc.js'))(document, FakeObserver);
    const report = (...names: string[]) => observers.forEach((o) => o.callback({ getEntriesByName: (name) => names.filter((n) => n === name) }));
    return { added, observers, report };
  }

  it('adds the runtime only once the first contentful paint is reported, and stops observing', () => {
    const { added, observers, report } = runLoader(true);
    expect(added).toEqual([]);
    report('first-paint');
    expect(added).toEqual([]);
    report('first-contentful-paint');
    expect(added).toEqual([{ src: '/_astro/island-runtime.abc.js' }]);
    expect(observers[0]!.disconnected).toBe(true);
  });

  it('adds it at once in a browser without paint timing', () => {
    const { added, observers } = runLoader(false);
    expect(added).toEqual([{ src: '/_astro/island-runtime.abc.js' }]);
    expect(observers).toEqual([]);
  });
});
