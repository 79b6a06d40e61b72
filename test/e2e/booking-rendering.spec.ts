// The booking page as it renders for a visitor in Los Angeles (the operator in Berlin, at 390 and
// 1280 px): hydrating the island moves no element (every box compared before and after, its code held
// back until the page is laid out); the times follow the zone the visitor picks (Kathmandu, +05:45);
// in a 24-hour, Monday-first locale weeks start on Monday and times read as the locale writes them; no
// date formatter runs on the main thread before a worker has loaded the browser's date data, and without
// workers the calendar opens all the same; the zone and a month's free times render in slices (React
// transitions), not in one long task; on a 320 px screen the weekday headings are one letter each; and
// without JavaScript the page offers email instead.
import { expect, test } from '@playwright/test';
import { PATH, VISITOR_ZONE, card, clock, freeDays, localDay, openBooking } from './_booking-page.ts';

test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

/** A React commit as the slices test records it: slices requested so far, and what the page then shows. */
interface Commit {
  slices: number;
  zone: boolean;
  freeDay: boolean;
}

test.describe('booking page', () => {
  test('hydrates without moving anything, and changing the time zone shows the times in it', async ({ page }) => {
    // The island's code is held back until the server-rendered page is parsed, laid out and its font
    // settled; then every element's box is compared before and after hydration and the first month's
    // times. (A layout-shift observer also counted the frames a starved CPU paints mid-parse, which
    // hydration has no part in: CI caught one such 0.0004 shift of the header.)
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/BookingIsland.*.js', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(PATH, { waitUntil: 'domcontentloaded' });
    // First call: notes every rendered element's box (page coordinates). Later calls: what moved or
    // resized since, among the elements still on the page (React keeps the server's elements).
    const movedSinceFirstCall = () =>
      page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const store = window as unknown as { noted?: Map<Element, string> };
        const box = (el: Element) => {
          const r = el.getBoundingClientRect();
          return `${r.x},${r.y + window.scrollY} ${r.width}x${r.height}`;
        };
        if (!store.noted) {
          store.noted = new Map([...document.body.querySelectorAll('*')].filter((el) => el.getClientRects().length > 0).map((el) => [el, box(el)]));
          return { noted: store.noted.size, moved: [] };
        }
        const moved = [...store.noted].filter(([el, was]) => el.isConnected && box(el) !== was).map(([el, was]) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}": ${was} -> ${box(el)}`);
        return { noted: store.noted.size, moved };
      });
    await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
    const before = await movedSinceFirstCall();
    expect(before.noted).toBeGreaterThan(100);
    release();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(freeDays(page).first()).toBeVisible();
    expect((await movedSinceFirstCall()).moved, 'elements that moved or resized when the island hydrated').toEqual([]);

    await freeDays(page).first().click();
    const time = card(page).locator('[data-start]').first();
    const start = (await time.getAttribute('data-start'))!;
    await expect(time).toHaveText(clock(start, VISITOR_ZONE));
    // UTC+5:45, no daylight saving; ICU still calls it Asia/Katmandu in some versions.
    const zones = page.getByLabel('Your time zone');
    const kathmandu = (await zones.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).find((zone) => /^Asia\/Kath?mandu$/.test(zone))!;
    await zones.selectOption(kathmandu);
    await expect(page.locator('#bk-times-heading')).toHaveCount(0);
    const there = page.locator(`[data-date="${localDay(start, kathmandu)}"]`);
    if (!(await there.count())) await page.getByRole('button', { name: 'Next month' }).click();
    await there.click();
    await expect(card(page).locator(`[data-start="${start}"]`)).toHaveText(clock(start, kathmandu));
  });

  test('the server\'s HTML holds no form field: autofill has nothing to lay out before the first paint', async ({ request }) => {
    // A disabled <select> stood in for the zone picker; Chrome's autofill read it at DOMContentLoaded and
    // laid the whole page out then, a layout Lighthouse's LCP estimate counts and its FCP does not.
    // (Buttons, the month arrows, are not fields: autofill leaves them alone.)
    const html = await (await request.get(PATH)).text();
    expect(html.match(/<(input|select|textarea)\b[^>]*>/g) ?? [], `form fields in the HTML of ${PATH}`).toEqual([]);
  });

  test('no date formatter runs on the main thread before a worker has loaded the date data', async ({ page }) => {
    // The first Intl formatter loads Chromium's ICU data: about 180 ms in one task at a phone's speed.
    // The order of events is recorded, not their times: a formatter made while hydrating comes before 'warm'.
    await page.addInitScript(() => {
      const order: string[] = [];
      (window as unknown as { dateDataOrder: string[] }).dateDataOrder = order;
      const Native = Intl.DateTimeFormat;
      const Recorded = function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        order.push('formatter');
        return new Native(...args);
      } as unknown as typeof Intl.DateTimeFormat;
      Object.assign(Recorded, { prototype: Native.prototype, supportedLocalesOf: Native.supportedLocalesOf });
      Intl.DateTimeFormat = Recorded;
      const NativeWorker = window.Worker;
      window.Worker = class extends NativeWorker {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          order.push('worker');
          this.addEventListener('message', () => order.push('warm'));
        }
      };
    });
    await openBooking(page);
    const order = await page.evaluate(() => (window as unknown as { dateDataOrder: string[] }).dateDataOrder);
    expect(order.slice(0, 2), order.join(' ')).toEqual(['worker', 'warm']);
    expect(order.filter((event) => event === 'formatter').length).toBeGreaterThan(0);
  });

  test('the calendar renders in slices while the page loads, once the zone and the free times are known too, never in one task', async ({ page }) => {
    // React renders a transition in slices: it gives the main thread back whenever its clock says 5 ms
    // have passed, and asks for the next slice with one MessageChannel message. An update at default
    // priority renders in one task whatever the clock says. Here every clock reading is 0.5 ms after the
    // last, so the number of slices depends on the work, not on this machine's speed. React reports each
    // commit to a DevTools hook, as it does on any production site: the slices before the commit that
    // first shows the zone picker, and before the one that first shows a free day, are counted.
    await page.addInitScript(() => {
      let slices = 0;
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, ...args: Parameters<MessagePort['postMessage']>) {
        slices++;
        return post.apply(this, args);
      } as MessagePort['postMessage'];
      let clockMs = performance.now();
      performance.now = () => (clockMs += 0.5);
      const commits: Commit[] = [];
      (window as unknown as { commits: typeof commits }).commits = commits;
      (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: object }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        isDisabled: false,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: () => {},
        onScheduleFiberRoot: () => {},
        onCommitFiberRoot: () => commits.push({ slices, zone: !!document.getElementById('bk-zone'), freeDay: !!document.querySelector('[data-date]:not([aria-disabled])') }),
        onCommitFiberUnmount: () => {},
        onPostCommitFiberRoot: () => {},
      };
    });
    await openBooking(page);
    const commits = await page.evaluate(() => (window as unknown as { commits: Commit[] }).commits);
    /** The slices each commit took: those requested since the one before. */
    const slicesEach = commits.map((commit, i) => commit.slices - (commits[i - 1]?.slices ?? 0));
    const slicesBefore = (shows: 'zone' | 'freeDay') => {
      const first = commits.findIndex((commit) => commit[shows]);
      expect(first, `a commit that shows the ${shows}: ${JSON.stringify(commits)}`).toBeGreaterThan(0);
      return slicesEach[first]!;
    };
    // 73 and 74 here; without startTransition 2 and 1 (checked, each on its own).
    expect(slicesBefore('zone'), JSON.stringify(commits)).toBeGreaterThan(10);
    expect(slicesBefore('freeDay'), JSON.stringify(commits)).toBeGreaterThan(10);
    // Nor does any other render while the page loads run in one task: hydration and the visitor's saved
    // answers take 11 and 12 slices here. A state set at default priority after one of these renders (the
    // operator's zone, a "loading" flag, the saved answers, as they were) committed after 1 or 2 (checked).
    const single = slicesEach.filter((slices) => slices < 5);
    expect(single, JSON.stringify(commits)).toEqual([]);
  });

  test('without workers the calendar still opens in the visitor\'s zone', async ({ page }) => {
    await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
    await openBooking(page);
    expect(await page.evaluate(() => typeof Worker)).toBe('undefined');
    await expect(page.getByLabel('Your time zone')).toHaveValue(VISITOR_ZONE);
    await expect(page.getByRole('columnheader').first()).toHaveAttribute('abbr', 'Sunday');
  });

  test('says what arrives after booking before the form: the email with the video link, the invite, the link to move or cancel', async ({ page }) => {
    await openBooking(page);
    const line = page.getByText('Once you book, an email brings the video-call link, a calendar invite and a link to move or cancel.');
    await expect(line).toBeVisible();
    const box = (await line.boundingBox())!;
    expect(box.y).toBeLessThan((await page.getByText('Your time zone').boundingBox())!.y);
  });

  test('without JavaScript the page offers email instead', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: testInfo.project.use.viewport ?? undefined });
    const page = await context.newPage();
    await page.goto(PATH);
    // Playwright's text matching skips <noscript>, so the paragraph is found by its place.
    const notice = page.locator('main noscript p');
    await expect(notice).toBeVisible();
    expect(await notice.textContent()).toContain('Picking a time online needs JavaScript');
    const links = page.getByRole('link', { name: 'hello@aioperator.example' });
    await expect(links.first()).toBeVisible();
    await expect(links.first()).toHaveAttribute('href', /^mailto:hello@aioperator\.example\?subject=/);
    await expect(page.getByRole('heading', { name: 'How the 20 minutes go' })).toBeVisible();
    await expect(page.getByText('within one working day')).toHaveCount(0);
    // The island's placeholders, which only its script replaces, are not left under the notice.
    await expect(page.getByText('Finding your time zone')).toBeHidden();
    await expect(page.getByText('Loading dates')).toBeHidden();
    await expect(page.locator('#booking astro-island')).toBeHidden();
    await expect(page.getByText('Once you book, an email brings')).toBeHidden();
    await context.close();
  });
});

test.describe('booking page in a 24-hour, Monday-first locale', () => {
  test.use({ locale: 'en-GB' });

  test('weeks start on Monday and times read as the locale writes them', async ({ page }) => {
    await openBooking(page);
    await expect(page.getByRole('columnheader').first()).toHaveAttribute('abbr', 'Monday');
    await expect(freeDays(page).first()).toHaveAttribute('aria-label', /^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+, \d+ times? free$/);
    await freeDays(page).first().click();
    const time = card(page).locator('[data-start]').first();
    await expect(time).toHaveAccessibleName(/^\d{1,2}:\d{2}$/);
  });
});

test.describe('booking page on the narrowest screen', () => {
  test.use({ viewport: { width: 320, height: 700 } });

  // @flow: it sets its own width, so the mobile project would only run it twice.
  test('weekday headings are one letter each, with room between them; from 360 px, three letters @flow', async ({ page }) => {
    // At 320 px (a small phone, or 400 % zoom) three-letter headings ran together: "WedThu".
    await openBooking(page);
    const headings = page.getByRole('columnheader');
    const shown = () => headings.evaluateAll((cells) => cells.map((cell) => {
      const visible = [...cell.children].find((child) => child.getClientRects().length > 0)!;
      const box = visible.getBoundingClientRect();
      return { text: (cell as HTMLElement).innerText.trim(), left: box.left, right: box.right };
    }));
    const narrow = await shown();
    expect(narrow.map((cell) => cell.text)).toEqual(['S', 'M', 'T', 'W', 'T', 'F', 'S']);
    for (let i = 1; i < narrow.length; i++) expect(narrow[i]!.left - narrow[i - 1]!.right, `gap before ${i}`).toBeGreaterThan(8);
    await expect(headings.nth(3)).toHaveAttribute('abbr', 'Wednesday');

    // Both spans showed between 359 and 360 px ("SunS") while the two breakpoints left that gap.
    await page.setViewportSize({ width: 359, height: 700 });
    await expect.poll(async () => (await shown()).map((cell) => cell.text)).toEqual(['S', 'M', 'T', 'W', 'T', 'F', 'S']);
    await page.setViewportSize({ width: 360, height: 700 });
    await expect.poll(async () => (await shown()).map((cell) => cell.text)).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
  });
});
