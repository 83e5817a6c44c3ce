import type { Database } from 'better-sqlite3';
import { RetentionStopped } from '../retention';
import { HOUR_MS, MINUTE_MS, type RetentionOptions, type RetentionStore } from '../types';
import type { FoldMark } from './batches';

const DAY_MS = 86_400_000;

/**
 * Folds minute history into hours and deletes what is past retention: every step is one small statement (at
 * most `chunkRows` rows) in its own transaction, and the job yields to the event loop between steps, so that
 * ingest (on the same connection) is never blocked for long.
 */
export class SqliteRetention implements RetentionStore {
  private readonly statements;

  constructor(
    db: Database,
    private readonly fold: FoldMark,
  ) {
    const foldRows = db.prepare(
      `INSERT INTO history_hour (region, indicator, hour, at, value, num, den)
       SELECT region, indicator, minute / 60, at, value, num, den FROM history_minute WHERE minute >= ? AND minute < ?
       ON CONFLICT (region, indicator, hour) DO UPDATE
       SET at = excluded.at, value = excluded.value, num = excluded.num, den = excluded.den
       WHERE excluded.at >= history_hour.at`,
    );
    this.statements = {
      firstMinuteFrom: db.prepare('SELECT min(minute) AS m FROM history_minute WHERE minute >= ?'),
      foldChunk: db.transaction((from: number, to: number) => {
        foldRows.run(from, to);
        fold.set(to);
      }),
      deleteMinutes: db.prepare(
        `DELETE FROM history_minute WHERE (region, indicator, minute) IN
         (SELECT region, indicator, minute FROM history_minute WHERE minute < ? LIMIT ?)`,
      ),
      deleteHours: db.prepare(
        `DELETE FROM history_hour WHERE (region, indicator, hour) IN
         (SELECT region, indicator, hour FROM history_hour WHERE hour < ? LIMIT ?)`,
      ),
      deleteBatches: db.prepare(
        'DELETE FROM batches WHERE seq IN (SELECT seq FROM batches WHERE received_at < ? LIMIT ?)',
      ),
      deleteKeys: db.prepare(
        `DELETE FROM idempotency WHERE (source, key) IN
         (SELECT source, key FROM idempotency WHERE created_at < ? LIMIT ?)`,
      ),
    };
  }

  /** Where minutes are folded into hours up to. */
  get foldedUntil(): number {
    return this.fold.until;
  }

  async retain(now: number, options: RetentionOptions, stopped: () => boolean): Promise<Record<string, number>> {
    const s = this.statements;
    const chunk = options.chunkRows ?? 2000;
    const foldMinutes = options.foldMinutes ?? 5;
    const foldLagMs = options.foldLagMs ?? HOUR_MS;
    /** Yields to the event loop, so that requests waiting behind a chunk run first; stops there when asked. */
    const yieldToIngest = async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stopped()) throw new RetentionStopped();
    };
    /** Runs a delete until it removes less than a chunk; returns the rows removed. */
    const drain = async (statement: { run(...args: unknown[]): { changes: number } }, cutoff: number) => {
      let total = 0;
      for (;;) {
        const { changes } = statement.run(cutoff, chunk);
        total += changes;
        if (changes < chunk) return total;
        await yieldToIngest();
      }
    };

    const target = Math.floor((now - foldLagMs) / MINUTE_MS);
    let foldedChunks = 0;
    while (this.fold.until < target) {
      const next = (s.firstMinuteFrom.get(this.fold.until) as { m: number | null }).m;
      if (next === null || next >= target) {
        this.fold.set(target);
        break;
      }
      s.foldChunk(next, Math.min(next + foldMinutes, target));
      foldedChunks += 1;
      await yieldToIngest();
    }
    const rawCutoff = now - options.rawDays * DAY_MS;
    const minutes = await drain(s.deleteMinutes, Math.min(Math.floor(rawCutoff / MINUTE_MS), this.fold.until));
    const hours = await drain(s.deleteHours, Math.floor((now - options.hourlyDays * DAY_MS) / HOUR_MS));
    const batches = await drain(s.deleteBatches, rawCutoff);
    const keys = await drain(s.deleteKeys, rawCutoff);
    return { foldedChunks, minutes, hours, batches, keys };
  }
}
