// The visitor's time zone. In Chrome and Edge on Windows and Linux, and in Firefox, an arrow key or a
// letter on a closed select changes its value at once: arrowing through 420 zones would reload the month,
// announce it and drop the picked day at every step. A change made by a key on the select is shown at once
// and applied once the visitor stops for a moment, leaves the select or presses Enter. A zone picked from
// the open list (a mouse, a touch, a phone's picker) applies at once.
import { useEffect, useRef, useState } from 'react';
import { zoneLabel } from './labels.ts';

/** How long the visitor must stop on a zone before it applies: longer than a key repeat, shorter than reading. */
export const ZONE_SETTLE_MS = 600;

interface Props {
  timeZone: string;
  zones: string[];
  onZone: (zone: string) => void;
}

export function ZoneSelect({ timeZone, zones, onZone }: Props) {
  // The zone reached but not yet applied; null shows the island's own (no effect copies it in, so
  // mounting costs the island no extra render while the page loads).
  const [pending, setPending] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  // True from a key press on the select to the end of its task: a change fired in that task came from
  // the key (the browser fires it as the key's default action), not from the list.
  const keyed = useRef(false);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const shown = pending ?? timeZone;

  const commit = (zone: string) => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    setPending(null);
    if (zone !== timeZone) onZone(zone);
  };

  return (
    <select
      id="bk-zone"
      name="timeZone"
      value={shown}
      onChange={(event) => {
        const zone = event.target.value;
        if (!keyed.current) return commit(zone);
        setPending(zone);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => commit(zone), ZONE_SETTLE_MS);
      }}
      onBlur={() => timer.current !== undefined && commit(shown)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') return commit(shown);
        keyed.current = true;
        window.setTimeout(() => { keyed.current = false; }, 0);
      }}
      className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 text-base text-ink"
    >
      {zones.map((zone) => <option key={zone} value={zone}>{zoneLabel(zone)}</option>)}
    </select>
  );
}
