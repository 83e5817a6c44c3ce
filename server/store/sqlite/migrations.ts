import type { Database } from 'better-sqlite3';

/**
 * The schema, as numbered steps. `PRAGMA user_version` records the last step applied; each step runs in its own
 * transaction at start, so a database is always at one version or the next. Never edit a released step: add one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the batch log, raw observations, the live state, two tiers of history, idempotency keys.
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  -- One row per applied batch, with its observations as sent (a JSON array), for audit: its seq is the wall's
  -- change number. One row rather than one per observation keeps a commit to a handful of statements.
  CREATE TABLE batches (
    seq INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    observations TEXT NOT NULL
  );
  CREATE INDEX batches_received_at ON batches (received_at);

  -- Every observation of every batch as a row, for audit queries.
  CREATE VIEW observations AS
    SELECT b.seq, CAST(j.key AS INTEGER) AS idx, b.source, b.received_at,
      json_extract(j.value, '$.region') AS region, json_extract(j.value, '$.indicator') AS indicator,
      json_extract(j.value, '$.at') AS at, json_extract(j.value, '$.value') AS value,
      json_extract(j.value, '$.num') AS num, json_extract(j.value, '$.den') AS den,
      json_extract(j.value, '$.delta') AS delta
    FROM batches AS b, json_each(b.observations) AS j;

  -- The live state: what a restart loads.
  CREATE TABLE current (
    region TEXT NOT NULL,
    indicator TEXT NOT NULL,
    value REAL,
    num REAL,
    den REAL,
    at INTEGER NOT NULL,
    source TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (region, indicator)
  ) WITHOUT ROWID;

  -- The last reading of each (region, indicator) per minute, units and roll-ups alike.
  CREATE TABLE history_minute (
    region TEXT NOT NULL,
    indicator TEXT NOT NULL,
    minute INTEGER NOT NULL,
    at INTEGER NOT NULL,
    value REAL,
    num REAL,
    den REAL,
    PRIMARY KEY (region, indicator, minute)
  ) WITHOUT ROWID;
  CREATE INDEX history_minute_by_minute ON history_minute (minute);

  -- The same per hour, filled from history_minute in the background and kept longer.
  CREATE TABLE history_hour (
    region TEXT NOT NULL,
    indicator TEXT NOT NULL,
    hour INTEGER NOT NULL,
    at INTEGER NOT NULL,
    value REAL,
    num REAL,
    den REAL,
    PRIMARY KEY (region, indicator, hour)
  ) WITHOUT ROWID;
  CREATE INDEX history_hour_by_hour ON history_hour (hour);

  -- A source's idempotency keys and what the first request with each was answered.
  CREATE TABLE idempotency (
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    seq INTEGER NOT NULL,
    accepted INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (source, key)
  ) WITHOUT ROWID;
  CREATE INDEX idempotency_created_at ON idempotency (created_at);
  `,
  // 2: operator accounts and their sessions, registered displays, automation tokens, the audit log. Secrets are
  // stored as hashes only: scrypt for passwords, SHA-256 for random tokens (too long to guess, so no salt needed).
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('operator', 'admin')),
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE INDEX sessions_expires_at ON sessions (expires_at);

  -- A display's token_hash is NULL once revoked; a new token replaces it.
  CREATE TABLE displays (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    grp TEXT NOT NULL,
    location TEXT NOT NULL,
    token_hash TEXT UNIQUE,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at INTEGER,
    last_seen_at INTEGER
  ) WITHOUT ROWID;
  CREATE INDEX displays_grp ON displays (grp);

  CREATE TABLE automation_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
  );

  -- Who did what to which screens, and how it went: detail and result are JSON; result is NULL while a command
  -- is still out (a crash then leaves the command on record, unanswered).
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL,
    result TEXT
  );
  CREATE INDEX audit_at ON audit (at);
  `,
  // 3: alerts, so that their history and acknowledgements survive a restart. Each alert is its last version, as
  // JSON; `changed` orders them by their last change (a counter, since two changes may share a millisecond).
  `
  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    changed INTEGER NOT NULL,
    ended_at INTEGER,
    body TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX alerts_changed ON alerts (changed);
  `,
  // 4: rate limits (failed sign-ins per address): hits within a window that ends at reset_at.
  `
  CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    hits INTEGER NOT NULL,
    reset_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);
  `,
];

/** Brings the database to the latest version; refuses one written by a newer release. */
export function migrate(db: Database): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length) {
    throw new Error(
      `the database is at schema version ${from}, newer than this release knows (${MIGRATIONS.length}); run a newer release`,
    );
  }
  for (let version = from + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1] ?? '');
      db.pragma(`user_version = ${version}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}
