// Numbers as a visitor reads them: currency and digits in their locale, chosen at the edge only.

/** Formatters for one locale and currency; roiFormatters makes them. */
export interface RoiFormatters {
  /** Whole amounts unless fractionDigits asks for more, e.g. 2 for cents. */
  money: (value: number, fractionDigits?: number) => string;
  /** Axis labels: 12.5k, -3k. */
  moneyShort: (value: number) => string;
  /** Grouped digits, at most fractionDigits decimals (0 unless asked). */
  number: (value: number, fractionDigits?: number) => string;
  /** A share as a whole percentage: 0.25 is 25%. */
  percent: (share: number) => string;
}

/** The locale if Intl supports it, else undefined; malformed tags make Intl throw, so this never does. */
export function supportedLocale(locale: string): string | undefined {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0];
  } catch {
    return undefined;
  }
}

/** How a visitor writes a decimal in the form's fields: a point, or a comma (de, fr, es, nl). */
export type DecimalMark = '.' | ',';

/** The decimal mark of `locale`'s number format (a point when Intl does not know the locale). */
export function decimalMark(locale: string): DecimalMark {
  const part = new Intl.NumberFormat(supportedLocale(locale) ?? 'en-US').formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/** Falls back to en-US / USD when the browser names a locale or currency Intl does not know. */
export function roiFormatters(locale: string, currency: string): RoiFormatters {
  const safeLocale = supportedLocale(locale) ?? 'en-US';
  const moneyFormats = new Map<number, Intl.NumberFormat>();
  const moneyFormat = (maximumFractionDigits: number) => {
    let format = moneyFormats.get(maximumFractionDigits);
    if (!format) {
      try {
        format = new Intl.NumberFormat(safeLocale, { style: 'currency', currency, maximumFractionDigits });
      } catch {
        format = new Intl.NumberFormat(safeLocale, { style: 'currency', currency: 'USD', maximumFractionDigits });
      }
      moneyFormats.set(maximumFractionDigits, format);
    }
    return format;
  };
  let shortFormat: Intl.NumberFormat;
  try {
    shortFormat = new Intl.NumberFormat(safeLocale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  } catch {
    shortFormat = new Intl.NumberFormat(safeLocale, { notation: 'compact', maximumFractionDigits: 1 });
  }
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const percentFormat = new Intl.NumberFormat(safeLocale, { style: 'percent', maximumFractionDigits: 0 });
  // -0 would print as "-$0"; rounding noise like -0.4 should read as 0 too.
  const tidy = (value: number, fractionDigits = 0) => (Math.abs(value) < 0.5 / 10 ** fractionDigits ? 0 : value);
  return {
    money: (value, fractionDigits = 0) => moneyFormat(fractionDigits).format(tidy(value, fractionDigits)),
    moneyShort: (value) => shortFormat.format(tidy(value)),
    number: (value, fractionDigits = 0) => {
      let format = numberFormats.get(fractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(safeLocale, { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
        numberFormats.set(fractionDigits, format);
      }
      return format.format(value);
    },
    percent: (share) => percentFormat.format(share),
  };
}

/** Locales offered in the calculator's format picker (the visitor's own is added when missing). */
export const FORMAT_LOCALES = [
  { id: 'en-US', label: 'English (US)' },
  { id: 'en-GB', label: 'English (UK)' },
  { id: 'de-DE', label: 'Deutsch' },
  { id: 'fr-FR', label: 'Français' },
  { id: 'es-ES', label: 'Español' },
  { id: 'nl-NL', label: 'Nederlands' },
  { id: 'en-IN', label: 'English (India)' },
] as const;

/** Currencies offered in the calculator's currency picker (a linked one not listed is added). */
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'INR', 'JPY'] as const;

/** The currency a locale's region usually uses, for a sensible first guess. */
export function currencyForLocale(locale: string): string | undefined {
  const region = locale.split('-')[1]?.toUpperCase();
  const byRegion: Record<string, string> = {
    US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', IN: 'INR', JP: 'JPY',
    DE: 'EUR', FR: 'EUR', ES: 'EUR', NL: 'EUR', IT: 'EUR', AT: 'EUR', BE: 'EUR', IE: 'EUR', FI: 'EUR', PT: 'EUR',
  };
  return region ? byRegion[region] : undefined;
}
