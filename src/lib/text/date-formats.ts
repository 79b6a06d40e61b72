// Intl.DateTimeFormat is slow to build (a locale and time-zone lookup, far more than one format call)
// and safe to share. Building one per label cost the booking page about 0.3 s of main thread while it
// hydrated (4x CPU throttle: the month grid's weekday and day names), so each (locale, options) is
// built once and kept. The cache is bounded: a server asked for every time zone in turn cannot grow it.
export const MAX_KEPT = 500;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The same formatter `new Intl.DateTimeFormat(locale, options)` builds, reused. Throws as it would (a bad zone). */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= MAX_KEPT) formats.clear();
    formats.set(key, format);
  }
  return format;
}
