// The server's settings: production refuses missing or malformed ones by name, numbers are checked at
// start, and the origins a form may come from are the configured ones, never the request's Host.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../api/_lib/runtime/config.ts';
import { assertSameOrigin, HttpError } from '../../api/_lib/http/request-guards.ts';
import { PLACEHOLDER_SITE_URL, resolveSiteUrl } from '../../src/config/site-url.ts';
import { configError as errorOf } from '../fixtures/config-error.ts';

const PRODUCTION = {
  VERCEL_ENV: 'production',
  SITE_URL: 'https://aioperator.com',
  SITE_SECRET: 's'.repeat(40),
  DATABASE_URL: 'libsql://ai-operator-team.turso.io',
  CRON_SECRET: 'c'.repeat(24),
  RESEND_API_KEY: 're_live_key',
  MAIL_FROM: 'AI Operator <hello@aioperator.com>',
  OPERATOR_EMAIL: 'calls@aioperator.com',
  RESEND_SEGMENT_ID: 'seg_newsletter',
  RESEND_WEBHOOK_SECRET: 'whsec_c2VjcmV0LWZvci10aGUtY29uZmlnLXRlc3Q=',
};

describe('server settings', () => {
  it('run locally with no settings at all, on embedded defaults', () => {
    const config = readConfig({});
    expect(config.production).toBe(false);
    expect(config.databaseUrl).toMatch(/^file:.*\.data\/site\.db$/);
    expect(config.siteUrl).toBe('http://localhost:4321');
    expect(config.newsletterRateLimit).toBe(10);
    expect(config.outboxRetryMs).toBe(30_000);
    expect(config.trustProxy).toBe(false);
  });

  it('trust X-Forwarded-For only when TRUST_PROXY is 1, and refuse any other value by name', () => {
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(errorOf({ TRUST_PROXY: 'yes' })).toMatch(/- TRUST_PROXY must be 1 \(behind a reverse proxy that sets X-Forwarded-For\) or 0/);
  });

  it('are accepted in production when every required one is there', () => {
    const config = readConfig(PRODUCTION);
    expect(config.production).toBe(true);
    expect(config.siteUrl).toBe('https://aioperator.com');
    expect(config.databaseUrl).toBe('libsql://ai-operator-team.turso.io');
    expect([...config.allowedOrigins]).toEqual(['https://aioperator.com']);
  });

  it('stop production with every missing variable named', () => {
    for (const flag of [{ VERCEL_ENV: 'production' }, { NODE_ENV: 'production' }]) {
      const message = errorOf(flag);
      for (const name of ['SITE_URL', 'SITE_SECRET', 'DATABASE_URL', 'CRON_SECRET', 'RESEND_API_KEY', 'MAIL_FROM', 'OPERATOR_EMAIL', 'RESEND_SEGMENT_ID', 'RESEND_WEBHOOK_SECRET']) expect(message, name).toMatch(new RegExp(`- ${name} is required in production`));
    }
    // One missing among good ones: only that one is named.
    expect(errorOf({ ...PRODUCTION, DATABASE_URL: '' })).toBe(
      "The server's settings are not valid:\n  - DATABASE_URL is required in production: the hosted libSQL database (libsql://…); production never falls back to a local file\nSee .env.example for what each variable means.",
    );
  });

  it('refuse malformed values by name, in production and locally', () => {
    // Without the prefix, and with base64 cut short (the SDK cannot decode it: every event would be refused).
    for (const secret of ['c2VjcmV0', 'whsec_abc', 'whsec_c2VjcmV0=='.slice(0, -1)]) {
      expect(errorOf({ ...PRODUCTION, RESEND_WEBHOOK_SECRET: secret }), secret).toMatch(/- RESEND_WEBHOOK_SECRET must be the signing secret Resend shows for the webhook, whsec_ followed by base64/);
    }
    expect(readConfig({ ...PRODUCTION, RESEND_WEBHOOK_SECRET: ' whsec_c2VjcmV0 ' }).resendWebhookSecret).toBe('whsec_c2VjcmV0');
    expect(errorOf({ ...PRODUCTION, SITE_URL: 'aioperator.com' })).toMatch(/- SITE_URL must be an absolute URL/);
    expect(errorOf({ ...PRODUCTION, SITE_URL: 'https://aioperator.com/blog' })).toMatch(/- SITE_URL must be an origin only/);
    expect(errorOf({ ...PRODUCTION, SITE_URL: 'http://aioperator.com' })).toMatch(/- SITE_URL must use https:\/\/ in production/);
    expect(errorOf({ ...PRODUCTION, SITE_SECRET: 'short' })).toMatch(/- SITE_SECRET must be at least 32 characters/);
    expect(errorOf({ ...PRODUCTION, DATABASE_URL: 'postgres://x' })).toMatch(/- DATABASE_URL must be a libSQL URL/);
    expect(errorOf({ ...PRODUCTION, CRON_SECRET: 'abc' })).toMatch(/- CRON_SECRET must be at least 16 characters/);
    expect(errorOf({ ...PRODUCTION, MAIL_FROM: 'AI Operator' })).toMatch(/- MAIL_FROM must be an address/);
    expect(errorOf({ VERCEL_ENV: 'staging' })).toMatch(/- VERCEL_ENV must be production, preview or development/);
    expect(errorOf({ ...PRODUCTION, OPERATOR_EMAIL: 'calls' })).toMatch(/- OPERATOR_EMAIL must be an email address/);
    // The booking form's rule, which the invite's ORGANIZER line needs: a label ending in '-' is refused.
    expect(errorOf({ ...PRODUCTION, OPERATOR_EMAIL: 'ops@a-.com' })).toMatch(/- OPERATOR_EMAIL must be an email address/);
  });

  it('accept RESEND_BASE_URL only for a local stand-in, since the SDK sends it the API key', () => {
    for (const url of ['https://api.resend.example', 'https://api.resend.com', 'http://10.0.0.5:4010', 'http://user:pw@127.0.0.1:4010', 'not a url']) {
      expect(errorOf({ ...PRODUCTION, RESEND_BASE_URL: url }), url).toMatch(/- RESEND_BASE_URL is only for tests: it must be the address of a local stand-in/);
      expect(errorOf({ RESEND_BASE_URL: url }), url).toMatch(/- RESEND_BASE_URL is only for tests/);
    }
    expect(readConfig({ ...PRODUCTION, RESEND_BASE_URL: 'http://127.0.0.1:4010/' }).resendBaseUrl).toBe('http://127.0.0.1:4010');
    expect(readConfig({ RESEND_BASE_URL: 'http://localhost:4010' }).resendBaseUrl).toBe('http://localhost:4010');
    expect(readConfig(PRODUCTION).resendBaseUrl).toBeUndefined();
  });

  it('refuse a placeholder sender in production by name, and accept one locally', () => {
    expect(errorOf({ ...PRODUCTION, MAIL_FROM: 'AI Operator <hello@aioperator.example>' })).toBe(
      "The server's settings are not valid:\n  - MAIL_FROM must be a real sender in production: \"hello@aioperator.example\" is on a reserved .example domain, which receives no mail (use an address on the domain verified in Resend)\nSee .env.example for what each variable means.",
    );
    expect(errorOf({ ...PRODUCTION, MAIL_FROM: 'news@mail.example.com' })).toMatch(/- MAIL_FROM must be a real sender in production: "news@mail\.example\.com" is on example\.com, a domain reserved for examples/);
    expect(errorOf({ ...PRODUCTION, MAIL_FROM: 'Ops <ops@Example.ORG>' })).toMatch(/- MAIL_FROM must be a real sender/);
    expect(errorOf({ ...PRODUCTION, MAIL_FROM: 'hello@aioperator.test' })).toMatch(/- MAIL_FROM must be a real sender in production: "hello@aioperator\.test" is on a reserved \.test domain/);
    // Only the address counts: a display name that mentions an example is a real sender.
    expect(errorOf({ ...PRODUCTION, MAIL_FROM: 'example.com fan club <hello@aioperator.com>' })).toBeNull();
    // A malformed value is named once, for its format.
    expect(errorOf({ ...PRODUCTION, MAIL_FROM: 'hello@' })).toMatch(/- MAIL_FROM must be an address or "Name <address>"\nSee/);
    expect(errorOf({ ...PRODUCTION, MAIL_FROM: 'hello@' })).not.toMatch(/real sender/);
    expect(readConfig({ MAIL_FROM: 'AI Operator <hello@aioperator.example>' }).mailFrom).toBe('AI Operator <hello@aioperator.example>');
    expect(readConfig({ VERCEL_ENV: 'preview', MAIL_FROM: 'hello@aioperator.example' }).mailFrom).toBe('hello@aioperator.example');
  });

  it('refuse a placeholder operator inbox in production by name, and accept one locally', () => {
    expect(errorOf({ ...PRODUCTION, OPERATOR_EMAIL: 'calls@aioperator.example' })).toBe(
      "The server's settings are not valid:\n  - OPERATOR_EMAIL must be an inbox someone reads in production: \"calls@aioperator.example\" is on a reserved .example domain, which receives no mail\nSee .env.example for what each variable means.",
    );
    expect(errorOf({ ...PRODUCTION, OPERATOR_EMAIL: 'calls@example.com' })).toMatch(/- OPERATOR_EMAIL must be an inbox someone reads in production: "calls@example\.com" is on example\.com/);
    // A malformed value is named once, for its format.
    expect(errorOf({ ...PRODUCTION, OPERATOR_EMAIL: 'calls@' })).not.toMatch(/inbox someone reads/);
    expect(readConfig({ OPERATOR_EMAIL: 'calls@aioperator.example' }).operatorEmail).toBe('calls@aioperator.example');
  });

  it('read the operator\'s booking rules from the environment, and refuse a bad one by name and part', () => {
    const rules = readConfig({ BOOKING_TIMEZONE: 'America/New_York', BOOKING_HOURS: 'mon-thu 08:00-12:00; fri 08:00-11:00', BOOKING_BLOCKED_DATES: '2026-12-24, 2026-12-25', BOOKING_NOTICE_HOURS: '24' }).booking;
    expect(rules.timeZone).toBe('America/New_York');
    expect(rules.weeklyHours.fri).toEqual([{ start: '08:00', end: '11:00' }]);
    expect(rules.weeklyHours.sat).toEqual([]);
    expect(rules.blockedDates).toEqual(['2026-12-24', '2026-12-25']);
    expect(rules.minimumNoticeHours).toBe(24);
    expect(rules.slotMinutes).toBe(20);
    expect(errorOf({ BOOKING_HOURS: 'mon-fri 09:00-08:00' })).toMatch(/- BOOKING_HOURS "09:00-08:00" ends before it starts/);
    expect(errorOf({ BOOKING_BLOCKED_DATES: '2026-02-30' })).toMatch(/- BOOKING_BLOCKED_DATES "2026-02-30" is not a real date/);
    expect(errorOf({ BOOKING_TIMEZONE: 'Berlin' })).toMatch(/- BOOKING_TIMEZONE must be an IANA time zone/);
    expect(errorOf({ BOOKING_DAILY_CAP: '0' })).toMatch(/- BOOKING_DAILY_CAP must be at least 1/);
  });

  it('refuse numbers that do not parse, instead of running with NaN', () => {
    expect(errorOf({ NEWSLETTER_RATE_LIMIT: 'ten' })).toMatch(/- NEWSLETTER_RATE_LIMIT must be a whole number/);
    expect(errorOf({ NEWSLETTER_RATE_LIMIT: '0' })).toMatch(/- NEWSLETTER_RATE_LIMIT must be at least 1/);
    expect(errorOf({ OUTBOX_RETRY_MS: '30s' })).toMatch(/- OUTBOX_RETRY_MS must be a whole number/);
    expect(errorOf({ PORT: '99999' })).toMatch(/- PORT must be at most 65535/);
    // 0 would let the system pick a port, and the server would print and link to :0.
    expect(errorOf({ PORT: '0' })).toMatch(/- PORT must be at least 1/);
    expect(readConfig({ NEWSLETTER_RATE_LIMIT: ' 25 ', OUTBOX_RETRY_MS: '' }).newsletterRateLimit).toBe(25);
  });

  it('refuse an operator feed key shorter than 32 characters by name, and leave the feed off without one', () => {
    expect(errorOf({ ...PRODUCTION, OPERATOR_FEED_KEY: 'k'.repeat(31) })).toMatch(/- OPERATOR_FEED_KEY must be at least 32 characters/);
    expect(errorOf({ OPERATOR_FEED_KEY: 'too-short' })).toMatch(/- OPERATOR_FEED_KEY must be at least 32 characters/);
    expect(readConfig({ ...PRODUCTION, OPERATOR_FEED_KEY: 'k'.repeat(32) }).operatorFeedKey).toBe('kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk');
    expect(readConfig(PRODUCTION).operatorFeedKey).toBeUndefined();
    expect(readConfig({ OPERATOR_FEED_KEY: '' }).operatorFeedKey).toBeUndefined();
  });

  it('allow form posts from the site, from a preview deployment\'s own URLs, and locally from the server', () => {
    const preview = readConfig({ VERCEL_ENV: 'preview', SITE_URL: 'https://aioperator.com', VERCEL_URL: 'site-abc123-team.vercel.app', VERCEL_BRANCH_URL: 'site-git-feature-team.vercel.app' });
    expect([...preview.allowedOrigins].sort()).toEqual(['https://aioperator.com', 'https://site-abc123-team.vercel.app', 'https://site-git-feature-team.vercel.app']);
    // Links in a preview's emails still come from SITE_URL; without it, from the branch's stable URL.
    expect(preview.siteUrl).toBe('https://aioperator.com');
    expect(readConfig({ VERCEL_ENV: 'preview', VERCEL_URL: 'site-abc123-team.vercel.app', VERCEL_BRANCH_URL: 'site-git-feature-team.vercel.app' }).siteUrl).toBe('https://site-git-feature-team.vercel.app');
    // Production does not accept its deployment URL: only the public origin.
    expect([...readConfig({ ...PRODUCTION, VERCEL_URL: 'site-abc123-team.vercel.app' }).allowedOrigins]).toEqual(['https://aioperator.com']);
    expect([...readConfig({ PORT: '4400' }).allowedOrigins].sort()).toEqual(['http://127.0.0.1:4400', 'http://[::1]:4400', 'http://localhost:4400']);
  });

  it('tell a Vercel deployment (any VERCEL_ENV) from the local server, and let a preview start without CRON_SECRET', () => {
    for (const env of ['production', 'preview', 'development']) expect(readConfig(env === 'production' ? PRODUCTION : { VERCEL_ENV: env }).onVercel, env).toBe(true);
    expect(readConfig({}).onVercel).toBe(false);
    // The retry job refuses every call there instead (api/outbox/retry.ts): the rest of a preview works.
    expect(readConfig({ VERCEL_ENV: 'preview' }).cronSecret).toBeUndefined();
  });

  it('keep a Vercel preview without DATABASE_URL or DATA_DIR in the writable /tmp, not the read-only function folder', () => {
    const preview = readConfig({ VERCEL_ENV: 'preview' });
    expect(preview.dataDir).toBe(join(tmpdir(), 'ai-operator-data'));
    expect(preview.databaseUrl).toBe(`file:${join(tmpdir(), 'ai-operator-data', 'site.db')}`);
    // Set ones still win; off Vercel the default stays the project's .data folder.
    expect(readConfig({ VERCEL_ENV: 'preview', DATA_DIR: '/mnt/data' }).dataDir).toBe('/mnt/data');
    expect(readConfig({ VERCEL_ENV: 'preview', DATABASE_URL: 'libsql://preview-db.turso.io' }).databaseUrl).toBe('libsql://preview-db.turso.io');
    expect(readConfig({}).dataDir).toBe(resolve('.data'));
  });
});

describe('same-origin check', () => {
  const allowed = readConfig({ VERCEL_ENV: 'preview', SITE_URL: 'https://aioperator.com', VERCEL_BRANCH_URL: 'site-git-x.vercel.app' }).allowedOrigins;
  const post = (headers: Record<string, string>) => new Request('https://site-git-x.vercel.app/api/newsletter', { method: 'POST', headers });
  const refused = (request: Request) => {
    try {
      assertSameOrigin(request, allowed);
      return null;
    } catch (error) {
      return (error as HttpError).status;
    }
  };

  it('accepts the site and the preview, and refuses every other origin whatever the Host says', () => {
    expect(refused(post({ origin: 'https://aioperator.com' }))).toBeNull();
    expect(refused(post({ origin: 'https://site-git-x.vercel.app' }))).toBeNull();
    expect(refused(post({ origin: 'https://evil.example' }))).toBe(403);
    // A forged Host that matches the forged Origin proves nothing.
    expect(refused(new Request('https://evil.example/api/newsletter', { method: 'POST', headers: { origin: 'https://evil.example', host: 'evil.example' } }))).toBe(403);
    expect(refused(post({ 'sec-fetch-site': 'cross-site' }))).toBe(403);
    // Mail clients and server-side callers send no Origin at all.
    expect(refused(post({}))).toBeNull();
  });
});

describe('build-time SITE_URL', () => {
  it('fails a Vercel production build without SITE_URL, and keeps local builds working', () => {
    expect(() => resolveSiteUrl({ VERCEL_ENV: 'production' })).toThrow(/SITE_URL is not set/);
    expect(resolveSiteUrl({ VERCEL_ENV: 'production', SITE_URL: 'https://aioperator.com/' })).toBe('https://aioperator.com');
    expect(resolveSiteUrl({})).toBe(PLACEHOLDER_SITE_URL);
    expect(resolveSiteUrl({ VERCEL_ENV: 'preview' })).toBe(PLACEHOLDER_SITE_URL);
    expect(() => resolveSiteUrl({ SITE_URL: 'aioperator.com' })).toThrow(/absolute URL/);
    expect(() => resolveSiteUrl({ SITE_URL: 'https://aioperator.com/en' })).toThrow(/origin only/);
  });
});
