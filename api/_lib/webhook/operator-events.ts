// What the operator hears about on OPERATOR_WEBHOOK_URL, and what the outbox stores for one message.
// Types only, below every module that queues (events.ts), formats (format.ts), sends (send.ts) or
// delivers (../mail/outbox.ts) a message, so that none of them imports another for a type.
import type { Area } from '../../../src/lib/readiness/areas.ts';
import type { LeadSource, Utm } from '../../../src/lib/leads/source.ts';

export interface BookingFacts {
  id: string;
  name: string;
  company: string;
  companySize: string;
  email: string;
  area: Area;
  /** The call, as UTC instants. */
  start: string;
  end: string;
  /** The visitor's own zone (shown beside the operator's when it differs). */
  timeZone: string;
  /** booking.moved: where the call was before. */
  previousStart?: string;
}

export type OperatorEvent =
  | { type: 'booking.created' | 'booking.moved' | 'booking.cancelled'; booking: BookingFacts; source: LeadSource; manageUrl: string }
  | { type: 'subscriber.confirmed'; subscriber: { email: string; page: string | null; utm: Utm } }
  | {
      type: 'calendar.feed-failing' | 'calendar.feed-recovered';
      /** The feed's label and host, never its (secret) URL. */
      feed: { label: string; host: string };
      /** When the failure began. */
      since: string;
      /** The last error, worded for a person. */
      reason?: string | null;
      /** When the feed last loaded a copy; null when it never has (failing only). */
      lastLoadedAt?: string | null;
    }
  | {
      type: 'holds.spike';
      /** The operator-local day whose held times were full (YYYY-MM-DD). */
      day: string;
      /** Times held at that moment, and by how many different client addresses. */
      holds: number;
      clients: number;
      /** Held times a day may show. */
      perDay: number;
    };

export type OperatorEventType = OperatorEvent['type'];

/** What the outbox stores for one message: enough to build any flavour's body at delivery. */
export interface StoredWebhook {
  /** The message's idempotency key: the body's `id` and the Idempotency-Key header, the same on every retry. */
  id: string;
  /** When it happened (the queueing transaction's time). */
  occurredAt: string;
  /** The operator's zone when it was queued: every time a person reads is shown in it. */
  timeZone: string;
  event: OperatorEvent;
}
