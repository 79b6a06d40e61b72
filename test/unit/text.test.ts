// The shared text helpers, against hand-written strings.
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, listText } from '../../src/lib/text/index.ts';

describe('listText', () => {
  it('lists none, one, two and several items as a sentence does', () => {
    expect(listText([])).toBe('');
    expect(listText(['volume'])).toBe('volume');
    expect(listText(['volume', 'hours'])).toBe('volume and hours');
    expect(listText(['volume', 'hours', 'error rate'])).toBe('volume, hours and error rate');
  });
});

describe('formatNumber', () => {
  it('groups thousands and keeps at most the decimals asked for', () => {
    expect(formatNumber(1000000)).toBe('1,000,000');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(1.23456)).toBe('1.23');
    expect(formatNumber(1.23456, 1)).toBe('1.2');
    expect(formatNumber(0.000001, 6)).toBe('0.000001');
  });
});

describe('formatDate', () => {
  it('writes a date as a reader says it, whatever the machine zone', () => {
    expect(formatDate(new Date('2026-12-01T00:00:00Z'))).toBe('December 1, 2026');
  });
});
