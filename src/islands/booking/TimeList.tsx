// The time step: the free times of the picked day as buttons named as a person says them ("2:20 PM",
// or "14:20" where the locale's clock is 24-hour). The chosen one is pressed.
import { Fragment, type RefObject } from 'react';
import { formatTime } from '../../lib/booking/format.ts';
import { dayLabel, dayLabelPieces, timesFree } from './labels.ts';
import type { Slot } from './useSlots.ts';

/**
 * A free time as a button, here and among the alternatives offered when a time was taken. On a phone it
 * is 15 px with 4 px of padding: "10:00 AM" fits a third of a 390 px phone's card on one line (at 16 px it
 * wrapped in wide fonts, and the grid's rows went ragged). It may still wrap, at its space, rather than spill
 * out of its box: with a reader's wider letter and word spacing (WCAG 1.4.12) the labels ran over each other.
 * h-full keeps a row's buttons one height if one of them wraps.
 */
export const TIME_BUTTON = 'h-full min-h-11 w-full rounded-lg border border-accent-700/40 bg-white px-1 py-1 text-[0.9375rem] leading-tight font-semibold text-accent-800 sm:px-2 sm:text-base tabular-nums hover:border-accent-700 hover:bg-accent-50';

/**
 * The times' grid, inside an `@container`: three columns where the box is 18rem wide (the card on a 390 px
 * phone, 293 px), two in a narrower one (223 px on a 320 px phone held three 69 px buttons, and "10:00 AM", 80 px
 * in DejaVu Sans, spilled out of them). In rem, so a larger text size asks for the room it needs.
 */
export const TIME_GRID = 'grid grid-cols-2 gap-2 @[18rem]:grid-cols-3';

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
    <section aria-labelledby="bk-times-heading" className="@container">
      {/* Read as "Monday, December 7, 21 times free" (the heading and the section it names), never "December 721
          times free"; seen as two lines, the day and its count below. The comma on screen ended the first line of
          a phone's heading. The day breaks, if it must, only after the weekday: "Wednesday, December 30" is wider
          than a 320 px phone's card, and a phone once split "Tuesday, December / 8,". */}
      <h3 id="bk-times-heading" ref={headingRef} tabIndex={-1} aria-label={`${dayLabel(day, locale)}, ${timesFree(slots.length)}`} className="text-lg font-semibold text-ink outline-none">
        <span className="block">
          {dayLabelPieces(day, locale).map((piece, index) => (
            <Fragment key={index}>{index > 0 && ' '}<span className="whitespace-nowrap">{piece}</span></Fragment>
          ))}
        </span>
        <span className="block text-sm font-normal text-muted">{timesFree(slots.length)}</span>
      </h3>
      <ul className={`mt-3 ${TIME_GRID}`} aria-busy={busy} aria-label={`Free times on ${dayLabel(day, locale)}`}>
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
