// The audit booking's rules: pure, shared by the booking island, the API and the emails.
export * from './slots.ts'; // free slots from the operator's rules, a clock, the calls booked and the operator's busy times
export * from './busy-times.ts'; // the operator's busy times merged, and the overlap test the slots use
export * from './hours.ts'; // the operator's hours, blocked dates and overrides from the environment
export * from './request.ts'; // the booking, hold and slots payloads the page and the API share
export * from './format.ts'; // days and times in a person's zone and locale
export * from './calendar-month.ts'; // the month grid's days
export * from './calendar-links.ts'; // Google and Outlook add-to-calendar links
export * from './invite.ts'; // the RFC 5545 invite
export * from './bookings-feed.ts'; // the operator's subscription feed of upcoming calls
export * from './context.ts'; // what the visitor brought, summed up for the operator
