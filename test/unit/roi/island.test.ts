// The calculator island as the server renders it: what a reader meets, and in which order.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import RoiCalculator from '../../../src/islands/roi-calculator/RoiCalculator.tsx';
import { DEFAULT_INPUTS, PRESETS } from '../../../src/lib/roi/presets.ts';
import type { RoiInputs } from '../../../src/lib/roi/schema.ts';
import { computeRoi, IRR_NOTE_THRESHOLD } from '../../../src/lib/roi/model.ts';

const render = (inputs: RoiInputs) => renderToStaticMarkup(createElement(RoiCalculator, { initialInputs: inputs, bookingPath: '/book-audit' }));
/** The markup of the IRR figure: from its term to the end of its card. */
const irrCard = (html: string) => {
  const start = html.indexOf('IRR, per year</dt>');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</div>', start));
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

describe('the illustration label', () => {
  it('says the starting figures are an illustration, not our prices, before the first input', () => {
    const html = render(DEFAULT_INPUTS);
    const note = 'The figures filled in are an illustration, not our prices: replace them with yours.';
    expect(text(html)).toContain(note);
    expect(html.indexOf('illustration, not our prices')).toBeLessThan(html.indexOf('<input'));
    // The form names the note as its description, so a screen reader hears it with the form.
    expect(html).toMatch(/<form[^>]*aria-describedby="roi-example-note"/);
    expect(html).toMatch(/id="roi-example-note"/);
  });

  it('labels the results too: examples for a preset, the visitor\'s own figures once changed', () => {
    expect(text(render(DEFAULT_INPUTS))).toContain('Worked out from example figures: an illustration, not our prices or a quote.');
    const own = text(render({ ...DEFAULT_INPUTS, preset: 'custom' }));
    expect(own).toContain('any you left unchanged are still examples, not our prices');
  });

  it('calls the presets examples and the implementation cost not a quote', () => {
    const html = text(render(DEFAULT_INPUTS));
    expect(html).toContain('1. Start from an example workflow');
    expect(html).toContain('The figure filled in is an example, not a quote.');
  });
});

describe('a very high IRR', () => {
  // A 500 build against about 1,200 a month: the IRR is far above the 1,000% threshold.
  const high: RoiInputs = { ...DEFAULT_INPUTS, preset: 'custom', implementationCost: 500 };

  it('is the case under test', () => {
    const result = computeRoi(high);
    expect(result.irrAnnual).toBeGreaterThan(IRR_NOTE_THRESHOLD);
    expect(result.irrNote).toBeTruthy();
  });

  it('shows its caveat before the figure in reading order', () => {
    const card = irrCard(render(high));
    const caveat = card.indexOf('Read with care');
    const figure = card.search(/<dd class="[^"]*font-bold[^"]*">[\d,.]+%<\/dd>/);
    expect(caveat).toBeGreaterThan(-1);
    expect(figure).toBeGreaterThan(-1);
    expect(caveat).toBeLessThan(figure);
    // Said once: no second copy of the caveat after the figure.
    expect(card.indexOf('Read with care', caveat + 1)).toBe(-1);
  });

  it('leaves an ordinary IRR with its plain explanation after the figure', () => {
    const crm = PRESETS['crm-cleanup'].inputs;
    expect(computeRoi(crm).irrAnnual).toBeLessThan(IRR_NOTE_THRESHOLD);
    const card = irrCard(render(crm));
    expect(card).not.toContain('Read with care');
    expect(card.search(/[\d,.]+%<\/dd>/)).toBeLessThan(card.indexOf('The yearly return that makes NPV zero.'));
  });
});

describe('a workflow that never pays back', () => {
  it('says why, with the figures written by the island\'s formatter', () => {
    const losing: RoiInputs = { ...DEFAULT_INPUTS, preset: 'custom', runningCostPerMonth: 100_000 };
    expect(computeRoi(losing).payback.kind).toBe('never');
    // The server renders en-US until hydration picks the visitor's locale.
    expect(text(render(losing))).toMatch(/Does not pay back Running costs \(\$100,000 a month\) are higher than the monthly value \(\$[\d,]+\)/);
  });
});
