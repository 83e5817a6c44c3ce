import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { startWallServer, type WallServer } from '../../e2e/support/server';
import { PROTOCOL_VERSION, type Snapshot, WALL_NAMESPACE } from '../../shared/protocol';
import { DVC_TOKEN, TEST_TOKENS } from '../test/ingestClient';
import { pgBin, startThrowawayPostgres, testDatabaseUrl, testSchema } from '../test/postgres';
import { schemaUrl } from './testCluster';

const CLOCK_START = '2026-12-02T10:30:00+07:00';
const env = {
  STORE: 'postgres',
  SIM: 'off',
  INGEST_TOKENS: TEST_TOKENS,
  LOG_LEVEL: 'error',
  CLIENT_DIR: '/nonexistent',
  CLOCK_START,
};

/** The first snapshot a screen gets when it connects with `cursor`. */
function snapshotFor(url: string, cursor: { epoch: string; seq: number }): Promise<Snapshot> {
  const socket = io(`${url}${WALL_NAMESPACE}`, {
    auth: { protocol: PROTOCOL_VERSION, cursor },
    transports: ['websocket'],
  });
  return new Promise<Snapshot>((resolve, reject) => {
    socket.once('snapshot', (s: Snapshot) => resolve(s));
    socket.once('connect_error', reject);
  }).finally(() => socket.disconnect());
}

const health = async (server: WallServer) =>
  (await (await fetch(`${server.url}/healthz`)).json()) as { epoch: string; seq: number };

describe('a wall on PostgreSQL restored from pg_dump', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-restore-'));
  const servers: WallServer[] = [];
  let other: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    other?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a new epoch, and a screen with a cursor from before takes a fresh snapshot', {
    timeout: 180_000,
  }, async () => {
    const schema = testSchema('restore');
    const start = async (databaseUrl: string) => {
      const server = await startWallServer({ env: { ...env, DATABASE_URL: databaseUrl }, timeoutMs: 60_000 });
      servers.push(server);
      return server;
    };
    const first = await start(await schemaUrl(testDatabaseUrl(), schema));
    const res = await fetch(`${first.url}/api/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DVC_TOKEN}` },
      body: JSON.stringify({
        source: 'dvc',
        observations: [
          { region: '417', indicator: 'records-today-online', at: Date.parse(CLOCK_START) - 60_000, value: 42 },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const before = await health(first);
    expect(before.seq).toBeGreaterThan(0);
    await first.stop();

    // The operator's backup and restore, into another PostgreSQL, as docs/cluster.md says; nothing by hand.
    const dump = path.join(dir, 'wall.dump');
    execFileSync(path.join(pgBin(), 'pg_dump'), ['-Fc', '-n', schema, '-f', dump, '-d', testDatabaseUrl()]);
    other = await startThrowawayPostgres();
    execFileSync(path.join(pgBin(), 'pg_restore'), ['-d', other.url, dump]);
    const restored = await start(await schemaUrl(other.url, schema));

    const after = await health(restored);
    expect(after.seq).toBe(before.seq);
    expect(after.epoch).not.toBe(before.epoch);
    // A screen that had the old wall's last seq does not trust it: it gets the restored wall's whole state.
    const snapshot = await snapshotFor(restored.url, before);
    expect(snapshot.epoch).toBe(after.epoch);
    expect(snapshot.values.find((r) => r.region === '417' && r.indicator === 'records-today-online')?.value).toBe(42);
  });
});
