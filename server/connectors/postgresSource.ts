import pg from 'pg';
import type { Logger } from '../logger';
import type { ResolvedConnector } from './connectorsFile';
import { SourceFailure } from './failure';
import type { PullSource, PullState } from './pullConnector';
import { boundedQuery, plainRow } from './sqlRows';

type PostgresConnector = Extract<ResolvedConnector, { kind: 'sql' }> & { database: { driver: 'postgres' } };

/** PostgreSQL's numbers as JavaScript numbers (bigint and numeric come as strings by default). */
const NUMERIC_TYPES = new Set([20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMERIC_TYPES.has(oid) ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function failureOf(error: unknown): SourceFailure {
  const e = error as Error & { code?: string };
  if (e instanceof SourceFailure) return e;
  if (e.code === '57014') return new SourceFailure('timeout', 'the query ran past the timeout and was cancelled', true);
  if (e.code === '25006') return new SourceFailure('query', `read-only connection: ${e.message}`, false);
  // SQLSTATE classes 08 (connection), 53 (resources), 57 (operator intervention) and socket errors may pass.
  const transient = !e.code || /^(08|53|57)/.test(e.code) || /^E[A-Z]+$/.test(e.code);
  return new SourceFailure('query', e.code ? `${e.message} (${e.code})` : e.message, transient);
}

/**
 * A PostgreSQL query run on a schedule in a read-only transaction, with the last seen time as `$1`. The session is
 * read-only too (`default_transaction_read_only`), and a statement timeout bounds the query. At most `maxRows`
 * rows are read (see `boundedQuery`).
 */
export function postgresSource(c: PostgresConnector, logger: Logger): PullSource {
  const pool = new pg.Pool({
    connectionString: c.secrets.databaseUrl,
    max: 1,
    idleTimeoutMillis: 60_000,
    connectionTimeoutMillis: c.timeout,
    options: `-c default_transaction_read_only=on -c statement_timeout=${c.timeout}`,
    application_name: `ioc-wall connector ${c.id}`,
    types,
  });
  // An idle connection the server drops must not end the process; the next run opens another.
  pool.on('error', (error) => logger.warn({ connector: c.id, err: error.message }, 'database connection lost'));
  const bounded = boundedQuery(c.query, c.maxRows);

  return {
    async pull(state: PullState, signal: AbortSignal) {
      let client: pg.PoolClient | undefined;
      let broken: Error | undefined;
      const onLost = (error: Error) => {
        broken = error;
      };
      try {
        client = await pool.connect();
        // A connection lost while checked out emits 'error' on the client, not on the pool: without a listener
        // that event would end the process; the failed query rejects on its own.
        client.on('error', onLost);
        if (signal.aborted) throw signal.reason;
        await client.query('BEGIN TRANSACTION READ ONLY');
        const params = c.since ? [new Date(state.since ?? 0)] : [];
        const result = await client.query(bounded, params);
        await client.query('COMMIT');
        if (result.rows.length > c.maxRows) {
          throw new SourceFailure('too-large', `the query gave more than ${c.maxRows} rows`, false);
        }
        return { input: result.rows.map(plainRow) };
      } catch (error) {
        // A connection that failed is closed rather than given to the next run.
        broken = error as Error;
        if (signal.aborted) throw error;
        throw failureOf(error);
      } finally {
        client?.off('error', onLost);
        client?.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
