// Formatting helpers every feature uses.
export * from './dates.ts'; // dates as a reader reads them
export * from './lists.ts'; // lists in prose
export * from './numbers.ts'; // numbers in the site's own sentences
