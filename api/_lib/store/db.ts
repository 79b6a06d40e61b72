// The store: libSQL, an embedded SQLite file by default and a hosted database when DATABASE_URL
// says so; same SQL either way. Migrations run on first use, idempotently.
import { mkdirSync } from 'node:fs';
import { createClient, type Client } from '@libsql/client';
import type { ServerConfig } from '../runtime/config.ts';
import { MIGRATIONS } from './migrations.ts';
import { serializeWrites } from './serialize-writes.ts';

const clients = new Map<string, Promise<Client>>();

/**
 * Each HTTP request to a hosted database: the client's `timeout` is SQLite's busy wait, read only by
 * the embedded driver, so without this a database that stops answering held every route, the cron
 * job and the background delivery until the platform killed the function.
 */
export const HOSTED_DB_TIMEOUT_MS = 8_000;

/** One migrated client per database URL for the life of the process. */
export function getDb(config: ServerConfig): Promise<Client> {
  let client = clients.get(config.databaseUrl);
  if (!client) {
    client = openDb(config);
    clients.set(config.databaseUrl, client);
    client.catch(() => clients.delete(config.databaseUrl));
  }
  return client;
}

/** A migrated client (getDb keeps one per URL); `hostedTimeoutMs` bounds each request to a hosted database. */
export async function openDb(config: Pick<ServerConfig, 'databaseUrl' | 'databaseAuthToken' | 'dataDir'>, { hostedTimeoutMs = HOSTED_DB_TIMEOUT_MS } = {}): Promise<Client> {
  const embedded = config.databaseUrl.startsWith('file:');
  if (embedded) mkdirSync(config.dataDir, { recursive: true });
  // Embedded: statements take turns anyway (serializeWrites), so one pooled connection, and the
  // PRAGMAs below hold for every statement. `timeout`: another process on the file means wait, not fail.
  const raw = createClient({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    timeout: 10_000,
    ...(embedded
      ? { concurrency: 1 }
      : { fetch: (request: Request) => fetch(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(hostedTimeoutMs)]) }) }),
  });
  const client = embedded ? serializeWrites(raw) : raw;
  if (embedded) {
    // WAL with synchronous=NORMAL, SQLite's recommended pairing: a commit survives a process crash
    // without an fsync each (FULL capped sign-ups at about 350/s here); only a power cut can lose the
    // last commits. Production uses hosted libSQL.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
  }
  await migrate(client);
  return client;
}

export async function migrate(client: Client): Promise<number[]> {
  await client.execute('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((await client.execute('SELECT version FROM schema_migrations')).rows.map((row) => Number(row.version)));
  const ran: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    const tx = await client.transaction('write');
    try {
      // Another process may have applied it since the check above.
      const again = await tx.execute({ sql: 'SELECT 1 FROM schema_migrations WHERE version = ?', args: [migration.version] });
      if (again.rows.length === 0) {
        for (const sql of migration.statements) await tx.execute(sql);
        await tx.execute({ sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', args: [migration.version, migration.name, new Date().toISOString()] });
        ran.push(migration.version);
      }
      await tx.commit();
    } catch (error) {
      await tx.rollback();
      throw error;
    } finally {
      tx.close();
    }
  }
  return ran;
}
