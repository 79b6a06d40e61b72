// The readiness wizard as a visitor uses it: keyboard only, back and forward, resume after a reload,
// the spec download and the pre-filled calculator; axe on every step.
import { axeViolations } from './_axe.ts';
import { tabTo } from './_keyboard.ts';
import { expect, test, type Locator, type Page } from '@playwright/test';

const PATH = '/blog/ai-automation-audit-checklist';

async function open(page: Page) {
  await page.goto(PATH);
  const wizard = page.locator('astro-island').filter({ has: page.getByText('Check your workflow') });
  await wizard.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

const stepHeading = (page: Page) => page.locator('#readiness-step-heading');

function isoInDays(days: number) {
  const date = new Date(Date.now() + days * 86_400_000);
  return { iso: date.toISOString().slice(0, 10), typed: `${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}${date.getUTCFullYear()}` };
}

test('until its script has run, the check takes no input (typed text never reached it), and once hydrated it does', async ({ browser }) => {
  // JavaScript off stands for the time before hydration: the server's HTML as it arrives.
  const before = await browser.newContext({ javaScriptEnabled: false });
  const page = await before.newPage();
  await page.goto(PATH);
  await expect(page.locator('#readiness-check')).toHaveAttribute('inert', '');
  await before.close();

  const after = await browser.newPage();
  await open(after);
  await expect(after.locator('#readiness-check')).not.toHaveAttribute('inert');
  await after.getByLabel('Name the workflow').fill('Invoice intake');
  await expect(after.getByLabel('Name the workflow')).toHaveValue('Invoice intake');
  await after.close();
});

test('a keyboard alone reaches the check from the top of the article: the first key press makes it live, long before Tab gets there', async ({ page }) => {
  // client:visible left it inert until it had been on screen a moment, and Tab scrolls past faster than that:
  // focus went from the link above it to the table below, every time.
  await page.goto(PATH);
  // Nothing touched, nothing loaded (as with client:visible): a reader who never uses the check pays nothing.
  await expect(page.locator('#readiness-check')).toHaveAttribute('inert', '');
  // The island runtime arrives after first paint, which headless Chromium can report after the load event
  // that goto waits for: a Tab pressed before the runtime defines <astro-island> (and with it the listener
  // for the first key) went unheard, and CI failed on it once. A visitor's next key starts it then.
  await page.waitForFunction(() => customElements.get('astro-island') !== undefined);
  await page.keyboard.press('Tab');
  await expect(page.locator('#readiness-check')).not.toHaveAttribute('inert');
  let inCheck = false;
  for (let i = 0; i < 150 && !inCheck; i++) {
    await page.keyboard.press('Tab');
    inCheck = await page.evaluate(() => Boolean(document.activeElement?.closest('#readiness-check')));
  }
  expect(inCheck, 'Tab reached the check').toBe(true);
});

test.describe('readiness wizard', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(PATH);
    await page.evaluate(() => window.localStorage.clear());
  });

  test('can be completed with the keyboard alone, with axe clean on every step', async ({ page }) => {
    // Ten steps, eleven axe scans: a long flow, not a slow one. The first field is typed key by key;
    // later text goes in as one input event each (insertText), as a paste or a phone's keyboard sends it:
    // some 300 single keystrokes cost about 5 s a run (measured) and prove nothing the first field has not.
    test.setTimeout(120_000);
    await open(page);
    const next = page.getByRole('button', { name: /^(Next|See my result)$/ });
    const axe = async () => {
      expect(await axeViolations(page, 'astro-island')).toEqual([]);
    };

    // 1. The workflow: an area (radio group, arrow keys) and a name.
    await axe();
    await tabTo(page, page.getByLabel('Sales', { exact: true }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel('Name the workflow'));
    await page.keyboard.type('First reply to inbound demo requests');
    await page.keyboard.press('Enter');
    await expect(stepHeading(page)).toBeFocused();
    await expect(page.getByText('Step 2 of 10', { exact: true })).toBeVisible();

    // 2. The screen: four signals, each a radio group; no red flag.
    await axe();
    for (let i = 0; i < 4; i++) {
      const yes = page.locator('fieldset').nth(i).getByLabel('Yes', { exact: true });
      await tabTo(page, yes);
      await page.keyboard.press('Space');
      await expect(yes).toBeChecked();
    }
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 3. Scope.
    await expect(page.getByText('Step 3 of 10', { exact: true })).toBeVisible();
    await axe();
    const firstScope = page.locator('input[name="rw-scope"]').first();
    await tabTo(page, firstScope);
    await page.keyboard.press('Space');
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 4. Process steps.
    await axe();
    await tabTo(page, page.getByLabel('The process today, one step per line'));
    for (let i = 1; i <= 12; i++) {
      await page.keyboard.insertText(`Step ${i} of the process`);
      if (i < 12) await page.keyboard.press('Enter');
    }
    await expect(page.getByText('12 steps so far')).toBeVisible();
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 5. Baseline numbers.
    await axe();
    for (const [label, value] of [['Volume', '120'], ['Time spent by hand', '8'], ['Error rate', '5'], ['Cycle time', '20']] as const) {
      await tabTo(page, page.getByLabel(label, { exact: true }));
      await page.keyboard.type(value);
    }
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 6. Actions: one thing AI may do, one that needs approval (checkboxes take Space).
    await axe();
    await tabTo(page, page.locator('input[name="rw-ai-draft"]'));
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('input[name="rw-approve-send-to-customer"]'));
    await page.keyboard.press('Space');
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 7. Systems.
    await axe();
    await tabTo(page, page.getByLabel('Where the work comes from'));
    await page.keyboard.insertText('Website form');
    await tabTo(page, page.getByLabel('The system of record'));
    await page.keyboard.insertText('HubSpot');
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 8. Failure handling.
    await axe();
    await tabTo(page, page.getByLabel('What does a failed run look like?'));
    await page.keyboard.insertText('No company domain on the lead');
    await tabTo(page, page.getByLabel('Who gets it when it fails?'));
    await page.keyboard.insertText('Sales lead on duty');
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 9. Metric.
    await axe();
    await tabTo(page, page.getByLabel('The one metric that proves it worked'));
    await page.keyboard.insertText('Median time to first reply');
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 10. Review date, typed as a date field takes it (month, day, year).
    await axe();
    await tabTo(page, page.getByLabel('Review date'));
    await page.keyboard.type(isoInDays(30).typed);
    await expect(page.getByLabel('Review date')).toHaveValue(isoInDays(30).iso);
    await tabTo(page, page.getByRole('button', { name: 'See my result' }));
    await page.keyboard.press('Enter');

    // The result.
    await expect(page.getByRole('heading', { name: /^Your result/ })).toBeFocused();
    await expect(page.getByText('/ 100')).toBeVisible();
    await axe();
  });

  test('Back and the browser history keep every answer; a reload resumes', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('RevOps and CRM', { exact: true }).check();
    await page.getByLabel('Name the workflow').fill('Weekly CRM duplicate cleanup');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/#check-screen$/);

    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByLabel('Name the workflow')).toHaveValue('Weekly CRM duplicate cleanup');
    await page.getByLabel('Name the workflow').fill('CRM duplicate cleanup, every Friday');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.goBack();
    await expect(page).toHaveURL(/#check-workflow$/);
    await expect(page.getByLabel('RevOps and CRM', { exact: true })).toBeChecked();
    // Focus is on the step's heading, and the heading is on screen (the browser's scroll restore put it off screen).
    await expect(stepHeading(page)).toBeFocused();
    await expect(stepHeading(page)).toBeInViewport();
    await page.goForward();
    await expect(page.getByText('Step 2 of 10', { exact: true })).toBeVisible();
    await expect(stepHeading(page)).toBeInViewport();

    await page.reload();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.getByText('Step 2 of 10', { exact: true })).toBeVisible();
    await expect(page.getByText('Welcome back')).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByLabel('Name the workflow')).toHaveValue('CRM duplicate cleanup, every Friday');

    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.getByLabel('Name the workflow')).toHaveValue('');
  });

  test('a figure the browser cannot read as a number is named on Next, not dropped as if left empty', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('Documents', { exact: true }).check();
    await page.getByLabel('Name the workflow').fill('Supplier invoice intake');
    await page.getByRole('button', { name: 'Next' }).click();
    for (let i = 0; i < 4; i++) await page.locator('fieldset').nth(i).getByLabel('Yes', { exact: true }).check();
    for (const step of [3, 4, 5]) {
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByText(`Step ${step} of 10`, { exact: true })).toBeVisible();
    }
    const hours = page.getByLabel('Time spent by hand');
    await hours.pressSequentially('1e');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Step 5 of 10', { exact: true })).toBeVisible();
    await expect(hours).toBeFocused();
    await expect(hours).toHaveAccessibleDescription(/Enter a number, or leave it empty/);
    // What was typed is still there to fix; fixed, the step moves on.
    expect(await hours.evaluate((el: HTMLInputElement) => el.validity.badInput)).toBe(true);
    await hours.fill('12');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Step 6 of 10', { exact: true })).toBeVisible();
  });

  test('a step that is not answered says what is missing, focuses it, and keeps each message until its field is right', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Next' }).click();
    const summary = page.getByText('Before you go on:').locator('..');
    await expect(summary).toContainText('Choose the area');
    await expect(summary).toContainText('Name the workflow');
    await expect(page.getByText('Step 1 of 10', { exact: true })).toBeVisible();
    // Focus goes to the first field to fix (the area's first option), which carries its group's message.
    const firstArea = page.getByRole('group', { name: 'Which area is it in?' }).getByRole('radio').first();
    await expect(firstArea).toBeFocused();
    await expect(firstArea).toHaveAttribute('aria-invalid', 'true');
    await expect(firstArea).toHaveAccessibleDescription(/Choose the area/);
    // Typing a name that is still too short clears nothing; a long enough one clears only its own message.
    const name = page.getByLabel('Name the workflow');
    await name.fill('A');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(firstArea).toHaveAttribute('aria-invalid', 'true');
    await name.fill('Invoice intake');
    await expect(name).not.toHaveAttribute('aria-invalid');
    await expect(firstArea).toHaveAttribute('aria-invalid', 'true');
    await expect(summary).not.toContainText('Name the workflow');
    // The list is not live: it is not read out again as each message clears.
    await expect(summary).not.toHaveAttribute('role');
  });

  // Tailwind's own placeholder is the text colour at half strength (about 3.5:1 on white): the wizard's now
  // match the newsletter form's on the same page (slate-500, 4.76:1).
  test('placeholders are the newsletter form\'s colour, not faded ink', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    const placeholder = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el, '::placeholder').color);
    const newsletter = await placeholder(page.locator('footer input[type=email]'));
    expect(newsletter).not.toMatch(/\/|rgba|transparent/);
    expect(await placeholder(page.getByLabel('Name the workflow'))).toBe(newsletter);
  });

  // Each red flag's card holds a label and a sentence on why it matters: as one label, the checkbox's name ran
  // the two together ("…knowledge base behind it A public chatbot answers from…").
  test('a red flag is named by its label, and its reason is its description', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('Documents', { exact: true }).check();
    await page.getByLabel('Name the workflow').fill('Supplier invoice intake');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Step 2 of 10', { exact: true })).toBeVisible();
    const chatbot = page.getByRole('checkbox', { name: 'You want a chatbot your customers talk to, and there is no clean, up-to-date knowledge base behind it', exact: true });
    await expect(chatbot).toHaveCount(1);
    await expect(chatbot).toHaveAccessibleDescription(/^A public chatbot answers from what it is given\./);
    const flags = page.locator('#readiness-check').getByRole('checkbox');
    expect(await flags.count()).toBe(4);
    for (const flag of await flags.all()) {
      const name = await flag.evaluate((el) => el.closest('label')!.querySelector('span > span')!.textContent);
      await expect(flag).toHaveAccessibleName(name!);
    }
    // Still one card to click: the label's text ticks the box.
    await page.getByText('Nobody on your team could write down today how this work is done').click();
    await expect(page.getByRole('checkbox', { name: 'Nobody on your team could write down today how this work is done', exact: true })).toBeChecked();
  });

  test('each step says where it is, and Start over on the first step keeps focus and says what it did', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.getByLabel('RevOps and CRM', { exact: true }).check();
    await page.getByLabel('Name the workflow').fill('Weekly CRM duplicate cleanup');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { name: /^Step 2 of 10: / })).toBeFocused();
    await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuetext', 'Step 2 of 10');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.reload();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.getByText('Welcome back')).toBeVisible();
    await page.getByRole('button', { name: 'Start over' }).press('Enter');
    await expect(page.getByRole('heading', { name: /^Step 1 of 10: / })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Your earlier answers are cleared.' })).toHaveCount(1);
    await expect(page.getByLabel('Name the workflow')).toHaveValue('');
  });

  test('when the result’s code cannot be fetched, the visitor is told and can try again', { tag: '@flow' }, async ({ page }) => {
    await open(page);
    await page.route(/\/_astro\/ResultView\.[^/]+\.js$/, (route) => route.abort());
    await page.goto(`${PATH}#check-result`);
    await page.reload();
    await page.getByText('Check your workflow').scrollIntoViewIfNeeded();
    await expect(page.getByRole('alert')).toContainText('Your result could not be loaded');
    await page.unroute(/\/_astro\/ResultView\.[^/]+\.js$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('Check your workflow').scrollIntoViewIfNeeded();
    await expect(page.getByRole('heading', { name: /^Your result/ })).toBeVisible();
  });

  test('the result offers the spec as Markdown and a pre-filled calculator', { tag: '@flow' }, async ({ page }) => {
    await page.evaluate(() => {
      const answers = {
        area: 'documents', workflowName: 'Supplier invoice intake',
        signals: { clearInputs: 'yes', repeatedVolume: 'yes', measurableOutcome: 'partly', manageableRisk: 'yes' },
        redFlags: { publicChatbotWithoutKnowledgeBase: false, autonomousOutreachWithoutApproval: false, financeOrLegalWithoutEscalation: false, processNobodyCanExplain: false },
        scope: 'one-workflow', processSteps: Array.from({ length: 11 }, (_, i) => `Step ${i + 1}`).join('\n'),
        baseline: { itemsPerMonth: 300, manualHoursPerWeek: 12, errorRatePercent: 4, cycleTimeHours: 48, revenueImpactPerMonth: null },
        aiActions: ['extract', 'classify'], approvalActions: ['update-system-of-record'],
        sourceSystem: 'Shared AP inbox', systemOfRecord: 'Xero', failedRun: 'Totals do not match the line items', escalationOwner: 'AP lead',
        successMetric: 'Minutes per invoice', successTarget: 'Under 5', reviewDate: '',
      };
      window.localStorage.setItem('ai-operator:readiness:v1', JSON.stringify({ answers }));
    });
    // A new hash on the same URL does not reload the page: reload so the wizard reads the stored answers.
    await page.goto(`${PATH}#check-result`);
    await page.reload();
    await page.getByText('Check your workflow').scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Your result: .*Supplier invoice intake/ })).toBeVisible();
    // Ready (88): what it lost is for week 1, not a fix standing before the build the verdict allows.
    await expect(page.getByText('Ready for a 30-day build', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Worth tightening in week 1' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What to fix first' })).toHaveCount(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the spec (Markdown)' }).click()]);
    expect(download.suggestedFilename()).toBe('workflow-spec-supplier-invoice-intake.md');
    const markdown = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    expect(markdown).toContain('Supplier invoice intake');
    expect(markdown).toContain('Xero');

    // Printed from the result, the page is the result alone, on one sheet: the article's own headings,
    // visible on screen, are hidden in print.
    const articleHeadings = [page.getByRole('heading', { name: 'Signals of a good first workflow' }), page.getByRole('heading', { name: 'Red flags: weak first workflows' })];
    for (const heading of articleHeadings) await expect(heading).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    for (const heading of articleHeadings) await expect(heading).toBeHidden();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    const toCalculator = page.getByRole('link', { name: 'Open the ROI calculator with your hours' });
    await expect(toCalculator).toHaveAccessibleDescription(/Time with AI assistance starts at a quarter of them/);
    await toCalculator.click();
    await expect(page).toHaveURL(/\/resources\/ai-automation-roi-calculator\?/);
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page.getByLabel('Time by hand')).toHaveValue('12');
    await expect(page.getByLabel('Time with AI assistance')).toHaveValue('3');
    // The check's error rate is a share of items, the calculator's a share of weeks: not carried over.
    expect(new URL(page.url()).searchParams.has('er')).toBe(false);
  });
});
