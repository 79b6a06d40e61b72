// Each new step (and the times of a picked day) takes focus once it is on the page: a request is kept
// until the heading it names has rendered, which for the times can be a render or two later.
import { useEffect, useRef } from 'react';

export type FocusTarget = 'times' | 'details' | 'booked';

export function useStepFocus() {
  const pending = useRef<FocusTarget | null>(null);
  const refs = {
    /** The booking card: a new step is scrolled to its top, so the "Step 2 of 2" line above the heading shows too. */
    card: useRef<HTMLElement>(null),
    times: useRef<HTMLHeadingElement>(null),
    details: useRef<HTMLHeadingElement>(null),
    booked: useRef<HTMLHeadingElement>(null),
  };

  useEffect(() => {
    const next = pending.current;
    const target = next && refs[next].current;
    if (!target) return;
    pending.current = null;
    if (next === 'times') return target.focus();
    // A new step replaces the tall date step: a plain focus() could leave its heading above a phone's
    // viewport (measured at -186 px), so the card's top is brought up at once. The page's
    // scroll-padding-top (global.css) keeps it below the sticky header; scrolling to the heading
    // instead left the step line above it under the header (measured at 56 px, the header ends at 65).
    target.focus({ preventScroll: true });
    (refs.card.current ?? target).scrollIntoView({ block: 'start', behavior: 'instant' });
  });

  return { refs, request: (target: FocusTarget) => (pending.current = target) };
}
