// The details step: the chosen time, what the visitor already told us, and the form. Checks the form
// with the API's own schema before sending; on any answer but success, everything typed stays.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { formatCall, formatTimeBeside, localDate } from '../../lib/booking/format.ts';
import { bookingRequestSchema, type BookingCreated } from '../../lib/booking/request.ts';
import { Alternatives } from './Alternatives.tsx';
import { ContextSummary } from './ContextSummary.tsx';
import { DetailsForm, FIELD_ORDER, type Details } from './DetailsForm.tsx';
import { fieldId } from './Fields.tsx';
import type { VisitorContext } from './context.ts';
import type { Hold } from './holdSlot.ts';
import { submitBooking } from './submit.ts';
import type { Slot } from './useSlots.ts';

interface Props {
  slot: Slot;
  /** The server's hold on this time, if it gave one: sent with the booking, its end shown. */
  hold: Hold | null;
  timeZone: string;
  locale: string;
  details: Details;
  onDetails: (details: Details) => void;
  visitor: VisitorContext | null;
  /** Whether what the visitor told the site before goes with the booking (their choice, kept across steps). */
  include: boolean;
  onInclude: (include: boolean) => void;
  /** When the form could first be used (performance.now()), for the API's minimum fill time. */
  startedAt: number;
  paths: { bookings: string; privacy: string; calculator: string };
  contactEmail: string;
  headingRef: RefObject<HTMLHeadingElement>;
  onChangeTime: () => void;
  /** A time offered instead of one taken meanwhile; the parent also refreshes the month. */
  onAlternative: (slot: Slot) => void;
  /** The time can never be booked (it passed, or is not offered): fetch the times again. */
  onTimeGone: () => void;
  onBooked: (created: BookingCreated, email: string) => void;
}

/** The first message per top-level field. */
function firstErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of issues) found[String(issue.path[0] ?? 'form')] ??= issue.message;
  return found;
}

/**
 * Messages split by where they can be fixed: the form's fields, in the form's order (the summary lists them and
 * the first takes focus), and the rest (the time, the hold, the zone, what the page sent along, or none: a reused
 * idempotency key), said beside the button, where the visitor is: the summary at the top was off a phone's
 * screen, and without a field to focus nothing was announced.
 */
function splitErrors(found: Record<string, string>): { fields: Record<string, string>; elsewhere: string | null } {
  const order = FIELD_ORDER as readonly string[];
  const fields = Object.entries(found).filter(([field]) => order.includes(field)).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const elsewhere = [...new Set(Object.entries(found).filter(([field]) => !order.includes(field)).map(([, message]) => message))];
  return { fields: Object.fromEntries(fields), elsewhere: elsewhere.length ? elsewhere.join(' ') : null };
}

export function DetailsStep(p: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [taken, setTaken] = useState<{ message: string; alternatives: Slot[] } | null>(null);
  const attempt = useRef<{ signature: string; key: string } | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const takenRef = useRef<HTMLDivElement>(null);
  // The promise to keep the time ends with the hold: when it runs out, or when the time turns out taken
  // (another tab on the same network took it over, and a client keeps one hold at a time).
  const expiresAt = p.hold?.start === p.slot.start ? p.hold.expiresAt : null;
  const [lapsedHold, setLapsedHold] = useState<string | null>(null);
  useEffect(() => {
    if (!expiresAt) return;
    const timer = window.setTimeout(() => setLapsedHold(expiresAt), Math.max(0, Date.parse(expiresAt) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [expiresAt]);
  const keptUntil = expiresAt && expiresAt !== lapsedHold && !taken ? expiresAt : null;

  const payload = (details: Details) => ({
    ...details,
    website: details.website || undefined,
    start: p.slot.start,
    holdId: p.hold?.start === p.slot.start ? p.hold.id : undefined,
    timeZone: p.timeZone,
    context: p.include ? p.visitor?.send : undefined,
    source: p.visitor?.source,
    fillMs: Math.round(performance.now() - p.startedAt),
  });

  function change<K extends keyof Details>(field: K, value: Details[K]) {
    const next = { ...p.details, [field]: value };
    p.onDetails(next);
    // After a first attempt, messages follow the typing: each disappears as its field is fixed.
    if (checked) {
      const result = bookingRequestSchema.safeParse(payload(next));
      setErrors(result.success ? {} : splitErrors(firstErrors(result.error.issues)).fields);
    }
  }

  /** Refused, by the schema here or the server's: each message where it can be seen and heard. */
  function showInvalid(found: Record<string, string>) {
    const { fields, elsewhere } = splitErrors(found);
    setErrors(fields);
    // In the alert by the button, which keeps focus: a field of the form, if any, then takes it and reads its own.
    setRefusal(elsewhere);
    const first = Object.keys(fields)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function submit() {
    setChecked(true);
    setRefusal(null);
    const parsed = bookingRequestSchema.safeParse(payload(p.details));
    if (!parsed.success) return showInvalid(firstErrors(parsed.error.issues));
    setErrors({});
    // One key per distinct attempt: pressing again after a lost answer returns the booking already made.
    const data = parsed.data;
    const signature = JSON.stringify(data);
    if (attempt.current?.signature !== signature) attempt.current = { signature, key: crypto.randomUUID() };
    setSending(true);
    const result = await submitBooking(p.paths.bookings, { ...data, idempotencyKey: attempt.current.key }, p.contactEmail);
    setSending(false);
    if (result.kind === 'booked') return p.onBooked(result.created, data.email);
    if (result.kind === 'taken') {
      setTaken(result);
      window.setTimeout(() => takenRef.current?.focus(), 0);
    } else if (result.kind === 'time-gone') {
      // The promise to keep the time goes with it, and the list behind "Change time" is fetched again.
      setRefusal(result.message);
      setLapsedHold(expiresAt);
      p.onTimeGone();
    } else if (result.kind === 'invalid') {
      showInvalid(Object.keys(result.fields).length ? result.fields : { form: result.message });
    } else setRefusal(result.message);
  }

  function pick(slot: Slot) {
    setTaken(null);
    p.onAlternative(slot);
    submitRef.current?.focus();
  }

  return (
    <div>
      <h2 id="bk-heading" ref={p.headingRef} tabIndex={-1} className="mt-1 text-xl font-bold text-ink outline-none">Your details</h2>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-card border border-line bg-surface p-4">
        <p className="font-semibold text-ink">{formatCall(p.slot.start, p.slot.end, p.timeZone, p.locale)}</p>
        <button type="button" onClick={p.onChangeTime} className="text-sm font-semibold text-accent-700 underline underline-offset-2">Change time</button>
        {keptUntil && (
          <p className="w-full text-sm text-muted">
            We are keeping this time for you until {formatTimeBeside(keptUntil, localDate(p.slot.start, p.timeZone), localDate(Date.now(), p.timeZone), p.timeZone, p.locale)}.
          </p>
        )}
      </div>
      <ContextSummary visitor={p.visitor} calculatorPath={p.paths.calculator} include={p.include} onInclude={p.onInclude} />
      <DetailsForm details={p.details} onChange={change} errors={errors} sending={sending} privacyPath={p.paths.privacy} submitRef={submitRef} onSubmit={submit}>
        {taken && <Alternatives focusRef={takenRef} message={taken.message} alternatives={taken.alternatives} timeZone={p.timeZone} locale={p.locale} contactEmail={p.contactEmail} onPick={pick} />}
        {refusal && <p role="alert" className="rounded-card border border-red-700/40 bg-red-50 p-4 text-sm font-medium text-red-800">{refusal}</p>}
      </DetailsForm>
    </div>
  );
}
