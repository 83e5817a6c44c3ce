import type { Database, Statement } from 'better-sqlite3';
import type { HistoryPoint } from '../../../shared/history';
import { type HistoryStore, type HistoryWindow, HOUR_MS, lastPerStep, MINUTE_MS } from '../types';

interface Row {
  at: number;
  value: number | null;
  num: number | null;
  den: number | null;
}

/**
 * Reads history from both tiers (minutes for recent days, hours beyond) and keeps the last reading of each step.
 * Where both tiers cover a step, they agree on its last reading: an hour row is the last minute row of its hour.
 */
export class SqliteHistory implements HistoryStore {
  private readonly select: Statement;

  constructor(db: Database) {
    this.select = db.prepare(
      `SELECT at, value, num, den FROM history_minute
         WHERE region = @region AND indicator = @indicator AND minute BETWEEN @fromMinute AND @toMinute
           AND at BETWEEN @from AND @to
       UNION ALL
       SELECT at, value, num, den FROM history_hour
         WHERE region = @region AND indicator = @indicator AND hour BETWEEN @fromHour AND @toHour
           AND at BETWEEN @from AND @to
       ORDER BY at`,
    );
  }

  async read(w: HistoryWindow): Promise<HistoryPoint[]> {
    const rows = this.select.all({
      region: w.region,
      indicator: w.indicator,
      from: w.from,
      to: w.to,
      fromMinute: Math.floor(w.from / MINUTE_MS),
      toMinute: Math.floor(w.to / MINUTE_MS),
      fromHour: Math.floor(w.from / HOUR_MS),
      toHour: Math.floor(w.to / HOUR_MS),
    }) as Row[];
    return lastPerStep(rows, w.stepMs, w.alignMs);
  }
}
