// The time step: the free times of the picked day as buttons named as a person says them ("2:20 PM",
// or "14:20" where the locale's clock is 24-hour). The chosen one is pressed.
import type { RefObject } from 'react';
import { formatTime } from '../../lib/booking/format.ts';
import { dayLabel, timesFree } from './labels.ts';
import type { Slot } from './useSlots.ts';

/**
 * A free time as a button, here and among the alternatives offered when a time was taken. On a phone it
 * is 15 px with 4 px of padding: "10:00 AM" fits a third of the card on one line (at 16 px it wrapped in
 * wide fonts, and the grid's rows went ragged).
 */
export const TIME_BUTTON = 'min-h-11 w-full rounded-lg border border-accent-700/40 bg-white px-1 text-[0.9375rem] font-semibold whitespace-nowrap text-accent-800 sm:px-2 sm:text-base tabular-nums hover:border-accent-700 hover:bg-accent-50';

interface Props {
  day: string;
  slots: Slot[];
  chosen: string | null;
  /** A time is being held: a second press waits. */
  busy: boolean;
  timeZone: string;
  locale: string;
  headingRef: RefObject<HTMLHeadingElement>;
  onChoose: (slot: Slot) => void;
}

export function TimeList({ day, slots, chosen, busy, timeZone, locale, headingRef, onChoose }: Props) {
  return (
    <section aria-labelledby="bk-times-heading">
      {/* Read as "Monday, December 7, 21 times free" (the heading and the section it names), never "December 721
          times free"; seen as two lines, the day (never broken: a phone split it as "Tuesday, December / 8,") and
          its count below. The comma on screen ended the first line of a phone's heading. */}
      <h3 id="bk-times-heading" ref={headingRef} tabIndex={-1} aria-label={`${dayLabel(day, locale)}, ${timesFree(slots.length)}`} className="text-lg font-semibold text-ink outline-none">
        <span className="block whitespace-nowrap">{dayLabel(day, locale)}</span>
        <span className="block text-sm font-normal text-muted">{timesFree(slots.length)}</span>
      </h3>
      <ul className="mt-3 grid grid-cols-3 gap-2" aria-busy={busy} aria-label={`Free times on ${dayLabel(day, locale)}`}>
        {slots.map((slot) => (
          <li key={slot.start}>
            <button
              type="button"
              data-start={slot.start}
              aria-pressed={slot.start === chosen}
              onClick={() => !busy && onChoose(slot)}
              className={`${TIME_BUTTON} aria-pressed:border-accent-700 aria-pressed:bg-accent-700 aria-pressed:text-white`}
            >
              {formatTime(slot.start, timeZone, locale)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
