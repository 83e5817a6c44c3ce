import pg from 'pg';
import type { RegionSetMark, WallStore } from '../types';
import { PgAccounts, PgAlerts, PgAudit, PgDisplays, PgTokens } from './access';
import { PgBatches } from './batches';
import { PgConnectors } from './connectors';
import { PgHistory, PgRetention } from './history';
import { migratePg } from './migrations';
import { PgRateLimits } from './rateLimits';

export interface PostgresOptions {
  /** libpq's connection string: `postgres://user@host:5432/db`. */
  url: string;
  /** A schema of its own (created when missing), for tests that share one database; `public` by default. */
  schema?: string;
  /** Connections in the pool. */
  poolSize?: number;
}

/** bigint columns (times in milliseconds, seqs, ids) as numbers: all stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Runs `work` in one transaction on one connection of the pool; rolls back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // The pool stops listening for a connection's errors while it is checked out: PostgreSQL going away mid-
  // transaction would emit an 'error' nobody handles, which ends the server. The statement in flight fails anyway,
  // and the broken connection leaves the pool on release.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * The store several servers share: PostgreSQL through `pg` (node-postgres), the field's most used driver, with a
 * connection pool, LISTEN/NOTIFY and typed results. A commit is acknowledged once PostgreSQL has committed it
 * (synchronous_commit, its default), so an acknowledged batch survives the crash of any server or of PostgreSQL.
 */
export class PostgresStore implements WallStore {
  readonly kind = 'postgres';
  readonly batches: PgBatches;
  readonly history: PgHistory;
  readonly retention: PgRetention;
  readonly alerts: PgAlerts;
  readonly accounts: PgAccounts;
  readonly displays: PgDisplays;
  readonly tokens: PgTokens;
  readonly audit: PgAudit;
  readonly rateLimits: PgRateLimits;
  readonly connectors: PgConnectors;
  readonly regionSet: RegionSetMark;

  constructor(readonly pool: pg.Pool) {
    this.batches = new PgBatches(pool);
    this.history = new PgHistory(pool);
    this.retention = new PgRetention(pool);
    this.alerts = new PgAlerts(pool);
    this.accounts = new PgAccounts(pool);
    this.displays = new PgDisplays(pool);
    this.tokens = new PgTokens(pool);
    this.audit = new PgAudit(pool);
    this.rateLimits = new PgRateLimits(pool);
    this.connectors = new PgConnectors(pool, () => this.batches.fence);
    // The row exists once `batches.load()` has run, which the server does before it checks the region set.
    this.regionSet = {
      get: async () => {
        const { rows } = await pool.query<{ region_set: string | null }>('SELECT region_set FROM wall_state');
        return rows[0]?.region_set ?? undefined;
      },
      record: async (hash) => {
        await pool.query('UPDATE wall_state SET region_set = $1 WHERE id = 1 AND region_set IS NULL', [hash]);
      },
    };
  }

  async sizeBytes(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Connects, creates the schema when asked, and brings it to this release's version. */
export async function openPostgresStore(options: PostgresOptions): Promise<PostgresStore> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types,
    connectionTimeoutMillis: 5_000,
    ...(schema && { options: `-c search_path=${schema}` }),
  });
  // An idle connection that breaks (PostgreSQL restarted) is dropped from the pool; the next query opens another.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.on('error', () => undefined); // as in inTransaction: the migration's statement fails on its own
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await migratePg(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool);
}
