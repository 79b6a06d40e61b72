// The last step: the call as booked, in the visitor's zone and in ours, with add-to-calendar links.
// The heading takes focus, so a screen reader starts here.
import type { RefObject } from 'react';
import { formatCall } from '../../lib/booking/format.ts';
import type { BookingCreated } from '../../lib/booking/request.ts';
import { zoneLabel } from './labels.ts';

interface Props {
  created: BookingCreated;
  email: string;
  timeZone: string;
  operatorZone: string;
  locale: string;
  headingRef: RefObject<HTMLHeadingElement>;
}

export function Confirmation({ created, email, timeZone, operatorZone, locale, headingRef }: Props) {
  const { start, end } = created.booking;
  const yours = formatCall(start, end, timeZone, locale);
  const ours = formatCall(start, end, operatorZone, locale);
  const links = [
    { href: created.calendar.google, label: 'Google Calendar', external: true },
    { href: created.calendar.outlook, label: 'Outlook', external: true },
    { href: created.calendar.ics, label: 'Download .ics', external: false },
  ].filter((link) => link.href);
  return (
    <div>
      <div className="flex items-center gap-3">
        <span className="grid size-9 shrink-0 place-items-center rounded-full bg-accent-700 text-white" aria-hidden="true">
          <svg viewBox="0 0 20 20" className="size-5"><path d="m5 10.5 3.2 3L15 6.5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" /></svg>
        </span>
        <h2 id="bk-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-ink outline-none">Booked</h2>
      </div>
      <dl className="mt-5 grid gap-3">
        <div>
          <dt className="text-sm text-muted">Your time ({zoneLabel(timeZone)})</dt>
          <dd className="text-lg font-semibold text-ink">{yours}</dd>
        </div>
        {ours !== yours && (
          <div>
            <dt className="text-sm text-muted">For us ({zoneLabel(operatorZone)})</dt>
            <dd className="text-body">{ours}</dd>
          </div>
        )}
      </dl>
      <p className="mt-5">
        A confirmation email with the video-call link, the calendar invite and a link to move or cancel the call is on its way to <strong className="font-semibold text-ink break-words">{email}</strong>.
      </p>
      {links.length > 0 && (
        <div className="mt-6">
          <h3 className="text-base font-semibold text-ink">Add it to your calendar now</h3>
          <ul className="mt-3 flex flex-wrap gap-3">
            {links.map((link) => (
              <li key={link.label}>
                <a
                  className="btn-secondary"
                  href={link.href}
                  {...(link.external ? { target: '_blank', rel: 'noopener noreferrer' } : { download: 'workflow-audit.ics' })}
                >
                  {link.label}
                  {link.external && <span className="sr-only"> (opens in a new tab)</span>}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
