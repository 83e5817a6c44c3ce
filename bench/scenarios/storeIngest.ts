// Durable ingest on the embedded SQLite store and on PostgreSQL side by side, through the same path the API
// takes (validate, draft, commit, apply), in batches of 500 observations, one batch after another. The units and
// catalogue are the deployment already served by the caller. PostgreSQL gets a schema of its own, dropped after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
// The deployment it runs on (`DEPLOYMENT`, the default otherwise), installed for its units and catalogue.
import { regionSet } from '../../e2e/support/regions';
import { systemClock } from '../../server/clock';
import { Ingest } from '../../server/sources/ingest';
import { LiveState } from '../../server/state/liveState';
import { openPostgresStore } from '../../server/store/postgres/store';
import { SqliteStore } from '../../server/store/sqlite/store';
import type { WallStore } from '../../server/store/types';
import { makeLocalCalendar } from '../../shared/time';

export const STORE_BATCH = 500;
const DISTRICTS = regionSet.districts.map((d) => d.code);
const INDICATORS = ['id-cards-issued', 'eid-collected', 'eid-activated'] as const;

async function measure(name: string, store: WallStore, seconds: number): Promise<number> {
  const state = new LiveState({
    regions: regionSet,
    calendar: makeLocalCalendar('Asia/Ho_Chi_Minh'),
    ...(await store.batches.load()),
  });
  const ingest = new Ingest({
    state,
    regions: regionSet,
    clock: systemClock,
    store: store.batches,
    onApplied: () => {},
  });
  let value = 0;
  let observations = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const at = Date.now();
    value += 1;
    const batch = Array.from({ length: STORE_BATCH }, (_, i) => ({
      region: DISTRICTS[i % DISTRICTS.length] as string,
      indicator: INDICATORS[Math.floor(i / DISTRICTS.length) % INDICATORS.length] as string,
      at,
      value: value * 1000 + i,
    }));
    const result = await ingest.submit('bench', batch as never);
    if (!result.ok) throw new Error(`${name}: batch refused: ${JSON.stringify(result).slice(0, 200)}`);
    observations += STORE_BATCH;
  }
  const perSecond = observations / ((performance.now() - started) / 1000);
  console.log(`${name}: ${Math.round(perSecond)} observations/s durable, batches of ${STORE_BATCH}`);
  return perSecond;
}

/** Observations per second, durable, on SQLite (synchronous=full) and, when a URL is given, on PostgreSQL. */
export async function durableIngestScenario(opts: {
  databaseUrl?: string;
  seconds: number;
}): Promise<{ sqlite: number; postgres?: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-bench-store-'));
  let sqlitePerSecond: number;
  try {
    const sqlite = new SqliteStore({ dataDir: dir, synchronous: 'full' });
    sqlitePerSecond = await measure('SQLite (DB_SYNCHRONOUS=full)', sqlite, opts.seconds);
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!opts.databaseUrl) return { sqlite: sqlitePerSecond };
  const schema = `bench_${process.pid}`;
  const store = await openPostgresStore({ url: opts.databaseUrl, schema });
  try {
    return { sqlite: sqlitePerSecond, postgres: await measure('PostgreSQL', store, opts.seconds) };
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: opts.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  }
}
