// The operator's three alert emails as the outbox stored them before the `operator-alert` template
// (./operator-alert.ts, which stores the event itself): `busy-feed`, `holds-spike` and
// `delivery-failed`, each with props of its own shape. A row queued by an earlier deploy may still be
// pending after the deploy that brought `operator-alert` (a failing send is retried for about three
// hours: ten attempts, the wait doubling from 30 s up to an hour, longer when the provider's Retry-After
// says so), so each old row still renders: its props become the event they describe, and the email is
// the same as a new one. Nothing queues these names any more.
// When they can go: once no message with one of these names is pending or sending, i.e. a day after
// that deploy. Check with
//   SELECT COUNT(*) FROM messages WHERE status IN ('pending', 'sending')
//     AND payload ->> '$.email.template' IN ('busy-feed', 'holds-spike', 'delivery-failed');
// then delete this file and its three entries in catalog.ts (a dead row is never rendered again).
import type { OperatorAlertProps } from './operator-alert.ts';
import type { BookingFacts, FailedMessageFacts } from '../../operator/events.ts';

/** `busy-feed`: a calendar feed failing, or loading again. */
export interface BusyFeedAlertProps {
  event: 'failing' | 'recovered';
  siteUrl: string;
  feed: { label: string; host: string };
  reason: string | null;
  /** When the feed last loaded a copy, or null when it never has. */
  loadedAt: string | null;
  failingSince: string;
  timeZone: string;
}

/** `holds-spike`: many visitors holding times at once. */
export interface HoldsSpikeProps {
  siteUrl: string;
  day: string;
  holds: number;
  clients: number;
  perDay: number;
  timeZone: string;
}

/** `delivery-failed`: an email to a visitor that could not be sent. */
export interface DeliveryFailedProps {
  siteUrl: string;
  timeZone: string;
  message: FailedMessageFacts;
  booking?: BookingFacts;
  manageUrl?: string;
}

export function fromBusyFeedProps(p: BusyFeedAlertProps): OperatorAlertProps {
  const event: OperatorAlertProps['event'] = p.event === 'failing'
    ? { type: 'calendar.feed-failing', feed: p.feed, since: p.failingSince, reason: p.reason, lastLoadedAt: p.loadedAt }
    : { type: 'calendar.feed-recovered', feed: p.feed, since: p.failingSince };
  return { event, timeZone: p.timeZone, siteUrl: p.siteUrl };
}

export function fromHoldsSpikeProps(p: HoldsSpikeProps): OperatorAlertProps {
  return { event: { type: 'holds.spike', day: p.day, holds: p.holds, clients: p.clients, perDay: p.perDay }, timeZone: p.timeZone, siteUrl: p.siteUrl };
}

export function fromDeliveryFailedProps(p: DeliveryFailedProps): OperatorAlertProps {
  const event: OperatorAlertProps['event'] = { type: 'delivery.failed', message: p.message, ...(p.booking ? { booking: p.booking } : {}), ...(p.manageUrl ? { manageUrl: p.manageUrl } : {}) };
  return { event, timeZone: p.timeZone, siteUrl: p.siteUrl };
}
