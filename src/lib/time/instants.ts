// An instant as the site writes it: ISO 8601 in UTC, a whole second without its milliseconds.

/** '2026-12-08T09:00:00Z' (Date's '…:00.000Z' without the zero milliseconds), as bookings, holds and claims store their times. */
export const toIso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
