// The server's settings: one zod schema over the environment, checked once at start. A bad value
// stops the process (or the Vercel function) with a message naming the variable, instead of
// surfacing later as NaN, a silent 401 or a link built for the wrong host. Every variable is
// documented in .env.example.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { defaultBookingRules, type BookingRules } from '../../../src/config/booking.ts';
import { company } from '../../../src/config/company.ts';
import { isEmailAddress, isTimeZone } from '../../../src/lib/booking/request.ts';
import { emailPlaceholderReason, mailboxAddress } from '../../../src/lib/company/placeholders.ts';
import { offGridRules, parseDateList, parseDateOverrides, parseWeeklyHours } from '../../../src/lib/booking/hours.ts';
import { parseBusyFeeds, type BusyFeed } from '../calendar/feed-list.ts';
import { isLoopbackHost } from '../http/loopback-host.ts';
import { parseWebhookUrl, webhookFlavour, type WebhookSettings } from '../webhook/target.ts';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface ServerConfig {
  /** Where the embedded database, the generated secret and the mail outbox live. */
  dataDir: string;
  /** libSQL URL: a `file:` database under dataDir unless DATABASE_URL names another. */
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  resendApiKey: string | undefined;
  /** RESEND_BASE_URL, for tests only: a server on this machine that answers like Resend's API. */
  resendBaseUrl: string | undefined;
  /** Sender of every email, e.g. `AI Operator <hello@example.com>`. */
  mailFrom: string;
  resendSegmentId: string | undefined;
  /** RESEND_WEBHOOK_SECRET: checks the contact events Resend posts to /api/newsletter/provider-events. */
  resendWebhookSecret: string | undefined;
  /**
   * The public origin every emailed link is built from (no trailing slash): SITE_URL, else the
   * deployment's own URL on a Vercel preview, else the local server's own origin. Never a request's Host.
   */
  siteUrl: string;
  /** Origins a form may be posted from: the site's, a preview deployment's own, and locally the server's. */
  allowedOrigins: ReadonlySet<string>;
  siteSecret: string | undefined;
  /** Vercel Cron sends `Authorization: Bearer <CRON_SECRET>` to the retry route. */
  cronSecret: string | undefined;
  production: boolean;
  /** A Vercel deployment (VERCEL_ENV set: production, preview or development), not the local server: no local origins, no open retry job. */
  onVercel: boolean;
  /**
   * The retry job may run for anyone when CRON_SECRET is unset: only a development server nobody else can
   * reach (not on Vercel, not in production, bound to a loopback address).
   */
  retryJobOpen: boolean;
  /** The local server's port and interface (`npm start`). */
  port: number;
  host: string;
  /** TRUST_PROXY=1: the local server sits behind a reverse proxy, and takes the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Newsletter sign-ups allowed per client address (or IPv6 /64) in 10 minutes. */
  newsletterRateLimit: number;
  /** How often the local server retries undelivered email. */
  outboxRetryMs: number;
  /** Where booking notices go: every detail of each call, and the same invite. */
  operatorEmail: string;
  /** The calendar rules: src/config/booking.ts, with the BOOKING_* overrides applied. */
  booking: BookingRules;
  /** Booking requests allowed per client address (or IPv6 /64), and per email address, in an hour. */
  bookingRateLimit: number;
  /** Calls one client address (an IPv6 client: its /64; its /48 four times as many) may book in a UTC day, counted only on bookings made. */
  bookingClientDailyLimit: number;
  /** The operator's calendar feeds whose events block times (none: only bookings made here do). */
  busyFeeds: BusyFeed[];
  /** A stored copy of the feeds older than this is refreshed (by one request at a time). */
  busyFeedTtlSeconds: number;
  /** Unlocks the operator's subscription feed of bookings (/api/calendar/bookings.ics?key=…); unset: no feed. */
  operatorFeedKey: string | undefined;
  /** OPERATOR_WEBHOOK_URL (its flavour by host) and OPERATOR_WEBHOOK_SECRET; unset: no webhook messages are queued. */
  operatorWebhook: WebhookSettings | undefined;
}

/** An unset variable and an empty one (as copied from .env.example) mean the same: not set. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());
const integer = (min: number, max: number, fallback: number) =>
  optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)).transform((value) => value ?? fallback);

const origin = z.string().trim().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `must be an absolute URL such as https://example.com (got "${value.slice(0, 60)}")` });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: 'must start with https://' });
  else if (url.pathname !== '/' || url.search || url.hash || url.username) ctx.addIssue({ code: 'custom', message: 'must be an origin only, such as https://example.com, with no path, query or credentials' });
});
/** A text setting parsed by a function that throws a specific message (the booking hours format). */
const parsedBy = <T>(parse: (text: string) => T) =>
  z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
/**
 * Where Resend's SDK sends the API key and every email: only ever a stand-in on this machine. Any
 * other host would receive the key in its Authorization header.
 */
const testResendUrl = z.string().trim().refine((text) => {
  const url = URL.canParse(text) ? new URL(text) : null;
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname) && !url.username && !url.password;
}, 'is only for tests: it must be the address of a local stand-in for Resend such as http://127.0.0.1:4010 (unset it to send through Resend)');
const hostname = z.string().trim().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name such as my-app-git-branch.vercel.app');
const databaseUrl = z.string().trim().regex(/^(libsql|https?|wss?|file):/, 'must be a libSQL URL: libsql://…, https://…, wss://… or file:…');

const MAIL_FROM_FORMAT = /^([^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

const envSchema = z
  .object({
    NODE_ENV: optional(z.string()),
    VERCEL_ENV: optional(z.enum(['production', 'preview', 'development'], { error: 'must be production, preview or development' })),
    VERCEL_URL: optional(hostname),
    VERCEL_BRANCH_URL: optional(hostname),
    SITE_URL: optional(origin),
    SITE_SECRET: optional(z.string().min(32, 'must be at least 32 characters (for example `openssl rand -base64 48`)')),
    DATABASE_URL: optional(databaseUrl),
    DATABASE_AUTH_TOKEN: optional(z.string()),
    RESEND_API_KEY: optional(z.string()),
    RESEND_BASE_URL: optional(testResendUrl),
    MAIL_FROM: optional(z.string().regex(MAIL_FROM_FORMAT, 'must be an address or "Name <address>"')),
    RESEND_SEGMENT_ID: optional(z.string()),
    // Whole base64 (a length of 4n): Resend's SDK refuses anything else at the first event, as a bad signature.
    RESEND_WEBHOOK_SECRET: optional(z.string().trim().refine((text) => /^whsec_[A-Za-z0-9+/]+={0,2}$/.test(text) && (text.length - 'whsec_'.length) % 4 === 0, 'must be the signing secret Resend shows for the webhook, whsec_ followed by base64')),
    CRON_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
    DATA_DIR: optional(z.string()),
    PORT: integer(1, 65_535, 4321),
    HOST: optional(z.string()),
    TRUST_PROXY: optional(z.enum(['0', '1'], { error: 'must be 1 (behind a reverse proxy that sets X-Forwarded-For) or 0' })),
    NEWSLETTER_RATE_LIMIT: integer(1, 1_000_000_000, 10),
    OUTBOX_RETRY_MS: integer(1_000, 86_400_000, 30_000),
    // The booking form's own rule: the operator is the ORGANIZER of every invite, which refuses what the form refuses.
    OPERATOR_EMAIL: optional(z.string().trim().refine(isEmailAddress, 'must be an email address such as calls@example.com')),
    BOOKING_RATE_LIMIT: integer(1, 1_000_000_000, 10),
    BOOKING_CLIENT_DAILY_LIMIT: integer(1, 1_000_000_000, 3),
    BOOKING_TIMEZONE: optional(z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')),
    BOOKING_HOURS: optional(parsedBy(parseWeeklyHours)),
    BOOKING_BLOCKED_DATES: optional(parsedBy(parseDateList)),
    BOOKING_DATE_OVERRIDES: optional(parsedBy(parseDateOverrides)),
    BOOKING_NOTICE_HOURS: optional(z.coerce.number({ error: 'must be a number of hours' }).min(0, 'must be 0 or more').max(24 * 30, 'must be at most 720')),
    BOOKING_HORIZON_DAYS: optional(z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').max(365, 'must be at most 365')),
    BOOKING_DAILY_CAP: optional(z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100')),
    BOOKING_BUSY_FEEDS: optional(parsedBy(parseBusyFeeds)),
    BOOKING_BUSY_TTL_SECONDS: integer(1, 86_400, 300),
    OPERATOR_FEED_KEY: optional(z.string().min(32, 'must be at least 32 characters (for example `openssl rand -hex 32`)')),
    // A secret URL: the messages (../webhook/target.ts) name the variable and never repeat the value.
    OPERATOR_WEBHOOK_URL: optional(parsedBy(parseWebhookUrl)),
    OPERATOR_WEBHOOK_SECRET: optional(z.string().min(16, 'must be at least 16 characters (for example `openssl rand -hex 32`)')),
  });

// Production never falls back: a local file, a made-up secret or a guessed origin would lose or misroute leads.
const REQUIRED_IN_PRODUCTION: [string, string][] = [
  ['SITE_URL', 'the public origin, such as https://example.com: every emailed link is built from it'],
  ['SITE_SECRET', 'signs the links in emails; at least 32 random characters'],
  ['DATABASE_URL', 'the hosted libSQL database (libsql://…); production never falls back to a local file'],
  ['CRON_SECRET', 'Vercel Cron sends it to /api/outbox/retry; without it the retry job refuses every call, the scheduler\'s too'],
  ['RESEND_API_KEY', 'production sends email through Resend; the local outbox folder is not writable on Vercel'],
  ['MAIL_FROM', 'the sender, an address on a domain verified in Resend'],
  ['OPERATOR_EMAIL', 'every booking notice goes there'],
  ['RESEND_SEGMENT_ID', 'the Resend segment confirmed subscribers join and newsletter issues are sent to; without it they join none and never get an issue'],
  ['RESEND_WEBHOOK_SECRET', "the signing secret of the Resend webhook that posts contact events to /api/newsletter/provider-events; without it a reader who leaves through an issue's unsubscribe link stays subscribed on the site, and signing up again later sends them nothing"],
];

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** The names of this machine alone: a server bound to one is reachable from nowhere else. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** Reads and checks the environment; throws a ConfigError listing every bad variable by name. */
export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production' || env.VERCEL_ENV === 'production';
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `  - ${String(issue.path[0] ?? 'environment')} ${issue.message}`);
  // The rules set in code (src/config/booking.ts): a length off the claim grid would offer times no booking can claim.
  for (const problem of offGridRules(defaultBookingRules)) problems.push(`  - src/config/booking.ts: ${problem}`);
  if (production) {
    for (const [name, why] of REQUIRED_IN_PRODUCTION) if (!isSet(env[name])) problems.push(`  - ${name} is required in production: ${why}`);
    if (env.SITE_URL?.trim().startsWith('http://')) problems.push('  - SITE_URL must use https:// in production');
    // The placeholder rule of the company's contact address (src/lib/company/placeholders.ts): mail from
    // a reserved example domain is refused by Resend or lands in spam, and replies go nowhere.
    const mailFrom = env.MAIL_FROM?.trim();
    const placeholder = mailFrom && MAIL_FROM_FORMAT.test(mailFrom) ? emailPlaceholderReason(mailboxAddress(mailFrom)) : null;
    if (placeholder) problems.push(`  - MAIL_FROM must be a real sender in production: ${placeholder} (use an address on the domain verified in Resend)`);
    // Every booking notice goes to the operator: one sent to a placeholder inbox is a lead nobody reads.
    const operatorEmail = env.OPERATOR_EMAIL?.trim();
    const operatorPlaceholder = operatorEmail && isEmailAddress(operatorEmail) ? emailPlaceholderReason(operatorEmail) : null;
    if (operatorPlaceholder) problems.push(`  - OPERATOR_EMAIL must be an inbox someone reads in production: ${operatorPlaceholder}`);
  }
  // A receiver that is neither Slack nor Teams gets plain JSON, and only ever signed.
  if (isSet(env.OPERATOR_WEBHOOK_URL) && !isSet(env.OPERATOR_WEBHOOK_SECRET) && URL.canParse(env.OPERATOR_WEBHOOK_URL!.trim()) && webhookFlavour(env.OPERATOR_WEBHOOK_URL!.trim()) === 'json') {
    problems.push('  - OPERATOR_WEBHOOK_SECRET is required when OPERATOR_WEBHOOK_URL is neither a Slack nor a Teams webhook: the receiver checks the X-Webhook-Signature header with it (at least 16 characters)');
  }
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`The server's settings are not valid:\n${[...new Set(problems)].sort().join('\n')}\nSee .env.example for what each variable means.`);
  }
  const e = parsed.data;
  const preview = e.VERCEL_ENV === 'preview' ? [e.VERCEL_URL, e.VERCEL_BRANCH_URL].filter((h): h is string => Boolean(h)).map((h) => `https://${h}`) : [];
  const onVercel = e.VERCEL_ENV !== undefined;
  // A function's own folder is read-only on Vercel: a preview with no DATABASE_URL keeps its file (and
  // its generated secret) in /tmp, one per instance, instead of failing every API call.
  const dataDir = resolve(e.DATA_DIR ?? (onVercel ? join(tmpdir(), 'ai-operator-data') : '.data'));
  // Off Vercel and out of production, the local server (or astro dev) is the site, under any of its names.
  const localServer = !production && !onVercel;
  const localOrigins = localServer ? LOOPBACK_HOSTS.map((h) => `http://${h.includes(':') ? `[${h}]` : h}:${e.PORT}`) : [];
  const host = e.HOST ?? '127.0.0.1';
  const siteUrl = e.SITE_URL ? new URL(e.SITE_URL).origin : (preview[preview.length - 1] ?? `http://localhost:${e.PORT}`);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${resolve(dataDir, 'site.db')}`,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    resendApiKey: e.RESEND_API_KEY,
    resendBaseUrl: e.RESEND_BASE_URL?.replace(/\/+$/, ''),
    mailFrom: e.MAIL_FROM ?? 'AI Operator <hello@aioperator.example>',
    resendSegmentId: e.RESEND_SEGMENT_ID,
    resendWebhookSecret: e.RESEND_WEBHOOK_SECRET,
    siteUrl,
    allowedOrigins: new Set([siteUrl, ...preview, ...localOrigins]),
    siteSecret: e.SITE_SECRET,
    cronSecret: e.CRON_SECRET,
    production,
    onVercel,
    port: e.PORT,
    host,
    retryJobOpen: localServer && LOOPBACK_HOSTS.includes(host.replace(/^\[(.*)\]$/, '$1')),
    trustProxy: e.TRUST_PROXY === '1',
    newsletterRateLimit: e.NEWSLETTER_RATE_LIMIT,
    outboxRetryMs: e.OUTBOX_RETRY_MS,
    operatorEmail: e.OPERATOR_EMAIL ?? company.contactEmail,
    bookingRateLimit: e.BOOKING_RATE_LIMIT,
    bookingClientDailyLimit: e.BOOKING_CLIENT_DAILY_LIMIT,
    busyFeeds: e.BOOKING_BUSY_FEEDS ?? [],
    busyFeedTtlSeconds: e.BOOKING_BUSY_TTL_SECONDS,
    operatorFeedKey: e.OPERATOR_FEED_KEY,
    operatorWebhook: e.OPERATOR_WEBHOOK_URL
      ? { url: e.OPERATOR_WEBHOOK_URL, flavour: webhookFlavour(e.OPERATOR_WEBHOOK_URL), secret: e.OPERATOR_WEBHOOK_SECRET }
      : undefined,
    booking: {
      ...defaultBookingRules,
      timeZone: e.BOOKING_TIMEZONE ?? defaultBookingRules.timeZone,
      weeklyHours: e.BOOKING_HOURS ?? defaultBookingRules.weeklyHours,
      blockedDates: e.BOOKING_BLOCKED_DATES ?? defaultBookingRules.blockedDates,
      dateOverrides: e.BOOKING_DATE_OVERRIDES ?? defaultBookingRules.dateOverrides,
      minimumNoticeHours: e.BOOKING_NOTICE_HOURS ?? defaultBookingRules.minimumNoticeHours,
      horizonDays: e.BOOKING_HORIZON_DAYS ?? defaultBookingRules.horizonDays,
      dailyCap: e.BOOKING_DAILY_CAP ?? defaultBookingRules.dailyCap,
    },
  };
}

let checked: ServerConfig | undefined;

/** The process's settings, checked on first use and kept: what the api/ routes and scripts read. */
export function serverConfig(): ServerConfig {
  checked ??= readConfig();
  return checked;
}
