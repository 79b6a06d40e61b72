// The date step: a month as a WAI-ARIA grid (APG date picker pattern). One day is in the tab order
// (roving tabindex); arrow keys move by day and week, Home and End to the week's ends, Page Up and
// Page Down by month; Enter or Space picks a day with free times. Every day has a full name
// ("Tuesday, March 10, 4 times free"), and the grid always has six rows, so it never changes height.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, addMonths, monthOf, monthWeeks, sameDayIn, startOfWeek, weekdayOrder, type IsoWeekday } from '../../lib/booking/calendar-month.ts';
import { dayLabel, englishWeekdayNames, monthLabel, timesFree, weekdayNames } from './labels.ts';

interface Props {
  /** null until the visitor's zone is known (the server render): an empty grid of the same size. */
  month: string | null;
  firstDay: IsoWeekday;
  locale: string;
  today: string | null;
  /** Free times per local date of the month; empty while loading. */
  counts: Map<string, unknown[]>;
  loading: boolean;
  selected: string | null;
  minMonth: string | null;
  maxMonth: string | null;
  onMonth: (month: string) => void;
  onSelect: (day: string) => void;
}

// Classes chosen here, not with aria-disabled: variants: the per-page CSS prune keeps state-attribute
// rules only for the attributes it lists (scripts/_lib/prune-page-css.ts).
const navClass = (enabled: boolean) => `grid size-11 place-items-center rounded-lg ${enabled ? 'text-ink hover:bg-surface' : 'cursor-default text-slate-400'}`;
const EMPTY_WEEKS: null[][] = Array.from({ length: 6 }, () => Array.from({ length: 7 }, () => null));

function Chevron({ flip = false }: { flip?: boolean }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={`size-5 ${flip ? 'rotate-180' : ''}`}>
      <path d="M12.5 4.5 7 10l5.5 5.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function MonthGrid({ month, firstDay, locale, today, counts, loading, selected, minMonth, maxMonth, onMonth, onSelect }: Props) {
  const [focusDay, setFocusDay] = useState<string | null>(null);
  const moveFocus = useRef(false);
  const table = useRef<HTMLTableElement>(null);
  const weeks = month ? monthWeeks(month, firstDay) : EMPTY_WEEKS;
  const days = weeks.flat().filter((d): d is string => d !== null);
  const canPrev = Boolean(month && minMonth && month > minMonth);
  const canNext = Boolean(month && maxMonth && month < maxMonth);

  // The day in the tab order: the one last moved to, else the picked day, the first free day, today, the 1st.
  const free = (day: string) => (counts.get(day)?.length ?? 0) > 0;
  const roving = [focusDay, selected].find((d) => d && month && monthOf(d) === month) ?? days.find(free) ?? (today && days.includes(today) ? today : days[0]);

  useEffect(() => {
    if (!moveFocus.current || !roving) return;
    moveFocus.current = false;
    table.current?.querySelector<HTMLButtonElement>(`[data-date="${roving}"]`)?.focus();
  }, [roving, month]);

  function go(target: string) {
    if (!month) return;
    const targetMonth = monthOf(target);
    if ((minMonth && targetMonth < minMonth) || (maxMonth && targetMonth > maxMonth)) return;
    moveFocus.current = true;
    setFocusDay(target);
    if (targetMonth !== month) onMonth(targetMonth);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const day = (event.target as HTMLElement).dataset.date;
    if (!day) return;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      Home: () => startOfWeek(day, firstDay),
      End: () => addDays(startOfWeek(day, firstDay), 6),
      PageUp: () => sameDayIn(day, addMonths(monthOf(day), -1)),
      PageDown: () => sameDayIn(day, addMonths(monthOf(day), 1)),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      go(move());
    }
  }

  const heading = month ? monthLabel(month, locale) : 'Loading dates';
  return (
    <div>
      {/* The month's name starts at the same place whatever it says, so hydrating moves no text. */}
      <div className="flex items-center gap-2">
        {/* Not a live region: the island's announcement names the month with what it holds, once it has loaded. */}
        <h3 id="bk-month" className="flex-1 text-lg font-semibold text-ink">{heading}</h3>
        <button type="button" className={navClass(canPrev)} aria-label="Previous month" aria-disabled={!canPrev} onClick={() => canPrev && month && onMonth(addMonths(month, -1))}>
          <Chevron />
        </button>
        <button type="button" className={navClass(canNext)} aria-label="Next month" aria-disabled={!canNext} onClick={() => canNext && month && onMonth(addMonths(month, 1))}>
          <Chevron flip />
        </button>
      </div>
      <table ref={table} role="grid" aria-labelledby="bk-month" aria-busy={loading || !month} onKeyDown={onKeyDown} className="mt-2 w-full table-fixed border-separate border-spacing-1 text-center">
        <thead>
          <tr>
            {/* Keyed by column, not weekday: a locale whose week starts on Monday relabels the cells, it does not move them. */}
            {weekdayOrder(firstDay).map((weekday, column) => {
              // No month yet: the visitor's calendar is still being read, and the server's English headings stay.
              const name = month ? weekdayNames(weekday, locale) : englishWeekdayNames(weekday);
              // Below 360 px (a small phone, or 400 % zoom) "WedThu" ran together: one letter each there.
              return (
                <th key={column} scope="col" abbr={name.long} className="pb-1 text-xs font-semibold text-muted">
                  <span className="max-[360px]:hidden">{name.short}</span>
                  <span className="min-[360px]:hidden">{name.narrow}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, row) => (
            <tr key={row}>
              {week.map((day, column) => {
                if (!day) return <td key={column} className="h-11" />;
                const count = counts.get(day)?.length ?? 0;
                const picked = day === selected;
                const look = picked ? 'bg-accent-700 font-semibold text-white' : count > 0 ? 'bg-accent-50 font-semibold text-accent-800 hover:bg-accent-100' : 'cursor-default text-slate-500';
                return (
                  <td key={column} aria-selected={picked} className="h-11 p-0">
                    <button
                      type="button"
                      data-date={day}
                      tabIndex={day === roving ? 0 : -1}
                      aria-label={`${dayLabel(day, locale)}, ${loading ? 'loading' : timesFree(count)}`}
                      aria-disabled={count === 0 || undefined}
                      aria-current={day === today ? 'date' : undefined}
                      // The cell's aria-selected is the grid's; focus is on this button, so it says it too.
                      aria-pressed={picked}
                      onClick={() => {
                        setFocusDay(day);
                        if (count > 0) onSelect(day);
                      }}
                      className={`relative flex h-11 w-full flex-col items-center justify-center rounded-lg text-base tabular-nums ${look} ${day === today ? 'underline decoration-2 underline-offset-4' : ''}`}
                    >
                      {Number(day.slice(8))}
                      {count > 0 && <span aria-hidden="true" className={`absolute bottom-1.5 size-1 rounded-full ${picked ? 'bg-white' : 'bg-accent-700'}`} />}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
