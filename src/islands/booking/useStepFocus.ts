// Each new step (and the times of a picked day) takes focus once it is on the page: a request is kept
// until the heading it names has rendered, which for the times can be a render or two later.
import { useEffect, useRef } from 'react';

export type FocusTarget = 'times' | 'details' | 'booked';

export function useStepFocus() {
  const pending = useRef<FocusTarget | null>(null);
  const refs = {
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
    // viewport (measured at -186 px), so it is brought to the top at once (scroll-padding clears the header).
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start', behavior: 'instant' });
  });

  return { refs, request: (target: FocusTarget) => (pending.current = target) };
}
