import { expect, test, type Locator, type Page } from '@playwright/test';
import { islandRoutes, pageRoutes } from './_site.ts';
import { tabTo } from './_keyboard.ts';
import { mainNav } from '../../src/config/site.ts';

// An article, found in the build: content pages ship no JavaScript, so the header must do its job in HTML.
const ARTICLE = pageRoutes.find((route) => /^\/blog\/[\w-]+$/.test(route) && !islandRoutes.has(route))!;
const bookingButton = (page: Page) => page.getByRole('banner').getByRole('link', { name: 'Book an audit', exact: true });
const menuButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Menu' });
const logo = (page: Page) => page.getByRole('banner').getByRole('link', { name: 'AI Operator', exact: true });

/** WCAG contrast ratio of two computed colours ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('the mobile menu opens and is usable with the keyboard alone', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the menu button only shows below 1024 px');
  await page.goto('/');
  const mobileNav = page.getByRole('navigation', { name: 'Mobile' });
  await expect(mobileNav).toBeHidden();
  // The menu button's word is hidden on a phone, its name is not.
  await expect(menuButton(page)).toHaveAccessibleName('Menu');

  // Skip link first, then the logo, the booking button, then the menu button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(logo(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(bookingButton(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menuButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(mobileNav).toBeVisible();

  await page.keyboard.press('Tab');
  const firstLink = mobileNav.getByRole('link').first();
  await expect(firstLink).toBeFocused();

  // Escape closes it from inside and hands focus back to the button, so the next Tab does not start over.
  await page.keyboard.press('Escape');
  await expect(mobileNav).toBeHidden();
  await expect(menuButton(page)).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(firstLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/ai-operator$/);
});

test('the mobile menu covers the page below the header and closes on a tap outside it', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the menu button only shows below 1024 px');
  await page.goto(ARTICLE);
  // Half way down a long page: the menu sits under the sticky header, not where the page began.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  await menuButton(page).click();
  const mobileNav = page.getByRole('navigation', { name: 'Mobile' });
  await expect(mobileNav).toBeVisible();
  const header = (await page.getByRole('banner').boundingBox())!;
  const menu = (await mobileNav.boundingBox())!;
  expect(Math.abs(menu.y - (header.y + header.height)), 'menu starts under the header').toBeLessThanOrEqual(1);
  // Edge to edge, but for the gutter the page keeps for a desktop-style scrollbar (none on a phone).
  expect(menu.x).toBe(0);
  expect(menu.width, 'menu spans the page').toBeGreaterThanOrEqual((await page.evaluate(() => document.documentElement.clientWidth)) - 16);
  // Every link is on screen (the booking button last).
  await expect(mobileNav.getByRole('link').last()).toBeInViewport({ ratio: 1 });

  await page.mouse.click(menu.width / 2, menu.y + menu.height + 40);
  await expect(mobileNav).toBeHidden();
});

// A popover is not closed when focus leaves it (HTML's popover=auto; Open UI chose so, issues 1047 and 1060), and
// Tab after its last link goes on to the page it covers: the breadcrumb's links, hidden behind the open menu
// (WCAG 2.4.11). Content pages have no script, so the page behind the open menu is hidden (visibility) until it
// closes: no stop for Tab is left under the menu.
test('with the menu open, Tab never stops on anything the menu covers', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the menu button only shows below 1024 px');
  await page.goto(ARTICLE);
  await tabTo(page, menuButton(page), 6);
  await page.keyboard.press('Enter');
  const mobileNav = page.getByRole('navigation', { name: 'Mobile' });
  await expect(mobileNav).toBeVisible();
  const links = await mobileNav.getByRole('link').count();
  const stops: string[] = [];
  // Through the menu and past its end, until focus is back on the header (or has left the page and returned).
  for (let i = 0; i < links + 6; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const menu = document.getElementById('site-menu')!;
      const r = el.getBoundingClientRect();
      const m = menu.getBoundingClientRect();
      const underMenu = !menu.contains(el) && menu.matches(':popover-open') && r.left < m.right && m.left < r.right && r.top < m.bottom && m.top < r.bottom;
      // What a sighted user sees at the focused element's centre: itself, or something on top of it.
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const covered = !(hit && (el === hit || el.contains(hit)));
      return { name: `${el.tagName.toLowerCase()} "${el.textContent?.trim().replace(/\s+/g, ' ')}"`, underMenu, covered };
    });
    if (!stop) continue;
    stops.push(stop.name);
    expect(stop.underMenu || stop.covered, `Tab stop ${stops.length} (${stop.name}) is hidden: ${stops.join(', ')}`).toBe(false);
  }
  // The menu's links were all reached, and the menu is still open (nothing closed it on the way).
  expect(stops.slice(0, links)).toEqual(await mobileNav.getByRole('link').evaluateAll((as) => as.map((a) => `a "${a.textContent?.trim().replace(/\s+/g, ' ')}"`)));
  await expect(mobileNav).toBeVisible();
  // Closed, the page is back: the breadcrumb shows and takes focus again.
  await page.keyboard.press('Escape');
  await expect(mobileNav).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first()).toBeVisible();
});

// The current page was teal against the others' ink (2.1:1 between them): colour alone (WCAG 1.4.1). As on the desktop
// navigation, it is underlined too.
test('the mobile menu marks the current page with an underline, not colour alone', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the menu button only shows below 1024 px');
  await page.goto('/blog');
  await menuButton(page).click();
  const mobileNav = page.getByRole('navigation', { name: 'Mobile' });
  const decoration = (name: string) => mobileNav.getByRole('link', { name, exact: true }).evaluate((a) => getComputedStyle(a).textDecorationLine);
  await expect(mobileNav.getByRole('link', { name: 'Blog', exact: true })).toHaveAttribute('aria-current', 'page');
  expect(await decoration('Blog')).toBe('underline');
  expect(await decoration('Services')).toBe('none');
});

test('desktop shows the main navigation without a menu button', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'desktop layout only');
  await page.goto('/blog');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(menuButton(page)).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Blog' })).toHaveAttribute('aria-current', 'page');
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/ai-operator');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

// `focus:not-sr-only` sets padding 0 (as sr-only does), which undid the link's px-4 py-2: it showed as bare text
// laid over the logo. Its padding is set under focus too, after not-sr-only, and it takes its own place above
// the header, covering nothing.
test('the skip link shows as a padded button above the header when focused, covering nothing', async ({ page }, testInfo) => {
  for (const width of testInfo.project.name === 'mobile' ? [320, 390] : [1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/blog');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport({ ratio: 1 });
    const style = await skip.evaluate((el) => {
      const s = getComputedStyle(el);
      return { padding: [s.paddingTop, s.paddingRight, s.paddingBottom, s.paddingLeft], background: s.backgroundColor };
    });
    expect(style, `${width} px`).toEqual({ padding: ['8px', '16px', '8px', '16px'], background: 'rgb(255, 255, 255)' });
    const box = (await skip.boundingBox())!;
    expect(box.height, `${width} px: a 24 px target at least`).toBeGreaterThanOrEqual(24);
    // Nothing in the header under it: the logo, "Book an audit" and the menu button all sit below it.
    const header = (await page.getByRole('banner').boundingBox())!;
    expect(header.y, `${width} px: the header starts below the skip link`).toBeGreaterThanOrEqual(box.y + box.height);
    expect(await skip.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return el.contains(document.elementFromPoint(r.left + 4, r.top + 4)) && el.contains(document.elementFromPoint(r.right - 4, r.bottom - 4));
    }), `${width} px: something covers the skip link`).toBe(true);
  }
});

test('the breadcrumb stays one line on a phone: links whole, a long current page shortened', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'a phone width; at 1280 px every trail fits');
  await page.setViewportSize({ width: 390, height: 800 });
  // Every page with a trail below the home page's sections: the articles' titles are the longest.
  for (const route of pageRoutes.filter((r) => /^\/(blog|services|resources)\/./.test(r))) {
    await page.goto(route);
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
    const { height, lineHeight, linksCut, overflow } = await trail.locator('ol').evaluate((ol) => ({
      height: ol.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(ol).lineHeight),
      linksCut: [...ol.querySelectorAll('a')].filter((a) => a.scrollWidth > a.clientWidth).map((a) => a.textContent),
      overflow: ol.scrollWidth > ol.clientWidth,
    }));
    expect(height, `${route}: the breadcrumb wrapped`).toBeLessThan(lineHeight * 1.5);
    expect(linksCut, `${route}: links cut short`).toEqual([]);
    expect(overflow, `${route}: the breadcrumb runs off the screen`).toBe(false);
  }
});

test.describe('the header keeps "Book an audit" in sight', () => {
  // The phone widths the header must fit (the mobile project checks 320, 360 and 390 px), in the system
  // font this machine's Chromium shows (DejaVu Sans on Linux, wider than San Francisco, Segoe UI or Roboto).
  test('beside the logo and the menu, one line, 44 px, no overflow', async ({ page }, testInfo) => {
    const widths = testInfo.project.name === 'mobile' ? [320, 360, 390] : [1280];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(ARTICLE);
      const at = `${ARTICLE} at ${width} px`;
      const button = bookingButton(page);
      await expect(button, at).toBeVisible();
      await expect(button, at).toBeInViewport({ ratio: 1 });
      // The build writes the page into the link (where the lead came from), before the card's anchor.
      await expect(button, at).toHaveAttribute('href', `/book-audit?from=${encodeURIComponent(ARTICLE)}#pick-a-time`);
      const box = (await button.boundingBox())!;
      expect(box.width, `${at}: target width`).toBeGreaterThanOrEqual(44);
      expect(box.height, `${at}: target height`).toBeGreaterThanOrEqual(44);
      // One line: as tall as its 44 px minimum, its text not cut off.
      expect(box.height, `${at}: the label wrapped`).toBeLessThan(45);
      expect(await button.evaluate((el) => el.scrollWidth <= el.clientWidth), `${at}: label clipped`).toBe(true);
      // Nothing wider than the screen, nothing on top of anything else.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${at}: page wider than the screen`).toBeLessThanOrEqual(width);
      const logoBox = (await logo(page).boundingBox())!;
      expect(logoBox.x + logoBox.width, `${at}: logo runs into the button`).toBeLessThanOrEqual(box.x);
      expect(logoBox.x, `${at}: logo off screen`).toBeGreaterThanOrEqual(0);
      // From 390 px (a common phone) the name reads whole, not "AI Oper…"; narrower, it may shorten.
      if (width >= 390) expect(await logo(page).locator('span').evaluate((el) => el.scrollWidth <= el.clientWidth), `${at}: the name is cut short`).toBe(true);
      if (width < 1024) {
        const menuBox = (await menuButton(page).boundingBox())!;
        expect(box.x + box.width, `${at}: button runs into the menu`).toBeLessThanOrEqual(menuBox.x);
        expect(menuBox.x + menuBox.width, `${at}: menu off screen`).toBeLessThanOrEqual(width);
        expect(menuBox.width, `${at}: menu target`).toBeGreaterThanOrEqual(44);
        expect(menuBox.height, `${at}: menu target`).toBeGreaterThanOrEqual(44);
      }
      // WCAG AA: the label on the button; the focus ring against the header behind it (3:1, non-text).
      const colors = await button.evaluate((el) => ({ text: getComputedStyle(el).color, fill: getComputedStyle(el).backgroundColor }));
      expect(contrast(colors.text, colors.fill), `${at}: label contrast`).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('Tab reaches it early, with a visible focus ring', async ({ page }, testInfo) => {
    await page.goto(ARTICLE);
    // Skip link, logo, then the button on a phone; on a desktop the main navigation's links come between.
    const before = await tabTo(page, bookingButton(page), 3 + mainNav.length);
    expect(before.filter((stop) => stop.startsWith('main ')), 'stops inside the page before the booking button').toEqual([]);
    expect(before).toHaveLength(testInfo.project.name === 'mobile' ? 2 : 2 + mainNav.length);
    // The site's ring, not the browser's ("auto"): 2 px, drawn outside the button (its offset), so it shows
    // against the white header rather than the button's own fill, at 3:1 or more once its colour has faded in.
    const ring = () => bookingButton(page).evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), offset: parseFloat(style.outlineOffset), color: style.outlineColor };
    });
    expect(await ring()).toMatchObject({ style: 'solid', width: 2, offset: 2 });
    await expect.poll(async () => contrast((await ring()).color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
  });

  test('links inside the page get the site\'s focus ring too, not the browser\'s', async ({ page }) => {
    await page.goto(ARTICLE);
    const link = page.locator('main a[href]').first();
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab'); // focus by keyboard, so :focus-visible applies
    await expect(link).toBeFocused();
    const ring = await link.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), offset: parseFloat(style.outlineOffset) };
    });
    expect(ring).toEqual({ style: 'solid', width: 2, offset: 2 });
  });

  // The per-page CSS prune dropped `[tabindex]:focus-visible` (an attribute selector), so a table's scroll
  // region, a tab stop (tabindex="0"), showed the browser's ring.
  test('a table\'s scroll region gets the site\'s focus ring too', async ({ page }) => {
    await page.goto('/blog/approval-rules-for-ai-workflows');
    const region = page.getByRole('region').filter({ has: page.getByRole('table') }).first();
    await tabTo(page, region, 60);
    await expect(region).toBeFocused();
    const ring = await region.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
    });
    expect(ring).toMatchObject({ style: 'solid', width: 2 });
    expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    // The whole ring is on screen: none of it is cut off at the screen's edges.
    const box = await region.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      const out = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
      return { left: r.left - out, right: r.right + out, width: document.documentElement.clientWidth };
    });
    expect(box.left, 'ring inside the screen on the left').toBeGreaterThanOrEqual(0);
    expect(box.right, 'ring inside the screen on the right').toBeLessThanOrEqual(box.width);
  });

  test('one activation to the month grid, a second to a day\'s times', async ({ page }) => {
    await page.goto(ARTICLE);
    await bookingButton(page).click();
    await expect(page).toHaveURL(/\/book-audit\?from=[^#]+#pick-a-time$/);
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    // The page opens on the card: its first free day is on screen, below the sticky header, with no scrolling.
    const firstFree = page.locator('[data-date]:not([aria-disabled])').first();
    await expect(firstFree).toBeInViewport({ ratio: 1 });
    const headerBottom = (await page.locator('header').boundingBox())!.y + (await page.locator('header').boundingBox())!.height;
    expect((await firstFree.boundingBox())!.y, 'first free day under the sticky header').toBeGreaterThanOrEqual(headerBottom);
    await firstFree.click();
    await expect(page.locator('#bk-times-heading')).toBeFocused();
    await expect(page.locator('#pick-a-time [data-start]').first()).toBeInViewport();
  });
});

test('an article has one table of contents, next in the tab order after the breadcrumb: above the text on a phone, beside it on a desktop', async ({ page }, testInfo) => {
  await page.goto(ARTICLE);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toHaveCount(1);
  await expect(toc).toBeVisible();
  // The breadcrumb's links (Home, Blog; the current page is not a link), then the contents' first entry.
  const firstEntry = toc.getByRole('link').first();
  const passed = await tabTo(page, firstEntry, 30);
  expect(passed.at(-1), `the tab stop before the contents: ${passed.join(', ')}`).toBe('main a "Blog"');
  const tocBox = (await toc.boundingBox())!;
  const text = (await page.locator('article .prose-site').boundingBox())!;
  if (testInfo.project.name === 'desktop') {
    expect(tocBox.x, 'the contents sit right of the text').toBeGreaterThan(text.x + text.width);
    // Sticky: halfway down the article it is still on screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect(toc).toBeInViewport();
  } else {
    expect(tocBox.y + tocBox.height, 'the contents sit above the text').toBeLessThanOrEqual(text.y);
  }
});
