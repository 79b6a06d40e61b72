// `npm run leads -- <command>`: the operator's view of the lead store.
//   subscribers [--status pending|confirmed|unsubscribed] [--csv]   list or export subscribers
//   messages [--status pending|sending|sent|dead] [--csv]            list queued and sent email
//   failed                                                          messages that were dead-lettered, with their last error
//   retry                                                           deliver due messages now, for one run's time (DELIVERY_BUDGET_MS; against
//                                                                   a hosted database only with RESEND_API_KEY set here)
//   requeue [--since YYYY-MM-DD] [--key KEY]                         put dead messages back in the queue once their cause is fixed: those
//                                                                   that went dead from that date on (in BOOKING_TIMEZONE) and/or with that key
//   bookings [--from YYYY-MM-DD] [--csv]                             booked calls from that date on (in BOOKING_TIMEZONE), with their context, source and outcome
//   funnel [--since YYYY-MM-DD] [--csv]                             views, sign-ups and bookings by page, utm_source, preset, readiness
//                                                                   band and referring site, and the calls' outcomes (default: the last 7 days)
//   calendar [--csv]                                                each calendar feed (BOOKING_BUSY_FEEDS): state, last refresh, age, counts, last error
// Reads DATA_DIR / DATABASE_URL like the server, so it works on the embedded file and a hosted database.
// A command takes only its own options; a mistyped command or option is refused before the database opens.
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../src/lib/readiness/dates.ts';
import { startOfLocalDate } from '../src/lib/booking/slots.ts';
import { ConfigError, serverConfig } from '../api/_lib/runtime/config.ts';
import { MESSAGE_STATUSES, SUBSCRIBER_STATUSES, bookings, calendarReport, funnelCsv, funnelReport, funnelText, messages, parseSince, subscribers, toCsv, toTable } from './_lib/leads-report.ts';

const OPTIONS = { status: { type: 'string' }, from: { type: 'string' }, since: { type: 'string' }, key: { type: 'string' }, csv: { type: 'boolean' } } as const;
type Option = keyof typeof OPTIONS;
/** Each command and the options it reads: any other option is refused, not silently ignored. */
const COMMANDS: Record<string, Option[]> = {
  subscribers: ['status', 'csv'],
  messages: ['status', 'csv'],
  failed: ['csv'],
  retry: [],
  requeue: ['since', 'key'],
  bookings: ['from', 'csv'],
  funnel: ['since', 'csv'],
  calendar: ['csv'],
};
const usage = 'usage: npm run leads -- subscribers|messages|failed|retry|requeue|bookings|calendar|funnel [--status S] [--from YYYY-MM-DD] [--since YYYY-MM-DD] [--key KEY] [--csv]';

function refuse(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

// The command line is checked before anything opens the database: a typo creates no data folder and runs no migration.
let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
try {
  parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
} catch (error) {
  refuse(`${(error as Error).message}\n${usage}`);
}
const { positionals, values } = parsed;
const command = positionals[0] ?? 'help';
if (command === 'help') {
  console.log(usage);
  process.exit(0);
}
const allowed = COMMANDS[command];
if (!allowed) refuse(`"${command}" is not a command.\n${usage}`);
if (positionals.length > 1) refuse(`${command} takes no argument "${positionals[1]}".\n${usage}`);
for (const option of Object.keys(values) as Option[]) {
  if (!allowed.includes(option)) {
    const takes = allowed.length ? `it takes ${allowed.map((o) => `--${o}`).join(', ')}` : 'it takes none';
    refuse(`${command} has no --${option} option: ${takes}.`);
  }
}
// Every dead message at once would also resend the ones that died for good, months ago: name them.
if (command === 'requeue') {
  if (values.since === undefined && values.key === undefined) refuse('requeue needs --since YYYY-MM-DD, --key KEY or both: it puts back only the dead messages you name.');
  if (values.since !== undefined && !isCalendarDate(values.since)) refuse(`--since must be a real date written YYYY-MM-DD (got "${values.since}")`);
}

let config: ReturnType<typeof serverConfig>;
try {
  config = serverConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  refuse(error.message, 1);
}
// Against the shared database, a run without the deployment's mail key would write due email to this
// machine's outbox folder and mark it sent for everyone: the visitor would never get it.
if (command === 'retry' && !config.databaseUrl.startsWith('file:') && !config.resendApiKey) {
  refuse(
    'retry refused: DATABASE_URL is a hosted database but RESEND_API_KEY is not set here, so due email would only be written to this machine and marked sent. Set the same RESEND_API_KEY and MAIL_FROM as the deployment, or let its retry job deliver (every 5 minutes).',
  );
}

function checkStatus(statuses: readonly string[]): string | undefined {
  if (values.status && !statuses.includes(values.status)) refuse(`--status must be one of: ${statuses.join(', ')}`);
  return values.status;
}

// Loaded after the checks: the context module checks the settings as it loads, and throws.
const { apiContext } = await import('../api/_lib/runtime/context.ts');
const { deliverDue, requeueDead } = await import('../api/_lib/mail/outbox.ts');
const { deliveryOptions } = await import('../api/_lib/mail/deliver.ts');
const ctx = await apiContext();
const print = (rows: Awaited<ReturnType<typeof subscribers>>) => process.stdout.write(values.csv ? toCsv(rows) : toTable(rows));

if (command === 'subscribers') print(await subscribers(ctx.db, checkStatus(SUBSCRIBER_STATUSES)));
else if (command === 'messages') print(await messages(ctx.db, checkStatus(MESSAGE_STATUSES)));
else if (command === 'failed') print(await messages(ctx.db, 'dead'));
else if (command === 'bookings') {
  if (values.from && !isCalendarDate(values.from)) refuse(`--from must be a real date written YYYY-MM-DD (got "${values.from}")`);
  print(await bookings(ctx.db, values.from, ctx.config.booking.timeZone));
} else if (command === 'funnel') {
  const now = new Date();
  const period = parseSince(values.since, now);
  if ('error' in period) refuse(period.error);
  const report = await funnelReport(ctx.db, period.since, now);
  process.stdout.write(values.csv ? funnelCsv(report) : funnelText(report));
} else if (command === 'calendar') {
  if (ctx.config.busyFeeds.length === 0) console.log('No calendar feeds: set BOOKING_BUSY_FEEDS to block the times your own calendar is busy.');
  else print(await calendarReport(ctx.db, ctx.config.busyFeeds, new Date(), ctx.config.booking.timeZone));
} else if (command === 'retry') {
  // Without OPERATOR_WEBHOOK_URL here, webhook messages wait for a run that has it (the deployment's), not cancelled.
  const { webhook, ...options } = deliveryOptions(ctx, 500);
  const stats = await deliverDue(ctx.db, ctx.mailer, { ...options, ...(ctx.config.operatorWebhook ? { webhook } : {}) });
  console.log(stats);
  if (stats.handedBack > 0) console.log(`${stats.handedBack} left for the next run: this one's time was up. Run retry again to send them now.`);
} else if (command === 'requeue') {
  const since = values.since === undefined ? undefined : startOfLocalDate(values.since, ctx.config.booking.timeZone);
  const lines = await requeueDead(ctx.db, { diedSince: since, key: values.key });
  const requeued = lines.filter((line) => line.leftDead === null);
  if (lines.length === 0) console.log('No dead message matches: nothing requeued.');
  if (requeued.length > 0) {
    print(requeued.map((line) => ({ kind: line.kind, recipient: line.recipient, idempotency_key: line.idempotencyKey, died_at: line.diedAt, attempts: line.attempts, last_error: line.lastError })));
    console.log(`Requeued ${requeued.length} dead message${requeued.length === 1 ? '' : 's'}, each under its own idempotency key: the next delivery run sends them (the retry job, within 5 minutes; or npm run leads -- retry).`);
  }
  for (const line of lines) if (line.leftDead !== null) console.log(`Left dead: ${line.idempotencyKey} (${line.leftDead}).`);
}
