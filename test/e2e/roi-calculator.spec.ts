// The ROI calculator as a visitor uses it: presets, typing, shared links, bad input, keyboard, print.
import { axeViolations } from './_axe.ts';
import { expect, test, type Page } from '@playwright/test';

const PATH = '/resources/ai-automation-roi-calculator';

async function open(page: Page, query = '') {
  await page.goto(`${PATH}${query}`);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Holds the island's script back until release() is called: the server-rendered form, before it works. */
async function holdIsland(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/RoiCalculator\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const figure = (page: Page, term: string) => page.locator('dl div').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd').first();

test.describe('ROI calculator', () => {
  test('the server-rendered page already shows the default scenario', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PATH);
    await expect(figure(page, 'Hours saved a month')).toHaveText('24 h');
    await expect(page.getByRole('heading', { name: 'How the numbers are worked out' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'The example workflows' }).getByRole('row')).toHaveCount(5);
    await context.close();
  });

  // On a slow line the form shows for a while before its script runs. What the visitor does meanwhile must
  // survive hydration: React's first render writes its own state back into every field.
  test('figures typed and an example picked before the script runs are kept when it does', { tag: '@flow' }, async ({ page }) => {
    const release = await holdIsland(page);
    await page.goto(PATH);
    await page.getByLabel('Time by hand').fill('10');
    await page.getByLabel('Loaded cost per hour').fill('60');
    await page.getByRole('slider', { name: 'Share of the volume the workflow handles', exact: true }).fill('50');
    release();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.getByLabel('Time by hand')).toHaveValue('10');
    await expect(page.getByLabel('Loaded cost per hour')).toHaveValue('60');
    await expect(page.getByRole('textbox', { name: 'Share of the volume the workflow handles' })).toHaveValue('50');
    await expect(page.getByLabel('Your own workflow')).toBeChecked();
    // (10 - 2) h a week x 4 weeks x half the volume.
    await expect(figure(page, 'Hours saved a month')).toHaveText('16 h');
    await expect(page).toHaveURL(/[?&]tm=10&.*cov=0\.5&ch=60(&|$)/);

    const other = await page.context().newPage();
    const releaseOther = await holdIsland(other);
    await other.goto(PATH);
    await other.getByText('CRM cleanup', { exact: true }).first().click();
    await other.getByLabel('Weeks per month').fill('4.33');
    await other.getByLabel('Horizon').selectOption('36');
    releaseOther();
    await expect(other.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(other.getByLabel('CRM cleanup')).toBeChecked();
    // The example's figures (10 h a month by hand, 3 h with help), the convention typed kept beside them.
    await expect(other.getByLabel('Time by hand')).toHaveValue('10');
    await expect(other.getByLabel('Weeks per month')).toHaveValue('4.33');
    await expect(other.getByLabel('Horizon')).toHaveValue('36');
    await expect(other).toHaveURL(/[?&]p=crm-cleanup&.*h=36&.*wpm=4\.33(&|$)/);
    await expect(figure(other, 'Hours saved a month')).toHaveText('7 h');
  });

  test('keys pressed while the script starts lose nothing typed before it', { tag: '@flow' }, async ({ page }) => {
    const release = await holdIsland(page);
    await page.goto(PATH);
    await page.getByLabel('Time by hand').fill('10');
    const cost = page.getByLabel('Loaded cost per hour');
    await cost.fill('');
    release();
    // A person's pace, from before the island runs until after: some keys land while it hydrates.
    await cost.pressSequentially('60', { delay: 150 });
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.getByLabel('Time by hand')).toHaveValue('10');
    await expect(cost).toHaveValue('60');
    await expect(figure(page, 'Hours saved a month')).toHaveText('32 h');
    await expect(page).toHaveURL(/[?&]tm=10&.*ch=60(&|$)/);
  });

  test('each preset shows the figure from the example model', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    const cases = [
      ['Lead routing and first reply', '24 h'],
      ['CRM cleanup', '7 h'],
      ['Document intake', '50 h'],
      ['Renewal prep', '20 h'],
    ] as const;
    for (const [preset, hours] of cases) {
      await page.getByText(preset, { exact: true }).first().click();
      await expect(figure(page, 'Hours saved a month')).toHaveText(hours);
    }
    await page.getByText('Document intake', { exact: true }).first().click();
    await expect(page.getByLabel('Time by hand')).toHaveValue('15');
    await expect(page.getByLabel('Time with AI assistance')).toHaveValue('5');
  });

  test('typing updates the results and the URL, and the link reproduces them', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('Time by hand').fill('10');
    await expect(figure(page, 'Hours saved a month')).toHaveText('32 h');
    await expect(page.getByLabel('Your own workflow')).toBeChecked();
    await expect(page).toHaveURL(/[?&]tm=10(&|$)/);
    const shared = page.url();
    const net = await figure(page, 'Net value a month').textContent();

    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(other.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(figure(other, 'Hours saved a month')).toHaveText('32 h');
    await expect(figure(other, 'Net value a month')).toHaveText(net!);
    await expect(other.getByLabel('Time by hand')).toHaveValue('10');
  });

  test('a German visitor types figures the German way: 4.500 is four thousand five hundred, 4,33 a decimal', { tag: '@flow' }, async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await open(page);
    await expect(page.getByLabel('Number format')).toHaveValue('de-DE');
    await page.getByLabel('One-off implementation cost').fill('4.500');
    await page.getByLabel('Weeks per month').fill('4,33');
    // The shared link is written with a point whatever the format: the visitor's figures, read right.
    await expect(page).toHaveURL(/[?&]impl=4500(&|$)/);
    await expect(page).toHaveURL(/[?&]wpm=4\.33(&|$)/);
    // Back to English: the fields are written again with a point.
    await page.getByLabel('Number format').selectOption('en-US');
    await expect(page.getByLabel('Weeks per month')).toHaveValue('4.33');
    await expect(page.getByLabel('One-off implementation cost')).toHaveValue('4500');
    await context.close();
  });

  test('bad input gets a specific message and the last good results stay', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    const manual = page.getByLabel('Time by hand');
    for (const [typed, message] of [
      ['', 'Enter a number'],
      ['abc', 'Enter a number'],
      ['-3', 'Must be more than 0'],
      ['999999', 'check the figure'],
    ] as const) {
      await manual.fill(typed);
      await expect(manual).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#roi-manual-error')).toContainText(message);
      await expect(figure(page, 'Hours saved a month')).toHaveText('24 h');
    }
    await manual.fill('1');
    await expect(page.locator('#roi-assisted-error')).toHaveText('Cannot be more than the time by hand');
    await manual.fill('8');
    await expect(page.locator('#roi-assisted-error')).toHaveCount(0);
    await expect(manual).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('a field is read with its unit, its message and its hint, and a new error is announced once', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    const errorRate = page.getByLabel('Error rate by hand');
    // "0.25" means a quarter of a percent here: the unit decides, so it is read with the field.
    await expect(errorRate).toHaveAccessibleDescription('% Share of weeks with an error that needs rework.');
    await errorRate.fill('250');
    await expect(errorRate).toHaveAccessibleDescription(/^% Must be at most 100%.* Share of weeks with an error that needs rework\.$/);
    // One live region says it, after typing stops; the box on screen is not a second one.
    const live = page.locator('[aria-live], [role="status"], [role="alert"]').filter({ hasText: 'Must be at most 100%' });
    await expect(live).toHaveCount(1);
    await expect(live).toHaveText('Error rate by hand: Must be at most 100%. Results still show your last valid numbers.');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByText('1 field needs a fix. The results show your last valid numbers.')).toBeVisible();
  });

  test('a tampered link falls back to defaults with a notice, never a crash', { tag: '@flow' }, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page, '?p=lead-routing&tm=abc&ch=-5&h=99&zz=1');
    await expect(page.getByText('Some values in the link could not be used')).toBeVisible();
    await expect(figure(page, 'Hours saved a month')).toHaveText('24 h');
    expect(errors).toEqual([]);
  });

  test('a workflow that never pays back says why', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('Running cost per month').fill('5000');
    await expect(figure(page, 'Payback')).toHaveText('Does not pay back');
    await expect(page.locator('dl')).toContainText('Running costs');
  });

  test('the starting figures are labelled as an illustration, not our prices', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    const form = page.getByRole('form', { name: 'Your workflow numbers' });
    await expect(form.getByText('The figures filled in are an illustration, not our prices: replace them with yours.')).toBeVisible();
    await expect(form).toHaveAccessibleDescription('The figures filled in are an illustration, not our prices: replace them with yours.');
    const results = page.getByRole('region', { name: 'Your result' });
    await expect(results.getByText('Worked out from example figures: an illustration, not our prices or a quote.')).toBeVisible();
    // Once the visitor changes a figure, the results say whose figures they are, and what is still an example.
    await page.getByLabel('Loaded cost per hour').fill('70');
    await expect(results.getByText('Worked out from your figures; any you left unchanged are still examples, not our prices.')).toBeVisible();
  });

  test('a very high IRR is read after its caveat, not before', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    // A 500 build against about 1,200 a month of net value: an IRR far above 1,000% a year.
    await page.getByLabel('One-off implementation cost').fill('500');
    const card = page.locator('dl div').filter({ has: page.locator('dt', { hasText: 'IRR, per year' }) });
    const parts = card.locator('dt, dd');
    await expect(parts).toHaveCount(3);
    // DOM order (what a screen reader follows): the term, then the caveat, then the figure.
    await expect(parts.nth(1)).toHaveText(/^Read with care: above 1,000% a year.*not a forecast/);
    await expect(parts.nth(2)).toHaveText(/^[\d,]+%$/);
    expect(Number((await parts.nth(2).textContent())!.replace(/[^\d]/g, ''))).toBeGreaterThan(1_000);
    await expect(parts.nth(1)).toBeVisible();
    // And on screen: the caveat sits above the figure. Both boxes are read in one call: the results column is
    // sticky, so two separate reads taken while the page still scrolled after fill disagreed.
    const [caveatBottom, figureTop] = await card.evaluate((el) => {
      const [, caveat, figure] = el.querySelectorAll('dt, dd');
      return [caveat!.getBoundingClientRect().bottom, figure!.getBoundingClientRect().top];
    });
    expect(caveatBottom).toBeLessThanOrEqual(figureTop);
  });

  // The review's huge workflow: 4 weeks x 10,000 h x $1,000 a month against a set-up cost of 1.
  async function hugeWorkflow(page: Page) {
    await page.getByLabel('Time by hand').fill('10000');
    await page.getByLabel('Time with AI assistance').fill('0');
    await page.getByLabel('Loaded cost per hour').fill('1000');
    await page.getByLabel('One-off implementation cost').fill('1');
    await expect(figure(page, 'Payback')).toHaveText('Month 1');
  }

  test('an IRR above what the calculator computes says so, beside a payback in month 1', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await hugeWorkflow(page);
    const card = page.locator('dl div').filter({ has: page.locator('dt', { hasText: 'IRR, per year' }) });
    await expect(card).toContainText('Above 100,000,000% a month, the highest rate this calculator works out: the implementation cost is tiny next to the gains.');
    await expect(card).not.toContainText('never break even');
  });

  test('time saved at a cost per hour and per error of 0 is not "saves no time"', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('Loaded cost per hour').fill('0');
    await page.getByLabel('Cost per error').fill('0');
    const payback = page.locator('dl div').filter({ has: page.locator('dt', { hasText: 'Payback' }) });
    await expect(payback).toContainText('no value is put on what this workflow saves: the cost per hour and per error are 0');
    await expect(figure(page, 'Hours saved a month')).toHaveText('24 h');
    // A workflow that really saves nothing keeps the plain reason.
    await page.getByLabel('Time with AI assistance').fill('8');
    await page.getByLabel('Errors avoided').fill('0');
    await expect(payback).toContainText('As entered, this workflow saves no time, errors or revenue');
  });

  test('a decimal comma gets the same message in a percentage, with an example the field accepts, and figures in the chosen format', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('Error rate by hand').fill('2,5');
    await expect(page.locator('#roi-error-rate-error')).toHaveText('Write decimals with a point, like 4.5, or pick a number format that uses a comma');
    await page.getByLabel('Weeks per month').fill('4,3');
    await expect(page.locator('#roi-weeks-error')).toHaveText('Write decimals with a point, like 4.2, or pick a number format that uses a comma');
    await page.getByLabel('Loaded cost per hour').fill('2000');
    await expect(page.locator('#roi-cost-hour-error')).toHaveText('That is more than 1,000 an hour: check the figure');
    // Deutsch: 2,5 and 4,3 now read as decimals; the limit is written the German way.
    await page.getByLabel('Number format').selectOption('de-DE');
    await expect(page.locator('#roi-cost-hour-error')).toHaveText('That is more than 1.000 an hour: check the figure');
    await expect(page.locator('#roi-error-rate-error')).toHaveCount(0);
    await page.getByLabel('Loaded cost per hour').fill('3000');
    await expect(page.locator('#roi-cost-hour-error')).toHaveText('That is more than 1.000 an hour: check the figure');
  });

  test('huge figures stay on one line in their cards', async ({ page }) => {
    await open(page);
    await hugeWorkflow(page);
    await expect(figure(page, 'Net value a month')).toHaveText('$39,999,900');
    await expect(figure(page, 'ROI at 24 months')).toHaveText('13,053,708%');
    const values = page.locator('dl > div > dd.font-bold');
    await expect(values).toHaveCount(6);
    for (const value of await values.all()) {
      // One line box for the whole figure, and all of it in view: nothing wrapped, nothing cut off.
      const { lines, fits } = await value.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return { lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, fits: el.scrollWidth <= el.clientWidth };
      });
      expect({ text: await value.textContent(), lines, fits }).toEqual({ text: await value.textContent(), lines: 1, fits: true });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
  });

  test('while a field is invalid, every summary says its figures are the last valid ones, and the typed text stays', async ({ page }) => {
    await open(page);
    const manual = page.getByLabel('Time by hand');
    await manual.fill('8x');
    await expect(manual).toHaveValue('8x');
    const phone = page.viewportSize()!.width < 1024;
    // The phone's sticky bar (hidden from 1024 px, where the results sit beside the form).
    const bar = page.locator('form p', { hasText: 'a month · payback' });
    await expect(bar).toHaveText(/^Last valid numbers: 24 h a month · payback month 5$/);
    if (phone) await expect(bar).toBeVisible();
    else await expect(bar).toBeHidden();
    await expect(page.getByText('1 field needs a fix. The results show your last valid numbers.')).toBeVisible();
    await manual.fill('8');
    await expect(bar).toHaveText(/^24 h a month · payback month 5$/);
    await expect(page.getByText('1 field needs a fix.')).toHaveCount(0);
  });

  test('works with the keyboard alone', async ({ page }) => {
    await open(page);
    await page.getByLabel('Lead routing and first reply').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByLabel('CRM cleanup')).toBeChecked();
    await expect(figure(page, 'Hours saved a month')).toHaveText('7 h');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Unit of work')).toBeFocused();
    await page.getByLabel('Time by hand').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('12');
    await expect(figure(page, 'Hours saved a month')).toHaveText('9 h');
  });

  test('an arrow key in the example workflows loses none of the visitor\'s own figures', async ({ page }) => {
    await open(page);
    const manual = page.getByLabel('Time by hand');
    const cost = page.getByLabel('Loaded cost per hour');
    await manual.fill('30');
    await cost.fill('90');
    const own = page.getByRole('radio', { name: 'Your own workflow' });
    await expect(own).toBeChecked();
    const hours = await figure(page, 'Hours saved a month').textContent();
    // Back to the radio group the way a keyboard gets there, then one arrow press away and one back.
    await page.getByLabel('Unit of work').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(own).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: 'Renewal prep' })).toBeChecked();
    await expect(manual).toHaveValue('45');
    await page.keyboard.press('ArrowRight');
    await expect(own).toBeChecked();
    await expect(manual).toHaveValue('30');
    await expect(cost).toHaveValue('90');
    await expect(figure(page, 'Hours saved a month')).toHaveText(hours!);
  });

  test('the spoken error names the field and says what is wrong, and a changed message is spoken again', async ({ page }) => {
    await open(page);
    const live = page.getByRole('region', { name: 'Your result' }).locator('[aria-live="polite"]');
    await page.getByLabel('Time by hand').fill('abc');
    await expect(live).toHaveText('Time by hand: Enter a number. Results still show your last valid numbers.');
    const share = page.getByRole('textbox', { name: 'Share of the volume the workflow handles' });
    await share.fill('150');
    await expect(live).toHaveText('2 fields need a fix. First, Time by hand: Enter a number. Results still show your last valid numbers.');
    await page.getByLabel('Time by hand').fill('8');
    await expect(live).toHaveText('Share of the volume the workflow handles: Must be at most 100%. Results still show your last valid numbers.');
    // One message replaced by another in the same field: said again.
    await share.fill('most');
    await expect(live).toHaveText('Share of the volume the workflow handles: Enter a percentage, like 25. Results still show your last valid numbers.');
  });

  test('a slider is named by its label and tells its own value', async ({ page }) => {
    await open(page);
    const slider = page.getByRole('slider', { name: 'Share of the volume the workflow handles', exact: true });
    const box = page.getByRole('textbox', { name: 'Share of the volume the workflow handles' });
    await expect(slider).toHaveAttribute('aria-valuetext', '100 %');
    await box.fill('150');
    await expect(slider).toHaveValue('100');
    await expect(slider).toHaveAttribute('aria-valuetext', '100 %');
    await box.fill('');
    await expect(slider).toHaveValue('0');
    await expect(slider).toHaveAttribute('aria-valuetext', '0 %');
    // Between two steps of 5, the slider sits on the nearest and says so.
    await box.fill('12');
    await expect(slider).toHaveValue('10');
    await expect(slider).toHaveAttribute('aria-valuetext', '10 %');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(box).toHaveValue('15');
    await expect(slider).toHaveAttribute('aria-valuetext', '15 %');
    await expect(page.getByRole('slider', { name: 'Ramp-up', exact: true })).toHaveAttribute('aria-valuetext', /^\d+ months$/);
  });

  test('each example workflow is named by its short label, its line read as its description', async ({ page }) => {
    await open(page);
    const group = page.getByRole('group', { name: '1. Start from an example workflow' });
    await expect(group.getByRole('radio')).toHaveCount(5);
    const renewal = group.getByRole('radio', { name: 'Renewal prep', exact: true });
    await expect(renewal).toHaveAccessibleName('Renewal prep');
    await expect(renewal).toHaveAccessibleDescription(/^Summarize account history and churn signals before each renewal/);
    await expect(group.getByRole('radio', { name: 'Your own workflow', exact: true })).toHaveAccessibleDescription('Selected as soon as you change a figure of the workflow below.');
  });

  test('the summary bar follows the visitor only on a screen tall enough for it (not at 400% zoom)', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    const bar = page.locator('form > div', { hasText: 'See results' });
    await expect(bar).toHaveCSS('position', 'sticky');
    // 320 x 256 CSS px is a 1280 x 1024 screen at 400%: under the sticky header, the bar took half of it.
    await page.setViewportSize({ width: 320, height: 256 });
    await expect(bar).toHaveCSS('position', 'static');
    await page.getByLabel('Loaded cost per hour').focus();
    await expect(bar).not.toBeInViewport();
  });

  test('CSV download carries the monthly series', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('month,cash flow (USD),cumulative (USD),"cumulative, cautious","cumulative, optimistic"');
    expect(lines).toHaveLength(26);
    expect(lines[1]).toMatch(/^0,-4500,-4500,/);
  });

  test('the print view is a clean one-page report', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header').first()).toBeHidden();
    await expect(page.getByRole('form', { name: 'Your workflow numbers' })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Assumptions' })).toBeVisible();
    await expect(figure(page, 'Hours saved a month')).toBeVisible();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
  });

  test('booking carries the scenario', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('Time by hand').fill('9');
    const href = await page.getByRole('link', { name: 'Book an audit with these numbers' }).getAttribute('href');
    expect(href).toMatch(/^\/book-audit\?/);
    expect(new URLSearchParams(href!.split('?')[1]).get('tm')).toBe('9');
  });

  test('axe finds nothing with an error showing', async ({ page }) => {
    await open(page);
    await page.getByLabel('Time by hand').fill('abc');
    expect(await axeViolations(page)).toEqual([]);
  });
});
