// Formatting at the edge: values stay plain numbers and dates until shown.

const dateFormat = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'October 6, 2026': the month spelled out, as the site's US English writes a date. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** 'February 24, 2027' from '2027-02-24': a calendar date as typed into a date field, written out. */
export function formatCalendarDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
