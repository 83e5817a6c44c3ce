// `npm run bench:store`: durable ingest on the embedded SQLite store and on PostgreSQL (DATABASE_URL) side by side,
// in batches of 500 observations (bench/scenarios/storeIngest.ts; `npm run bench` runs it too, in (i)). Prints
// observations per second for both; the machine may be shared, so compare within one run.
import path from 'node:path';
import { serveDeployment } from '../server/deployment';
import { DEFAULT_DEPLOYMENT, DEPLOYMENTS_ROOT, loadDeployment } from '../server/deployment/loadDeployment';
import { durableIngestScenario } from './scenarios/storeIngest';

serveDeployment(loadDeployment(path.join(DEPLOYMENTS_ROOT, DEFAULT_DEPLOYMENT)));
const result = await durableIngestScenario({
  databaseUrl: process.env.DATABASE_URL,
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
});
if (result.postgres === undefined) console.log('PostgreSQL: skipped (set DATABASE_URL)');
