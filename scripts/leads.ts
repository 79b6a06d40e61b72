// `npm run leads -- <command>`: the operator's view of the lead store.
//   subscribers [--status pending|confirmed|unsubscribed] [--csv]   list or export subscribers
//   messages [--status pending|sending|sent|dead] [--csv]            list queued and sent email
//   failed                                                          messages that were dead-lettered, with their last error
//   retry                                                           deliver every due message now
//   bookings [--from YYYY-MM-DD] [--csv]                             booked calls from that date on (in BOOKING_TIMEZONE), with their context, source and outcome
//   funnel [--since YYYY-MM-DD] [--csv]                             views, sign-ups and bookings by page, utm_source, preset, readiness
//                                                                   band and referring site, and the calls' outcomes (default: the last 7 days)
//   calendar [--csv]                                                each calendar feed (BOOKING_BUSY_FEEDS): state, last refresh, age, counts, last error
// Reads DATA_DIR / DATABASE_URL like the server, so it works on the embedded file and a hosted database.
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../src/lib/readiness/dates.ts';
import { apiContext } from '../api/_lib/runtime/context.ts';
import { deliverDue } from '../api/_lib/mail/outbox.ts';
import { deliveryOptions } from '../api/_lib/mail/deliver.ts';
import { MESSAGE_STATUSES, SUBSCRIBER_STATUSES, bookings, calendarReport, funnelCsv, funnelReport, funnelText, messages, parseSince, subscribers, toCsv, toTable } from './_lib/leads-report.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { status: { type: 'string' }, from: { type: 'string' }, since: { type: 'string' }, csv: { type: 'boolean', default: false } } });
const command = positionals[0] ?? 'help';
const usage = 'usage: npm run leads -- subscribers|messages|failed|retry|bookings|calendar|funnel [--status S] [--from YYYY-MM-DD] [--since YYYY-MM-DD] [--csv]';

function checkStatus(allowed: readonly string[]): string | undefined {
  if (values.status && !allowed.includes(values.status)) {
    console.error(`--status must be one of: ${allowed.join(', ')}`);
    process.exit(2);
  }
  return values.status;
}

const ctx = await apiContext();
const print = (rows: Awaited<ReturnType<typeof subscribers>>) => process.stdout.write(values.csv ? toCsv(rows) : toTable(rows));

if (command === 'subscribers') print(await subscribers(ctx.db, checkStatus(SUBSCRIBER_STATUSES)));
else if (command === 'messages') print(await messages(ctx.db, checkStatus(MESSAGE_STATUSES)));
else if (command === 'failed') print(await messages(ctx.db, 'dead'));
else if (command === 'bookings') {
  if (values.from && !isCalendarDate(values.from)) {
    console.error(`--from must be a real date written YYYY-MM-DD (got "${values.from}")`);
    process.exit(2);
  }
  print(await bookings(ctx.db, values.from, ctx.config.booking.timeZone));
} else if (command === 'funnel') {
  const now = new Date();
  const period = parseSince(values.since, now);
  if ('error' in period) {
    console.error(period.error);
    process.exit(2);
  }
  const report = await funnelReport(ctx.db, period.since, now);
  process.stdout.write(values.csv ? funnelCsv(report) : funnelText(report));
} else if (command === 'calendar') {
  if (ctx.config.busyFeeds.length === 0) console.log('No calendar feeds: set BOOKING_BUSY_FEEDS to block the times your own calendar is busy.');
  else print(await calendarReport(ctx.db, ctx.config.busyFeeds, new Date()));
} else if (command === 'retry') console.log(await deliverDue(ctx.db, ctx.mailer, deliveryOptions(ctx, 500)));
else {
  console.error(usage);
  process.exit(command === 'help' ? 0 : 2);
}
