import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeScenario } from '../../../src/lib/roi/labels.ts';
import { DEFAULT_INPUTS, PRESETS, presetInputs, SCENARIO_ADJUSTMENTS } from '../../../src/lib/roi/presets.ts';
import { fromQuery, QUERY_KEYS, toQuery } from '../../../src/lib/roi/query.ts';
import {
  HORIZON_MONTHS,
  NUMBER_FIELDS,
  PRESET_IDS,
  roiInputsSchema,
  TIME_UNITS,
  WORK_UNITS,
  type NumberFieldName,
  type RoiInputs,
} from '../../../src/lib/roi/schema.ts';
import { validateField } from '../../../src/lib/roi/validate.ts';

/** The first message zod gives for `path`, or undefined when that field passed. */
const messageFor = (input: unknown, path: string) => {
  const result = roiInputsSchema.safeParse(input);
  return result.success ? undefined : result.error.issues.find((issue) => issue.path.join('.') === path)?.message;
};
const numberFields = Object.keys(NUMBER_FIELDS) as NumberFieldName[];

describe('roiInputsSchema', () => {
  it('accepts every preset as it is', () => {
    for (const preset of Object.values(PRESETS)) expect(roiInputsSchema.parse(preset.inputs)).toEqual(preset.inputs);
    expect(DEFAULT_INPUTS.preset).toBe('lead-routing');
    expect(presetInputs('custom')).toEqual({ ...DEFAULT_INPUTS, preset: 'custom' });
  });

  it('fills coverage, revenue, currency and the 4-week month when they are left out', () => {
    const { coverageShare, revenuePerMonth, currency, weeksPerMonth, ...rest } = DEFAULT_INPUTS;
    const parsed = roiInputsSchema.parse(rest);
    expect([parsed.coverageShare, parsed.revenuePerMonth, parsed.currency, parsed.weeksPerMonth]).toEqual([1, 0, 'USD', 4]);
    expect([coverageShare, revenuePerMonth, currency, weeksPerMonth]).toEqual([1, 0, 'USD', 4]);
  });

  it('rejects out-of-range numbers with a message that says what to enter', () => {
    const bad = (overrides: Record<string, unknown>, path: string) => messageFor({ ...DEFAULT_INPUTS, ...overrides }, path);
    expect(bad({ unitsPerMonth: 0 }, 'unitsPerMonth')).toBe('Enter a number of files or accounts per month between 1 and 1,000,000');
    expect(bad({ unitsPerMonth: 2_000_000 }, 'unitsPerMonth')).toBe('Enter a number of files or accounts per month between 1 and 1,000,000');
    expect(bad({ unitsPerMonth: '300' }, 'unitsPerMonth')).toBe('Enter a number of files or accounts per month between 1 and 1,000,000');
    expect(bad({ manualTimePerUnit: 0 }, 'manualTimePerUnit')).toBe('Enter the time by hand per unit: more than 0 and at most 10,000');
    expect(bad({ coverageShare: 1.5 }, 'coverageShare')).toBe('Enter the share of the work automated as a share between 0 and 1 (0.25 is 25%)');
    expect(bad({ costPerHour: Number.NaN }, 'costPerHour')).toBe('Enter a loaded cost per hour between 0 and 1,000');
    expect(bad({ implementationCost: Number.POSITIVE_INFINITY }, 'implementationCost')).toBe('Enter a one-off implementation cost between 0 and 10,000,000');
    expect(bad({ runningCostPerMonth: -1 }, 'runningCostPerMonth')).toBe('Enter a running cost per month between 0 and 1,000,000');
    expect(bad({ rampUpMonths: 1.5 }, 'rampUpMonths')).toBe('Enter a ramp-up of 0 to 12 whole months');
    expect(bad({ rampUpMonths: 13 }, 'rampUpMonths')).toBe('Enter a ramp-up of 0 to 12 whole months');
    expect(bad({ weeksPerMonth: 4.5 }, 'weeksPerMonth')).toBe('Enter weeks per month between 4 and 4.35 (4.33 is the calendar average)');
    expect(bad({ annualDiscountRate: 8 }, 'annualDiscountRate')).toBe('Enter a yearly discount rate between 0 and 1 (0.08 is 8%)');
  });

  it('rejects choices that are not on the list', () => {
    const bad = (overrides: Record<string, unknown>, path: string) => messageFor({ ...DEFAULT_INPUTS, ...overrides }, path);
    expect(bad({ horizonMonths: 18 }, 'horizonMonths')).toBe('Choose a horizon of 12, 24 or 36 months');
    expect(bad({ unit: 'day' }, 'unit')).toBe('Choose week, month, file or account');
    expect(bad({ preset: 'payroll' }, 'preset')).toBe('Choose one of the listed workflows or your own');
    expect(bad({ timeUnit: 'seconds' }, 'timeUnit')).toBe('Choose minutes or hours');
    expect(bad({ currency: 'usd' }, 'currency')).toBe('Enter a three-letter currency code, like USD');
    expect(bad({ currency: 'EURO' }, 'currency')).toBe('Enter a three-letter currency code, like USD');
  });

  it('puts the assisted-over-manual message on the assisted time', () => {
    expect(messageFor({ ...DEFAULT_INPUTS, manualTimePerUnit: 2, assistedTimePerUnit: 3 }, 'assistedTimePerUnit'))
      .toBe('Cannot be more than the time by hand');
    expect(messageFor({ ...DEFAULT_INPUTS, manualTimePerUnit: 3, assistedTimePerUnit: 3 }, 'assistedTimePerUnit')).toBeUndefined();
  });
});

describe('validateField', () => {
  it('says "Enter a number" for empty and non-numeric text', () => {
    for (const raw of ['', '   ', 'abc', 'NaN', 'Infinity', '0x10', '12abc', '1.2.3', '--5']) {
      expect(validateField('costPerHour', raw)).toEqual({ ok: false, message: 'Enter a number' });
    }
    // A decimal comma is a number in another format: the message says how to write it here.
    expect(validateField('costPerHour', '1,2')).toEqual({ ok: false, message: 'Write decimals with a point, like 4.5, or pick a number format that uses a comma' });
  });

  it('says "Must be 0 or more" for negatives and names the minimum otherwise', () => {
    expect(validateField('costPerHour', '-5')).toEqual({ ok: false, message: 'Must be 0 or more' });
    expect(validateField('unitsPerMonth', '0')).toEqual({ ok: false, message: 'Must be 1 or more' });
    expect(validateField('manualTimePerUnit', '0')).toEqual({ ok: false, message: 'Must be more than 0' });
    expect(validateField('weeksPerMonth', '3')).toEqual({ ok: false, message: 'Use at least 4 weeks a month' });
  });

  it('calls out absurd figures in the units of the workflow', () => {
    expect(validateField('unitsPerMonth', '2000000', { unit: 'file' }))
      .toEqual({ ok: false, message: 'That is more than 1,000,000 files a month: check the figure' });
    expect(validateField('unitsPerMonth', '1e309', { unit: 'account' }))
      .toEqual({ ok: false, message: 'That is more than 1,000,000 accounts a month: check the figure' });
    expect(validateField('manualTimePerUnit', '20000', { unit: 'file', timeUnit: 'minutes' }))
      .toEqual({ ok: false, message: 'That is more than 10,000 minutes per file: check the figure' });
    expect(validateField('coverageShare', '80')).toEqual({ ok: false, message: 'That is more than 1 (100%): enter a share between 0 and 1' });
    expect(validateField('rampUpMonths', '2.5')).toEqual({ ok: false, message: 'Enter a whole number' });
  });

  it('accepts plain decimals, exponents and correctly grouped thousands', () => {
    expect(validateField('unitsPerMonth', ' 1,200 ')).toEqual({ ok: true, value: 1_200 });
    expect(validateField('implementationCost', '4500.50')).toEqual({ ok: true, value: 4_500.5 });
    expect(validateField('implementationCost', '2e3')).toEqual({ ok: true, value: 2_000 });
    expect(validateField('coverageShare', '.75')).toEqual({ ok: true, value: 0.75 });
    expect(validateField('revenuePerMonth', '-0')).toEqual({ ok: true, value: 0 });
    expect(validateField('weeksPerMonth', '4.33')).toEqual({ ok: true, value: 4.33 });
  });

  it('checks choices and currency codes', () => {
    expect(validateField('horizonMonths', '36')).toEqual({ ok: true, value: 36 });
    expect(validateField('horizonMonths', '30')).toMatchObject({ ok: false });
    expect(validateField('unit', 'file')).toEqual({ ok: true, value: 'file' });
    expect(validateField('currency', 'eur')).toEqual({ ok: true, value: 'EUR' });
    expect(validateField('currency', 'E1R')).toEqual({ ok: false, message: 'Enter a three-letter currency code, like USD' });
  });
});

// Any valid input: the full range of every field, not just realistic figures, since a link can hold anything.
const validInputs: fc.Arbitrary<RoiInputs> = fc
  .record({
    preset: fc.constantFrom(...PRESET_IDS),
    unit: fc.constantFrom(...WORK_UNITS),
    unitsPerMonth: fc.double({ min: 1, max: 1e6, noNaN: true }),
    timeUnit: fc.constantFrom(...TIME_UNITS),
    manualTimePerUnit: fc.double({ min: 0, max: 1e4, minExcluded: true, noNaN: true }),
    assistedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    coverageShare: fc.double({ min: 0, max: 1, noNaN: true }),
    costPerHour: fc.double({ min: 0, max: 1_000, noNaN: true }),
    errorRate: fc.double({ min: 0, max: 1, noNaN: true }),
    costPerError: fc.double({ min: 0, max: 1e6, noNaN: true }),
    errorReduction: fc.double({ min: 0, max: 1, noNaN: true }),
    revenuePerMonth: fc.double({ min: 0, max: 1e7, noNaN: true }),
    implementationCost: fc.double({ min: 0, max: 1e7, noNaN: true }),
    runningCostPerMonth: fc.double({ min: 0, max: 1e6, noNaN: true }),
    rampUpMonths: fc.integer({ min: 0, max: 12 }),
    horizonMonths: fc.constantFrom(...HORIZON_MONTHS),
    annualDiscountRate: fc.double({ min: 0, max: 1, noNaN: true }),
    currency: fc.stringMatching(/^[A-Z]{3}$/),
    weeksPerMonth: fc.double({ min: 4, max: 4.35, noNaN: true }),
  })
  .map(({ assistedShare, ...rest }) => ({ ...rest, assistedTimePerUnit: rest.manualTimePerUnit * assistedShare }));

describe('query string', () => {
  it('writes every field under a short, stable key', () => {
    const params = toQuery(PRESETS['document-intake'].inputs);
    expect(params.toString()).toBe(
      'p=document-intake&u=file&tu=minutes&n=300&tm=15&ta=5&cov=1&ch=55&er=0.04&ce=60&erd=0.5&rev=0&impl=6000&run=450&ramp=1&h=24&dr=0.08&cur=USD&wpm=4',
    );
    expect(new Set(Object.values(QUERY_KEYS)).size).toBe(Object.keys(QUERY_KEYS).length);
  });

  it('round-trips any valid inputs exactly', () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        expect(roiInputsSchema.safeParse(inputs).success).toBe(true);
        // Through text too, as a pasted link would be.
        const { inputs: back, rejected } = fromQuery(new URLSearchParams(toQuery(inputs).toString()));
        expect(rejected).toEqual([]);
        expect(back).toEqual(inputs);
      }),
      { numRuns: 300 },
    );
  });

  it('starts from the named preset and takes only the keys given', () => {
    const { inputs, rejected } = fromQuery(new URLSearchParams('p=renewal-prep&n=55&utm_source=newsletter&x=1'));
    expect(rejected).toEqual([]);
    expect(inputs).toEqual({ ...PRESETS['renewal-prep'].inputs, unitsPerMonth: 55 });
    expect(fromQuery(new URLSearchParams('')).inputs).toEqual(DEFAULT_INPUTS);
    expect(fromQuery(new URLSearchParams('p=custom')).inputs).toEqual({ ...DEFAULT_INPUTS, preset: 'custom' });
  });

  it('falls back an unknown preset to the default and says so', () => {
    const { inputs, rejected } = fromQuery(new URLSearchParams('p=payroll'));
    expect(inputs).toEqual(DEFAULT_INPUTS);
    expect(rejected).toEqual([
      { key: 'p', field: 'preset', message: 'Workflow: Choose one of the listed workflows or your own. Used Lead routing and first reply instead.' },
    ]);
  });

  it('falls back each tampered value to the preset and lists it', () => {
    const tampered = ['abc', '-5', '1e309', 'NaN', '', '9'.repeat(400), 'Infinity', '0x10', '<script>'];
    const base = PRESETS['document-intake'].inputs;
    for (const field of numberFields) {
      for (const raw of tampered) {
        const params = new URLSearchParams({ p: 'document-intake' });
        params.set(QUERY_KEYS[field], raw);
        const { inputs, rejected } = fromQuery(params);
        expect(inputs).toEqual(base);
        expect(rejected).toHaveLength(1);
        expect(rejected[0]).toMatchObject({ key: QUERY_KEYS[field], field });
        expect(rejected[0]?.message).toMatch(/^.+: .+\. Used .+ instead\.$/);
      }
    }
  });

  it('gives specific messages for tampered values, naming each field as the form labels it', () => {
    const { rejected } = fromQuery(new URLSearchParams('p=document-intake&n=abc&ch=-5&impl=1e309&run=&h=13&cur=dollars&u=file'));
    expect(rejected.map((r) => r.message)).toEqual([
      'Files or accounts per month: Enter a number. Used 300 instead.',
      'Loaded cost per hour: Must be 0 or more. Used 55 instead.',
      'One-off implementation cost: That is more than 10,000,000: check the figure. Used 6,000 instead.',
      'Running cost per month: Enter a number. Used 450 instead.',
      'Horizon: Choose a horizon of 12, 24 or 36 months. Used 24 instead.',
      'Currency: Enter a three-letter currency code, like USD. Used USD instead.',
    ]);
  });

  it('states a share it used as the link writes it and as the form shows it', () => {
    // The document intake preset's error rate is 4% (presets.ts); the link holds shares as fractions.
    expect(fromQuery(new URLSearchParams('p=document-intake&er=2')).rejected.map((r) => r.message)).toEqual([
      'Error rate by hand: That is more than 1 (100%): enter a share between 0 and 1. Used 0.04 (4%) instead.',
    ]);
  });

  it('falls back the assisted time, then the manual time, when assisted would exceed manual', () => {
    // Assisted 20 > manual 15: assisted goes back to the preset's 5.
    const first = fromQuery(new URLSearchParams('p=document-intake&ta=20'));
    expect([first.inputs.manualTimePerUnit, first.inputs.assistedTimePerUnit]).toEqual([15, 5]);
    expect(first.rejected).toEqual([
      { key: 'ta', field: 'assistedTimePerUnit', message: 'Time with AI assistance: Cannot be more than the time by hand. Used 5 instead.' },
    ]);
    // Manual 2 with the preset's assisted 5: only the manual time came from the link, so it goes back.
    const second = fromQuery(new URLSearchParams('p=document-intake&tm=2'));
    expect([second.inputs.manualTimePerUnit, second.inputs.assistedTimePerUnit]).toEqual([15, 5]);
    expect(second.rejected.map((r) => r.key)).toEqual(['tm']);
    // Both from the link and inconsistent even after assisted falls back: both go back.
    const both = fromQuery(new URLSearchParams('p=document-intake&tm=2&ta=3'));
    expect([both.inputs.manualTimePerUnit, both.inputs.assistedTimePerUnit]).toEqual([15, 5]);
    expect(both.rejected.map((r) => r.key)).toEqual(['ta', 'tm']);
  });

  it('never throws and always returns valid inputs, whatever the query holds', () => {
    const keys = fc.constantFrom(...Object.values(QUERY_KEYS), 'zzz');
    const values = fc.oneof(fc.string(), fc.constantFrom('abc', '-5', '1e309', 'NaN', '', '1'.repeat(500), '0', '1', '4.2', 'file', 'hours', '24'));
    fc.assert(
      fc.property(fc.array(fc.tuple(keys, values), { maxLength: 25 }), (pairs) => {
        const { inputs, rejected } = fromQuery(new URLSearchParams(pairs));
        expect(roiInputsSchema.safeParse(inputs).success).toBe(true);
        for (const entry of rejected) expect(entry.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scenario definitions', () => {
  it('describes what each scenario moves, for the page to print', () => {
    expect(describeScenario(SCENARIO_ADJUSTMENTS.low)).toEqual([
      'Time saved per unit -25%',
      'Volume -20%',
      'Implementation cost +25%',
      'Ramp-up +1 month',
    ]);
    expect(describeScenario(SCENARIO_ADJUSTMENTS.expected)).toEqual([]);
    expect(describeScenario(SCENARIO_ADJUSTMENTS.high)).toEqual(['Time saved per unit +15%', 'Volume +10%', 'Implementation cost -10%']);
  });
});
