import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

/** Debian's PostgreSQL server binaries, the newest version installed (or `PG_BIN`). */
export function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((bin) => existsSync(path.join(bin, 'initdb')));
  if (!found) throw new Error("no PostgreSQL server binaries: set DATABASE_URL, or install Debian's postgresql");
  return found;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** The PostgreSQL that integration tests use: `DATABASE_URL`, or the throwaway one the global setup started. */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/**
 * A schema name of its own for one test file (tests in parallel never share tables); `TEST_SCHEMA_PREFIX` sets
 * apart the schemas of runs that share one database.
 */
export function testSchema(name: string): string {
  const prefix = /^[a-z][a-z0-9]{0,8}$/.test(process.env.TEST_SCHEMA_PREFIX ?? '')
    ? process.env.TEST_SCHEMA_PREFIX
    : 't';
  return `${prefix}_${name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface ThrowawayPostgres {
  url: string;
  /** Stops it for good and removes its files. */
  stop(): void;
  /** Stops it in immediate mode, as a crash would (no checkpoint; it replays its WAL when it starts). */
  crash(): void;
  /** Starts it again on the same port and data, once it answers. */
  start(): Promise<void>;
}

/**
 * Starts a real PostgreSQL of its own in a temporary directory, from Debian's server binaries (`.ci/run` installs
 * them), on a free loopback port; as the `postgres` user when run as root, since PostgreSQL refuses root.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const PG_BIN = pgBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args]) : execFileSync(cmd, args);
  if (asRoot) chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  run(path.join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const args = ['-D', data, '-k', dir, '-h', '127.0.0.1', '-p', String(port), '-c', 'fsync=off'];
  let child: ChildProcess | null = null;
  const start = async () => {
    child = asRoot
      ? spawn('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, 'postgres'), ...args], { stdio: 'ignore' })
      : spawn(path.join(PG_BIN, 'postgres'), args, { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        execFileSync(path.join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
        return;
      } catch {
        if (Date.now() > deadline) throw new Error('the throwaway PostgreSQL did not start within 30 s');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  const halt = (mode: 'fast' | 'immediate') => {
    try {
      run(path.join(PG_BIN, 'pg_ctl'), ['-D', data, 'stop', '-m', mode, '-w']);
    } catch {
      child?.kill('SIGKILL');
    }
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    crash: () => halt('immediate'),
    stop() {
      halt('fast');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
