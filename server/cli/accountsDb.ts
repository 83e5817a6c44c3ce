import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { DataDirInUseError } from '../state/store/dataDirLock';
import { MIGRATIONS } from '../state/store/migrations';
import { DB_FILE, Store, type Synchronous } from '../state/store/store';

/** How long a write waits for the running server's transaction to end (its commits take milliseconds). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The database, for a command that changes accounts. With the server stopped, the data directory is claimed and
 * brought to the latest schema as the server would. With a server running, its lock stays where it is: accounts
 * are not part of the live state the server holds in memory (every sign-in reads them from the database), so
 * writing them beside it is safe, and SQLite's own locking orders the two writers. It then refuses a database of
 * another schema version: the running server is another release.
 */
export function openAccountsDb(dataDir: string, synchronous: Synchronous): { db: Db; close(): void; shared: boolean } {
  try {
    const store = new Store({ dataDir, synchronous });
    return { db: store.db, close: () => store.close(), shared: false };
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
  return { db, close: () => db.close(), shared: true };
}
