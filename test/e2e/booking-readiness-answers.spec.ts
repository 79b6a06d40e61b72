// The readiness check's answers on the booking page (a visitor in Los Angeles): they fill the form,
// are shown on the card and go with the booking, and nothing they answered is asked again. What the
// page posts is read from the request (the API's answer is played): the answers as context, no
// honeypot value, an idempotency key, how long the form has been usable, and no calculator scenario.
import { expect, test } from '@playwright/test';
import { PATH, VISITOR_ZONE, card, form, freeDays, openBooking } from './_booking-page.ts';

test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

test.describe('booking page', () => {
  test("the readiness check's answers fill the form and go with the booking, never asked again", async ({ page }) => {
    await page.goto(PATH);
    await page.evaluate(() => window.localStorage.setItem('ai-operator:readiness:v1', JSON.stringify({ answers: { area: 'documents', workflowName: 'Supplier invoice intake', processSteps: 'Scan\nKey in\nApprove' } })));
    // The API's answer is played here: this test checks what the page sends, not the booking itself.
    let sent: Record<string, unknown> = {};
    await page.route('**/api/bookings', async (route) => {
      sent = route.request().postDataJSON();
      const start = String(sent.start);
      await route.fulfill({ status: 201, json: { booking: { id: 'b1', start, end: new Date(Date.parse(start) + 20 * 60_000).toISOString() }, calendar: { ics: '/api/bookings/invite?token=t', google: 'https://calendar.google.com/calendar/render?action=TEMPLATE', outlook: 'https://outlook.office.com/calendar/0/deeplink/compose' } } });
    });
    // A visitor who read the page for a minute before picking: the fill time counts from when the form
    // could be used, so a quick pick and send after that is not taken for a bot (counted from the first
    // touch, it was well under the API's 1.5 s minimum and got a decoy answer).
    await page.clock.install();
    await openBooking(page);
    await page.clock.fastForward('01:00');
    await freeDays(page).first().click();
    await card(page).locator('[data-start]').first().click();
    await expect(card(page)).toContainText('Your readiness check for Supplier invoice intake (Documents): your answers, their score and the workflow spec they make.');
    await expect(form(page).getByLabel('Workflow area')).toHaveValue('documents');
    await expect(form(page).getByLabel('What do you want to fix?')).toHaveValue('Supplier invoice intake');
    await form(page).getByLabel('Your name').fill('Robin Ready');
    await form(page).getByLabel('Work email').fill('ready@example.com');
    await form(page).getByLabel('Company', { exact: true }).fill('Ready AG');
    await form(page).getByLabel('Company size').selectOption('201-500');
    await form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }).check();
    await page.getByRole('button', { name: 'Book the call' }).click();
    await expect(page.getByRole('heading', { name: 'Booked' })).toBeFocused();
    expect(sent).toMatchObject({ area: 'documents', goal: 'Supplier invoice intake', timeZone: VISITOR_ZONE, consent: true, context: { readiness: { area: 'documents', workflowName: 'Supplier invoice intake', processSteps: 'Scan\nKey in\nApprove' } } });
    expect(sent).not.toHaveProperty('website');
    expect(sent.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    // How long the form took, on the visitor's own clock (a start time from it was wrong when it ran fast).
    expect(sent.fillMs).toBeGreaterThanOrEqual(60_000);
    expect(sent).not.toHaveProperty('startedAt');
    expect((sent.context as Record<string, unknown>).scenario).toBeUndefined();
  });
});

test.describe('booking page, a reload on the details step', () => {
  test('keeps what was typed (not the consent tick) for this tab, and forgets it once the call is booked', async ({ page }) => {
    await page.route('**/api/bookings', async (route) => {
      const start = String(route.request().postDataJSON().start);
      await route.fulfill({ status: 201, json: { booking: { id: 'b2', start, end: new Date(Date.parse(start) + 20 * 60_000).toISOString() }, calendar: { ics: '/api/bookings/invite?token=t', google: 'https://calendar.google.com/calendar/render?action=TEMPLATE', outlook: 'https://outlook.office.com/calendar/0/deeplink/compose' } } });
    });
    const typed = { 'Your name': 'Robin Reload', 'Work email': 'reload@example.com', Company: 'Reload GmbH', 'What do you want to fix?': 'Quotes wait two days for a first draft.' };
    const pickFirstTime = async () => {
      await freeDays(page).first().click();
      await card(page).locator('[data-start]').first().click();
      await expect(page.getByRole('heading', { name: 'Your details' })).toBeFocused();
    };
    await openBooking(page);
    await pickFirstTime();
    for (const [label, value] of Object.entries(typed)) await form(page).getByLabel(label, { exact: true }).fill(value);
    await form(page).getByLabel('Company size').selectOption('11-50');
    await form(page).getByLabel('Workflow area').selectOption('sales');
    await form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }).check();

    await page.reload();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await pickFirstTime();
    for (const [label, value] of Object.entries(typed)) await expect(form(page).getByLabel(label, { exact: true })).toHaveValue(value);
    await expect(form(page).getByLabel('Company size')).toHaveValue('11-50');
    await expect(form(page).getByLabel('Workflow area')).toHaveValue('sales');
    await expect(form(page).getByRole('checkbox', { name: /AI Operator may use these details/ })).not.toBeChecked();

    await form(page).getByRole('checkbox', { name: /AI Operator may use these details/ }).check();
    await page.getByRole('button', { name: 'Book the call' }).click();
    await expect(page.getByRole('heading', { name: 'Booked' })).toBeFocused();
    expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
  });
});
