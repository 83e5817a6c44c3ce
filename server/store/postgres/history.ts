import type pg from 'pg';
import type { HistoryPoint } from '../../../shared/history';
import { RetentionStopped } from '../retention';
import {
  type HistoryStore,
  type HistoryWindow,
  HOUR_MS,
  lastPerStep,
  MINUTE_MS,
  type RetentionOptions,
  type RetentionStore,
} from '../types';
import { inTransaction } from './store';

const DAY_MS = 86_400_000;

/** History from both tiers, the last reading of each step (the same rule as the embedded store). */
export class PgHistory implements HistoryStore {
  constructor(private readonly pool: pg.Pool) {}

  async read(w: HistoryWindow): Promise<HistoryPoint[]> {
    const { rows } = await this.pool.query<{
      at: number;
      value: number | null;
      num: number | null;
      den: number | null;
    }>(
      `SELECT at, value, num, den FROM history_minute
         WHERE region = $1 AND indicator = $2 AND minute BETWEEN $3 AND $4 AND at BETWEEN $5 AND $6
       UNION ALL
       SELECT at, value, num, den FROM history_hour
         WHERE region = $1 AND indicator = $2 AND hour BETWEEN $7 AND $8 AND at BETWEEN $5 AND $6
       ORDER BY at`,
      [
        w.region,
        w.indicator,
        Math.floor(w.from / MINUTE_MS),
        Math.floor(w.to / MINUTE_MS),
        w.from,
        w.to,
        Math.floor(w.from / HOUR_MS),
        Math.floor(w.to / HOUR_MS),
      ],
    );
    return lastPerStep(rows, w.stepMs, w.alignMs);
  }
}

/**
 * Folds minutes into hours and deletes what is past retention, each step one short transaction of at most
 * `chunkRows` rows, so that commits never wait long behind it. The fold mark lives in `wall_state`, updated in
 * the transaction that folds, so a commit that takes the row lock sees the mark of the folds before it.
 */
export class PgRetention implements RetentionStore {
  constructor(private readonly pool: pg.Pool) {}

  async retain(now: number, options: RetentionOptions, stopped: () => boolean): Promise<Record<string, number>> {
    const chunk = options.chunkRows ?? 2000;
    const foldMinutes = options.foldMinutes ?? 5;
    const target = Math.floor((now - (options.foldLagMs ?? HOUR_MS)) / MINUTE_MS);
    const check = () => {
      if (stopped()) throw new RetentionStopped();
    };
    let foldedChunks = 0;
    for (;;) {
      check();
      const done = await inTransaction(this.pool, async (client) => {
        const mark = await client.query<{ folded: number }>(
          'SELECT folded_until_minute AS folded FROM wall_state WHERE id = 1 FOR UPDATE',
        );
        const folded = mark.rows[0]?.folded;
        if (folded === undefined || folded >= target) return true;
        const next = await client.query<{ m: number | null }>(
          'SELECT min(minute) AS m FROM history_minute WHERE minute >= $1',
          [folded],
        );
        const from = next.rows[0]?.m ?? null;
        if (from === null || from >= target) {
          await client.query('UPDATE wall_state SET folded_until_minute = $1 WHERE id = 1', [target]);
          return true;
        }
        const to = Math.min(from + foldMinutes, target);
        await client.query(
          `INSERT INTO history_hour (region, indicator, hour, at, value, num, den)
           SELECT DISTINCT ON (region, indicator, minute / 60) region, indicator, minute / 60, at, value, num, den
           FROM history_minute WHERE minute >= $1 AND minute < $2
           ORDER BY region, indicator, minute / 60, at DESC
           ON CONFLICT (region, indicator, hour) DO UPDATE
           SET at = excluded.at, value = excluded.value, num = excluded.num, den = excluded.den
           WHERE excluded.at >= history_hour.at`,
          [from, to],
        );
        await client.query('UPDATE wall_state SET folded_until_minute = $1 WHERE id = 1', [to]);
        return false;
      });
      if (done) break;
      foldedChunks += 1;
    }
    const drain = async (sql: string, cutoff: number) => {
      let total = 0;
      for (;;) {
        check();
        const { rowCount } = await this.pool.query(sql, [cutoff, chunk]);
        total += rowCount ?? 0;
        if ((rowCount ?? 0) < chunk) return total;
      }
    };
    const mark = await this.pool.query<{ folded: number }>('SELECT folded_until_minute AS folded FROM wall_state');
    const foldedUntil = mark.rows[0]?.folded ?? 0;
    const rawCutoff = now - options.rawDays * DAY_MS;
    const minutes = await drain(
      'DELETE FROM history_minute WHERE ctid IN (SELECT ctid FROM history_minute WHERE minute < $1 LIMIT $2)',
      Math.min(Math.floor(rawCutoff / MINUTE_MS), foldedUntil),
    );
    const hours = await drain(
      'DELETE FROM history_hour WHERE ctid IN (SELECT ctid FROM history_hour WHERE hour < $1 LIMIT $2)',
      Math.floor((now - options.hourlyDays * DAY_MS) / HOUR_MS),
    );
    const batches = await drain(
      'DELETE FROM batches WHERE seq IN (SELECT seq FROM batches WHERE received_at < $1 LIMIT $2)',
      rawCutoff,
    );
    const keys = await drain(
      'DELETE FROM idempotency WHERE ctid IN (SELECT ctid FROM idempotency WHERE created_at < $1 LIMIT $2)',
      rawCutoff,
    );
    return { foldedChunks, minutes, hours, batches, keys };
  }
}
