import type { Clock } from '../../clock';
import type { Logger } from '../../logger';
import { HOUR_MS, MINUTE_MS, type Store } from './store';

const DAY_MS = 86_400_000;

export interface RetentionOptions {
  /** Batches with their raw observations, idempotency keys and minute history are kept this long. */
  rawDays: number;
  /** Hourly history is kept this long. */
  hourlyDays: number;
  /** Rows per statement: small, so that ingest never waits long behind the background job. */
  chunkRows?: number;
  /** Minutes folded into hours per transaction. */
  foldMinutes?: number;
  /** Minutes are folded into hours this long after they end (later writes to them go to both tiers). */
  foldLagMs?: number;
  /** The pause between two cycles. */
  intervalMs?: number;
}

/** Thrown at a yield point when the job was stopped; ends the cycle quietly. */
class Stopped extends Error {}

/**
 * Folds minute history into hours and deletes what is past retention, in the background: every step is one
 * small statement (at most `chunkRows` rows) in its own transaction, and the job yields to the event loop between
 * steps, so that ingest is never blocked for long. Cycles never overlap.
 */
export function makeRetention(store: Store, clock: Clock, options: RetentionOptions, stopped = () => false) {
  const chunk = options.chunkRows ?? 2000;
  const foldMinutes = options.foldMinutes ?? 5;
  const foldLagMs = options.foldLagMs ?? HOUR_MS;
  const { db } = store;
  /** Yields to the event loop, so that requests waiting behind a chunk run first; stops there when asked. */
  const yieldToIngest = async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stopped()) throw new Stopped();
  };

  const firstMinuteFrom = db.prepare('SELECT min(minute) AS m FROM history_minute WHERE minute >= ?');
  const fold = db.prepare(
    `INSERT INTO history_hour (region, indicator, hour, at, value, num, den)
     SELECT region, indicator, minute / 60, at, value, num, den FROM history_minute WHERE minute >= ? AND minute < ?
     ON CONFLICT (region, indicator, hour) DO UPDATE
     SET at = excluded.at, value = excluded.value, num = excluded.num, den = excluded.den
     WHERE excluded.at >= history_hour.at`,
  );
  const foldChunk = db.transaction((from: number, to: number) => {
    fold.run(from, to);
    store.setFoldedUntil(to);
  });
  const deleteMinutes = db.prepare(
    `DELETE FROM history_minute WHERE (region, indicator, minute) IN
     (SELECT region, indicator, minute FROM history_minute WHERE minute < ? LIMIT ?)`,
  );
  const deleteHours = db.prepare(
    `DELETE FROM history_hour WHERE (region, indicator, hour) IN
     (SELECT region, indicator, hour FROM history_hour WHERE hour < ? LIMIT ?)`,
  );
  const deleteBatches = db.prepare(
    'DELETE FROM batches WHERE seq IN (SELECT seq FROM batches WHERE received_at < ? LIMIT ?)',
  );
  const deleteKeys = db.prepare(
    `DELETE FROM idempotency WHERE (source, key) IN
     (SELECT source, key FROM idempotency WHERE created_at < ? LIMIT ?)`,
  );

  /** Runs a delete until it removes less than a chunk; returns the rows removed. */
  const drain = async (statement: { run(...args: unknown[]): { changes: number } }, ...args: unknown[]) => {
    let total = 0;
    for (;;) {
      const { changes } = statement.run(...args, chunk);
      total += changes;
      if (changes < chunk) return total;
      await yieldToIngest();
    }
  };

  /** One cycle; resolves with what it did. */
  async function runOnce(): Promise<Record<string, number>> {
    const now = clock.now();
    const target = Math.floor((now - foldLagMs) / MINUTE_MS);
    let foldedChunks = 0;
    while (store.foldedUntil < target) {
      const next = (firstMinuteFrom.get(store.foldedUntil) as { m: number | null }).m;
      if (next === null || next >= target) {
        store.setFoldedUntil(target);
        break;
      }
      foldChunk(next, Math.min(next + foldMinutes, target));
      foldedChunks += 1;
      await yieldToIngest();
    }
    const rawCutoff = now - options.rawDays * DAY_MS;
    const minutes = await drain(deleteMinutes, Math.min(Math.floor(rawCutoff / MINUTE_MS), store.foldedUntil));
    const hours = await drain(deleteHours, Math.floor((now - options.hourlyDays * DAY_MS) / HOUR_MS));
    const batches = await drain(deleteBatches, rawCutoff);
    const keys = await drain(deleteKeys, rawCutoff);
    return { foldedChunks, minutes, hours, batches, keys };
  }

  return { runOnce };
}

/** Runs retention cycles every `intervalMs` (a minute by default) until stopped. */
export function startRetention(
  store: Store,
  clock: Clock,
  options: RetentionOptions,
  logger: Logger,
): { stop(): Promise<void> } {
  let stopped = false;
  const { runOnce } = makeRetention(store, clock, options, () => stopped);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<unknown> | null = null;
  const cycle = () => {
    running = runOnce().then(
      (done) => {
        if (Object.values(done).some((n) => n > 0)) logger.debug(done, 'retention cycle');
      },
      (error: unknown) => {
        if (!(error instanceof Stopped)) logger.error({ err: error }, 'retention cycle failed');
      },
    );
    running.finally(() => {
      running = null;
      if (!stopped) schedule();
    });
  };
  const schedule = () => {
    timer = setTimeout(cycle, options.intervalMs ?? 60_000);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
