import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A database of a test's own: a fresh one on a running server, or a throwaway server. */
export interface TestPostgres {
  /** The connection string of the test's database (trust authentication, no password). */
  url: string;
  /** Runs SQL as the owner of the database (to create tables and write rows the connector reads). */
  sql(text: string, params?: unknown[]): Promise<pg.QueryResult>;
  close(): Promise<void>;
}

/** The servers a machine of this project may have: DATABASE_URL, else the shared one on the default port. */
function candidates(): string[] {
  const env = process.env.DATABASE_URL;
  return env ? [env] : ['postgres://root@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/postgres'];
}

async function reachable(url: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => undefined);
    return null;
  }
}

/** Debian's PostgreSQL programs, newest version first, when installed. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => path.join(root, v, 'bin')).find((bin) => existsSync(path.join(bin, 'initdb')));
  return found ?? null;
}

/** A throwaway server in a temporary directory on a free port (as the `postgres` user when run as root). */
async function throwawayServer(): Promise<{ url: string; stop(): void }> {
  const bin = postgresBin();
  if (!bin) throw new Error('no PostgreSQL reachable and none installed: set DATABASE_URL or install postgresql');
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, program), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  run('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A database of the test's own, dropped on close: made on the shared server when one answers (DATABASE_URL or
 * 127.0.0.1:5432), otherwise on a throwaway server started from the installed PostgreSQL.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  let admin: pg.Client | null = null;
  for (const url of candidates()) {
    admin = await reachable(url);
    if (admin) break;
  }
  let throwaway: { url: string; stop(): void } | null = null;
  if (!admin) {
    throwaway = await throwawayServer();
    admin = new pg.Client({ connectionString: throwaway.url });
    await admin.connect();
  }
  const name = `ioc_connectors_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = `postgres://${admin.user}@${admin.host}:${admin.port}/${name}`;
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const server = admin;
  return {
    url,
    sql: (text, params) => owner.query(text, params),
    async close() {
      await owner.end();
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
      throwaway?.stop();
    },
  };
}
