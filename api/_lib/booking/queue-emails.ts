// What a booking step queues in its own write transaction: the visitor's and the operator's emails and
// the operator's webhook message for each change (confirmed, moved, cancelled), the reminders a day and
// an hour before a call that is on, and the call's link sent again; and the dropping of the reminders
// of a call that moved or was cancelled. The emails themselves are ../mail/templates/booking.ts.
import type { Transaction } from '@libsql/client';
import type { Booking } from './record.ts';
import type { ApiContext } from '../runtime/context.ts';
import type { BookingEmailProps, BookingEvent } from '../mail/templates/booking.ts';
import { enqueue } from '../mail/outbox.ts';
import { findBooking } from './find-booking.ts';
import { manageLinks, outcomeLinks } from './signed-links.ts';
import { summarizeReadiness, summarizeScenario } from '../../../src/lib/booking/context.ts';
import { localDate } from '../../../src/lib/booking/format.ts';
import { queueWebhook } from '../webhook/events.ts';
import { MINUTE_MS, HOUR_MS, DAY_MS } from '../../../src/lib/time/durations.ts';

/** The reminders go out this long before the call (elapsed time, so a clock change in between does not move them). */
const REMINDER_BEFORE_MS = DAY_MS;
const HOUR_REMINDER_BEFORE_MS = HOUR_MS;

/**
 * How long before the call each reminder may still go out; once the call is closer, its delivery guard
 * cancels it (a provider outage retries for about three hours, and a paused cron for as long as it is
 * paused). The day-before one, which says "tomorrow" and asks the visitor to prepare, until 12 hours
 * before: the outbox's ten attempts (backoff up to an hour, about three hours in all) fit well inside
 * that, and it can never arrive together with, or after, the hour-before one (11 hours apart at the
 * least). The hour-before one, which carries the join and manage links, until 10 minutes before: mail
 * takes a minute or two to land and a visitor a few more to join, so inside that it would mostly be read
 * after the start, with "in an hour" in its subject; before it, the link and the time in the email
 * still get them to the call. Migration 10 gives reminders queued before these existed the same limits.
 */
const REMINDER_UNTIL_BEFORE_MS = 12 * HOUR_MS;
const HOUR_REMINDER_UNTIL_BEFORE_MS = 10 * MINUTE_MS;

interface EmailPlan {
  /** What happened: the visitor's and the operator's email say so. */
  event: 'confirmed' | 'rescheduled' | 'cancelled';
  previousStart?: string;
}

const WEBHOOK_EVENT = { confirmed: 'booking.created', rescheduled: 'booking.moved', cancelled: 'booking.cancelled' } as const;

/** What every email about `booking` carries, its links signed now and built from SITE_URL. */
export function emailBase(ctx: ApiContext, booking: Booking, now: Date, previousStart?: string): Omit<BookingEmailProps, 'event' | 'audience'> {
  const { siteUrl, operatorEmail, booking: rules } = ctx.config;
  const { manageUrl, icsPath } = manageLinks(ctx, booking, now);
  // The email needs the call, not its state or the raw context (the operator's gets it summed up).
  const { status: _status, context: _context, outcome: _outcome, ...call } = booking;
  return { siteUrl, booking: call, previousStart, operator: { email: operatorEmail, timeZone: rules.timeZone }, manageUrl, icsUrl: `${siteUrl}${icsPath}`, stamp: now.toISOString() };
}

/** Queues the visitor's and the operator's emails for an event, and the reminders for a call that is on. */
export async function queueEmails(ctx: ApiContext, tx: Transaction, booking: Booking, plan: EmailPlan, now: Date): Promise<number> {
  const { operatorEmail, booking: rules } = ctx.config;
  const base = emailBase(ctx, booking, now, plan.previousStart);
  const context = {
    scenario: booking.context?.scenario ? summarizeScenario(booking.context.scenario) : null,
    readiness: booking.context?.readiness !== undefined ? summarizeReadiness(booking.context.readiness, localDate(now.toISOString(), rules.timeZone)) : null,
  };
  const key = `booking-${booking.id}-${booking.sequence}`;
  // The visitor's: a change is sent whatever happens next; a confirmation or reminder only while the call
  // is on at this very time (its invite and "booked for" would put a time that is gone in their calendar;
  // the email about the change that came next carries the current one).
  const guard = plan.event === 'cancelled' ? undefined : ({ subject: 'booking', id: booking.id, status: ['confirmed'], sequence: booking.sequence } as const);
  // The operator's notices carry no guard: each says what happened when it happened, so a call moved or
  // cancelled before the "booked" notice went out (a provider backlog) still reaches them as booked, then
  // moved, and never as a move of a call they never heard of. Their ordering key keeps them in that order
  // (and the invites' SEQUENCE with them), whatever a retry's backoff does.
  const message = (event: BookingEvent, audience: 'visitor' | 'operator', to: string, extra: Partial<BookingEmailProps> = {}) =>
    ({ kind: 'email', email: { template: 'booking', to, props: { ...base, event, audience, ...extra } }, ...(audience === 'visitor' ? { guard } : {}) }) as const;
  const outcomeUrls = plan.event === 'cancelled' ? undefined : outcomeLinks(ctx, booking, now);
  let queued = Number(await enqueue(tx, { idempotencyKey: `${key}-${plan.event}-visitor`, bookingId: booking.id, payload: message(plan.event, 'visitor', booking.email) }, now));
  queued += Number(await enqueue(tx, { idempotencyKey: `${key}-${plan.event}-operator`, bookingId: booking.id, orderingKey: `booking-operator:${booking.id}`, payload: message(plan.event, 'operator', operatorEmail, { context, outcomeUrls }) }, now));
  // The operator's team chat (OPERATOR_WEBHOOK_URL), once per event: the key is the email's.
  const { id, name, company, companySize, email, area, start, end, timeZone } = booking;
  queued += await queueWebhook(ctx, tx, `${key}-${plan.event}`, {
    type: WEBHOOK_EVENT[plan.event],
    booking: { id, name, company, companySize, email, area, start, end, timeZone, ...(plan.previousStart ? { previousStart: plan.previousStart } : {}) },
    source: booking.source,
    manageUrl: base.manageUrl,
  }, now);
  // The reminders: a day and an hour before, by elapsed time; each only while that moment is still
  // ahead. Not counted as queued: they are not due now. A move or a cancel drops both (dropReminders).
  if (plan.event !== 'cancelled') {
    const reminders = [
      { suffix: 'reminder', event: 'reminder', at: Date.parse(booking.start) - REMINDER_BEFORE_MS, untilBeforeStartMs: REMINDER_UNTIL_BEFORE_MS },
      { suffix: 'reminder-hour', event: 'reminder-hour', at: Date.parse(booking.start) - HOUR_REMINDER_BEFORE_MS, untilBeforeStartMs: HOUR_REMINDER_UNTIL_BEFORE_MS },
    ] as const;
    for (const reminder of reminders) {
      if (reminder.at <= now.getTime()) continue;
      // The call's guard, and a limit: a reminder that can no longer arrive in time is cancelled, not sent late.
      const reminderGuard = { subject: 'booking', id: booking.id, status: ['confirmed'], sequence: booking.sequence, untilBeforeStartMs: reminder.untilBeforeStartMs } as const;
      const payload = { ...message(reminder.event, 'visitor', booking.email), guard: reminderGuard };
      await enqueue(tx, { idempotencyKey: `${key}-${reminder.suffix}`, bookingId: booking.id, notBefore: new Date(reminder.at), payload }, now);
    }
  }
  return queued;
}

/**
 * Emails the visitor the call they already have, with its invite and manage link, when someone tries
 * to book a second one with their address: a lost confirmation is no dead end, and the call's time
 * goes only to its owner's inbox. At most once a day per call (the outbox key), so the form cannot
 * flood an inbox. Returns how many messages it queued (0 or 1).
 */
export async function queueManageLink(ctx: ApiContext, tx: Transaction, bookingId: string, now: Date): Promise<number> {
  const booking = await findBooking(tx, bookingId);
  if (!booking || booking.status !== 'confirmed' || Date.parse(booking.end) <= now.getTime()) return 0;
  const payload = {
    kind: 'email',
    email: { template: 'booking', to: booking.email, props: { ...emailBase(ctx, booking, now), event: 'manage-link', audience: 'visitor' } },
    guard: { subject: 'booking', id: booking.id, status: ['confirmed'], sequence: booking.sequence },
  } as const;
  const key = `booking-${booking.id}-${booking.sequence}-manage-link-${now.toISOString().slice(0, 10)}`;
  return Number(await enqueue(tx, { idempotencyKey: key, bookingId: booking.id, payload }, now));
}

/** Drops the not-yet-sent reminders (a day and an hour before) of a call that moved or was cancelled (the delivery guard would catch them too). */
export async function dropReminders(tx: Transaction, bookingId: string, now: Date): Promise<void> {
  await tx.execute({
    sql: `UPDATE messages SET status = 'cancelled', last_error = 'cancelled: the call moved or was cancelled', updated_at = ?
          WHERE booking_id = ? AND status = 'pending' AND (idempotency_key LIKE '%-reminder' OR idempotency_key LIKE '%-reminder-hour')`,
    args: [now.toISOString(), bookingId],
  });
}
