// The company's facts as pages show them: each only when it is set.
import { describe, expect, it } from 'vitest';
import { addressLines, priceList, questionsForTheCall, responsibleParty } from '../../../src/lib/company/facts.ts';

const NO_TERMS = { afterAudit: null, ownership: null, ifYouStop: null };
const NO_PRICES = { audit: null, build: null, upkeep: null };

describe('the responsible party', () => {
  it('is the legal name with the postal address as lines, when they are set', () => {
    expect(responsibleParty({ legalName: 'AI Operator GmbH', postalAddress: 'Musterstraße 1\n\n  10115 Berlin \nGermany', contactEmail: 'hello@aioperator.com' }, 'AI Operator')).toEqual({
      name: 'AI Operator GmbH',
      addressLines: ['Musterstraße 1', '10115 Berlin', 'Germany'],
      email: 'hello@aioperator.com',
    });
  });

  it('falls back to the trade name and no address on a local build', () => {
    expect(responsibleParty({ legalName: ' ', postalAddress: null, contactEmail: 'hello@aioperator.example' }, 'AI Operator')).toEqual({ name: 'AI Operator', addressLines: [], email: 'hello@aioperator.example' });
    expect(addressLines('')).toEqual([]);
  });
});

describe('the price list', () => {
  it('shows only the prices that are set, in the order an engagement meets them', () => {
    expect(priceList(NO_PRICES)).toEqual([]);
    expect(priceList({ audit: 'Free', build: null, upkeep: ' ' })).toEqual([{ item: 'The 20-minute workflow audit', price: 'Free' }]);
    expect(priceList({ upkeep: '€900 a month', build: 'from €6,000', audit: null })).toEqual([
      { item: 'A 30-day build of one workflow', price: 'from €6,000' },
      { item: 'Upkeep after the review', price: '€900 a month' },
    ]);
  });
});

describe('questions for the audit call', () => {
  it('asks about each engagement fact the company has not stated, and nothing it has', () => {
    expect(questionsForTheCall({ pricing: NO_PRICES, engagement: NO_TERMS })).toEqual([
      'What will we have in writing after this call?',
      'What would a 30-day build of this workflow cost?',
      'What would upkeep after the review cost?',
      'Who owns what the build creates: the automations, the prompts and the accounts?',
      'If we stop before the review, or end the upkeep later, what do we receive, and what keeps running?',
    ]);
    expect(questionsForTheCall({
      pricing: { audit: null, build: 'from €6,000', upkeep: '€900 a month' },
      engagement: { afterAudit: 'A one-page summary.', ownership: 'You do.', ifYouStop: 'We hand over.' },
    })).toEqual([]);
    expect(questionsForTheCall({ pricing: { ...NO_PRICES, build: 'from €6,000' }, engagement: { ...NO_TERMS, ownership: 'You do.' } })).toEqual([
      'What will we have in writing after this call?',
      'What would upkeep after the review cost?',
      'If we stop before the review, or end the upkeep later, what do we receive, and what keeps running?',
    ]);
  });
});
