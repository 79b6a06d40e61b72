// The answer when the chosen time went meanwhile (409 slot_taken): the next free times, grouped by
// day, to pick instead. Everything typed stays; picking one only changes the time.
import type { RefObject } from 'react';
import { formatTime, localDate } from '../../lib/booking/format.ts';
import { dayLabel } from './labels.ts';
import { TIME_BUTTON, TIME_GRID } from './TimeList.tsx';
import type { Slot } from './useSlots.ts';

interface Props {
  focusRef: RefObject<HTMLDivElement>;
  message: string;
  alternatives: Slot[];
  timeZone: string;
  locale: string;
  contactEmail: string;
  onPick: (slot: Slot) => void;
}

/** Times grouped by the visitor's local date, in order. */
function byDay(slots: Slot[], timeZone: string): [string, Slot[]][] {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = localDate(slot.start, timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return [...days];
}

export function Alternatives({ focusRef, message, alternatives, timeZone, locale, contactEmail, onPick }: Props) {
  return (
    <div ref={focusRef} tabIndex={-1} role="alert" className="rounded-card border border-warn-800/40 bg-warn-50 p-4 text-warn-800 outline-none">
      <p className="font-semibold">{message}</p>
      {alternatives.length > 0 ? (
        <>
          <p className="mt-1 text-sm">These are free. Your details stay as they are.</p>
          {byDay(alternatives, timeZone).map(([day, slots]) => (
            <div key={day} role="group" aria-labelledby={`bk-alt-${day}`} className="mt-3 @container">
              <p id={`bk-alt-${day}`} className="text-sm font-semibold">{dayLabel(day, locale)}</p>
              <ul className={`mt-2 ${TIME_GRID}`}>
                {slots.map((slot) => {
                  const time = formatTime(slot.start, timeZone, locale);
                  return (
                    <li key={slot.start}>
                      <button type="button" onClick={() => onPick(slot)} aria-label={`${dayLabel(day, locale)}, ${time}`} className={TIME_BUTTON}>
                        {time}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </>
      ) : (
        <p className="mt-1 text-sm">No other time is free online right now. Email {contactEmail} with two or three times that suit you instead.</p>
      )}
    </div>
  );
}
