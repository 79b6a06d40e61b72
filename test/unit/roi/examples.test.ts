// The figures the home page and the calculator's table quote, against the brief's example table
// (8 h/week to 2 h/week is 24 h a month; 15 min to 5 min a file) and sums done by hand.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_FIGURES, EXAMPLE_LEAD_BASELINE, exampleWorkflows } from '../../../src/lib/roi/examples.ts';
import { sampleAnswers, sampleDates } from '../../../src/lib/readiness/sample-audit.ts';

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
    expect(rows['document-intake']!.volumeNote).toBe(' (at an illustrative 300 files a month)');
    expect(rows['renewal-prep']!.volumeNote).toBe(' (at an illustrative 40 accounts a month)');
  });

  it('gives prose the same figures, formatted, and the per-unit saving and volume behind them', () => {
    expect(EXAMPLE_FIGURES.leadRouting).toEqual({ manual: '8', assisted: '2', savedPerUnit: '6', unitsPerMonth: '4', minutesSavedPerMonth: '1,440', hoursSavedPerMonth: '24' });
    expect(EXAMPLE_FIGURES.crmCleanup).toEqual({ manual: '10', assisted: '3', savedPerUnit: '7', unitsPerMonth: '1', minutesSavedPerMonth: '420', hoursSavedPerMonth: '7' });
    expect(EXAMPLE_FIGURES.documentIntake).toEqual({ manual: '15', assisted: '5', savedPerUnit: '10', unitsPerMonth: '300', minutesSavedPerMonth: '3,000', hoursSavedPerMonth: '50' });
    expect(EXAMPLE_FIGURES.renewalPrep).toEqual({ manual: '45', assisted: '15', savedPerUnit: '30', unitsPerMonth: '40', minutesSavedPerMonth: '1,200', hoursSavedPerMonth: '20' });
    for (const row of exampleWorkflows()) {
      const key = row.preset.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as 'leadRouting';
      expect(`${EXAMPLE_FIGURES[key].manual} ${row.manual.split(' ')[1]}`).toBe(row.manual);
      expect(Number(EXAMPLE_FIGURES[key].hoursSavedPerMonth)).toBe(Math.round(row.hoursSavedPerMonth));
    }
  });

  it("keeps the lead example's baseline in one place: the sample audit and the checklist quote the same", () => {
    expect(EXAMPLE_LEAD_BASELINE).toEqual({ itemsPerMonth: 120, manualHoursPerWeek: 8, errorRatePercent: 10, cycleTimeHours: 22 });
    expect(sampleAnswers(sampleDates('2026-12-06')).baseline).toMatchObject(EXAMPLE_LEAD_BASELINE);
    expect(EXAMPLE_FIGURES.leadBaseline).toEqual({ itemsPerMonth: '120', manualHoursPerWeek: '8', errorRatePercent: '10', cycleTimeHours: '22' });
  });
});
