import { randomUUID } from 'node:crypto';
import type { Database as Db, Statement } from 'better-sqlite3';
import { isIndicatorId } from '../../../shared/catalog';
import type { Reading } from '../../../shared/protocol';
import type { PreparedBatch } from '../../state/batchDraft';
import {
  type BatchStore,
  type CommitMeta,
  HOUR_MS,
  type IdempotentAnswer,
  MINUTE_MS,
  readingOf,
  type StoredState,
} from '../types';

/** A value of the `meta` table. */
export function metaValue(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** Minutes before this one are folded into history_hour already; later writes to them go to both tiers. */
export class FoldMark {
  private minute: number;

  constructor(private readonly db: Db) {
    this.minute = Number(metaValue(db, 'folded_until_minute') ?? 0);
  }

  get until(): number {
    return this.minute;
  }

  /** Moves the mark; call it inside the transaction that folded the minutes. */
  set(minute: number): void {
    setMeta(this.db, 'folded_until_minute', String(minute));
    this.minute = minute;
  }
}

/**
 * The batch log with raw observations, the live state and idempotency keys. Every commit writes its batches, their
 * effects and the new seq in one transaction, so after a crash the database holds each batch in full or not at all.
 */
export class SqliteBatches implements BatchStore {
  private readonly write: ((batches: readonly PreparedBatch[], meta: CommitMeta) => void) | null;
  private readonly findKey: Statement;

  constructor(
    private readonly db: Db,
    fold: FoldMark,
    readonly: boolean,
  ) {
    this.write = readonly ? null : prepareWriter(db, fold);
    this.findKey = db.prepare('SELECT body_hash AS hash, seq, accepted FROM idempotency WHERE source = ? AND key = ?');
  }

  async load(): Promise<StoredState> {
    let epoch = metaValue(this.db, 'epoch');
    if (epoch === undefined) {
      epoch = randomUUID();
      if (this.write) {
        setMeta(this.db, 'epoch', epoch);
        setMeta(this.db, 'seq', '0');
      }
    }
    const rows = this.db.prepare('SELECT region, indicator, value, num, den, at, source FROM current').all();
    const readings = (rows as Parameters<typeof readingOf>[0][])
      .filter((r) => isIndicatorId(r.indicator))
      .map(readingOf);
    return { epoch, seq: Number(metaValue(this.db, 'seq') ?? 0), readings };
  }

  async commit(batches: readonly PreparedBatch[], meta: CommitMeta): Promise<void> {
    if (!this.write) throw new Error('the store is open read-only');
    if (batches.length > 0) this.write(batches, meta);
  }

  async findIdempotent(source: string, key: string): Promise<IdempotentAnswer | undefined> {
    return this.findKey.get(source, key) as IdempotentAnswer | undefined;
  }
}

/** The statements of a commit, prepared once, and the commit as one transaction. */
function prepareWriter(db: Db, fold: FoldMark) {
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

  return db.transaction((batches: readonly PreparedBatch[], meta: CommitMeta) => {
    const foldedUntil = fold.until;
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
}
