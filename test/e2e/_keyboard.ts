// Tab, as a keyboard user moves: shared by the specs that walk a page by keyboard alone.
import type { Locator, Page } from '@playwright/test';

/**
 * Presses Tab until `target` has focus, at most `limit` times; returns what had focus on the way (for
 * example `main a "Blog"`), so a spec can check the order. One round trip a step: the target is held as
 * an element, found again only if the page replaced it (a locator's evaluate looks it up every time:
 * 57 ms against 10 ms a step, measured, and the wizard's walk takes some 70 steps).
 */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<string[]> {
  const passed: string[] = [];
  let element = await target.elementHandle();
  for (let presses = 0; ; ) {
    const focus = await element!.evaluate((el) => {
      const active = document.activeElement;
      return {
        reached: el === active,
        replaced: !el.isConnected,
        at: `${active?.closest('main') ? 'main ' : ''}${active?.tagName.toLowerCase()} "${active?.textContent?.trim().replace(/\s+/g, ' ')}"`,
      };
    });
    if (focus.reached) return passed;
    if (focus.replaced) {
      element = await target.elementHandle();
      continue;
    }
    if (presses > 0) passed.push(focus.at);
    if (presses === limit) throw new Error(`${limit} presses of Tab never reached ${target}; passed ${passed.join(', ')}`);
    await page.keyboard.press('Tab');
    presses++;
  }
}
