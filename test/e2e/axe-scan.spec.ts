// The axe scan every spec relies on (_axe.ts) must see what is wrong: a scan that finds nothing
// because axe never ran, or ran outside the part asked for, would pass every page.
import { expect, test } from '@playwright/test';
import { axeViolations } from './_axe.ts';

const BROKEN = `<!doctype html><html lang="en"><head><title>Broken</title></head><body><main>
  <section id="inside"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button></section>
  <section id="outside"><a href="/x"></a></section></main></body></html>`;

test('reports each broken rule with its elements, only inside the part asked for, in every new document', async ({ page }) => {
  await page.setContent(BROKEN);
  const all = await axeViolations(page);
  expect(all.map((v) => v.split(' ')[0]).sort()).toEqual(['button-name', 'image-alt', 'link-name']);
  expect(all.find((v) => v.startsWith('image-alt'))).toBe('image-alt (critical): Images must have alternative text\n    img');

  const inside = await axeViolations(page, '#inside');
  expect(inside.map((v) => v.split(' ')[0]).sort()).toEqual(['button-name', 'image-alt']);

  // A new document has no axe in it: the scan puts it there again, and still finds the fault.
  await page.setContent(BROKEN.replace('<button></button>', '<button>Send</button>'));
  expect((await axeViolations(page, '#inside')).map((v) => v.split(' ')[0])).toEqual(['image-alt']);
  await page.setContent('<!doctype html><html lang="en"><head><title>Fine</title></head><body><main><h1>Fine</h1></main></body></html>');
  expect(await axeViolations(page)).toEqual([]);
});
