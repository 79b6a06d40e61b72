// The first step: the visitor's time zone, the month grid and, once a day is picked, its free times.
// When nothing fits it says so, names the next free time and offers email instead.
import type { RefObject } from 'react';
import { monthOf, type IsoWeekday } from '../../lib/booking/calendar-month.ts';
import { formatDay, formatTime, localDate } from '../../lib/booking/format.ts';
import { MonthGrid } from './MonthGrid.tsx';
import { TimeList } from './TimeList.tsx';
import { ZoneSelect } from './ZoneSelect.tsx';
import { monthLabel } from './labels.ts';
import type { Slot, SlotsState } from './useSlots.ts';

interface Props {
  locale: string;
  timeZone: string | null;
  zones: string[];
  onZone: (zone: string) => void;
  month: string | null;
  firstDay: IsoWeekday;
  today: string | null;
  minMonth: string | null;
  maxMonth: string | null;
  onMonth: (month: string) => void;
  slots: SlotsState;
  byDay: Map<string, Slot[]>;
  day: string | null;
  chosen: string | null;
  onDay: (day: string) => void;
  onChoose: (slot: Slot) => void;
  /** While the picked time is being held: the times wait. */
  holding: boolean;
  /** Set when the picked time was taken by someone else just before. */
  takenNotice: string | null;
  takenRef: RefObject<HTMLParagraphElement>;
  onRetry: () => void;
  mailto: string;
  contactEmail: string;
  timesHeadingRef: RefObject<HTMLHeadingElement>;
}

export function DateStep(p: Props) {
  const { slots, timeZone, locale } = p;
  const next = slots.status === 'ready' && slots.data.slots.length === 0 ? slots.data.next : undefined;
  const email = <a className="link" href={p.mailto}>{p.contactEmail}</a>;
  const daySlots = p.day && p.month && monthOf(p.day) === p.month ? p.byDay.get(p.day) : undefined;
  return (
    <div>
      <label htmlFor={timeZone ? 'bk-zone' : undefined} className="block text-sm font-semibold text-ink">Your time zone</label>
      {/* Until the visitor's zone is known (the server's HTML, the first render) a box of the same size
          stands in: with a form control in the first HTML, Chrome's autofill lays the whole page out at
          DOMContentLoaded, a second layout before the first paint. */}
      {timeZone ? (
        <ZoneSelect timeZone={timeZone} zones={p.zones} onZone={p.onZone} />
      ) : (
        <p className="mt-1 flex min-h-11 w-full items-center rounded-lg border border-slate-400 bg-white px-3 text-base text-muted">Finding your time zone…</p>
      )}

      <div className="mt-5">
        <MonthGrid month={p.month} firstDay={p.firstDay} locale={locale} today={p.today} counts={p.byDay} loading={slots.status !== 'ready'} selected={p.day} minMonth={p.minMonth} maxMonth={p.maxMonth} onMonth={p.onMonth} onSelect={p.onDay} />
      </div>

      <div className="mt-3 min-h-6 text-sm">
        {slots.status === 'loading' && <p className="text-muted">Loading free times…</p>}
        {slots.status === 'error' && (
          <p className="rounded-card border border-warn-800/40 bg-warn-50 p-3 text-warn-800">
            The free times could not be loaded.{' '}
            <button type="button" onClick={p.onRetry} className="font-semibold underline underline-offset-2">Try again</button>, or email {email}.
          </p>
        )}
        {next !== undefined && p.month && (
          <div className="rounded-card border border-line bg-surface p-4 text-base">
            <p className="font-semibold text-ink">No free times in {monthLabel(p.month, locale)}.</p>
            {next && timeZone ? (
              <>
                <p className="mt-1">The next free time is {formatDay(next.start, timeZone, locale)}, {formatTime(next.start, timeZone, locale)}.</p>
                <button type="button" className="btn-secondary mt-3" onClick={() => p.onDay(localDate(next.start, timeZone))}>Show that day</button>
              </>
            ) : (
              <p className="mt-1">No time is free online in the coming weeks. Email {email} with two or three times that suit you instead.</p>
            )}
          </div>
        )}
      </div>

      {/* A month with nothing free already says what to do above: no prompt to pick a day. */}
      <div className={next === undefined ? 'mt-5 border-t border-line pt-5' : 'hidden'}>
        {p.takenNotice && (
          <p ref={p.takenRef} tabIndex={-1} role="alert" className="mb-4 rounded-card border border-warn-800/40 bg-warn-50 p-3 font-semibold text-warn-800 outline-none">{p.takenNotice}</p>
        )}
        {p.day && daySlots && timeZone ? (
          <TimeList day={p.day} slots={daySlots} chosen={p.chosen} busy={p.holding} timeZone={timeZone} locale={locale} headingRef={p.timesHeadingRef} onChoose={p.onChoose} />
        ) : (
          <p className="text-muted">Pick a highlighted day to see its free times.</p>
        )}
      </div>
    </div>
  );
}
