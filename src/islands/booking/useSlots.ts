// The free times of one month in the visitor's zone, from GET /api/slots. Months already fetched are
// kept (per zone and hold) so paging back and forth costs nothing; `reload` forgets them after a slot is taken.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { firstOfMonth, lastOfMonth } from '../../lib/booking/calendar-month.ts';
import { localDate } from '../../lib/booking/format.ts';
import type { SlotsResponse } from '../../lib/booking/request.ts';

export interface Slot {
  start: string;
  end: string;
}

export interface MonthSlots {
  /** The operator's zone, to show each time in it too. */
  operatorZone: string;
  /** Days ahead that can be booked, as the server is set (absent from an answer cached before it said so). */
  horizonDays?: number;
  slots: Slot[];
  /** Only when the month has no free time: the first free time from now, or null when none is left. */
  next: Slot | null;
}

export type SlotsState =
  | { status: 'idle' | 'loading' | 'error'; key: string; data?: undefined }
  | { status: 'ready'; key: string; data: MonthSlots };

async function fetchMonth(path: string, month: string, timeZone: string, hold: string | null, fresh: boolean, signal: AbortSignal): Promise<MonthSlots> {
  // The visitor's own hold is free to them (the API shows it only to whoever names it).
  const query = new URLSearchParams({ from: firstOfMonth(month), to: lastOfMonth(month), tz: timeZone, ...(hold ? { hold } : {}) });
  // After a reload the browser's copy (cacheable for seconds) may still list the time just taken.
  const response = await fetch(`${path}?${query}`, { signal, cache: fresh ? 'no-cache' : 'default', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`slots answered ${response.status}`);
  const body = (await response.json()) as SlotsResponse & { next?: Slot | null };
  return { operatorZone: body.timeZone, horizonDays: body.horizonDays, slots: body.slots, next: body.next ?? null };
}

export function useMonthSlots(path: string, timeZone: string | null, month: string | null, hold: string | null) {
  const cache = useRef(new Map<string, MonthSlots>());
  const [state, setState] = useState<SlotsState>({ status: 'idle', key: '' });
  /** The operator's zone from the last answer: the confirmation shows the call in it after a reload has emptied the month. */
  const [operatorZone, setOperatorZone] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  /** The zone, month and hold last asked for: the same again is a reload. */
  const fetchedKey = useRef('');

  useEffect(() => {
    if (!timeZone || !month) return;
    const key = `${timeZone} ${month} ${hold}`;
    const reloading = fetchedKey.current === key;
    fetchedKey.current = key;
    const cached = cache.current.get(key);
    if (cached) {
      setState({ status: 'ready', key, data: cached });
      return;
    }
    const controller = new AbortController();
    // A new zone or month reads as loading by itself (`current` below); only a reload of the same one needs
    // the flag. Setting nothing otherwise spares a render of the whole island in one task.
    if (reloading) setState({ status: 'loading', key });
    fetchMonth(path, month, timeZone, hold, generation > 0, controller.signal).then(
      (data) => {
        cache.current.set(key, data);
        // Rendered in slices (see useVisitorCalendar): a month of times arrives while the visitor may be typing or tapping.
        startTransition(() => {
          setState({ status: 'ready', key, data });
          setOperatorZone(data.operatorZone);
        });
      },
      () => {
        if (!controller.signal.aborted) setState({ status: 'error', key });
      },
    );
    return () => controller.abort();
  }, [path, timeZone, month, hold, generation]);

  const reload = useCallback(() => {
    cache.current.clear();
    setGeneration((n) => n + 1);
  }, []);

  // Until the effect above has run for a new zone or month, the last answer is for another one.
  const current: SlotsState = state.key === `${timeZone} ${month} ${hold}` ? state : { status: timeZone && month ? 'loading' : 'idle', key: '' };

  // Free times grouped by the visitor's local date, in time order.
  const byDay = useMemo(() => {
    const days = new Map<string, Slot[]>();
    if (current.status !== 'ready' || !timeZone) return days;
    for (const slot of current.data.slots) {
      const day = localDate(slot.start, timeZone);
      days.set(day, [...(days.get(day) ?? []), slot]);
    }
    return days;
  }, [current.status, current.data, timeZone]);

  return { state: current, byDay, reload, operatorZone };
}
