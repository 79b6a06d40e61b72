// What the operator hears about (by email and on OPERATOR_WEBHOOK_URL), and what the outbox stores
// for one webhook message. Types only, below every module that words (./summary.ts), queues
// (../webhook/events.ts, ../mail/queue-operator-alert.ts), formats, sends or delivers them, so that
// none of them imports another for a type.
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
    }
  | {
      type: 'bookings.client-limit';
      /** The UTC day (YYYY-MM-DD) a visitor was first refused because their connection had booked its calls. */
      day: string;
      /** BOOKING_CLIENT_DAILY_LIMIT. */
      perClient: number;
    }
  | {
      type: 'delivery.failed';
      /** An email to a visitor that could not be delivered (../mail/failure-alerts.ts): one message per failed email. */
      message: FailedMessageFacts;
      /** The call it was about, when it was about one (a newsletter confirmation is not). */
      booking?: BookingFacts;
      /** That call's page, where it can be moved or cancelled: the link the visitor may not have got. */
      manageUrl?: string;
    }
  | {
      type: 'newsletter.provider-failed';
      /** A change to the newsletter list that Resend never took (../mail/failure-alerts.ts), so issues go on or never start. */
      change: 'subscribe' | 'unsubscribe';
      /** The reader's address. */
      to: string;
      /** Its outbox key, as `npm run leads -- failed` lists it. */
      key: string;
      /** Resend's last answer. */
      error: string;
      attempts: number;
    };

/** An email that went dead, as the operator is told of it. */
export interface FailedMessageFacts {
  /** Its outbox key, as `npm run leads -- failed` lists it. */
  key: string;
  /** Which email: `booking.confirmed`, `booking.rescheduled`, `booking.cancelled`, `booking.reminder`, `booking.reminder-hour`, `booking.no-show`, `booking.manage-link` or `newsletter.confirm`. */
  email: string;
  /** The same, worded for a person ("the booking confirmation"). */
  description: string;
  to: string;
  /** The provider's last answer (or why it could not be sent at all). */
  error: string;
  attempts: number;
}


/**
 * The alerts: events the operator is emailed about too (../mail/queue-operator-alert.ts), each email
 * storing the event itself (template `operator-alert`). Bookings and subscribers are emailed otherwise.
 */
export type OperatorAlertEvent = Extract<OperatorEvent, { type: 'calendar.feed-failing' | 'calendar.feed-recovered' | 'holds.spike' | 'bookings.client-limit' | 'delivery.failed' | 'newsletter.provider-failed' }>;

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
