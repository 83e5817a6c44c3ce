import mysql from 'mysql2/promise';
import type { ResolvedConnector } from './connectorsFile';
import { SourceFailure } from './failure';
import type { PullSource, PullState } from './pullConnector';
import { boundedQuery, plainRow } from './sqlRows';

type MysqlConnector = Extract<ResolvedConnector, { kind: 'sql' }> & { database: { driver: 'mysql' } };

/** Errors worth trying again soon: the server is busy, restarting or out of reach. */
const TRANSIENT = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_SERVER_SHUTDOWN',
]);

function failureOf(error: unknown): SourceFailure {
  const e = error as Error & { code?: string };
  if (e instanceof SourceFailure) return e;
  if (e.code === 'PROTOCOL_SEQUENCE_TIMEOUT' || e.code === 'ETIMEDOUT') {
    return new SourceFailure('timeout', 'the query ran past the timeout', true);
  }
  if (e.code === 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION') {
    return new SourceFailure('query', `read-only connection: ${e.message}`, false);
  }
  const transient = !e.code || TRANSIENT.has(e.code) || /^E[A-Z]+$/.test(e.code);
  return new SourceFailure('query', e.code ? `${e.message} (${e.code})` : e.message, transient);
}

/**
 * A MySQL or MariaDB query run on a schedule in a read-only transaction, on a connection of its own whose session is
 * read-only too, with the last seen time as `?`. The connection is closed after each run (runs are minutes apart).
 * DATETIME values are read in the connector's `timeZone`. At most `maxRows` rows are read (see `boundedQuery`).
 */
export function mysqlSource(c: MysqlConnector): PullSource {
  const bounded = boundedQuery(c.query, c.maxRows);
  return {
    async pull(state: PullState, signal: AbortSignal) {
      let connection: mysql.Connection | undefined;
      try {
        connection = await mysql.createConnection({
          uri: c.secrets.databaseUrl,
          connectTimeout: c.timeout,
          timezone: c.database.timeZone,
          supportBigNumbers: true,
          decimalNumbers: true,
        });
        if (signal.aborted) throw signal.reason;
        await connection.query('SET SESSION TRANSACTION READ ONLY');
        await connection.query('START TRANSACTION READ ONLY');
        const params = c.since ? [new Date(state.since ?? 0)] : [];
        const [rows] = await connection.query({ sql: bounded, timeout: c.timeout }, params);
        await connection.query('COMMIT');
        const list = rows as Record<string, unknown>[];
        if (list.length > c.maxRows) {
          throw new SourceFailure('too-large', `the query gave more than ${c.maxRows} rows`, false);
        }
        return { input: list.map(plainRow) };
      } catch (error) {
        connection?.destroy();
        connection = undefined;
        if (signal.aborted) throw error;
        throw failureOf(error);
      } finally {
        await connection?.end().catch(() => undefined);
      }
    },
    async close() {},
  };
}
