import type { Database, Statement } from 'better-sqlite3';
import type { HistoryPoint } from '../../../shared/history';
import { HOUR_MS, MINUTE_MS } from './store';

export interface HistoryWindow {
  region: string;
  indicator: string;
  from: number;
  to: number;
  stepMs: number;
  /** Shifts step boundaries so that days and hours start at local midnight and on the local hour. */
  alignMs: number;
}

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
export function makeHistoryReader(db: Database): (window: HistoryWindow) => HistoryPoint[] {
  const select: Statement = db.prepare(
    `SELECT at, value, num, den FROM history_minute
       WHERE region = @region AND indicator = @indicator AND minute BETWEEN @fromMinute AND @toMinute
         AND at BETWEEN @from AND @to
     UNION ALL
     SELECT at, value, num, den FROM history_hour
       WHERE region = @region AND indicator = @indicator AND hour BETWEEN @fromHour AND @toHour
         AND at BETWEEN @from AND @to
     ORDER BY at`,
  );
  return (w) => {
    const rows = select.all({
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
  };
}

/** The last row of each step, rows sorted by time. */
export function lastPerStep(rows: readonly Row[], stepMs: number, alignMs: number): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  let bucket = Number.NaN;
  for (const row of rows) {
    const b = Math.floor((row.at + alignMs) / stepMs);
    const point: HistoryPoint = {
      at: row.at,
      value: row.value,
      ...(row.num !== null && { num: row.num }),
      ...(row.den !== null && { den: row.den }),
    };
    if (b === bucket) out[out.length - 1] = point;
    else out.push(point);
    bucket = b;
  }
  return out;
}
