// Time as the code counts it.
export * from './durations.ts'; // a minute, an hour and a day in milliseconds
