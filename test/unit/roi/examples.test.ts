// The figures the home page and the calculator's table quote, against the brief's example table
// (8 h/week to 2 h/week is 24 h a month; 15 min to 5 min a file) and sums done by hand.
import { describe, expect, it } from 'vitest';
import { exampleWorkflows } from '../../../src/lib/roi/examples.ts';

describe('exampleWorkflows', () => {
  const rows = Object.fromEntries(exampleWorkflows().map((row) => [row.preset, row]));

  it('lists the four example workflows in the calculator order', () => {
    expect(exampleWorkflows().map((row) => row.preset)).toEqual(['lead-routing', 'crm-cleanup', 'document-intake', 'renewal-prep']);
  });

  it("states each workflow's time by hand and with AI in its own unit", () => {
    expect(rows['lead-routing']).toMatchObject({ label: 'Lead routing and first reply', manual: '8 h', assisted: '2 h', per: 'week' });
    expect(rows['crm-cleanup']).toMatchObject({ manual: '10 h', assisted: '3 h', per: 'month' });
    expect(rows['document-intake']).toMatchObject({ manual: '15 min', assisted: '5 min', per: 'file' });
    expect(rows['renewal-prep']).toMatchObject({ manual: '45 min', assisted: '15 min', per: 'account' });
  });

  it('gives back the hours a month the brief and hand sums give', () => {
    // (8 - 2) h x 4 weeks; (10 - 3) h x 1; (15 - 5) min x 300 files / 60; (45 - 15) min x 40 accounts / 60.
    expect(rows['lead-routing']!.hoursSavedPerMonth).toBe(24);
    expect(rows['crm-cleanup']!.hoursSavedPerMonth).toBe(7);
    expect(rows['document-intake']!.hoursSavedPerMonth).toBe(50);
    expect(rows['renewal-prep']!.hoursSavedPerMonth).toBe(20);
  });

  it('names the volume behind the hours only where it is counted in items', () => {
    expect(rows['lead-routing']!.volumeNote).toBe('');
    expect(rows['crm-cleanup']!.volumeNote).toBe('');
    expect(rows['document-intake']!.volumeNote).toBe(' (300 files a month)');
    expect(rows['renewal-prep']!.volumeNote).toBe(' (40 accounts a month)');
  });
});
