// Formatting at the edge: values stay plain numbers and dates until shown.

const dateFormat = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'October 6, 2026': the month spelled out, as the site's US English writes a date. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/**
 * 'February 24, 2027' from '2027-02-24': a calendar date as typed into a date field, written out. Text that
 * is not a real date stays as typed: Intl throws on an invalid Date, and Date rolls '2027-02-30' into March.
 */
export function formatCalendarDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === isoDate ? dateFormat.format(date) : isoDate;
}
