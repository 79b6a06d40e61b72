import { describe, expect, it } from 'vitest';
import { draftChangedBeforeHydration, draftFromInputs, editDraft, fixesSpoken, keptOwn, parseDraft, presetDraft, restyleDraft, type Draft } from '../../../src/lib/roi/form.ts';
import { roiFormatters, currencyForLocale, decimalMark } from '../../../src/lib/roi/format.ts';
import { cashFlowCsv } from '../../../src/lib/roi/csv.ts';
import { DEFAULT_INPUTS, PRESETS } from '../../../src/lib/roi/presets.ts';
import { computeRoi } from '../../../src/lib/roi/model.ts';
import { NUMBER_FIELDS } from '../../../src/lib/roi/schema.ts';

describe('numbers typed in the number format the visitor chose', () => {
  it('knows which formats write a decimal comma', () => {
    expect(['en-US', 'en-GB', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'nl-NL', 'xx-invalid'].map(decimalMark)).toEqual(['.', '.', '.', ',', ',', ',', ',', '.']);
  });

  it('reads 4.500 as four thousand five hundred and 4,5 as four and a half under a comma, and the English way under a point', () => {
    const typed = (implementationCost: string, mark: '.' | ',') => parseDraft({ ...draftFromInputs(DEFAULT_INPUTS, mark), implementationCost }, mark);
    expect(typed('4.500', ',').inputs?.implementationCost).toBe(4500);
    expect(typed('12.500,50', ',').inputs?.implementationCost).toBe(12500.5);
    expect(typed('4 500', ',').inputs?.implementationCost).toBe(4500); // fr groups with a space
    expect(typed('4500,5', ',').inputs?.implementationCost).toBe(4500.5);
    expect(typed('4.5', ',').inputs?.implementationCost).toBe(4.5); // a point that is not a group stays a decimal
    expect(typed('4.500', '.').inputs?.implementationCost).toBe(4.5);
    expect(typed('4,500', '.').inputs?.implementationCost).toBe(4500);
    expect(typed('4,5', '.').errors.implementationCost).toBe('Write decimals with a point, like 4.5, or pick a number format that uses a comma');
    expect(typed('4,5,6', ',').errors.implementationCost).toBe('Enter a number');
    expect(typed('4.5.6', ',').errors.implementationCost).toBe('Enter a number');
  });

  it('reads percentages with a comma too', () => {
    const draft = { ...draftFromInputs(DEFAULT_INPUTS, ','), annualDiscountRate: '7,5 %' };
    expect(parseDraft(draft, ',').inputs?.annualDiscountRate).toBe(0.075);
  });

  it('writes a scenario with the comma, and a German draft parses back to the same inputs', () => {
    const inputs = { ...DEFAULT_INPUTS, weeksPerMonth: 4.33, annualDiscountRate: 0.125 };
    const draft = draftFromInputs(inputs, ',');
    expect([draft.weeksPerMonth, draft.annualDiscountRate, draft.implementationCost]).toEqual(['4,33', '12,5', String(DEFAULT_INPUTS.implementationCost)]);
    expect(parseDraft(draft, ',').inputs).toEqual(inputs);
  });

  it('writes the fields again when the number format changes, and leaves text that is not a number as typed', () => {
    const english = { ...draftFromInputs({ ...DEFAULT_INPUTS, weeksPerMonth: 4.33 }), costPerHour: 'abc' };
    const german = restyleDraft(english, '.', ',');
    expect([german.weeksPerMonth, german.costPerHour, german.currency]).toEqual(['4,33', 'abc', english.currency]);
    expect(restyleDraft(german, ',', '.').weeksPerMonth).toBe('4.33');
  });
});

describe('calculator form state', () => {
  it("keeps the visitor's conventions when another example workflow is picked, and takes the workflow's figures", () => {
    // The visitor set 36 months at 12% in euros with the calendar month; each of these edits keeps the preset.
    let draft = draftFromInputs(DEFAULT_INPUTS);
    for (const [name, raw] of [['horizonMonths', '36'], ['annualDiscountRate', '12'], ['currency', 'EUR'], ['weeksPerMonth', '4.33']] as const) draft = editDraft(draft, name, raw);
    expect(draft.preset).toBe(DEFAULT_INPUTS.preset);
    const current = parseDraft(draft).inputs!;
    const picked = parseDraft(presetDraft(draft, current, 'document-intake')).inputs!;
    expect(picked).toMatchObject({ preset: 'document-intake', horizonMonths: 36, annualDiscountRate: 0.12, currency: 'EUR', weeksPerMonth: 4.33 });
    // The brief's document intake figures: 15 minutes a file by hand, 5 with AI assistance, 300 files.
    expect(picked).toMatchObject({ unit: 'file', unitsPerMonth: 300, manualTimePerUnit: 15, assistedTimePerUnit: 5 });
  });

  it("brings the visitor's own figures back when they pick their own workflow again after an example", () => {
    // Pick as the island does: keep what the visitor leaves, then take the option's draft.
    let own: Draft | undefined;
    const pick = (draft: Draft, id: Parameters<typeof presetDraft>[2], mark: '.' | ',' = '.') => {
      own = keptOwn(draft, own, mark);
      return presetDraft(draft, parseDraft(draft, mark).inputs ?? DEFAULT_INPUTS, id, mark, own);
    };
    let draft = editDraft(editDraft(draftFromInputs(DEFAULT_INPUTS), 'manualTimePerUnit', '30'), 'costPerHour', '90');
    expect(draft.preset).toBe('custom');
    // An arrow key passes Renewal prep on the way: its figures show, the visitor's are kept.
    draft = pick(draft, 'renewal-prep');
    expect([draft.preset, draft.manualTimePerUnit]).toEqual(['renewal-prep', '45']);
    draft = pick(draft, 'custom');
    expect(draft).toMatchObject({ preset: 'custom', manualTimePerUnit: '30', costPerHour: '90' });
    // Through two examples, and text that is not a number yet: all of it comes back as typed.
    draft = editDraft(draft, 'revenuePerMonth', '12x');
    draft = pick(pick(draft, 'crm-cleanup'), 'document-intake');
    expect(pick(draft, 'custom')).toMatchObject({ manualTimePerUnit: '30', costPerHour: '90', revenuePerMonth: '12x' });
  });

  it("brings them back with the conventions and the number format chosen meanwhile", () => {
    let own: Draft | undefined;
    let draft = editDraft(draftFromInputs(DEFAULT_INPUTS), 'implementationCost', '4500.5');
    own = keptOwn(draft, own, '.');
    draft = presetDraft(draft, parseDraft(draft).inputs!, 'crm-cleanup', '.', own);
    // On the example: a German number format, then the visitor's conventions.
    draft = restyleDraft(draft, '.', ',');
    for (const [name, raw] of [['currency', 'EUR'], ['weeksPerMonth', '4,33'], ['horizonMonths', '36'], ['annualDiscountRate', '12,5']] as const) draft = editDraft(draft, name, raw);
    expect(draft.preset).toBe('crm-cleanup');
    own = keptOwn(draft, own, ',');
    const back = presetDraft(draft, parseDraft(draft, ',').inputs!, 'custom', ',', own);
    expect(back).toMatchObject({ preset: 'custom', implementationCost: '4500,5', currency: 'EUR', weeksPerMonth: '4,33', horizonMonths: '36', annualDiscountRate: '12,5' });
    expect(parseDraft(back, ',').inputs).toMatchObject({ implementationCost: 4500.5, weeksPerMonth: 4.33, annualDiscountRate: 0.125 });
  });

  it('without figures of their own, picking their own workflow changes only the choice', () => {
    const draft = draftFromInputs(PRESETS['crm-cleanup'].inputs);
    expect(presetDraft(draft, PRESETS['crm-cleanup'].inputs, 'custom', '.', keptOwn(draft, undefined, '.'))).toEqual({ ...draft, preset: 'custom' });
  });

  it('shows shares as percentages and parses them back exactly', () => {
    const draft = draftFromInputs({ ...DEFAULT_INPUTS, coverageShare: 0.85, errorRate: 0.07, annualDiscountRate: 0.08 });
    expect([draft.coverageShare, draft.errorRate, draft.annualDiscountRate]).toEqual(['85', '7', '8']);
    expect(parseDraft(draft).inputs).toMatchObject({ coverageShare: 0.85, errorRate: 0.07, annualDiscountRate: 0.08 });
  });

  it('round-trips every preset', () => {
    for (const preset of Object.values(PRESETS)) expect(parseDraft(draftFromInputs(preset.inputs))).toEqual({ inputs: preset.inputs, errors: {} });
  });

  it('gives one specific message per bad field and no inputs', () => {
    const draft = { ...draftFromInputs(DEFAULT_INPUTS), costPerHour: 'abc', coverageShare: '120', errorRate: '-1', rampUpMonths: '1.5', horizonMonths: '18' };
    const { inputs, errors } = parseDraft(draft);
    expect(inputs).toBeNull();
    expect(errors).toEqual({
      costPerHour: 'Enter a number',
      coverageShare: 'Must be at most 100%',
      errorRate: 'Must be 0% or more',
      rampUpMonths: 'Enter a whole number',
      horizonMonths: 'Choose a horizon of 12, 24 or 36 months',
    });
  });

  it('accepts a trailing percent sign and rejects words', () => {
    expect(parseDraft({ ...draftFromInputs(DEFAULT_INPUTS), coverageShare: '80 %' }).inputs?.coverageShare).toBe(0.8);
    expect(parseDraft({ ...draftFromInputs(DEFAULT_INPUTS), coverageShare: 'most' }).errors.coverageShare).toBe('Enter a percentage, like 25');
  });

  it('gives a percentage field with a decimal comma the decimal-comma message, not "Enter a percentage"', () => {
    const draft = { ...draftFromInputs(DEFAULT_INPUTS), coverageShare: '2,5', errorRate: '2,5', errorReduction: '2,5 %', annualDiscountRate: '2,5' };
    const comma = 'Write decimals with a point, like 4.5, or pick a number format that uses a comma';
    expect(parseDraft(draft).errors).toEqual({ coverageShare: comma, errorRate: comma, errorReduction: comma, annualDiscountRate: comma });
  });

  it("quotes an example in the decimal-comma message that the field itself accepts", () => {
    const { errors } = parseDraft({ ...draftFromInputs(DEFAULT_INPUTS), weeksPerMonth: '4,3', rampUpMonths: '2,5', implementationCost: '4,5' });
    expect(errors).toEqual({
      // 4 to 4.35 weeks: 4.5 would be refused; 4.2 is the middle to one decimal.
      weeksPerMonth: 'Write decimals with a point, like 4.2, or pick a number format that uses a comma',
      // Whole months: no decimal is accepted, so no decimal example.
      rampUpMonths: 'Enter a whole number',
      implementationCost: 'Write decimals with a point, like 4.5, or pick a number format that uses a comma',
    });
    // Every field, typed with a decimal comma: the example given is then accepted in that field.
    const names = Object.keys(NUMBER_FIELDS);
    expect(names).toHaveLength(14);
    for (const name of names) {
      const message = parseDraft({ ...draftFromInputs(DEFAULT_INPUTS), [name]: '1,5' }).errors[name as keyof typeof errors];
      const example = message?.match(/like ([\d.]+),/)?.[1];
      if (name === 'rampUpMonths') continue;
      expect(example, name).toBeDefined();
      expect(parseDraft({ ...draftFromInputs(DEFAULT_INPUTS), [name]: example! }).errors, `${name}: ${example}`).toEqual({});
    }
  });

  it("writes the figures of a message in the visitor's number format", () => {
    const german = (fields: Partial<Record<string, string>>) => parseDraft({ ...draftFromInputs(DEFAULT_INPUTS, ','), unit: 'file', timeUnit: 'minutes', ...fields }, ',', 'de-DE').errors;
    expect(german({ costPerHour: '2000' })).toEqual({ costPerHour: 'That is more than 1.000 an hour: check the figure' });
    expect(german({ unitsPerMonth: '2.000.000' })).toEqual({ unitsPerMonth: 'That is more than 1.000.000 files a month: check the figure' });
    expect(german({ weeksPerMonth: '5' })).toEqual({ weeksPerMonth: 'That is more than 4,35 weeks a month: the calendar average is 4,33' });
    expect(german({ manualTimePerUnit: '20.000' })).toEqual({ manualTimePerUnit: 'That is more than 10.000 minutes per file: check the figure' });
    // Without a locale (and in a link) they stay in en-US.
    expect(parseDraft({ ...draftFromInputs(DEFAULT_INPUTS), costPerHour: '2000' }).errors).toEqual({ costPerHour: 'That is more than 1,000 an hour: check the figure' });
    expect(parseDraft({ ...draftFromInputs(DEFAULT_INPUTS), weeksPerMonth: '3.5' }, '.', 'en-US').errors).toEqual({ weeksPerMonth: 'Use at least 4 weeks a month' });
  });

  it('says which field needs a fix and what is wrong: the first as the form labels it, after the count when there are several', () => {
    const spoken = (fields: Partial<Draft>) => {
      const draft = { ...draftFromInputs(DEFAULT_INPUTS), ...fields };
      return fixesSpoken(parseDraft(draft).errors, draft.unit);
    };
    expect(spoken({})).toBe('');
    expect(spoken({ manualTimePerUnit: 'abc' })).toBe('Time by hand: Enter a number.');
    expect(spoken({ coverageShare: '150' })).toBe('Share of the volume the workflow handles: Must be at most 100%.');
    expect(spoken({ coverageShare: 'most' })).toBe('Share of the volume the workflow handles: Enter a percentage, like 25.');
    // In the form's order, whatever order they were typed in.
    expect(spoken({ implementationCost: '-1', manualTimePerUnit: 'abc', costPerHour: 'x' })).toBe('3 fields need a fix. First, Time by hand: Enter a number.');
    // The item count is named as the form names it for the unit chosen.
    expect(spoken({ unit: 'file', unitsPerMonth: 'lots' })).toBe('Files per month: Enter a number.');
    // The cross-field rule is said on the field it is shown on.
    expect(spoken({ manualTimePerUnit: '2', assistedTimePerUnit: '3' })).toBe('Time with AI assistance: Cannot be more than the time by hand.');
  });

  it('puts the cross-field rule on the assisted time', () => {
    const { inputs, errors } = parseDraft({ ...draftFromInputs(DEFAULT_INPUTS), manualTimePerUnit: '2', assistedTimePerUnit: '3' });
    expect(inputs).toBeNull();
    expect(errors).toEqual({ assistedTimePerUnit: 'Cannot be more than the time by hand' });
  });
});

describe('formatting', () => {
  it('formats money in the chosen locale and currency, never as -0', () => {
    expect(roiFormatters('en-US', 'USD').money(1234.4)).toBe('$1,234');
    expect(roiFormatters('de-DE', 'EUR').money(1234.4)).toBe('1.234\u00a0€');
    expect(roiFormatters('en-US', 'USD').money(-0.3)).toBe('$0');
  });
  it('falls back instead of throwing on unknown locales or currencies', () => {
    expect(roiFormatters('xx-invalid-locale-tag-!!', 'USD').money(5)).toBe('$5');
    expect(roiFormatters('en-US', 'ZZZZ').money(5)).toBe('$5');
  });
  it('guesses a currency from the region', () => {
    expect(currencyForLocale('de-DE')).toBe('EUR');
    expect(currencyForLocale('en-GB')).toBe('GBP');
    expect(currencyForLocale('en')).toBeUndefined();
  });
});

describe('CSV export', () => {
  it('has a header and one row per month with plain numbers', () => {
    const result = computeRoi(DEFAULT_INPUTS);
    const lines = cashFlowCsv(DEFAULT_INPUTS, result).trim().split('\n');
    expect(lines).toHaveLength(DEFAULT_INPUTS.horizonMonths + 2);
    expect(lines[0]).toBe('month,cash flow (USD),cumulative (USD),"cumulative, cautious","cumulative, optimistic"');
    const last = lines.at(-1)!.split(',');
    expect(Number(last[0])).toBe(DEFAULT_INPUTS.horizonMonths);
    expect(Number(last[2])).toBeCloseTo(result.months.at(-1)!.cumulative, 2);
  });
});

// The visitor used the server-rendered form before the island ran; the island then starts from the
// defaults or a shared link's scenario and takes what was changed as edits.
describe('what was changed in the form before hydration', () => {
  const start = draftFromInputs(DEFAULT_INPUTS);

  it('changes nothing when nothing was changed', () => {
    expect(draftChangedBeforeHydration(start, DEFAULT_INPUTS, {})).toBeNull();
  });

  it('takes a figure typed into an example as the visitor\'s own workflow', () => {
    const next = draftChangedBeforeHydration(start, DEFAULT_INPUTS, { manualTimePerUnit: '10' })!;
    expect(next).toEqual({ ...start, manualTimePerUnit: '10', preset: 'custom' });
    expect(parseDraft(next).inputs?.manualTimePerUnit).toBe(10);
  });

  it('keeps the example when only a convention was changed', () => {
    expect(draftChangedBeforeHydration(start, DEFAULT_INPUTS, { weeksPerMonth: '4.33', currency: 'EUR' })).toEqual({ ...start, weeksPerMonth: '4.33', currency: 'EUR' });
  });

  it('fills in an example picked, then lays the figures typed over it', () => {
    const picked = draftChangedBeforeHydration(start, DEFAULT_INPUTS, { preset: 'crm-cleanup', weeksPerMonth: '4.33' })!;
    expect([picked.preset, picked.unit, picked.manualTimePerUnit, picked.assistedTimePerUnit, picked.weeksPerMonth]).toEqual(['crm-cleanup', 'month', '10', '3', '4.33']);
    const typedOver = draftChangedBeforeHydration(start, DEFAULT_INPUTS, { preset: 'crm-cleanup', assistedTimePerUnit: '4' })!;
    expect([typedOver.preset, typedOver.manualTimePerUnit, typedOver.assistedTimePerUnit]).toEqual(['custom', '10', '4']);
  });

  it('writes an example picked with the visitor\'s decimal mark, and ignores one that does not exist', () => {
    const german = draftFromInputs(DEFAULT_INPUTS, ',');
    expect(draftChangedBeforeHydration(german, DEFAULT_INPUTS, { preset: 'document-intake', weeksPerMonth: '4,33' }, ',')).toMatchObject({ preset: 'document-intake', unit: 'file', weeksPerMonth: '4,33' });
    expect(draftChangedBeforeHydration(start, DEFAULT_INPUTS, { preset: 'payroll' })).toBeNull();
  });

  it('keeps text that is not a number as typed, for the field to say what is wrong', () => {
    const next = draftChangedBeforeHydration(start, DEFAULT_INPUTS, { costPerHour: 'fifty' })!;
    expect(next.costPerHour).toBe('fifty');
    expect(parseDraft(next).errors.costPerHour).toBeDefined();
  });
});
