// Which dead messages the operator hears of (emails to visitors only: never their own notices or alerts,
// so an alert's failure cannot start a loop), and that the alert keeps every value a visitor or a
// provider wrote inert: escaped in the email's HTML and in Slack's mrkdwn, plain TextRuns in Teams.
import { describe, expect, it } from 'vitest';
import { failedVisitorEmail } from '../../../api/_lib/mail/failure-alerts.ts';
import type { MessagePayload } from '../../../api/_lib/mail/outbox.ts';
import type { BookingEmailProps, BookingEvent } from '../../../api/_lib/mail/templates/booking.ts';
import { operatorAlertEmail } from '../../../api/_lib/mail/templates/operator-alert.ts';
import { slackBody, teamsBody } from '../../../api/_lib/webhook/format.ts';

const booking = {
  id: 'b1', uid: 'u1', start: '2030-01-07T10:00:00.000Z', end: '2030-01-07T10:20:00.000Z', sequence: 0,
  name: 'Ada <script>alert(1)</script> <!here>', email: 'ada@example.com', company: 'Acme <https://evil.example|click> *bold*', companySize: '10-49', area: 'documents' as const,
  goal: 'Invoices', timeZone: 'America/Los_Angeles',
};
const bookingEmail = (event: BookingEvent, audience: 'visitor' | 'operator'): MessagePayload => ({
  kind: 'email',
  email: {
    template: 'booking',
    to: audience === 'visitor' ? 'ada@example.com' : 'ops@example.com',
    props: { event, audience, siteUrl: 'https://example.com', booking, operator: { email: 'ops@example.com', timeZone: 'Europe/Berlin' }, manageUrl: 'https://example.com/book-audit/manage?token=t', icsUrl: 'https://example.com/ics', stamp: '2030-01-01T00:00:00.000Z' } satisfies BookingEmailProps,
  },
});

describe('which failed messages the operator hears of', () => {
  it("every booking email to the visitor, named, with the call and its page", () => {
    const named = (['confirmed', 'rescheduled', 'cancelled', 'reminder', 'reminder-hour', 'no-show', 'manage-link'] as const).map((event) => {
      const failed = failedVisitorEmail(bookingEmail(event, 'visitor'))!;
      expect(failed).toMatchObject({ email: `booking.${event}`, to: 'ada@example.com', booking: { id: 'b1', name: booking.name }, manageUrl: 'https://example.com/book-audit/manage?token=t' });
      return failed.description;
    });
    expect(named).toEqual([
      'the booking confirmation', 'the email saying the call moved', 'the cancellation', 'the reminder a day before the call',
      'the reminder an hour before the call', 'the "We missed you" email after a no-show', "the call's link, sent again",
    ]);
  });

  it('a newsletter confirmation', () => {
    expect(failedVisitorEmail({ kind: 'email', email: { template: 'confirm-subscription', to: 'r@example.com', props: { confirmUrl: 'https://x.test/c', siteUrl: 'https://x.test', privacyUrl: 'https://x.test/privacy' } } }))
      .toEqual({ email: 'newsletter.confirm', description: 'the newsletter confirmation link', to: 'r@example.com' });
  });

  it("nothing else: the operator's own emails (the alert among them), webhooks, contacts, a payload that does not parse", () => {
    const facts = { key: 'k', email: 'booking.confirmed', description: 'the booking confirmation', to: 'a@b.c', error: '403', attempts: 1 };
    const alert: MessagePayload = { kind: 'email', email: { template: 'operator-alert', to: 'ops@example.com', props: { siteUrl: 'https://x.test', timeZone: 'UTC', event: { type: 'delivery.failed', message: facts } } } };
    // The same alert as a row queued before the `operator-alert` template stores it.
    const legacyAlert: MessagePayload = { kind: 'email', email: { template: 'delivery-failed', to: 'ops@example.com', props: { siteUrl: 'https://x.test', timeZone: 'UTC', message: facts } } };
    for (const payload of [
      bookingEmail('confirmed', 'operator'), alert, legacyAlert,
      { kind: 'email', email: { template: 'welcome', to: 'r@example.com', props: {} } } as unknown as MessagePayload,
      { kind: 'email', email: { template: 'holds-spike', to: 'ops@example.com', props: {} } } as unknown as MessagePayload,
      { kind: 'webhook', webhook: { id: 'webhook:delivery-failed:k', occurredAt: '', timeZone: 'UTC', event: { type: 'delivery.failed', message: facts } } } as MessagePayload,
      { kind: 'contact', email: 'r@example.com' } as MessagePayload,
      null,
    ]) expect(failedVisitorEmail(payload)).toBeNull();
  });
});

describe("the alert's values stay inert", () => {
  const failed = failedVisitorEmail(bookingEmail('confirmed', 'visitor'))!;
  const message = { key: 'booking-b1-0-confirmed-visitor', email: failed.email, description: failed.description, to: failed.to, error: '403 validation_error: <b>The</b> domain & co is not verified', attempts: 1 };

  it('in the email, with what failed, why and what to do', async () => {
    const event = { type: 'delivery.failed' as const, message, booking: failed.booking!, manageUrl: failed.manageUrl! };
    const { subject, html, text } = await operatorAlertEmail({ siteUrl: 'https://example.com', timeZone: 'Europe/Berlin', event });
    expect(subject).toBe('Not delivered: the booking confirmation to ada@example.com');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>The</b>');
    expect(html).toContain('Ada &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('Why: 403 validation_error: <b>The</b> domain & co is not verified');
    expect(text).toContain('Call: Monday, January 7, 2030, 11:00 AM – 11:20 AM GMT+1 with Ada');
    expect(text).toContain('npm run leads -- failed');
    expect(text).toContain('https://example.com/book-audit/manage?token=t');
  });

  it('in Slack and Teams', () => {
    const stored = { id: 'webhook:delivery-failed:k', occurredAt: '2030-01-01T00:00:00.000Z', timeZone: 'Europe/Berlin', event: { type: 'delivery.failed' as const, message, booking: failed.booking!, manageUrl: failed.manageUrl! } };
    const slack = JSON.stringify(slackBody(stored));
    expect(slack).not.toMatch(/<!here>|<https:\/\/evil|<script>|<b>/);
    expect(slack).toContain('&lt;!here&gt;');
    expect(slack).toContain('Ada &lt;script&gt;');
    const runs = JSON.stringify(teamsBody(stored));
    expect(runs).toContain('{"type":"TextRun","text":"Why: ","weight":"Bolder"},{"type":"TextRun","text":"403 validation_error: <b>The</b> domain & co is not verified"}');
  });
});
