// The calendar as the visitor sees it: their locale, week start, time zone, today and the month shown.
// Unknown on the server (which renders an empty grid of the same size), read once after hydration, when a
// worker has loaded the browser's date data.
import { startTransition, useEffect, useState } from 'react';
import { monthOf, type IsoWeekday } from '../../lib/booking/calendar-month.ts';
import { localDate } from '../../lib/booking/format.ts';
import { detectLocaleAndZone } from './context.ts';
import { firstDayOfWeek } from './labels.ts';
import { warmDateData } from './warm-date-data.ts';

const todayIn = (zone: string) => localDate(new Date().toISOString(), zone);

// Started as the island's code loads, so the worker works while React hydrates; never on the server.
const dateDataWarm = import.meta.env.SSR ? Promise.resolve() : warmDateData();

export function useVisitorCalendar() {
  const [locale, setLocale] = useState('en-US');
  const [firstDay, setFirstDay] = useState<IsoWeekday>(7);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void dateDataWarm.then(() => {
      if (!current) return;
      const { locale: preferred, timeZone: zone } = detectLocaleAndZone();
      const localToday = todayIn(zone);
      // A transition: React renders the month grid and the zone list in slices, so a phone's main
      // thread stays free for taps instead of one long task.
      startTransition(() => {
        setLocale(preferred);
        setFirstDay(firstDayOfWeek(preferred));
        setTimeZone(zone);
        setToday(localToday);
        setMonth(monthOf(localToday));
      });
    });
    return () => {
      current = false;
    };
  }, []);

  /** Shows the calendar in `zone`; a month now before that zone's today moves up to it. */
  function changeZone(zone: string) {
    const localToday = todayIn(zone);
    setTimeZone(zone);
    setToday(localToday);
    setMonth((shown) => (shown && shown < monthOf(localToday) ? monthOf(localToday) : shown));
  }

  return { locale, firstDay, timeZone, today, month, setMonth, changeZone };
}
