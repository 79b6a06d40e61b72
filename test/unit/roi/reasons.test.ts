// The model's reasons written in the reader's locale: the page in the visitor's, the operator's email in en-US.
import { describe, expect, it } from 'vitest';
import { bookingEmail } from '../../../api/_lib/mail/templates/booking.ts';
import { summarizeScenario } from '../../../src/lib/booking/context.ts';
import { roiFormatters } from '../../../src/lib/roi/format.ts';
import { DEFAULT_INPUTS } from '../../../src/lib/roi/presets.ts';
import { toQuery } from '../../../src/lib/roi/query.ts';
import type { RoiInputs } from '../../../src/lib/roi/schema.ts';
import { computeRoi } from '../../../src/lib/roi/model.ts';
import type { NeverReason } from '../../../src/lib/roi/result.ts';
import { irrNoteText, neverPaysBackText } from '../../../src/lib/roi/reasons.ts';

const german = roiFormatters('de-DE', 'EUR');
const american = roiFormatters('en-US', 'USD');
const losing: NeverReason = { kind: 'running-costs-exceed-value', monthlyValue: 900, monthlyRunning: 1_200 };

describe('a workflow that never pays back', () => {
  it('is written with German grouping and euros for de-DE', () => {
    const text = neverPaysBackText(losing, german);
    expect(text).toContain('1.200');
    expect(text).not.toContain('1,200');
    expect(text).toContain('€');
  });

  it('is written with US grouping and dollars for en-US', () => {
    expect(neverPaysBackText(losing, american)).toBe(
      'Running costs ($1,200 a month) are higher than the monthly value ($900): this workflow loses money every month.',
    );
  });

  it('keeps cents below 100, so 0.4 against 0.6 does not read as 0 against 1', () => {
    const small: NeverReason = { kind: 'running-costs-exceed-value', monthlyValue: 0.4, monthlyRunning: 0.6 };
    expect(neverPaysBackText(small, american)).toMatch(/\(\$0\.60 a month\).*\(\$0\.40\)/);
    expect(neverPaysBackText(small, german)).toMatch(/\(0,60\s€ a month\).*\(0,40\s€\)/);
  });

  it('says what is true when time or errors are saved but valued at 0, never that nothing is saved', () => {
    expect(neverPaysBackText({ kind: 'unvalued', time: true, errors: true }, american)).toBe(
      'As entered, no value is put on what this workflow saves: the cost per hour and per error are 0, so nothing pays back its costs.',
    );
    expect(neverPaysBackText({ kind: 'unvalued', time: true, errors: false }, american)).toBe(
      'As entered, no value is put on what this workflow saves: the cost per hour is 0, so nothing pays back its costs.',
    );
    expect(neverPaysBackText({ kind: 'unvalued', time: false, errors: true }, american)).toBe(
      'As entered, no value is put on what this workflow saves: the cost per error is 0, so nothing pays back its costs.',
    );
  });

  it('has a sentence for every reason', () => {
    expect(neverPaysBackText({ kind: 'no-value' }, german)).toBe('As entered, this workflow saves no time, errors or revenue, so nothing pays back its costs.');
    expect(neverPaysBackText({ kind: 'running-costs-equal-value', monthlyValue: 1_000, monthlyRunning: 1_000 }, german))
      .toMatch(/^Running costs \(1\.000\s€ a month\) take the whole monthly value \(1\.000\s€\)/);
    expect(neverPaysBackText({ kind: 'too-slow', monthlyNet: 100, implementationCost: 30_000, maxMonths: 240 }, german))
      .toMatch(/^At 100\s€ a month after running costs, the 30\.000\s€ implementation cost takes more than 20 years/);
  });
});

describe('the IRR note', () => {
  it('writes the very-high threshold in the locale', () => {
    expect(irrNoteText({ kind: 'very-high', threshold: 10 }, american)).toMatch(/^Read with care: above 1,000% a year/);
    expect(irrNoteText({ kind: 'very-high', threshold: 10 }, german)).toMatch(/^Read with care: above 1\.000\s%/);
  });

  it('says a rate above the highest it computes is above it, in the locale, never that there is none', () => {
    expect(irrNoteText({ kind: 'above' }, american)).toBe(
      'Above 100,000,000% a month, the highest rate this calculator works out: the implementation cost is tiny next to the gains.',
    );
    expect(irrNoteText({ kind: 'above' }, german)).toMatch(/^Above 100\.000\.000\s% a month/);
  });

  it('passes a figure-free note through', () => {
    expect(irrNoteText({ kind: 'no-rate', text: 'No rate.' }, german)).toBe('No rate.');
  });
});

describe("the operator's booking email", () => {
  it('gives the reason in en-US, in the scenario currency', async () => {
    // 9 h x 100 = 900 a month against 1,200 running.
    const inputs: RoiInputs = { ...DEFAULT_INPUTS, preset: 'custom', unit: 'month', unitsPerMonth: 1, timeUnit: 'hours', manualTimePerUnit: 9, assistedTimePerUnit: 0, coverageShare: 1, costPerHour: 100, errorRate: 0, revenuePerMonth: 0, runningCostPerMonth: 1_200, currency: 'EUR' };
    expect(computeRoi(inputs).payback).toEqual({ kind: 'never', reason: losing });
    const scenario = summarizeScenario(toQuery(inputs).toString());
    const { text } = await bookingEmail({
      event: 'confirmed',
      audience: 'operator',
      siteUrl: 'https://example.com',
      booking: {
        id: 'b1', uid: 'u1', start: '2030-01-07T10:00:00.000Z', end: '2030-01-07T10:20:00.000Z', sequence: 0,
        name: 'Ada', email: 'ada@example.com', company: 'Acme', companySize: '10-49', area: 'documents', goal: 'Invoices', timeZone: 'Europe/Berlin',
      },
      operator: { email: 'ops@example.com', timeZone: 'Europe/Berlin' },
      manageUrl: 'https://example.com/manage',
      icsUrl: 'https://example.com/ics',
      context: { scenario, readiness: null },
      stamp: '2030-01-01T00:00:00.000Z',
    });
    expect(text).toContain('Payback never: Running costs (€1,200 a month) are higher than the monthly value (€900)');
  });
});
