// What the operator hears about on OPERATOR_WEBHOOK_URL, and how it is queued: through the outbox,
// in the caller's transaction, like an email. A message is stored as the event itself (plus its id,
// time and the operator's zone); the body is built at delivery, in the shape the URL configured then
// calls for (format.ts), and sent by send.ts.
import type { Transaction } from '@libsql/client';
import type { ApiContext } from '../context.ts';
import { enqueue } from '../outbox.ts';
import type { Area } from '../../../src/lib/readiness/areas.ts';
import { UTM_KEYS, cleanUtmValue, type LeadSource, type Utm } from '../../../src/lib/leads/source.ts';

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

/** Messages about one subject reach the receiver in the order they happened (booked before cancelled). */
function orderingKey(event: OperatorEvent): string | undefined {
  if ('booking' in event) return `webhook-booking:${event.booking.id}`;
  if ('feed' in event) return `webhook-feed:${event.feed.label}`;
  return undefined;
}

/**
 * Queues the event for OPERATOR_WEBHOOK_URL inside `tx`; returns how many messages it queued (0 when
 * no URL is set, or the key was already queued). `key` names the event once and for all (a retried
 * request passes the same key, so the receiver hears of it once).
 */
export async function queueWebhook(ctx: ApiContext, tx: Transaction, key: string, event: OperatorEvent, now: Date): Promise<number> {
  if (!ctx.config.operatorWebhook) return 0;
  const id = `webhook:${key}`;
  const webhook: StoredWebhook = { id, occurredAt: now.toISOString(), timeZone: ctx.config.booking.timeZone, event };
  const queued = await enqueue(tx, {
    idempotencyKey: id,
    // Tied to its booking, so the retention sweep deletes it (name, email) with the booking.
    bookingId: 'booking' in event ? event.booking.id : undefined,
    orderingKey: orderingKey(event),
    payload: { kind: 'webhook', webhook },
  }, now);
  return Number(queued);
}

/** The utm_* columns of a bookings or subscribers row (migration 8), those that hold a value. */
export function utmFromRow(row: Record<string, unknown>): Utm {
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = cleanUtmValue(row[key]);
    if (value !== null) utm[key] = value;
  }
  return utm;
}
