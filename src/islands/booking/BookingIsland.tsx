// The booking page's island (client:after-paint: hydrated once the page has painted): date, then time, then details, then the confirmation.
// The server renders the first step empty but full-size (no zone, no month yet), so hydration moves
// nothing; after it the visitor's zone, locale, today and what they told the site before are read.
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { addDays, monthOf } from '../../lib/booking/calendar-month.ts';
import { formatCall, formatTime, localDate } from '../../lib/booking/format.ts';
import type { BookingCreated } from '../../lib/booking/request.ts';
import { PICK_A_TIME_ID } from './anchor.ts';
import { Confirmation } from './Confirmation.tsx';
import { DateStep } from './DateStep.tsx';
import { DetailsStep } from './DetailsStep.tsx';
import { EMPTY_DETAILS, type Details } from './DetailsForm.tsx';
import { forgetDetails, saveDetails, savedDetails } from './saved-details.ts';
import { readVisitorContext, type VisitorContext } from './context.ts';
import { monthLabel, timeZoneOptions, zoneLabel } from './labels.ts';
import { useSlotHold } from './useSlotHold.ts';
import { useMonthSlots, type Slot } from './useSlots.ts';
import { useStepFocus } from './useStepFocus.ts';
import { useVisitorCalendar } from './useVisitorCalendar.ts';

interface Props {
  slotsPath: string;
  holdPath: string;
  bookingsPath: string;
  privacyPath: string;
  calculatorPath: string;
  contactEmail: string;
  /** How far ahead times are offered by default: the month grid pages no further (the API's answer overrides it). */
  horizonDays: number;
}

type Step = 'date' | 'details' | 'done';

export default function BookingIsland({ slotsPath, holdPath, bookingsPath, privacyPath, calculatorPath, contactEmail, horizonDays }: Props) {
  const calendar = useVisitorCalendar();
  const { locale, firstDay, timeZone, today, month, setMonth } = calendar;
  const [day, setDay] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [step, setStep] = useState<Step>('date');
  const [details, setDetails] = useState<Details>(EMPTY_DETAILS);
  const [visitor, setVisitor] = useState<VisitorContext | null>(null);
  const [include, setInclude] = useState(true);
  const [booked, setBooked] = useState<{ created: BookingCreated; email: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The minimum fill time counts from hydration, when the form first could be used: counted from the
  // first touch, a returning visitor with saved details could pick a time and book inside 1.5 s and get
  // the bots' decoy answer, with nothing booked.
  const [startedAt] = useState(() => performance.now());
  const focus = useStepFocus();
  // Set when the visitor moves to another month or zone: the live region then says what the month
  // holds once it has loaded, after this lead ("" for a month, "Times now shown in …. " for a zone).
  const announceMonth = useRef<string | null>(null);
  const searched = useRef(false);
  const slotHold = useSlotHold(holdPath);
  const { hold } = slotHold;
  const { state: slots, byDay, reload, operatorZone } = useMonthSlots(slotsPath, timeZone, month, hold?.id ?? null);

  // After hydration: what the visitor told the site before.
  useEffect(() => {
    const context = readVisitorContext(window.location.search, document.referrer, window.location.host);
    const saved = savedDetails();
    // In slices, like every update the visitor did not ask for (useVisitorCalendar).
    startTransition(() => {
      setVisitor(context);
      // What this tab typed before a reload comes back first; then, never asking twice, the wizard's area
      // and workflow fill what is still empty (the visitor can change them).
      setDetails((current) => {
        const typed = { ...current, ...saved };
        return { ...typed, area: typed.area || context.area || '', goal: typed.goal || context.workflowName };
      });
    });
  }, []);

  useEffect(() => {
    if (!timeZone || !month) return;
    const lead = announceMonth.current;
    if (slots.status === 'error' && lead !== null) {
      announceMonth.current = null;
      setAnnouncement(`${lead}${monthLabel(month, locale)}: the free times could not be loaded.`);
    }
    if (slots.status !== 'ready') return;
    // First load: jump to the first month with a free time (the API names it when this month has none).
    if (!searched.current) {
      searched.current = true;
      const next = slots.data.next;
      if (slots.data.slots.length === 0 && next) {
        // In slices, as the first month was rendered (useVisitorCalendar).
        startTransition(() => setMonth(monthOf(localDate(next.start, timeZone))));
        return;
      }
    }
    if (lead !== null) {
      announceMonth.current = null;
      const days = byDay.size;
      setAnnouncement(`${lead}${monthLabel(month, locale)}: ${days === 0 ? 'no free times' : `free times on ${days} day${days === 1 ? '' : 's'}`}.`);
    }
  }, [slots, timeZone, month, byDay, locale]);

  const minMonth = today && monthOf(today);
  // The server's setting wins once it has answered: BOOKING_HORIZON_DAYS can differ from the built default.
  const horizon = (slots.status === 'ready' && slots.data.horizonDays) || horizonDays;
  const maxMonth = today && monthOf(addDays(today, horizon));
  const zones = useMemo(() => (timeZone ? timeZoneOptions(timeZone) : []), [timeZone]);
  const mailto = `mailto:${contactEmail}?subject=${encodeURIComponent('Workflow audit request')}`;

  function changeZone(zone: string) {
    // One message once the month has loaded in the new zone: two quick ones in one live region can lose the first.
    announceMonth.current = `Times now shown in ${zoneLabel(zone)}. `;
    calendar.changeZone(zone);
    setDay(null);
    setSlot(null);
  }

  function pickDay(next: string) {
    if (monthOf(next) !== month) setMonth(monthOf(next));
    setDay(next);
    focus.request('times');
  }

  /**
   * Holds the picked time, then asks for details; a time someone took meanwhile, or one that has passed
   * while the page was open, leaves the list instead (the notice says which).
   */
  async function choose(next: Slot) {
    if (slotHold.holding || !timeZone) return;
    if (!(await slotHold.place(next, `${formatTime(next.start, timeZone, locale)} is no longer free. Pick another time.`))) return reload();
    setSlot(next);
    setStep('details');
    // The month's message is done: left in the region, it would be read again at the top of the details.
    setAnnouncement('');
    focus.request('details');
  }

  async function takeAlternative(next: Slot) {
    if (!timeZone) return;
    // If it went too, pressing Book again answers with fresh alternatives.
    await slotHold.place(next, null);
    setSlot(next);
    setDay(localDate(next.start, timeZone));
    setMonth(monthOf(localDate(next.start, timeZone)));
    reload();
    setAnnouncement(`${formatCall(next.start, next.end, timeZone, locale)} chosen. Press Book the call to confirm.`);
  }

  // The header's booking link lands here (#pick-a-time): on a phone the month grid is then in view below the
  // sticky header (html's scroll-padding-top). Beside the heading on a wide screen the card is in view
  // already, so the extra margin there keeps the page at its top instead of scrolling 60 px.
  return (
    <section id={PICK_A_TIME_ID} ref={focus.refs.card} aria-labelledby="bk-heading" className="rounded-card border border-line bg-white p-5 shadow-sm sm:p-6 lg:scroll-mt-24">
      <p className="sr-only" aria-live="polite">{announcement}</p>
      {step === 'date' && (
        <>
          <p className="text-sm font-semibold text-accent-700">Step 1 of 2</p>
          <h2 id="bk-heading" className="mt-1 text-xl font-bold text-ink">Pick a date and time</h2>
          <div className="mt-4">
            <DateStep
              locale={locale} timeZone={timeZone} zones={zones} onZone={changeZone}
              month={month} firstDay={firstDay} today={today} minMonth={minMonth} maxMonth={maxMonth}
              onMonth={(next) => { announceMonth.current = ''; setMonth(next); }}
              slots={slots} byDay={byDay} day={day} chosen={slot?.start ?? null} onDay={pickDay}
              onChoose={choose} holding={slotHold.holding} takenNotice={slotHold.takenNotice} takenRef={slotHold.takenRef}
              onRetry={reload} mailto={mailto} contactEmail={contactEmail} timesHeadingRef={focus.refs.times}
            />
          </div>
        </>
      )}
      {step === 'details' && slot && timeZone && (
        <>
          <p className="text-sm font-semibold text-accent-700">Step 2 of 2</p>
          <DetailsStep
            slot={slot} hold={hold} timeZone={timeZone} locale={locale} details={details} onDetails={(next) => { setDetails(next); saveDetails(next); }}
            visitor={visitor} include={include} onInclude={setInclude} startedAt={startedAt} paths={{ bookings: bookingsPath, privacy: privacyPath, calculator: calculatorPath }}
            contactEmail={contactEmail} headingRef={focus.refs.details}
            onChangeTime={() => { setStep('date'); focus.request('times'); }}
            onAlternative={takeAlternative}
            onTimeGone={reload}
            onBooked={(created, email) => { setBooked({ created, email }); forgetDetails(); slotHold.clear(); setStep('done'); focus.request('booked'); reload(); }}
          />
        </>
      )}
      {step === 'done' && booked && timeZone && (
        <Confirmation created={booked.created} email={booked.email} timeZone={timeZone} operatorZone={operatorZone ?? timeZone} locale={locale} headingRef={focus.refs.booked} />
      )}
    </section>
  );
}
