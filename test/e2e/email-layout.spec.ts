// Every kind of email the site sends, rendered by its template and opened in Chromium at a phone's
// width: nothing makes it scroll sideways (a long link used to widen the whole card by 16 px).
import { expect, test } from '@playwright/test';
import { bookingEmail } from '../../api/_lib/mail/templates/booking.ts';
import { confirmSubscriptionEmail } from '../../api/_lib/mail/templates/confirm-subscription.ts';
import { welcomeEmail } from '../../api/_lib/mail/templates/welcome.ts';
import { operatorAlertEmail } from '../../api/_lib/mail/templates/operator-alert.ts';

const siteUrl = 'https://aioperator.example';
const booking = {
  id: 'b1', uid: 'u1', start: '2030-01-07T10:00:00.000Z', end: '2030-01-07T10:20:00.000Z', sequence: 0,
  name: 'Ada Lovelace', email: 'ada.lovelace.operations@example-logistics-company.com', company: 'Example Logistics', companySize: '11-50', area: 'documents',
  goal: 'Invoices are typed twice: https://docs.example-logistics-company.com/finance/processes/supplier-invoice-intake-checklist-v3', timeZone: 'America/Los_Angeles',
};
const bookingProps = (audience: 'visitor' | 'operator') => ({
  event: 'confirmed', audience, siteUrl, booking,
  operator: { email: 'ops@aioperator.example', timeZone: 'Europe/Berlin' },
  manageUrl: `${siteUrl}/book-audit/manage?token=${'x'.repeat(180)}`, icsUrl: `${siteUrl}/api/bookings/invite?token=${'y'.repeat(180)}`,
  context: { scenario: null, readiness: null }, stamp: '2030-01-01T00:00:00.000Z',
}) as Parameters<typeof bookingEmail>[0];

const emails = {
  'booking confirmation': async () => (await bookingEmail(bookingProps('visitor'))).html,
  "operator's booking notice": async () => (await bookingEmail(bookingProps('operator'))).html,
  'newsletter confirmation': async () => (await confirmSubscriptionEmail({ confirmUrl: `${siteUrl}/api/newsletter/confirm?token=${'z'.repeat(200)}`, siteUrl, privacyUrl: `${siteUrl}/privacy` })).html,
  "operator's alert of an email not delivered": async () =>
    (
      await operatorAlertEmail({
        siteUrl,
        timeZone: 'Europe/Berlin',
        event: {
          type: 'delivery.failed',
          message: {
            key: `booking-${'k'.repeat(60)}-confirmed-visitor`, email: 'booking.confirmed', description: 'the booking confirmation', to: booking.email, attempts: 1,
            error: 'validation_error (403): The aioperator-example-company-with-a-long-name.com domain is not verified. Please, add and verify your domain on https://resend.com/domains',
          },
          booking: { id: booking.id, name: booking.name, company: booking.company, companySize: booking.companySize, email: booking.email, area: booking.area, start: booking.start, end: booking.end, timeZone: booking.timeZone },
          manageUrl: `${siteUrl}/book-audit/manage?token=${'x'.repeat(180)}`,
        },
      } as Parameters<typeof operatorAlertEmail>[0])
    ).html,
  welcome: async () => (await welcomeEmail({ siteUrl, checklistUrl: `${siteUrl}/blog/ai-automation-audit-checklist`, unsubscribeUrl: `${siteUrl}/api/newsletter/unsubscribe?token=${'u'.repeat(200)}` })).html,
};

test.use({ viewport: { width: 390, height: 844 } });

for (const [name, render] of Object.entries(emails)) {
  test(`the ${name} fits a 390 px phone`, async ({ page }) => {
    await page.setContent(await render());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
}
