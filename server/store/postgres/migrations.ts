import type { PoolClient } from 'pg';

/**
 * The schema in PostgreSQL, as numbered steps, the same tables as the embedded store's. Times are milliseconds
 * since the epoch (bigint), values double precision. `wall_schema` records the last step applied; servers that
 * start together take an advisory lock, so that exactly one applies each step.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE wall_state (
    id integer PRIMARY KEY CHECK (id = 1),
    epoch text NOT NULL,
    seq bigint NOT NULL,
    folded_until_minute bigint NOT NULL DEFAULT 0
  );

  -- One row per applied batch, with its observations as sent (JSON), for audit: its seq is the wall's change number.
  CREATE TABLE batches (
    seq bigint PRIMARY KEY,
    source text NOT NULL,
    received_at bigint NOT NULL,
    observations jsonb NOT NULL
  );
  CREATE INDEX batches_received_at ON batches (received_at);

  CREATE VIEW observations AS
    SELECT b.seq, j.idx - 1 AS idx, b.source, b.received_at, j.value ->> 'region' AS region,
      j.value ->> 'indicator' AS indicator, (j.value ->> 'at')::bigint AS at, (j.value ->> 'value')::float8 AS value,
      (j.value ->> 'num')::float8 AS num, (j.value ->> 'den')::float8 AS den, (j.value ->> 'delta')::float8 AS delta
    FROM batches AS b, jsonb_array_elements(b.observations) WITH ORDINALITY AS j (value, idx);

  CREATE TABLE current (
    region text NOT NULL,
    indicator text NOT NULL,
    value float8,
    num float8,
    den float8,
    at bigint NOT NULL,
    source text NOT NULL,
    seq bigint NOT NULL,
    PRIMARY KEY (region, indicator)
  );

  CREATE TABLE history_minute (
    region text NOT NULL,
    indicator text NOT NULL,
    minute bigint NOT NULL,
    at bigint NOT NULL,
    value float8,
    num float8,
    den float8,
    PRIMARY KEY (region, indicator, minute)
  );
  CREATE INDEX history_minute_by_minute ON history_minute (minute);

  CREATE TABLE history_hour (
    region text NOT NULL,
    indicator text NOT NULL,
    hour bigint NOT NULL,
    at bigint NOT NULL,
    value float8,
    num float8,
    den float8,
    PRIMARY KEY (region, indicator, hour)
  );
  CREATE INDEX history_hour_by_hour ON history_hour (hour);

  CREATE TABLE idempotency (
    source text NOT NULL,
    key text NOT NULL,
    body_hash text NOT NULL,
    seq bigint NOT NULL,
    accepted integer NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (source, key)
  );
  CREATE INDEX idempotency_created_at ON idempotency (created_at);

  CREATE TABLE users (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('operator', 'admin')),
    password_hash text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
  );
  -- Names are unique regardless of case, as in the embedded store (COLLATE NOCASE there).
  CREATE UNIQUE INDEX users_name ON users (lower(name));

  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE INDEX sessions_expires_at ON sessions (expires_at);

  CREATE TABLE displays (
    id text PRIMARY KEY,
    name text NOT NULL,
    grp text NOT NULL,
    location text NOT NULL,
    token_hash text UNIQUE,
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    revoked_at bigint,
    last_seen_at bigint
  );
  CREATE INDEX displays_grp ON displays (grp);

  CREATE TABLE automation_tokens (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    last_used_at bigint,
    revoked_at bigint
  );

  CREATE TABLE audit (
    id bigserial PRIMARY KEY,
    at bigint NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    target text NOT NULL,
    detail text NOT NULL,
    result text
  );
  CREATE INDEX audit_at ON audit (at);

  CREATE TABLE alerts (
    id text PRIMARY KEY,
    changed bigint NOT NULL,
    ended_at bigint,
    body text NOT NULL
  );
  CREATE INDEX alerts_changed ON alerts (changed);
  `,
  // 2: several servers. Each batch keeps what it changed, so that servers other than the writer apply the same
  // changes in seq order; the writer's lease with its fencing term.
  `
  ALTER TABLE batches ADD COLUMN changes jsonb NOT NULL DEFAULT '[]';

  CREATE TABLE wall_lease (
    id integer PRIMARY KEY CHECK (id = 1),
    holder text,
    term bigint NOT NULL,
    expires_at timestamptz NOT NULL
  );
  INSERT INTO wall_lease (id, holder, term, expires_at) VALUES (1, NULL, 0, '-infinity');
  `,
  // 3: the region set whose series the database holds, recorded at the first start (deployments).
  `
  ALTER TABLE wall_state ADD COLUMN region_set text;
  `,
  // 4: the connectors' cursors and health, shared by the servers (the writer runs them); and the identity of the
  // PostgreSQL cluster, timeline and table that wrote the state, so that a restored copy serves a new epoch.
  `
  CREATE TABLE connector_state (
    id text PRIMARY KEY,
    cursor jsonb,
    health jsonb
  );
  ALTER TABLE wall_state ADD COLUMN origin text;
  `,
  // 5: what servers tell each other. socket.io's PostgreSQL adapter puts messages too big for a NOTIFY here (its
  // own layout; it deletes old rows itself). Rate limits (failed sign-ins per address), counted for every server.
  `
  CREATE TABLE socket_io_attachments (
    id bigserial UNIQUE,
    created_at timestamptz DEFAULT now(),
    payload bytea
  );

  CREATE TABLE rate_limits (
    key text PRIMARY KEY,
    hits integer NOT NULL,
    reset_at bigint NOT NULL
  );
  CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);
  `,
];

/** Any number: the key of the advisory lock that orders the migrations of servers starting together. */
const MIGRATION_LOCK = 7_311_013;

/** Brings the schema to the latest version; refuses one written by a newer release. */
export async function migratePg(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS wall_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM wall_schema');
    const from = rows[0]?.version ?? 0;
    if (from > PG_MIGRATIONS.length) {
      throw new Error(
        `the database is at schema version ${from}, newer than this release knows (${PG_MIGRATIONS.length}); run a newer release`,
      );
    }
    for (let version = from + 1; version <= PG_MIGRATIONS.length; version++) {
      await client.query(PG_MIGRATIONS[version - 1] ?? '');
    }
    if (rows.length === 0) await client.query('INSERT INTO wall_schema (version) VALUES ($1)', [PG_MIGRATIONS.length]);
    else await client.query('UPDATE wall_schema SET version = $1', [PG_MIGRATIONS.length]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
