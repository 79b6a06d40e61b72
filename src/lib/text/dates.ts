// Formatting at the edge: values stay plain numbers and dates until shown.

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '6 October 2026': unambiguous for readers on both sides of the Atlantic. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
