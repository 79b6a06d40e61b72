// The booking form's typed fields kept for a reload: only values the form could hold come back.
import { describe, expect, it } from 'vitest';
import { SAVED_DETAILS_KEY, forgetDetails, saveDetails, savedDetails } from '../../../src/islands/booking/saved-details.ts';
import { EMPTY_DETAILS } from '../../../src/islands/booking/DetailsForm.tsx';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('saved booking details', () => {
  it('keeps the typed fields but not the consent tick or the honeypot, and forgets them', () => {
    const storage = memoryStorage();
    saveDetails({ ...EMPTY_DETAILS, name: 'Ana', email: 'ana@example.com', company: 'Ana Ltd', companySize: '11-50', area: 'sales', goal: 'Faster replies.', consent: true, website: 'bot' }, storage);
    expect(JSON.parse(storage.getItem(SAVED_DETAILS_KEY)!)).toEqual({ name: 'Ana', email: 'ana@example.com', company: 'Ana Ltd', companySize: '11-50', area: 'sales', goal: 'Faster replies.' });
    expect(savedDetails(storage)).toEqual({ name: 'Ana', email: 'ana@example.com', company: 'Ana Ltd', companySize: '11-50', area: 'sales', goal: 'Faster replies.' });
    forgetDetails(storage);
    expect(storage.length).toBe(0);
    expect(savedDetails(storage)).toEqual({});
  });

  it('leaves out what the form could not hold: unknown choices, wrong types, text over its limit, broken JSON', () => {
    const stored = { name: 42, email: 'ok@example.com', company: 'x'.repeat(121), companySize: '7', area: 'marketing', goal: ['x'], consent: true };
    expect(savedDetails(memoryStorage({ [SAVED_DETAILS_KEY]: JSON.stringify(stored) }))).toEqual({ email: 'ok@example.com' });
    expect(savedDetails(memoryStorage({ [SAVED_DETAILS_KEY]: '{not json' }))).toEqual({});
    expect(savedDetails(memoryStorage({ [SAVED_DETAILS_KEY]: '"a string"' }))).toEqual({});
  });

  it('a storage that refuses writes loses nothing but the saved copy', () => {
    const full = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } as Storage;
    expect(() => saveDetails(EMPTY_DETAILS, full)).not.toThrow();
  });
});
