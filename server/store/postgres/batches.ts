import { randomUUID } from 'node:crypto';
import type pg from 'pg';
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
import { currentOrigin, originChange, originText, withStoredParts } from './origin';
import { inTransaction } from './store';

/** Another writer stored seqs this one did not know of, or this one's lease ended: nothing was written. */
export class SeqConflictError extends Error {}

/** Who may write: the holder of the writer's lease under this term (servers of a cluster set one). */
export interface Fence {
  holder: string;
  term: number;
}

/** Rows keyed by `key`, the last of each key kept (one statement may not update a row twice). */
function lastByKey<T>(rows: readonly T[], key: (row: T) => string, keep: (old: T, next: T) => boolean): T[] {
  const out = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    const old = out.get(k);
    if (!old || keep(old, row)) out.set(k, row);
  }
  return [...out.values()];
}

const columns = (readings: readonly Reading[]) => ({
  region: readings.map((r) => r.region),
  indicator: readings.map((r) => r.indicator),
  value: readings.map((r) => r.value),
  num: readings.map((r) => r.num ?? null),
  den: readings.map((r) => r.den ?? null),
  at: readings.map((r) => r.at),
});

/**
 * The batch log, the live state and idempotency keys in PostgreSQL. A commit is one transaction that first moves
 * the seq in `wall_state` from the one before its first batch to its last: the row lock orders writers, commit
 * order is seq order, and a writer whose idea of the seq is stale (another server wrote) fails without writing.
 */
export class PgBatches implements BatchStore {
  /**
   * When set, a commit also checks, in the statement that moves the seq, that this server still holds the lease
   * under its term: an old writer that was paused past its lease cannot write after a new one took over.
   */
  fence: Fence | null = null;

  constructor(private readonly pool: pg.Pool) {}

  writable(): boolean {
    return this.fence === null || this.fence.term >= 0;
  }

  /**
   * The stored state, under a new epoch when the database is not where it was written: another PostgreSQL cluster,
   * another timeline, or a restored table (see `origin.ts`). A restore goes back in time, so its seqs may have been
   * shown already: screens take a fresh snapshot instead of trusting them. Servers starting together agree, as the
   * first one to look records the new epoch and origin under the row's lock.
   */
  async load(): Promise<StoredState> {
    await this.pool.query('INSERT INTO wall_state (id, epoch, seq) VALUES (1, $1, 0) ON CONFLICT (id) DO NOTHING', [
      randomUUID(),
    ]);
    const notices: string[] = [];
    const { epoch, seq } = await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ epoch: string; seq: number; origin: string | null }>(
        'SELECT epoch, seq, origin FROM wall_state WHERE id = 1 FOR UPDATE',
      );
      const stored = rows[0] as { epoch: string; seq: number; origin: string | null };
      const { origin, unreadable } = await currentOrigin(client);
      if (unreadable.length > 0) {
        notices.push(
          `PostgreSQL does not let this role read ${unreadable.join(' or ')}: a restore is still noticed by its new wall_state table, but a point-in-time recovery or a promoted standby is not (grant EXECUTE on these functions)`,
        );
      }
      const changes = stored.origin === null ? [] : originChange(stored.origin, origin);
      const epoch = changes.length > 0 ? randomUUID() : stored.epoch;
      if (changes.length > 0) notices.push(`new epoch ${epoch} (was ${stored.epoch}): ${changes.join('; ')}`);
      // A part this role cannot read now keeps the value stored when it could.
      const kept = changes.length > 0 || stored.origin === null ? origin : withStoredParts(origin, stored.origin);
      if (stored.origin !== originText(kept)) {
        await client.query('UPDATE wall_state SET epoch = $1, origin = $2 WHERE id = 1', [epoch, originText(kept)]);
      }
      return { epoch, seq: stored.seq };
    });
    const { rows } = await this.pool.query('SELECT region, indicator, value, num, den, at, source FROM current');
    const readings = (rows as Parameters<typeof readingOf>[0][])
      .filter((r) => isIndicatorId(r.indicator))
      .map(readingOf);
    return { epoch, seq, readings, ...(notices.length > 0 && { notices }) };
  }

  async commit(batches: readonly PreparedBatch[], meta: CommitMeta): Promise<void> {
    if (batches.length === 0) return;
    const first = batches[0] as PreparedBatch;
    const last = batches[batches.length - 1] as PreparedBatch;
    await inTransaction(this.pool, async (client) => {
      const fence = this.fence;
      const moved = await client.query<{ folded: number }>(
        fence
          ? `UPDATE wall_state SET seq = $1 WHERE id = 1 AND seq = $2 AND EXISTS (SELECT 1 FROM wall_lease
               WHERE id = 1 AND holder = $3 AND term = $4 AND expires_at > clock_timestamp())
             RETURNING folded_until_minute AS folded`
          : 'UPDATE wall_state SET seq = $1 WHERE id = 1 AND seq = $2 RETURNING folded_until_minute AS folded',
        fence ? [last.seq, first.seq - 1, fence.holder, fence.term] : [last.seq, first.seq - 1],
      );
      if (moved.rowCount !== 1) {
        throw new SeqConflictError(`seq ${first.seq - 1} is not the stored seq, or this server is not the writer`);
      }
      const foldedUntil = (moved.rows[0] as { folded: number }).folded;
      await writeBatches(client, batches, meta, foldedUntil);
    });
  }

  async findIdempotent(source: string, key: string): Promise<IdempotentAnswer | undefined> {
    const { rows } = await this.pool.query<IdempotentAnswer>(
      'SELECT body_hash AS hash, seq, accepted FROM idempotency WHERE source = $1 AND key = $2',
      [source, key],
    );
    return rows[0];
  }
}

async function writeBatches(
  client: pg.PoolClient,
  batches: readonly PreparedBatch[],
  meta: CommitMeta,
  foldedUntil: number,
): Promise<void> {
  await client.query(
    `INSERT INTO batches (seq, source, received_at, observations, changes)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::jsonb[], $5::jsonb[])`,
    [
      batches.map((b) => b.seq),
      batches.map((b) => b.source),
      batches.map(() => meta.receivedAt),
      batches.map((b) => JSON.stringify(b.observations)),
      batches.map((b) => JSON.stringify(b.changes)),
    ],
  );
  // A doorbell for the other servers: they read the batches from the table, in seq order, whatever they missed.
  await client.query("SELECT pg_notify('wall_seq', $1)", [String(batches[batches.length - 1]?.seq)]);
  const changes = batches.flatMap((b) => b.changes.map((r) => ({ r, seq: b.seq })));
  const current = lastByKey(
    changes,
    ({ r }) => `${r.region}|${r.indicator}`,
    () => true,
  );
  if (current.length > 0) {
    const c = columns(current.map((x) => x.r));
    await client.query(
      `INSERT INTO current (region, indicator, value, num, den, at, source, seq)
       SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::bigint[],
         $7::text[], $8::bigint[])
       ON CONFLICT (region, indicator) DO UPDATE SET value = excluded.value, num = excluded.num, den = excluded.den,
       at = excluded.at, source = excluded.source, seq = excluded.seq`,
      [c.region, c.indicator, c.value, c.num, c.den, c.at, current.map((x) => x.r.source), current.map((x) => x.seq)],
    );
  }
  const history = batches.flatMap((b) => [...b.changes, ...b.late]);
  await writeTier(client, 'history_minute', 'minute', MINUTE_MS, history);
  // NOTE: a reading for a minute the background job has folded already goes to the hour tier as well.
  const late = history.filter((r) => Math.floor(r.at / MINUTE_MS) < foldedUntil);
  await writeTier(client, 'history_hour', 'hour', HOUR_MS, late);
  const keys = meta.idempotency ?? [];
  if (keys.length > 0) {
    await client.query(
      `INSERT INTO idempotency (source, key, body_hash, seq, accepted, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::integer[], $6::bigint[])`,
      [
        keys.map((k) => k.source),
        keys.map((k) => k.key),
        keys.map((k) => k.hash),
        keys.map((k) => k.seq),
        keys.map((k) => k.accepted),
        keys.map(() => meta.receivedAt),
      ],
    );
  }
}

/** Keeps the latest reading of each bucket, as the embedded store's `WHERE excluded.at >= at` does row by row. */
async function writeTier(
  client: pg.PoolClient,
  table: 'history_minute' | 'history_hour',
  bucket: 'minute' | 'hour',
  bucketMs: number,
  readings: readonly Reading[],
): Promise<void> {
  if (readings.length === 0) return;
  const rows = lastByKey(
    readings,
    (r) => `${r.region}|${r.indicator}|${Math.floor(r.at / bucketMs)}`,
    (old, next) => next.at >= old.at,
  );
  const c = columns(rows);
  await client.query(
    `INSERT INTO ${table} (region, indicator, ${bucket}, at, value, num, den)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::float8[], $6::float8[], $7::float8[])
     ON CONFLICT (region, indicator, ${bucket}) DO UPDATE
     SET at = excluded.at, value = excluded.value, num = excluded.num, den = excluded.den
     WHERE excluded.at >= ${table}.at`,
    [c.region, c.indicator, rows.map((r) => Math.floor(r.at / bucketMs)), c.at, c.value, c.num, c.den],
  );
}
