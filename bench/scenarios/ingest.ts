import { io, type Socket } from 'socket.io-client';
import {
  type Delta,
  PROTOCOL_VERSION,
  WALL_NAMESPACE,
  type WallClientToServer,
  type WallServerToClient,
} from '../../shared/protocol';
import { regionSet } from '../../shared/regions';
import type { Row } from '../lib/report';
import { percentile, round } from '../lib/stats';

type WallSocket = Socket<WallServerToClient, WallClientToServer>;

export const BENCH_TOKEN = 'bench-token-0123456789abcdef';
export const BATCH_SIZE = 500;
const DISTRICTS = regionSet.districts.map((d) => d.code);

/**
 * A batch of `BATCH_SIZE` observations of every form, spread over the districts the way a busy source would send
 * them: increments of today's records and e-ID applications, absolute ID-card counts, rates as num and den.
 */
function batchBody(n: number, at: number, marker?: number): string {
  const observations: unknown[] = [];
  for (let i = 0; observations.length < BATCH_SIZE - (marker === undefined ? 0 : 1); i++) {
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
  if (marker !== undefined) observations.push({ region: '417', indicator: 'service-index', at, value: marker });
  return JSON.stringify({ source: 'bench', observations });
}

function post(url: string, body: string): Promise<Response> {
  return fetch(`${url}/api/v1/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
    body,
    signal: AbortSignal.timeout(10_000),
  });
}

/**
 * Sustained durable ingest: `concurrency` senders post batches of 500 back to back for `seconds`; every accepted
 * batch was committed to SQLite (WAL, synchronous=FULL by default) before its answer.
 */
export async function ingestThroughputScenario(url: string, seconds: number, concurrency = 4): Promise<Row[]> {
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
  const name = `ingest, batches of ${BATCH_SIZE}, ${concurrency} senders, ${seconds} s`;
  return [
    { scenario: name, metric: 'throughput', value: Math.round(accepted / elapsed), unit: 'observations/s (durable)' },
    { scenario: name, metric: 'request p50', value: round(percentile(latencies, 0.5), 1), unit: 'ms' },
    { scenario: name, metric: 'request p99', value: round(percentile(latencies, 0.99), 1), unit: 'ms' },
    { scenario: name, metric: 'refused batches', value: refused, unit: 'batches' },
  ];
}

/**
 * Ingest to screen: `clients` screens connected while batches of 500 arrive `perSecond` times a second; each
 * batch carries a marker reading, and the time from sending the batch to a screen receiving the marker is the
 * latency (it includes the broadcaster's coalescing interval, 100 ms by default).
 */
export async function ingestToClientScenario(
  url: string,
  clients: number,
  seconds: number,
  perSecond = 10,
): Promise<Row[]> {
  const sockets: WallSocket[] = [];
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  try {
    await Promise.all(
      Array.from({ length: clients }, () => {
        const socket: WallSocket = io(`${url}${WALL_NAMESPACE}`, {
          auth: { protocol: PROTOCOL_VERSION },
          transports: ['websocket'],
          forceNew: true,
        });
        sockets.push(socket);
        socket.on('delta', (d: Delta) => {
          const now = performance.now();
          for (const r of d.changes) {
            if (r.region !== '417' || r.indicator !== 'service-index' || r.value === null) continue;
            const t0 = sentAt.get(r.value);
            if (t0 !== undefined) latencies.push(now - t0);
          }
        });
        return new Promise<void>((resolve, reject) => {
          socket.once('connect_error', reject);
          socket.once('snapshot', () => resolve());
        });
      }),
    );
    const batches = Math.round(seconds * perSecond);
    for (let i = 1; i <= batches; i++) {
      // Markers are distinct scores in (0, 100): the screens tell the batches apart by them.
      const marker = round((i % 99_999) / 1000 + 0.0001, 4);
      const body = batchBody(i, Date.now(), marker);
      sentAt.set(marker, performance.now());
      const res = await post(url, body);
      await res.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / perSecond - 5)));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    for (const s of sockets) s.close();
  }
  const name = `ingest to screens, ${clients} clients, ${perSecond} batches of ${BATCH_SIZE}/s, ${seconds} s`;
  return [
    { scenario: name, metric: 'latency p50', value: round(percentile(latencies, 0.5), 1), unit: 'ms POST→screen' },
    { scenario: name, metric: 'latency p99', value: round(percentile(latencies, 0.99), 1), unit: 'ms POST→screen' },
    { scenario: name, metric: 'markers received', value: latencies.length, unit: 'all clients' },
  ];
}
