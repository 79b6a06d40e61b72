// Time as the code counts it.
export * from './durations.ts'; // a minute, an hour and a day in milliseconds
export * from './instants.ts'; // an instant written as the site stores it (toIso)
