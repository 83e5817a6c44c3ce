import path from 'node:path';
import Database from 'better-sqlite3';
import type { StorageConfig } from '../ingestConfig';
import { openStore } from '../store';
import { SqliteAccounts } from '../store/sqlite/accounts';
import { DataDirInUseError } from '../store/sqlite/dataDirLock';
import { MIGRATIONS } from '../store/sqlite/migrations';
import { DB_FILE, SqliteStore } from '../store/sqlite/store';
import type { AccountStore } from '../store/types';

/** How long a write waits for the running server's transaction to end (its commits take milliseconds). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The database, for a command that changes accounts. With the server stopped, the data directory is claimed and
 * brought to the latest schema as the server would. With a server running, its lock stays where it is: accounts
 * are not part of the live state the server holds in memory (every sign-in reads them from the database), so
 * writing them beside it is safe, and SQLite's own locking orders the two writers. It then refuses a database of
 * another schema version: the running server is another release.
 */
export async function openAccountsDb(
  storage: StorageConfig,
  dataDir: string,
): Promise<{ accounts: AccountStore; close(): Promise<void>; shared: boolean }> {
  // PostgreSQL takes writes from any number of clients: the servers running on it read accounts on every check.
  if (storage.kind === 'postgres') {
    const store = await openStore(storage, dataDir);
    return { accounts: store.accounts, close: () => store.close(), shared: true };
  }
  const { synchronous } = storage;
  try {
    const store = new SqliteStore({ dataDir, synchronous });
    return { accounts: store.accounts, close: () => store.close(), shared: false };
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
  }
  const db = new Database(path.join(dataDir, DB_FILE), { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== MIGRATIONS.length) {
    db.close();
    throw new Error(
      `the server running on ${dataDir} uses schema version ${version}, this release ${MIGRATIONS.length}; stop it first`,
    );
  }
  db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  return { accounts: new SqliteAccounts(db), close: async () => void db.close(), shared: true };
}
