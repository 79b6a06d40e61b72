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
  {
    version: 2,
    name: 'messages: cancelled status and per-subject ordering',
    // SQLite cannot change a CHECK constraint in place: the table is rebuilt, rows kept in their order
    // (the rowid is the queue order that ordering_key relies on).
    statements: [
      `CREATE TABLE messages_v2 (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        subscriber_id TEXT REFERENCES subscribers(id),
        -- Messages with the same key reach the provider in the order they were queued (rowid order):
        -- a subscriber's "unsubscribe" never overtakes their still-retrying "create contact".
        ordering_key TEXT,
        payload TEXT NOT NULL,
        -- cancelled: the subject changed before delivery (an unsubscribed reader's welcome email).
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        provider_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT
      )`,
      `INSERT INTO messages_v2 (id, kind, idempotency_key, subscriber_id, payload, status, attempts, next_attempt_at, last_error, provider_id, created_at, updated_at, sent_at)
        SELECT id, kind, idempotency_key, subscriber_id, payload, status, attempts, next_attempt_at, last_error, provider_id, created_at, updated_at, sent_at
        FROM messages ORDER BY rowid`,
      `DROP TABLE messages`,
      `ALTER TABLE messages_v2 RENAME TO messages`,
      `CREATE INDEX messages_due ON messages (status, next_attempt_at)`,
      `CREATE INDEX messages_ordering ON messages (ordering_key, status) WHERE ordering_key IS NOT NULL`,
      `CREATE INDEX messages_subscriber ON messages (subscriber_id, created_at)`,
    ],
  },
  {
    version: 3,
    name: 'bookings and the claims that keep one time for one call',
    statements: [
      `CREATE TABLE bookings (
        id TEXT PRIMARY KEY,
        -- The calendar UID: the same on the first invite, every update and the cancel.
        uid TEXT NOT NULL UNIQUE,
        -- From the booking page: a retried request finds the booking it already made.
        idempotency_key TEXT UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        -- Raised on every change: the invite's SEQUENCE, and what a queued reminder checks.
        sequence INTEGER NOT NULL DEFAULT 0,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        email_key TEXT NOT NULL,
        company TEXT NOT NULL,
        company_size TEXT NOT NULL,
        area TEXT NOT NULL,
        goal TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        -- JSON: the calculator scenario and the readiness answers the visitor brought.
        context TEXT,
        consent_text_version TEXT NOT NULL,
        consent_address_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        cancelled_at TEXT
      )`,
      `CREATE INDEX bookings_start ON bookings (status, start_at)`,
      `CREATE INDEX bookings_email ON bookings (email_key, status, end_at)`,
      // One row per 5-minute block of the calendar a confirmed call occupies, buffers included. The
      // primary key is the guarantee: two calls whose blocks overlap cannot both commit, whichever
      // instance or process writes them.
      `CREATE TABLE booking_claims (
        block_start TEXT PRIMARY KEY,
        booking_id TEXT NOT NULL
      )`,
      `CREATE INDEX booking_claims_booking ON booking_claims (booking_id)`,
      `ALTER TABLE messages ADD COLUMN booking_id TEXT`,
      `CREATE INDEX messages_booking ON messages (booking_id, status)`,
    ],
  },
  {
    version: 4,
    name: 'slot holds: a picked time kept for the visitor while they fill in the form',
    statements: [
      // A hold claims its blocks in booking_claims as 'hold:<id>', so a booking or another hold of
      // an overlapping time fails on the same primary key. Expired holds are swept (claims too) at
      // the start of every transaction that claims.
      `CREATE TABLE booking_holds (
        id TEXT PRIMARY KEY,
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        -- Keyed hash of the client's address (its /64 for IPv6): caps how many times one client holds.
        address_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX booking_holds_expiry ON booking_holds (expires_at)`,
      `CREATE INDEX booking_holds_address ON booking_holds (address_hash, expires_at)`,
    ],
  },
  {
    version: 5,
    name: "the operator's calendar feeds: one shared copy of their busy times",
    statements: [
      // One row per configured feed (BOOKING_BUSY_FEEDS), by its label. The URL is a secret and is not
      // stored: its keyed hash tells a changed URL apart. The lease lets one request refresh the copy
      // while every other instance reads the last good one.
      `CREATE TABLE busy_feeds (
        id TEXT PRIMARY KEY,
        url_hash TEXT NOT NULL,
        -- Raised whenever the stored spans change: instances keep a parsed copy keyed on it.
        version INTEGER NOT NULL DEFAULT 0,
        etag TEXT,
        last_modified TEXT,
        -- The last time a copy was stored (200), answered unchanged (200 or 304), and tried at all.
        loaded_at TEXT,
        ok_at TEXT,
        checked_at TEXT,
        event_count INTEGER,
        span_count INTEGER,
        -- JSON list of what was cut off or skipped in the last copy.
        warnings TEXT,
        last_error TEXT,
        last_error_at TEXT,
        -- Set on the first failed refresh after a good one; cleared by the next good one.
        failing_since TEXT,
        -- When the operator was told the feed is failing (the recovery email clears it).
        alerted_at TEXT,
        lease_token TEXT,
        lease_until TEXT,
        created_at TEXT NOT NULL
      )`,
      // Only the times: titles, attendees and descriptions never reach the database.
      `CREATE TABLE busy_spans (
        feed_id TEXT NOT NULL,
        start_at TEXT NOT NULL,
        end_at TEXT NOT NULL
      )`,
      `CREATE INDEX busy_spans_feed ON busy_spans (feed_id, start_at)`,
    ],
  },
  {
    version: 6,
    name: 'bookings: the request an idempotency key was first used for',
    statements: [
      // A keyed hash of the email address and start the key was first sent with: a key sent again with
      // other details is refused, instead of returning somebody's booking.
      `ALTER TABLE bookings ADD COLUMN idempotency_request TEXT`,
    ],
  },
  {
    version: 7,
    name: 'messages: the claim that owns a message while it is sent',
    statements: [
      // Set by the claim (a new id per delivery run) and checked by every outcome write, so a worker
      // whose claim went stale can never overwrite the outcome of the worker that took the message over.
      `ALTER TABLE messages ADD COLUMN claim_id TEXT`,
      // When the claim was made: the lease a crashed worker's claim expires by.
      `ALTER TABLE messages ADD COLUMN claimed_at TEXT`,
      // Rows left in flight by the code before this version: their lease runs from their last update.
      `UPDATE messages SET claimed_at = updated_at WHERE status = 'sending'`,
    ],
  },
  {
    version: 8,
    name: 'where each lead came from, what became of each call, and page views',
    statements: [
      // The lead's source (src/lib/leads/source.ts): the site page whose link or form it came from, the
      // other site the visitor arrived from (bookings only: read by the booking and calculator pages),
      // and the landing URL's utm_* parameters. Nothing here identifies a visitor or links two visits.
      ...['bookings', 'subscribers'].flatMap((table) =>
        ['source_page', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'].map((column) => `ALTER TABLE ${table} ADD COLUMN ${column} TEXT`),
      ),
      `ALTER TABLE bookings ADD COLUMN source_referrer TEXT`,
      // What the operator marked after the call: 'held' or 'no-show' (null: not marked yet).
      `ALTER TABLE bookings ADD COLUMN outcome TEXT CHECK (outcome IN ('held', 'no-show'))`,
      `ALTER TABLE bookings ADD COLUMN outcome_at TEXT`,
      `CREATE INDEX bookings_created ON bookings (created_at)`,
      // Page views counted without cookies: one row per day (UTC), page and utm_source of the page's
      // own URL ('' when it carried none). No address, user agent or hash of them is stored.
      `CREATE TABLE page_views (
        day TEXT NOT NULL,
        page TEXT NOT NULL,
        utm_source TEXT NOT NULL DEFAULT '',
        views INTEGER NOT NULL,
        PRIMARY KEY (day, page, utm_source)
      ) WITHOUT ROWID`,
    ],
  },
  {
    version: 9,
    name: 'subscribers: a sign-up for an unsubscribed address, kept apart until its owner confirms it',
    statements: [
      // JSON of the consent and source columns the sign-up would record (source, consent_text_version,
      // consent_at, consent_address_hash, source_page, utm_*). Anyone can type an address into the form,
      // so the unsubscribe and the consent it ended stay in their columns until the confirmation link
      // is pressed; only then are these copied over. Null otherwise.
      `ALTER TABLE subscribers ADD COLUMN pending_signup TEXT`,
    ],
  },
  {
    version: 10,
    name: 'reminders queued before they had a deadline: the same limit as new ones',
    // Reminders now carry how long before the call they may still go out (untilBeforeStartMs in their
    // delivery guard, set by queue-emails.ts); those queued by earlier code get the same values here,
    // written as numbers because a migration never changes: a day-before reminder until 12 hours
    // before the call, an hour-before one until 10 minutes before. Rows already done are left alone.
    statements: [
      ...([['reminder', 12 * 3_600_000], ['reminder-hour', 10 * 60_000]] as const).map(([event, untilBeforeStartMs]) =>
        `UPDATE messages SET payload = json_set(payload, '$.guard.untilBeforeStartMs', ${untilBeforeStartMs})
         WHERE status IN ('pending', 'sending') AND kind = 'email'
           AND payload ->> '$.email.template' = 'booking' AND payload ->> '$.email.props.event' = '${event}'
           AND payload ->> '$.guard.subject' = 'booking' AND payload ->> '$.guard.untilBeforeStartMs' IS NULL`),
    ],
  },
  {
    version: 11,
    name: "busy feeds: the end of the window a stored copy's spans were expanded for",
    statements: [
      // A copy holds the busy times from its parse to the booking horizon (+2 days) then, and a 304 keeps
      // it: once this no longer reaches past the horizon, the next refresh fetches and parses the whole
      // feed. NULL (every copy stored before this version) asks for that at once.
      `ALTER TABLE busy_feeds ADD COLUMN covered_until TEXT`,
    ],
  },
];
