// (i) Several servers: how many screens one server holds against three behind HAProxy, and how long a screen is
// without its wall when the server it watches is killed. Real servers (the prebuilt bundle) on PostgreSQL
// (`DATABASE_URL`, by default the local `test` database, in a schema of the bench's own) behind Debian's HAProxy,
// started by the cluster tests' harness.
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { schemaUrl, startTestCluster, type TestCluster } from '../../server/cluster/testCluster';
import { PROTOCOL_VERSION, type Snapshot, WALL_NAMESPACE } from '../../shared/protocol';
import { FEED_SOURCE, FEED_TOKEN } from '../driver/feed';
import { driverConfig, runDriver } from '../driver/runDriver';
import { onExit, runNode } from '../lib/children';
import { processCpuSeconds } from '../lib/procCpu';
import { percentile } from '../lib/stats';
import { message } from './fanout';
import type { ClientFigures, ReceiversConfig } from './receivers';

/** The wall's own client backoff (client/live/makeWallClient.ts), so a screen here reconnects as a real one. */
const RECONNECT = { reconnectionDelay: 500, reconnectionDelayMax: 4_000, randomizationFactor: 0.5 };
const LEASE_MS = 1000;

export interface ServerFigures {
  role: string;
  screens: number;
  /** Share of a core while the driver sent. */
  cores: number;
  /** CPU per delta per screen it holds, µs (its whole CPU, so its fixed work per delta is spread in). */
  usPerDeltaPerScreen: number;
}

export interface ScaleResult {
  servers: ServerFigures[];
  deltasPerSecond: number;
  /** Screens that heard nothing (a broken connection). */
  silent: number;
  lagP99: number;
}

const env = (databaseUrl: string) => ({
  SIM: 'off',
  LOG_LEVEL: 'error',
  INGEST_TOKENS: `${FEED_SOURCE}:${FEED_TOKEN}`,
  INGEST_RATE_LIMIT: '1000000',
  LEASE_MS: String(LEASE_MS),
  CLIENT_DIR: '/nonexistent',
  DATABASE_URL: databaseUrl,
});

/** A cluster of `size` on a schema of its own, dropped when the cluster stops (by the caller, or on the way out). */
export async function startBenchCluster(base: string, size: number): Promise<TestCluster> {
  const schema = `${process.env.BENCH_CLUSTER_SCHEMA ?? 'bench_cluster'}_${size}_${Date.now().toString(36)}`;
  const url = await schemaUrl(base, schema);
  const cluster = await startTestCluster(url, env(url), size);
  const unregister = onExit(() => cluster.stop());
  const stop = cluster.stop;
  cluster.stop = async () => {
    unregister();
    await stop();
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
  };
  for (let i = 0; ; i++) {
    if ((await Promise.all(cluster.ports.map((_, k) => cluster.status(k)))).some((s) => s?.role === 'writer')) break;
    if (i > 200) throw new Error('no writer in the bench cluster');
    await new Promise((r) => setTimeout(r, 100));
  }
  return cluster;
}

/** `ioc_screens_connected` of one server, from its own /metrics. */
async function screensOn(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^ioc_screens_connected(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? 0);
}

/**
 * `screens` sockets (a process of their own) through the balancer while the driver posts `rate` updates a second
 * for `seconds`: each server's CPU over the sending, the screens it held, and the deltas each screen received.
 */
export async function scaleScenario(
  cluster: TestCluster,
  options: { screens: number; rate: number; seconds: number; warmupSeconds: number },
): Promise<ScaleResult> {
  const config: ReceiversConfig = { url: cluster.url, kind: 'wall', clients: options.screens };
  const receivers = runNode('bench/scenarios/receivers.ts', [JSON.stringify(config)]);
  try {
    await message(receivers, 'ready');
    const pids = cluster.servers.map((s) => s?.process.pid as number);
    const roles = await Promise.all(cluster.ports.map(async (_, i) => (await cluster.status(i))?.role ?? 'down'));
    const screens = await Promise.all(cluster.ports.map(screensOn));
    let start = { cpu: [] as number[], at: 0 };
    let used = { cpu: [] as number[], seconds: 0 };
    await runDriver(driverConfig(cluster.url, options), {
      sending: () => {
        start = { cpu: pids.map(processCpuSeconds), at: performance.now() };
        receivers.process.send({ type: 'record' });
      },
      answered: () => {
        used = {
          cpu: pids.map((pid, i) => processCpuSeconds(pid) - (start.cpu[i] as number)),
          seconds: (performance.now() - start.at) / 1000,
        };
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const figures = message<{ figures: ClientFigures[] }>(receivers, 'figures');
    receivers.process.send({ type: 'stop' });
    const clients = (await figures).figures;
    const heard = clients.filter((c) => c.messages > 0);
    const deltasPerSecond = heard.reduce((n, c) => n + c.messages, 0) / heard.length / used.seconds;
    return {
      servers: used.cpu.map((cpu, i) => ({
        role: roles[i] as string,
        screens: screens[i] as number,
        cores: cpu / used.seconds,
        usPerDeltaPerScreen: (cpu / (deltasPerSecond * used.seconds * Math.max(1, screens[i] as number))) * 1e6,
      })),
      deltasPerSecond,
      silent: clients.length - heard.length,
      lagP99: Math.max(...heard.map((c) => c.p99)),
    };
  } finally {
    await receivers.stop();
  }
}

export interface FailoverResult {
  /** Link down (the socket closed) to live again (a snapshot from another server), ms, one per screen and kill. */
  screenMs: number[];
  /** Writer killed to another server reporting itself the writer, ms. */
  handoverMs: number[];
}

/**
 * `screens` sockets through the balancer, reconnecting as the wall's client does; `kills` times, the server holding
 * the most screens (every other time the writer) is killed with SIGKILL, and each of its screens is timed from the
 * socket closing to its next snapshot; the server restarts and all screens are live before the next kill.
 */
export async function failoverScenario(
  cluster: TestCluster,
  options: { screens: number; kills: number },
): Promise<FailoverResult> {
  const downAt = new Map<number, number>();
  const screenMs: number[] = [];
  const handoverMs: number[] = [];
  const live = new Set<number>();
  const sockets: Socket[] = Array.from({ length: options.screens }, (_, i) => {
    let cursor: { epoch: string; seq: number } | null = null;
    const socket = io(`${cluster.url}${WALL_NAMESPACE}`, {
      auth: (send: (auth: object) => void) => send({ protocol: PROTOCOL_VERSION, ...(cursor && { cursor }) }),
      transports: ['websocket'],
      forceNew: true,
      ...RECONNECT,
    });
    socket.on('snapshot', (s: Snapshot) => {
      cursor = { epoch: s.epoch, seq: s.seq };
      live.add(i);
      const since = downAt.get(i);
      if (since !== undefined) screenMs.push(performance.now() - since);
      downAt.delete(i);
    });
    socket.on('delta', (d: { seq: number }) => {
      if (cursor) cursor.seq = d.seq;
    });
    socket.on('disconnect', () => {
      live.delete(i);
      downAt.set(i, performance.now());
    });
    // Refused by a server that is not ready: the client tries again after its backoff.
    socket.on('connect_error', () => setTimeout(() => socket.connect(), RECONNECT.reconnectionDelay));
    return socket;
  });
  const until = async (what: string, condition: () => Promise<boolean> | boolean) => {
    for (let i = 0; !(await condition()); i++) {
      if (i > 1200) throw new Error(`failover: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const writer = async () => {
    for (let i = 0; i < cluster.ports.length; i++) if ((await cluster.status(i))?.role === 'writer') return i;
    return -1;
  };
  try {
    await until('every screen live', () => live.size === options.screens);
    for (let round = 0; round < options.kills; round++) {
      const held = await Promise.all(cluster.ports.map(screensOn));
      const current = await writer();
      const busiest = held.indexOf(Math.max(...held));
      const victim = round % 2 === 0 && current >= 0 ? current : busiest;
      const killedAt = performance.now();
      await cluster.servers[victim]?.kill();
      cluster.servers[victim] = null;
      if (victim === current) {
        await until('a new writer', async () => {
          const w = await writer();
          return w >= 0 && w !== victim;
        });
        handoverMs.push(performance.now() - killedAt);
      }
      await until('every screen live again', () => live.size === options.screens && downAt.size === 0);
      await cluster.start(victim);
      await until('the restarted server ready', async () => (await cluster.status(victim)) !== null);
    }
    return { screenMs, handoverMs };
  } finally {
    for (const s of sockets) s.close();
  }
}

export const p50p99 = (samples: readonly number[]) => ({
  p50: percentile(samples, 0.5),
  p99: percentile(samples, 0.99),
});
