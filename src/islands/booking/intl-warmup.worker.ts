// The page's first Intl call, off the main thread (warm-date-data.ts says why). The formatter asks for
// the parts the calendar writes: weekday, month, day and time, in the visitor's own zone.
const timeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(0);
postMessage('warm');
