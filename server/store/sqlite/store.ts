import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import type { RegionSetMark, WallStore } from '../types';
import { SqliteAccounts, SqliteTokens } from './accounts';
import { SqliteAlerts } from './alerts';
import { FoldMark, metaValue, SqliteBatches, setMeta } from './batches';
import { SqliteConnectors } from './connectors';
import { lockDataDir } from './dataDirLock';
import { SqliteAudit, SqliteDisplays } from './displays';
import { SqliteHistory } from './history';
import { migrate } from './migrations';
import { SqliteRateLimits } from './rateLimits';
import { SqliteRetention } from './retention';

export const DB_FILE = 'ioc-wall.sqlite';

/**
 * `full`: a batch is acknowledged only after its commit is flushed to disk (fsync of the WAL on every commit);
 * it survives a power cut. `normal`: it survives a crash of the process, but the last commits before a power cut
 * may be lost. See docs/storage.md, "Durability".
 */
export type Synchronous = 'full' | 'normal';

export interface SqliteOptions {
  /** A directory, or `:memory:` for a database that lives and dies with the process (tests). */
  dataDir: string;
  synchronous: Synchronous;
  /** Opens without claiming the data directory and refuses writes (a dry-run import next to a running server). */
  readonly?: boolean;
}

/** The `meta` key that names the region set the history belongs to. */
const REGION_SET_KEY = 'region_set';

/**
 * The embedded store: one SQLite file in the data directory, claimed by this process. better-sqlite3 is
 * synchronous, so each method does its work at once and returns a settled promise: a commit is on disk before the
 * caller's `await` resumes, as before the store had an interface.
 */
export class SqliteStore implements WallStore {
  readonly kind = 'sqlite';
  readonly db: Db;
  readonly file: string;
  readonly batches: SqliteBatches;
  readonly regionSet: RegionSetMark;
  readonly history: SqliteHistory;
  readonly retention: SqliteRetention;
  readonly alerts: SqliteAlerts;
  readonly accounts: SqliteAccounts;
  readonly displays: SqliteDisplays;
  readonly tokens: SqliteTokens;
  readonly audit: SqliteAudit;
  readonly rateLimits: SqliteRateLimits;
  readonly connectors: SqliteConnectors;
  private readonly lock: { release(): void } | null;

  constructor(options: SqliteOptions) {
    const memory = options.dataDir === ':memory:';
    if (!memory && !options.readonly) mkdirSync(options.dataDir, { recursive: true });
    this.lock = memory || options.readonly ? null : lockDataDir(options.dataDir);
    this.file = memory ? ':memory:' : path.join(options.dataDir, DB_FILE);
    try {
      this.db = new Database(this.file, {
        readonly: options.readonly ?? false,
        fileMustExist: options.readonly ?? false,
      });
      if (!options.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma(`synchronous = ${options.synchronous.toUpperCase()}`);
        migrate(this.db);
      }
    } catch (error) {
      this.lock?.release();
      throw error;
    }
    const fold = new FoldMark(this.db);
    this.batches = new SqliteBatches(this.db, fold, options.readonly ?? false);
    const db = this.db;
    this.regionSet = {
      get: async () => metaValue(db, REGION_SET_KEY),
      record: async (hash) => {
        if (metaValue(db, REGION_SET_KEY) === undefined) setMeta(db, REGION_SET_KEY, hash);
      },
    };
    this.history = new SqliteHistory(this.db);
    this.retention = new SqliteRetention(this.db, fold);
    this.alerts = new SqliteAlerts(this.db);
    this.accounts = new SqliteAccounts(this.db);
    this.displays = new SqliteDisplays(this.db);
    this.tokens = new SqliteTokens(this.db);
    this.audit = new SqliteAudit(this.db);
    this.rateLimits = new SqliteRateLimits(this.db);
    this.connectors = new SqliteConnectors(options.dataDir);
  }

  /** The size of the database files on disk (main file and write-ahead log). */
  async sizeBytes(): Promise<number> {
    if (this.file === ':memory:') return 0;
    let total = 0;
    for (const suffix of ['', '-wal']) {
      try {
        total += statSync(this.file + suffix).size;
      } catch {
        // No WAL right after a checkpoint.
      }
    }
    return total;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
    this.connectors.close();
    this.lock?.release();
  }
}

/** A store in memory, for tests and dry runs: the same schema and statements, nothing on disk. */
export function openMemoryStore(): SqliteStore {
  return new SqliteStore({ dataDir: ':memory:', synchronous: 'full' });
}
