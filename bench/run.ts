// `npm run bench`: starts the real server as a child process and measures it from outside: delivery to screens
// under the simulator, then durable ingest throughput and ingest-to-screen latency. Options through the
// environment: BENCH_SECONDS (duration of each timed scenario, default 20), SIM_RATE (simulator events/s).
import { startWallServer } from '../e2e/support/server';
import { type Row, report } from './lib/report';
import { deliveryScenario } from './scenarios/delivery';
import { BENCH_TOKEN, ingestThroughputScenario, ingestToClientScenario } from './scenarios/ingest';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);

async function main() {
  const rows: Row[] = [];
  const server = await startWallServer({
    env: { LOG_LEVEL: 'warn', ...(process.env.SIM_RATE && { SIM_RATE: process.env.SIM_RATE }) },
  });
  try {
    // Let the simulator seed and settle before measuring.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    rows.push(...(await deliveryScenario(server.url, 10, seconds)));
  } finally {
    await server.stop();
  }
  // Ingest on a server of its own, without the simulator, so that only the bench's batches are measured.
  const ingestServer = await startWallServer({
    env: { LOG_LEVEL: 'warn', SIM: 'off', INGEST_TOKENS: `bench:${BENCH_TOKEN}`, INGEST_RATE_LIMIT: '1000000' },
  });
  try {
    rows.push(...(await ingestThroughputScenario(ingestServer.url, seconds)));
    rows.push(...(await ingestToClientScenario(ingestServer.url, 10, seconds)));
  } finally {
    await ingestServer.stop();
  }
  report(rows, { simRate: process.env.SIM_RATE ?? 'default' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
