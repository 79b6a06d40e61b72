import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { regionNameProblems, regionNames } from '../../scripts/quality/region-names.ts';
import { tableRegionNames } from '../../scripts/_lib/table-region-names.ts';

describe('table-region-names (the Markdown plugin)', () => {
  const markdown = ['Intro.', '', '| a |', '|---|', '| 1 |', '', '## Costs by *month*', '', '| b |', '|---|', '| 2 |', '', '### Who approves', '', 'Text.', '', '| c |', '|---|', '| 3 |'].join('\n');
  const html = markdownToHtml(markdown, { hastPlugins: [tableRegionNames] }).html;

  it('gives each table the text of the nearest heading above it, inline markup dropped', () => {
    expect([...html.matchAll(/<table([^>]*)>/g)].map((m) => m[1])).toEqual(['', ' data-section="Costs by month"', ' data-section="Who approves"']);
  });
});

describe('regionNameProblems (the static gate)', () => {
  const region = (attrs: string) => `<div tabindex="0" role="region" ${attrs}><table></table></div>`;

  it('reads names from aria-label and from the text of the element aria-labelledby names', () => {
    const page = `<section aria-labelledby="h"><h2 id="h">Costs <em>by</em> month</h2>${region('aria-label="Who approves"')}</section><section class="x"></section>`;
    expect(regionNames(page)).toEqual(['Costs by month', 'Who approves']);
    expect(regionNameProblems(page)).toEqual([]);
  });

  it('names a region labelled by the same heading as the section around it', () => {
    const page = `<section aria-labelledby="h"><h2 id="h">Starter workflows</h2>${region('aria-labelledby="h"')}</section>`;
    expect(regionNameProblems(page)).toEqual(['two regions are named "Starter workflows"']);
  });

  it('names a generic or missing name', () => {
    expect(regionNameProblems(region('aria-label="Table"') + region('aria-label="Scrollable table"'))).toEqual([
      'a region is named only "Table": name it after what it holds',
      'a region is named only "Scrollable table": name it after what it holds',
    ]);
    expect(regionNameProblems(region(''))).toEqual(['a region has no name']);
  });
});
