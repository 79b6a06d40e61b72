// What every route needs, built once per process: config, the migrated store, the secret, the mailer.
import type { Client } from '@libsql/client';
import { readConfig, type ServerConfig } from './config.ts';
import { getDb } from './db.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { siteSecret } from './secret.ts';

export interface ApiContext {
  config: ServerConfig;
  db: Client;
  secret: string;
  mailer: Mailer;
}

let context: Promise<ApiContext> | undefined;

export function apiContext(): Promise<ApiContext> {
  context ??= (async () => {
    const config = readConfig();
    const secret = siteSecret(config);
    return { config, secret, db: await getDb(config), mailer: createMailer(config) };
  })();
  context.catch(() => (context = undefined));
  return context;
}
