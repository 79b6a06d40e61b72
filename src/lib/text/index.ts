// Formatting helpers every feature uses.
export * from './dates.ts'; // dates as a reader reads them
export * from './date-formats.ts'; // Intl date formatters, built once per locale and options
export * from './lists.ts'; // lists in prose
export * from './numbers.ts'; // numbers in the site's own sentences
export * from './regexp.ts'; // text as a literal inside a pattern
