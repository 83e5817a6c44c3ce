import { randomUUID } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { type IndicatorId, isIndicatorId } from '../../../shared/catalog';
import type { Reading } from '../../../shared/protocol';
import type { PreparedBatch } from '../batchDraft';
import { lockDataDir } from './dataDirLock';
import { migrate } from './migrations';

export const DB_FILE = 'ioc-wall.sqlite';
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/**
 * `full`: a batch is acknowledged only after its commit is flushed to disk (fsync of the WAL on every commit);
 * it survives a power cut. `normal`: it survives a crash of the process, but the last commits before a power cut
 * may be lost. See docs/storage.md, "Durability".
 */
export type Synchronous = 'full' | 'normal';

export interface StoreOptions {
  /** A directory, or `:memory:` for a database that lives and dies with the process (tests). */
  dataDir: string;
  synchronous: Synchronous;
  /** Opens without claiming the data directory and refuses writes (a dry-run import next to a running server). */
  readonly?: boolean;
}

export interface StoredState {
  epoch: string;
  seq: number;
  readings: Reading[];
}

/** What a request with an idempotency key was answered the first time. */
export interface IdempotentAnswer {
  hash: string;
  seq: number;
  accepted: number;
}

/** An idempotency key to remember, with what its request is answered. */
export interface IdempotencyRecord {
  source: string;
  key: string;
  hash: string;
  seq: number;
  accepted: number;
}

export interface CommitMeta {
  receivedAt: number;
  /** The keys of the requests whose batches this commit stores. */
  idempotency?: readonly IdempotencyRecord[];
}

/** What the ingest path needs from storage: commit batches durably, and remember idempotency keys. */
export interface BatchStore {
  commit(batches: readonly PreparedBatch[], meta: CommitMeta): void;
  findIdempotent(source: string, key: string): IdempotentAnswer | undefined;
}

export interface ReadingRow {
  region: string;
  indicator: string;
  value: number | null;
  num: number | null;
  den: number | null;
  at: number;
  source: string;
}

/** A stored row back into a reading (absent num and den stay absent). */
export function readingOf(row: ReadingRow): Reading {
  return {
    region: row.region,
    indicator: row.indicator as IndicatorId,
    value: row.value,
    ...(row.num !== null && { num: row.num }),
    ...(row.den !== null && { den: row.den }),
    at: row.at,
    source: row.source,
  };
}

/**
 * The wall's SQLite database: the batch log with raw observations, the live state, history in two tiers, and
 * idempotency keys. Every commit writes its batches, their effects and the new seq in one transaction, so after a
 * crash the database holds each batch in full or not at all.
 */
export class Store implements BatchStore {
  readonly db: Db;
  readonly file: string;
  /** Minutes before this one are folded into history_hour already; later writes to them go to both tiers. */
  private foldedUntilMinute: number;
  private readonly lock: { release(): void } | null;
  /** The statements that write; absent when the store is open read-only. */
  private readonly writer: Writer | null;
  private readonly findKey: Statement;

  constructor(options: StoreOptions) {
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
    this.foldedUntilMinute = Number(this.metaValue('folded_until_minute') ?? 0);
    this.writer = options.readonly ? null : prepareWriter(this.db);
    this.findKey = this.db.prepare(
      'SELECT body_hash AS hash, seq, accepted FROM idempotency WHERE source = ? AND key = ?',
    );
  }

  /** The epoch, last seq and live state the database holds; a new database gets its epoch here. */
  load(): StoredState {
    let epoch = this.metaValue('epoch');
    if (epoch === undefined) {
      epoch = randomUUID();
      if (this.writer) {
        this.setMeta('epoch', epoch);
        this.setMeta('seq', '0');
      }
    }
    const rows = this.db.prepare('SELECT region, indicator, value, num, den, at, source FROM current').all();
    const readings = (rows as ReadingRow[]).filter((r) => isIndicatorId(r.indicator)).map(readingOf);
    return { epoch, seq: Number(this.metaValue('seq') ?? 0), readings };
  }

  commit(batches: readonly PreparedBatch[], meta: CommitMeta): void {
    if (!this.writer) throw new Error('the store is open read-only');
    if (batches.length > 0) this.writer.commit(batches, meta, this.foldedUntilMinute);
  }

  findIdempotent(source: string, key: string): IdempotentAnswer | undefined {
    return this.findKey.get(source, key) as IdempotentAnswer | undefined;
  }

  /** Where the background job has folded minutes into hours. */
  get foldedUntil(): number {
    return this.foldedUntilMinute;
  }

  /** Moves the fold mark; call it inside the transaction that folded the minutes. */
  setFoldedUntil(minute: number): void {
    this.setMeta('folded_until_minute', String(minute));
    this.foldedUntilMinute = minute;
  }

  /** The size of the database files on disk (main file and write-ahead log). */
  sizeBytes(): number {
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

  close(): void {
    if (this.db.open) this.db.close();
    this.lock?.release();
  }

  private metaValue(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  private setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }
}

interface Writer {
  commit(batches: readonly PreparedBatch[], meta: CommitMeta, foldedUntilMinute: number): void;
}

/** The statements of a commit, prepared once, and the commit as one transaction. */
function prepareWriter(db: Db): Writer {
  const tier = (table: string, bucket: string) =>
    db.prepare(
      `INSERT INTO ${table} (region, indicator, ${bucket}, at, value, num, den) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (region, indicator, ${bucket}) DO UPDATE
       SET at = excluded.at, value = excluded.value, num = excluded.num, den = excluded.den
       WHERE excluded.at >= ${table}.at`,
    );
  const insertBatch = db.prepare('INSERT INTO batches (seq, source, received_at, observations) VALUES (?, ?, ?, ?)');
  const upsertCurrent = db.prepare(
    `INSERT INTO current (region, indicator, value, num, den, at, source, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (region, indicator) DO UPDATE SET value = excluded.value, num = excluded.num, den = excluded.den,
     at = excluded.at, source = excluded.source, seq = excluded.seq`,
  );
  const upsertMinute = tier('history_minute', 'minute');
  const upsertHour = tier('history_hour', 'hour');
  const setSeq = db.prepare(
    "INSERT INTO meta (key, value) VALUES ('seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const insertKey = db.prepare(
    'INSERT INTO idempotency (source, key, body_hash, seq, accepted, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const commit = db.transaction((batches: readonly PreparedBatch[], meta: CommitMeta, foldedUntil: number) => {
    const history = (r: Reading) => {
      const minute = Math.floor(r.at / MINUTE_MS);
      upsertMinute.run(r.region, r.indicator, minute, r.at, r.value, r.num ?? null, r.den ?? null);
      // NOTE: a reading for a minute the background job has folded already goes to the hour tier as well.
      if (minute < foldedUntil) {
        upsertHour.run(r.region, r.indicator, Math.floor(r.at / HOUR_MS), r.at, r.value, r.num ?? null, r.den ?? null);
      }
    };
    for (const batch of batches) {
      insertBatch.run(batch.seq, batch.source, meta.receivedAt, JSON.stringify(batch.observations));
      for (const r of batch.changes) {
        upsertCurrent.run(r.region, r.indicator, r.value, r.num ?? null, r.den ?? null, r.at, r.source, batch.seq);
        history(r);
      }
      for (const r of batch.late) history(r);
    }
    const last = batches[batches.length - 1] as PreparedBatch;
    setSeq.run(String(last.seq));
    for (const k of meta.idempotency ?? []) insertKey.run(k.source, k.key, k.hash, k.seq, k.accepted, meta.receivedAt);
  });
  return { commit: (batches, meta, foldedUntil) => commit(batches, meta, foldedUntil) };
}

/** A store in memory, for tests and dry runs: the same schema and statements, nothing on disk. */
export function openMemoryStore(): Store {
  return new Store({ dataDir: ':memory:', synchronous: 'full' });
}
