import { io, type Socket } from 'socket.io-client';
import {
  type Delta,
  PROTOCOL_VERSION,
  type Snapshot,
  WALL_NAMESPACE,
  type WallClientToServer,
  type WallServerToClient,
} from '../../shared/protocol';
import type { Row } from '../lib/report';
import { mean, percentile, round } from '../lib/stats';

type WallSocket = Socket<WallServerToClient, WallClientToServer>;

/**
 * Snapshot size, delta rate and size, and delivery latency (server emit to client receipt; `delta.at` is stamped
 * at emit on the same machine's clock) for `clients` socket.io clients on loopback.
 */
export async function deliveryScenario(url: string, clients: number, seconds: number): Promise<Row[]> {
  const sockets: WallSocket[] = [];
  const latencies: number[] = [];
  const sizes: number[] = [];
  const changes: number[] = [];
  let snapshotBytes = 0;
  let deltas = 0;
  try {
    await Promise.all(
      Array.from({ length: clients }, (_, i) => {
        const socket: WallSocket = io(`${url}${WALL_NAMESPACE}`, {
          auth: { protocol: PROTOCOL_VERSION },
          transports: ['websocket'],
          forceNew: true,
        });
        sockets.push(socket);
        return new Promise<void>((resolve, reject) => {
          socket.once('connect_error', reject);
          socket.once('snapshot', (s: Snapshot) => {
            if (i === 0) snapshotBytes = Buffer.byteLength(JSON.stringify(s));
            resolve();
          });
        });
      }),
    );
    const started = Date.now();
    for (const [i, socket] of sockets.entries()) {
      socket.on('delta', (d: Delta) => {
        latencies.push(Date.now() - d.at);
        if (i === 0) {
          deltas += 1;
          sizes.push(Buffer.byteLength(JSON.stringify(d)));
          changes.push(d.changes.length);
        }
      });
    }
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const elapsed = (Date.now() - started) / 1000;
    const name = `delivery, ${clients} clients, ${seconds} s`;
    return [
      { scenario: name, metric: 'snapshot size', value: round(snapshotBytes / 1024, 1), unit: 'KiB (JSON)' },
      { scenario: name, metric: 'delta rate', value: round(deltas / elapsed, 2), unit: 'deltas/s per client' },
      { scenario: name, metric: 'delta size, mean', value: round(mean(sizes) / 1024, 2), unit: 'KiB (JSON)' },
      { scenario: name, metric: 'changes per delta, mean', value: round(mean(changes), 1), unit: 'readings' },
      { scenario: name, metric: 'latency p50', value: round(percentile(latencies, 0.5), 1), unit: 'ms emit→receipt' },
      { scenario: name, metric: 'latency p99', value: round(percentile(latencies, 0.99), 1), unit: 'ms emit→receipt' },
      { scenario: name, metric: 'deltas received', value: latencies.length, unit: 'all clients' },
    ];
  } finally {
    for (const s of sockets) s.close();
  }
}
