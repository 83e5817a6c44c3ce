// `npm run bench:store`: durable ingest on the embedded SQLite store and on PostgreSQL side by side, through the
// same path the API takes (validate, draft, commit, apply), in batches of 500 observations, one batch after
// another for a few seconds each. PostgreSQL is DATABASE_URL (a schema of its own, dropped afterwards).
// Prints observations per second for both; the machine may be shared, so compare within one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
// The deployment it runs on (`DEPLOYMENT`, the default otherwise), installed for its units and catalogue.
import { regionSet } from '../e2e/support/regions';
import { systemClock } from '../server/clock';
import { serveDeployment } from '../server/deployment';
import { DEFAULT_DEPLOYMENT, DEPLOYMENTS_ROOT, loadDeployment } from '../server/deployment/loadDeployment';
import { Ingest } from '../server/sources/ingest';
import { LiveState } from '../server/state/liveState';
import { openPostgresStore } from '../server/store/postgres/store';
import { SqliteStore } from '../server/store/sqlite/store';
import type { WallStore } from '../server/store/types';
import { makeLocalCalendar } from '../shared/time';

serveDeployment(loadDeployment(path.join(DEPLOYMENTS_ROOT, DEFAULT_DEPLOYMENT)));

const BATCH = 500;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DISTRICTS = regionSet.districts.map((d) => d.code);
const INDICATORS = ['id-cards-issued', 'eid-collected', 'eid-activated'] as const;

async function measure(name: string, store: WallStore): Promise<number> {
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
  while (performance.now() - started < SECONDS * 1000) {
    const at = Date.now();
    value += 1;
    const batch = Array.from({ length: BATCH }, (_, i) => ({
      region: DISTRICTS[i % DISTRICTS.length] as string,
      indicator: INDICATORS[Math.floor(i / DISTRICTS.length) % INDICATORS.length] as string,
      at,
      value: value * 1000 + i,
    }));
    const result = await ingest.submit('bench', batch as never);
    if (!result.ok) throw new Error(`${name}: batch refused: ${JSON.stringify(result).slice(0, 200)}`);
    observations += BATCH;
  }
  const perSecond = observations / ((performance.now() - started) / 1000);
  console.log(`${name}: ${Math.round(perSecond)} observations/s durable, batches of ${BATCH}`);
  return perSecond;
}

const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-bench-store-'));
try {
  const sqlite = new SqliteStore({ dataDir: dir, synchronous: 'full' });
  await measure('SQLite (DB_SYNCHRONOUS=full)', sqlite);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const url = process.env.DATABASE_URL;
if (url) {
  const schema = `bench_${process.pid}`;
  const store = await openPostgresStore({ url, schema });
  try {
    await measure('PostgreSQL', store);
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  }
} else {
  console.log('PostgreSQL: skipped (set DATABASE_URL)');
}
