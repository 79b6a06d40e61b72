// The times' heading breaks, on a narrow phone, only between the weekday and the date: "Wednesday, December 30"
// is wider than a 320 px phone's card, and a break inside the date once read "Tuesday, December / 8,".
import { describe, expect, it } from 'vitest';
import { dayLabel, dayLabelPieces } from '../../../src/islands/booking/labels.ts';

describe('dayLabelPieces', () => {
  it('splits after the weekday and its punctuation, and the pieces read as the whole label', () => {
    expect(dayLabelPieces('2026-12-30', 'en-US')).toEqual(['Wednesday,', 'December 30']);
    expect(dayLabelPieces('2026-12-30', 'en-GB')).toEqual(['Wednesday', '30 December']);
    expect(dayLabelPieces('2026-12-30', 'de-DE')).toEqual(['Mittwoch,', '30. Dezember']);
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR']) expect(dayLabelPieces('2026-12-30', locale).join(' ')).toBe(dayLabel('2026-12-30', locale));
  });

  it('keeps a label whole where the weekday does not come first', () => {
    const japanese = dayLabelPieces('2026-12-30', 'ja-JP');
    expect(japanese).toEqual([dayLabel('2026-12-30', 'ja-JP')]);
  });
});
