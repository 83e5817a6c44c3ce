import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWallClient } from '../../../client/live/makeWallClient';
import { errorOf, footprint, postIngest, TEST_TOKENS } from '../../test/ingestClient';
import {
  applyReadings,
  type Copy,
  copyOf,
  fallBelowTarget,
  type Harness,
  sqliteDb,
  startHarness,
  waitUntil,
} from '../../test/support';
import { DB_FILE } from './store';

const dirs: string[] = [];
const servers: Harness[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-restart-'));
  dirs.push(dir);
  return dir;
}

async function server(env: Record<string, string>): Promise<Harness> {
  const harness = await startHarness({ INGEST_TOKENS: TEST_TOKENS, ...env });
  servers.push(harness);
  return harness;
}

const sorted = (copy: Copy) => [...copy.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
const stateOf = (wall: Harness) => sorted(copyOf(wall.app.state.readings()));

const batch = (i: number) => ({
  source: 'dvc',
  observations: [
    { region: String(412 + (i % 21)), indicator: 'records-today-online', at: Date.now(), delta: i + 1 },
    { region: '417', indicator: 'online-record-rate', at: Date.now(), num: 10 + i, den: 100 + i },
  ],
});

describe('restart', () => {
  it('continues the same epoch and seq with the same live state, and a reconnected screen ends equal to it', async () => {
    const dir = dataDir();
    const first = await server({ DATA_DIR: dir });
    const port = new URL(first.url).port;
    let copy: Copy = new Map();
    let snapshots = 0;
    const screen = makeWallClient({
      url: first.url,
      events: {
        snapshot: (s) => {
          snapshots += 1;
          copy = copyOf(s.values);
        },
        delta: (d) => applyReadings(copy, d.changes),
        link: () => undefined,
      },
    });
    try {
      for (let i = 0; i < 5; i++) expect((await postIngest(first.url, batch(i))).status).toBe(200);
      await waitUntil(() => isDeepStrictEqual(sorted(copy), stateOf(first)), 'the screen to catch up');
      const before = { epoch: first.app.state.epoch, seq: first.app.state.seq, state: stateOf(first) };
      await first.close();
      servers.splice(servers.indexOf(first), 1);

      const second = await server({ DATA_DIR: dir, PORT: port });
      expect(second.app.state.epoch).toBe(before.epoch);
      expect(second.app.state.seq).toBe(before.seq);
      expect(stateOf(second)).toEqual(before.state);
      expect((await postIngest(second.url, batch(5))).status).toBe(200);
      expect(second.app.state.seq).toBe(before.seq + 1);
      await waitUntil(
        () => snapshots >= 2 && isDeepStrictEqual(sorted(copy), stateOf(second)),
        'the screen to reconnect and catch up',
        8_000,
      );
    } finally {
      screen.close();
    }
  });

  it('keeps its alerts, their start and acknowledgement', async () => {
    const dir = dataDir();
    type Listed = { id: string; rule: string; region: string; indicator: string; acknowledged: boolean };
    const alertsOf = async (wall: Harness, state: 'active' | 'all') => {
      const body = (await (await fetch(`${wall.url}/api/v1/alerts?state=${state}`)).json()) as { alerts: Listed[] };
      return body.alerts.filter((a) => a.rule === 'below-target' && a.indicator === 'online-record-rate');
    };
    const first = await server({ DATA_DIR: dir });
    // Kỳ Sơn falls from on target to 10 of 100 records online: far below the 40 % target.
    await fallBelowTarget(first, ['417'], 10);
    const kySon = (await alertsOf(first, 'active')).find((a) => a.region === '417');
    expect(kySon).toMatchObject({ acknowledged: false });
    expect(first.app.alerts.acknowledge([kySon?.id ?? ''])).toMatchObject({ alerts: [{ acknowledged: true }] });
    const before = await alertsOf(first, 'active');
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await server({ DATA_DIR: dir });
    const after = await alertsOf(second, 'active');
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(before.length);
    expect(after.find((a) => a.region === '417')).toEqual({ ...kySon, acknowledged: true });
  });

  it('takes the shortfalls of a stored state whose alerts it has no record of for standing ones', async () => {
    const dir = dataDir();
    const first = await server({ DATA_DIR: dir });
    await fallBelowTarget(first, ['417'], 10);
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    // As a database from before alerts were stored, or one whose last alert changes were lost in a crash: the
    // shortfall is on the map and the gauges, and no change is invented for it.
    const db = new Database(path.join(dir, DB_FILE));
    db.exec('DELETE FROM alerts');
    db.close();

    const second = await server({ DATA_DIR: dir });
    const body = (await (await fetch(`${second.url}/api/v1/alerts`)).json()) as { alerts: { region: string }[] };
    expect(body.alerts.filter((a) => a.region === '417')).toEqual([]);
    expect(second.app.state.get('417', 'online-record-rate')?.value).toBe(10);
  });

  it('does not seed the simulator again over a stored state', async () => {
    const dir = dataDir();
    const first = await server({ DATA_DIR: dir, SIM: 'on', SIM_RATE: '0' });
    const seeded = { seq: first.app.state.seq, state: stateOf(first) };
    expect(seeded.seq).toBeGreaterThan(0);
    // A figure changed by a source after seeding must survive the restart, not be seeded over.
    expect((await postIngest(first.url, batch(0))).status).toBe(200);
    const before = { seq: first.app.state.seq, state: stateOf(first) };
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const second = await server({ DATA_DIR: dir, SIM: 'on', SIM_RATE: '0' });
    expect(second.app.state.seq).toBe(before.seq);
    expect(stateOf(second)).toEqual(before.state);
  });

  it('refuses a second server on the same data directory', async () => {
    const dir = dataDir();
    await server({ DATA_DIR: dir });
    await expect(startHarness({ DATA_DIR: dir })).rejects.toThrow(/in use/);
  });

  it('answers 503 and changes nothing when a batch cannot be stored', async () => {
    const wall = await server({});
    expect((await postIngest(wall.url, batch(0))).status).toBe(200);
    const before = footprint(wall.app);
    // The disk refuses writes from now on, as when it is full or failing.
    sqliteDb(wall.app).pragma('query_only = ON');
    const res = await postIngest(wall.url, batch(1));
    expect(res.status).toBe(503);
    expect(errorOf(res.body).code).toBe('STORAGE_UNAVAILABLE');
    expect(footprint(wall.app)).toEqual(before);
    sqliteDb(wall.app).pragma('query_only = OFF');
    expect((await postIngest(wall.url, batch(1))).body).toEqual({ accepted: 2, seq: before.seq + 1 });
  });
});
