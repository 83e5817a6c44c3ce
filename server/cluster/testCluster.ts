import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startWallServer, type WallServer } from '../../e2e/support/server';
import { buildServerBundle } from '../../scripts/buildServer';
import { haproxyConfig } from './haproxy';

/** A PostgreSQL URL whose connections work in `schema` (created here). */
export async function schemaUrl(base: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export interface TestCluster {
  /** The balancer's address: what screens and sources use. */
  url: string;
  servers: (WallServer | null)[];
  ports: number[];
  /** Starts server `i` (again) on its port. */
  start(i: number): Promise<WallServer>;
  /** What server `i` says of itself, or null when it does not answer. */
  status(i: number): Promise<{ role: string; term: number; seq: number } | null>;
  stop(): Promise<void>;
}

/**
 * Three (or `size`) real servers on one PostgreSQL schema, behind a real HAProxy from Debian. The servers run the
 * prebuilt bundle on plain `node`, so a killed server is back within a second or so even on a busy machine.
 */
export async function startTestCluster(
  databaseUrl: string,
  env: Record<string, string>,
  size = 3,
): Promise<TestCluster> {
  const script = path.relative(path.resolve(import.meta.dirname, '../..'), await buildServerBundle());
  const ports = await Promise.all(Array.from({ length: size }, () => freePort()));
  const dirs: string[] = [];
  const servers: (WallServer | null)[] = ports.map(() => null);
  const start = async (i: number) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-node-'));
    dirs.push(dataDir);
    const server = await startWallServer({
      port: ports[i] as number,
      dataDir,
      script,
      env: { STORE: 'postgres', DATABASE_URL: databaseUrl, SERVER_ID: `s${i}`, ...env },
      timeoutMs: 60_000,
    });
    servers[i] = server;
    return server;
  };
  for (let i = 0; i < size; i++) await start(i);

  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-lb-'));
  const config = path.join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(port, ports));
  const balancer: ChildProcess = spawn('haproxy', ['-f', config, '-db'], { stdio: 'ignore' });
  // A test run that ends before its teardown (a timeout) must not leave the balancer running.
  process.once('exit', () => balancer.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('HAProxy did not come up');
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    servers,
    ports,
    start,
    async status(i) {
      try {
        const res = await fetch(`http://127.0.0.1:${ports[i]}/api/v1/cluster`, { signal: AbortSignal.timeout(1000) });
        return (await res.json()) as { role: string; term: number; seq: number };
      } catch {
        return null;
      }
    },
    async stop() {
      balancer.kill('SIGKILL');
      await Promise.all(servers.map((s) => s?.stop()));
      for (const d of [...dirs, dir]) rmSync(d, { recursive: true, force: true });
    },
  };
}
