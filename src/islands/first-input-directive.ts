import type { ClientDirective } from 'astro';

// `client:first-input`: hydrate at the visitor's first key press, pointer press, wheel or touch, or when
// the island comes into view, whichever is first. For an island far down a page: `client:visible` left
// it inert while Tab scrolled past it (focus skips inert content, and hydration waits for the island to
// be on screen), so a keyboard alone never reached it; the first key now starts it, thirty-odd Tab
// presses before the island. A page nobody touches loads nothing, as with `client:visible`.
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

const firstInput: ClientDirective = (load, _options, el) => {
  let started = false;
  const listening = { capture: true, passive: true } as const;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) void start();
  });
  async function start() {
    if (started) return;
    started = true;
    observer.disconnect();
    for (const type of INPUT_EVENTS) window.removeEventListener(type, start, listening);
    await (await load())();
  }
  for (const type of INPUT_EVENTS) window.addEventListener(type, start, listening);
  // astro-island is display: contents, so it has no box of its own to observe.
  for (const child of el.children) observer.observe(child);
};

export default firstInput;

declare global {
  namespace Astro {
    interface ClientDirectives {
      'client:first-input'?: boolean;
    }
  }
}
