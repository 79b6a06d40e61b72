// Formatting helpers every feature uses.
export * from './dates.ts'; // dates as a reader reads them
