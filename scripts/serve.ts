// `npm start` runs this after `astro build`: the built site and the api/ routes on one port.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSiteServer } from './_lib/server.ts';

const rootDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(rootDir, process.env.DATA_DIR ?? '.data');
process.env.DATA_DIR = dataDir;
mkdirSync(dataDir, { recursive: true });

const server = createSiteServer({ rootDir });
server.listen(port, host, () => {
  console.log(`AI Operator site on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}  (data in ${dataDir})`);
});

// The outbox retry job (Vercel Cron in production) runs here on a timer.
const retryEveryMs = Number(process.env.OUTBOX_RETRY_MS ?? 30_000);
const { apiContext } = await import('../api/_lib/context.ts');
const { deliverDue } = await import('../api/_lib/outbox.ts');
const retry = setInterval(async () => {
  try {
    const ctx = await apiContext();
    const stats = await deliverDue(ctx.db, ctx.mailer, { limit: 200 });
    if (stats.sent || stats.retried || stats.dead) console.log(`[outbox] sent ${stats.sent}, retrying ${stats.retried}, dead ${stats.dead}`);
  } catch (error) {
    console.error('[outbox] retry run failed:', error);
  }
}, retryEveryMs);
retry.unref();

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
