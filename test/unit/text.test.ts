// The shared text helpers, against hand-written strings.
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatNumber, listText } from '../../src/lib/text/index.ts';
import { compoundParts } from '../../src/lib/text/compounds.ts';

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

describe('formatCalendarDate', () => {
  it('writes a typed date out, on its own day whatever the zone', () => {
    expect(formatCalendarDate('2027-02-24')).toBe('February 24, 2027');
    expect(formatCalendarDate('2028-02-29')).toBe('February 29, 2028');
  });

  it('leaves text that is not a real date as typed, rather than throw or move it to another day', () => {
    for (const text of ['2027-02-30', '2027-13-01', '2027-2-3', '', 'soon']) expect(formatCalendarDate(text)).toBe(text);
  });
});

describe('compoundParts', () => {
  it('marks number-unit compounds so a heading never breaks at their hyphen', () => {
    expect(compoundParts('Book a 20-minute AI workflow audit')).toEqual([
      { text: 'Book a ', compound: false },
      { text: '20-minute', compound: true },
      { text: ' AI workflow audit', compound: false },
    ]);
    expect(compoundParts('30-day build, then a 12-months plan')).toEqual([
      { text: '30-day', compound: true },
      { text: ' build, then a ', compound: false },
      { text: '12-months', compound: true },
      { text: ' plan', compound: false },
    ]);
  });
  it('leaves other hyphens and plain text alone', () => {
    expect(compoundParts('Hire, fractional or outside: a well-run workflow')).toEqual([{ text: 'Hire, fractional or outside: a well-run workflow', compound: false }]);
    expect(compoundParts('')).toEqual([]);
  });
});
