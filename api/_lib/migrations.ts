// Versioned schema changes, applied in order, each exactly once (recorded in schema_migrations).
// Append new versions; never edit one that has shipped.

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'subscribers, messages and rate limits',
    statements: [
      `CREATE TABLE subscribers (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        -- Keyed hash of the normalised address: the lookup and uniqueness key.
        email_key TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
        source TEXT NOT NULL,
        consent_text_version TEXT NOT NULL,
        consent_at TEXT NOT NULL,
        -- Keyed hash of the client address at consent, never the address itself.
        consent_address_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        unsubscribed_at TEXT
      )`,
      `CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        -- Also sent to the provider, so a retried send is delivered once.
        idempotency_key TEXT NOT NULL UNIQUE,
        subscriber_id TEXT REFERENCES subscribers(id),
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        provider_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT
      )`,
      `CREATE INDEX messages_due ON messages (status, next_attempt_at)`,
      `CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL
      )`,
    ],
  },
];
