import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { regionSet } from '../../../shared/regions';
import { makeLocalCalendar } from '../../../shared/time';
import { LiveState } from '../../state/liveState';
import { pgBin, startThrowawayPostgres, testDatabaseUrl, testSchema } from '../../test/postgres';
import { openPostgresStore } from './store';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
const T = Date.UTC(2024, 0, 19, 3, 0);

/** Opens the wall's schema at `url`, loads it as a server does at start, and closes it. */
async function load(url: string, schema: string) {
  const store = await openPostgresStore({ url, schema, poolSize: 2 });
  try {
    return await store.batches.load();
  } finally {
    await store.close();
  }
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe('the epoch and the database it was written in', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-restore-'));
  let other: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
  afterAll(() => {
    other?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is kept on the same database, and new after a pg_dump restored into another cluster or the same one', {
    timeout: 120_000,
  }, async () => {
    const url = testDatabaseUrl();
    const schema = testSchema('origin');
    // The wall writes one batch.
    const store = await openPostgresStore({ url, schema, poolSize: 2 });
    const state = new LiveState({ regions: regionSet, calendar, ...(await store.batches.load()) });
    const batch = state
      .draft()
      .prepare('test', [{ region: '417', indicator: 'records-today-online', at: T, value: 7 }]);
    await store.batches.commit([batch], { receivedAt: T });
    await store.close();
    const written = await load(url, schema);
    expect(written).toMatchObject({ epoch: state.epoch, seq: 1 });
    expect(written.notices).toBeUndefined();

    // Backed up with pg_dump, restored into another PostgreSQL cluster.
    const dump = path.join(dir, 'wall.dump');
    const bin = pgBin();
    execFileSync(path.join(bin, 'pg_dump'), ['-Fc', '-n', schema, '-f', dump, '-d', url]);
    other = await startThrowawayPostgres();
    execFileSync(path.join(bin, 'pg_restore'), ['-d', other.url, dump]);
    const restored = await load(other.url, schema);
    expect(restored).toMatchObject({ seq: 1, readings: written.readings });
    expect(restored.epoch).not.toBe(written.epoch);
    expect(restored.notices?.join()).toMatch(/another PostgreSQL cluster/);
    // Every server started on the restored database serves that one new epoch.
    const next = await load(other.url, schema);
    expect([next.epoch, next.notices]).toEqual([restored.epoch, undefined]);

    // Backed up there, and restored into the same cluster (back in time there): the table is new, so is the epoch.
    const local = path.join(dir, 'local.dump');
    execFileSync(path.join(bin, 'pg_dump'), ['-Fc', '-n', schema, '-f', local, '-d', other.url]);
    await sql(other.url, `DROP SCHEMA ${schema} CASCADE`);
    execFileSync(path.join(bin, 'pg_restore'), ['-d', other.url, local]);
    const again = await load(other.url, schema);
    expect(again.epoch).not.toBe(restored.epoch);
    expect(again.epoch).not.toBe(written.epoch);
    expect(again.notices?.join()).toMatch(/a restored wall_state table/);
    expect(again.notices?.join()).not.toMatch(/another PostgreSQL cluster/);

    // A role that may not read pg_control_*: the server starts, says what it cannot check, keeps the epoch.
    await sql(
      other.url,
      `REVOKE EXECUTE ON FUNCTION pg_control_system(), pg_control_checkpoint() FROM PUBLIC;
       CREATE ROLE wall_plain LOGIN;
       GRANT CREATE ON DATABASE postgres TO wall_plain;
       GRANT ALL ON SCHEMA ${schema} TO wall_plain;
       GRANT ALL ON ALL TABLES IN SCHEMA ${schema} TO wall_plain;
       GRANT ALL ON ALL SEQUENCES IN SCHEMA ${schema} TO wall_plain;`,
    );
    const plainUrl = new URL(other.url);
    plainUrl.username = 'wall_plain';
    const plain = await load(plainUrl.toString(), schema);
    expect(plain.epoch).toBe(again.epoch);
    expect(plain.notices?.join()).toMatch(
      /does not let this role read pg_control_system\(\) or pg_control_checkpoint\(\)/,
    );
    // What it could read before stays recorded: back with the rights, nothing has changed.
    const back = await load(other.url, schema);
    expect([back.epoch, back.notices]).toEqual([again.epoch, undefined]);
  });
});
