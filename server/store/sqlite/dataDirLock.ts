import path from 'node:path';
import Database from 'better-sqlite3';

const LOCK_FILE = 'wall.lock';

/** Another process (a running server, an import) holds the data directory. */
export class DataDirInUseError extends Error {}

/**
 * Claims a data directory for this process, so that a second server, or an import, cannot write behind the back
 * of the one whose memory holds the live state. The claim is an exclusive SQLite lock on a small file of its
 * own: the operating system drops it when the process ends, even by `kill -9` or a power cut, so a crash never
 * leaves a stale lock behind (a PID file would, and could name an unrelated process after a reboot).
 */
export function lockDataDir(dataDir: string): { release(): void } {
  const db = new Database(path.join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DataDirInUseError(`${dataDir} is in use by another wall server or import; stop it first`);
    }
    throw error;
  }
  return { release: () => db.close() };
}
