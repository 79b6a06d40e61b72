// `npm start` runs this after `astro build`: the built site and the api/ routes on one port.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, serverConfig, type ServerConfig } from '../api/_lib/runtime/config.ts';
import { createSiteServer } from './_lib/server.ts';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.env.DATA_DIR = resolve(rootDir, process.env.DATA_DIR ?? '.data');

// The settings are checked before the server listens: a bad one stops it here, by name.
let config: ServerConfig;
try {
  config = serverConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
mkdirSync(config.dataDir, { recursive: true });

const server = createSiteServer({ rootDir, trustProxy: config.trustProxy });
server.listen(config.port, config.host, () => {
  console.log(`AI Operator site on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}  (data in ${config.dataDir})`);
});

// The retry job (Vercel Cron in production) runs here on a timer: stale calendar feeds, delivery, then the sweeps.
const { apiContext } = await import('../api/_lib/runtime/context.ts');
const { deliverDue } = await import('../api/_lib/mail/outbox.ts');
const { deliveryOptions } = await import('../api/_lib/mail/deliver.ts');
const { sweepRateLimits } = await import('../api/_lib/http/rate-limit.ts');
const { deleteExpiredRecords } = await import('../api/_lib/store/retention.ts');
const { refreshStaleFeeds } = await import('../api/_lib/calendar/refresh.ts');
const retry = setInterval(async () => {
  try {
    const ctx = await apiContext();
    await refreshStaleFeeds(ctx, { maxAgeMs: config.busyFeedTtlSeconds * 1000 });
    const stats = await deliverDue(ctx.db, ctx.mailer, deliveryOptions(ctx, 200));
    await sweepRateLimits(ctx.db, 24 * 3600);
    await deleteExpiredRecords(ctx.db);
    if (stats.sent || stats.retried || stats.dead) console.log(`[outbox] sent ${stats.sent}, retrying ${stats.retried}, dead ${stats.dead}`);
  } catch (error) {
    console.error('[outbox] retry run failed:', error);
  }
}, config.outboxRetryMs);
retry.unref();

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
