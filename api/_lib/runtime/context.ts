// What every route needs, built once per process: config, the migrated store (and its group commit),
// the secret, the mailer, the operator's webhook sender.
import type { Client } from '@libsql/client';
import { serverConfig, type ServerConfig } from './config.ts';
import { getDb } from '../store/db.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { siteSecret } from '../signing/secret.ts';
import { createWebhookSender, type WebhookSender } from '../webhook/send.ts';
import { createWriteBatches, type WriteBatches } from '../store/write-batches.ts';

export interface ApiContext {
  config: ServerConfig;
  db: Client;
  /** Write transactions that may share a commit with concurrent requests' (see ../store/write-batches.ts). */
  writes: WriteBatches;
  secret: string;
  mailer: Mailer;
  /** Posts the operator's webhook messages (OPERATOR_WEBHOOK_URL); every deliverDue run passes it. */
  webhook: WebhookSender;
}

// Checked when a route module loads, so a function with bad settings stops at start with the
// variable's name in its log, before it answers anything.
serverConfig();

let context: Promise<ApiContext> | undefined;

export function apiContext(): Promise<ApiContext> {
  context ??= (async () => {
    const config = serverConfig();
    const secret = siteSecret(config);
    const db = await getDb(config);
    return { config, secret, db, writes: createWriteBatches(db), mailer: createMailer(config), webhook: createWebhookSender(config.operatorWebhook) };
  })();
  context.catch(() => (context = undefined));
  return context;
}
