import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWallServer, type WallServer } from '../../e2e/support/server';
import { SnapshotSchema } from '../../shared/protocol';
import { FEED_SOURCE, FEED_TOKEN } from '../driver/feed';
import { onExit } from './children';

/** A server under test: where it listens and which process to watch. */
export interface Target {
  kind: 'wall' | 'floor';
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * A data directory with a day of simulated figures (the simulator seeds every indicator hour by hour since local
 * midnight), so that the wall under test shows full counters, sparklines and trends, as it would in service.
 * Made once per run and deployment (`DEPLOYMENT` otherwise); each server gets a copy of it.
 */
export async function seedDataDir(deployment?: string, timeoutMs?: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-bench-seed-'));
  onExit(async () => rmSync(dir, { recursive: true, force: true }));
  // The simulator seeds before the server listens, but a national set's after: wait for its present point.
  const since = Date.now();
  const server = await startWallServer({
    dataDir: dir,
    env: { SIM: 'on', LOG_LEVEL: 'warn', ...(deployment && { DEPLOYMENT: deployment }) },
    ...(timeoutMs !== undefined && { timeoutMs }),
  });
  await daySeeded(server.url, since, timeoutMs ?? 120_000);
  await server.stop();
  return dir;
}

/** Waits until the day's records are live as of the server's start: the simulator's last seeded point. */
async function daySeeded(url: string, since: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const snapshot = SnapshotSchema.parse(await (await fetch(`${url}/api/v1/snapshot`)).json());
    const records = snapshot.values.find((r) => r.region === 'province' && r.indicator === 'records-today-online');
    if (records && records.at >= since) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the simulator did not seed the day in time');
}

/**
 * The wall as deployed, on a copy of the seeded data, with the simulator off (the driver is the only source) and
 * the bench's token allowed as many requests as it sends.
 */
export async function startWall(
  seedDir: string,
  options: { nodeArgs?: string[]; deployment?: string } = {},
): Promise<Target> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-bench-'));
  cpSync(seedDir, dataDir, { recursive: true });
  const server = await startWallServer({
    dataDir,
    ...(options.nodeArgs && { nodeArgs: options.nodeArgs }),
    env: {
      SIM: 'off',
      // `BENCH_WALL_LOG=debug` shows, among the rest, the paces the screens ask for.
      LOG_LEVEL: process.env.BENCH_WALL_LOG ?? 'warn',
      INGEST_TOKENS: `${FEED_SOURCE}:${FEED_TOKEN}`,
      INGEST_RATE_LIMIT: '1000000',
      // A deployment other than the one the run is for (the national-scale scenario runs two); its seed must match.
      ...(options.deployment && { DEPLOYMENT: options.deployment }),
      // To see what another delta window brings and costs; the wall's own default otherwise.
      ...(process.env.DELTA_INTERVAL_MS && { DELTA_INTERVAL_MS: process.env.DELTA_INTERVAL_MS }),
    },
  });
  return asTarget('wall', server, async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/** The floor server (bench/floor/server.ts); `durable` commits every request to SQLite before emitting it. */
export async function startFloor(options: { durable?: boolean } = {}): Promise<Target> {
  const server = await startWallServer({
    script: 'bench/floor/server.ts',
    env: { FLOOR_DURABLE: options.durable ? '1' : '0' },
  });
  return asTarget('floor', server, () => server.stop());
}

/** A started server as a target, stopped by `stop` when asked or, failing that, on the way out. */
function asTarget(kind: Target['kind'], server: WallServer, stop: () => Promise<void>): Target {
  const unregister = onExit(stop);
  return {
    kind,
    url: server.url,
    pid: server.process.pid as number,
    stop: async () => {
      unregister();
      await stop();
    },
  };
}
