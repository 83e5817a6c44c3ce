// The deployment the bench's server runs (`DEPLOYMENT`, the default otherwise), installed for its units.
import { regionSet } from '../../e2e/support/regions';
import { FEED_SOURCE, FEED_TOKEN } from '../driver/feed';
import { percentile } from '../lib/stats';

export const BATCH_SIZE = 500;
const DISTRICTS = regionSet.districts.map((d) => d.code);

/**
 * A batch of `BATCH_SIZE` observations of every form, spread over the districts the way a busy source would send
 * them: increments of today's records and e-ID applications, absolute ID-card counts, rates as num and den.
 */
function batchBody(n: number, at: number): string {
  const observations: unknown[] = [];
  for (let i = 0; observations.length < BATCH_SIZE; i++) {
    const region = DISTRICTS[(n * 7 + i) % DISTRICTS.length] as string;
    switch (i % 4) {
      case 0:
        observations.push({ region, indicator: 'records-today-online', at, delta: 1 });
        break;
      case 1:
        observations.push({ region, indicator: 'eid-collected', at, delta: 2 });
        break;
      case 2:
        observations.push({ region, indicator: 'id-cards-issued', at, value: 100_000 + n });
        break;
      default:
        observations.push({ region, indicator: 'online-record-rate', at, num: 400 + (n % 100), den: 1000 });
    }
  }
  return JSON.stringify({ source: FEED_SOURCE, observations });
}

function post(url: string, body: string): Promise<Response> {
  return fetch(`${url}/api/v1/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${FEED_TOKEN}` },
    body,
    signal: AbortSignal.timeout(10_000),
  });
}

export interface IngestResult {
  /** Observations accepted per second, each durably committed before its answer. */
  perSecond: number;
  requestP50: number;
  requestP99: number;
  refusedBatches: number;
}

/**
 * Sustained durable ingest: `concurrency` senders post batches of 500 back to back for `seconds`; every accepted
 * batch was committed to SQLite (WAL, synchronous=FULL by default) before its answer.
 */
export async function ingestThroughputScenario(url: string, seconds: number, concurrency = 4): Promise<IngestResult> {
  const bodies = Array.from({ length: 32 }, (_, n) => batchBody(n, Date.now()));
  const latencies: number[] = [];
  let accepted = 0;
  let refused = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const sender = async () => {
    while (performance.now() < deadline) {
      const body = bodies[n++ % bodies.length] as string;
      const t0 = performance.now();
      const res = await post(url, body);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status === 200) accepted += BATCH_SIZE;
      else refused += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  const elapsed = (performance.now() - started) / 1000;
  return {
    perSecond: accepted / elapsed,
    requestP50: percentile(latencies, 0.5),
    requestP99: percentile(latencies, 0.99),
    refusedBatches: refused,
  };
}
