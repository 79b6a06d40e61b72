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

// The retry job (Vercel Cron in production) runs here on a timer, the same jobs: stale calendar feeds, delivery, then the sweeps.
const { apiContext } = await import('../api/_lib/runtime/context.ts');
const { runScheduledJobs } = await import('../api/_lib/runtime/scheduled-jobs.ts');
const retry = setInterval(async () => {
  try {
    const { delivery: stats } = await runScheduledJobs(await apiContext());
    if (stats.sent || stats.retried || stats.dead || stats.handedBack) console.log(`[outbox] sent ${stats.sent}, retrying ${stats.retried}, dead ${stats.dead}, left for the next run ${stats.handedBack}`);
  } catch (error) {
    console.error('[outbox] retry run failed:', error);
  }
}, config.outboxRetryMs);
retry.unref();

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
