// Runtime settings, read from the environment once. Every variable is documented in .env.example.
import { resolve } from 'node:path';

export interface ServerConfig {
  /** Where the embedded database, the generated secret and the mail outbox live. */
  dataDir: string;
  /** libsql URL: a `file:` database under dataDir unless DATABASE_URL names a hosted one. */
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  resendApiKey: string | undefined;
  /** Sender of every email, e.g. `AI Operator <hello@example.com>`. */
  mailFrom: string;
  resendSegmentId: string | undefined;
  /** Public origin for links in emails; the request's own origin when unset. */
  siteUrl: string | undefined;
  siteSecret: string | undefined;
  /** Vercel Cron sends `Authorization: Bearer <CRON_SECRET>` to the retry route. */
  cronSecret: string | undefined;
  production: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.DATA_DIR ?? '.data');
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL || `file:${resolve(dataDir, 'site.db')}`,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    resendApiKey: env.RESEND_API_KEY || undefined,
    mailFrom: env.MAIL_FROM || 'AI Operator <hello@aioperator.example>',
    resendSegmentId: env.RESEND_SEGMENT_ID || undefined,
    siteUrl: env.SITE_URL || undefined,
    siteSecret: env.SITE_SECRET || undefined,
    cronSecret: env.CRON_SECRET || undefined,
    production: env.NODE_ENV === 'production' || env.VERCEL_ENV === 'production',
  };
}
