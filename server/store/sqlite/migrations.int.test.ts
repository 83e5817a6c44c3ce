import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/protocol';
import { call, signedIn, TEST_PASSWORD } from '../../test/operatorClient';
import { copyOf, type Harness, onlineRecords, startHarness } from '../../test/support';
import { MIGRATIONS } from './migrations';
import { DB_FILE } from './store';

const dirs: string[] = [];
const servers: Harness[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function server(dataDir: string): Promise<Harness> {
  const harness = await startHarness({ DATA_DIR: dataDir });
  servers.push(harness);
  return harness;
}

/** A database written by a release whose schema ends one step earlier: the last step's tables are not there yet. */
function asWrittenByTheReleaseBefore(file: string): void {
  const db = new Database(file);
  try {
    db.exec('DROP INDEX rate_limits_reset_at; DROP TABLE rate_limits;');
    db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
  } finally {
    db.close();
  }
}

const versionOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('the database across releases', () => {
  it('brings an older database up to date at start, keeping its live state and accounts', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-migrate-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, DB_FILE);
    const before = await server(dataDir);
    await before.app.ingest.submit('dvc', onlineRecords(7));
    await signedIn(before, 'lan');
    const state = copyOf(before.app.state.readings());
    await before.close();
    servers.length = 0;
    asWrittenByTheReleaseBefore(file);

    const after = await server(dataDir);
    expect(versionOf(file)).toBe(MIGRATIONS.length);
    expect(copyOf(after.app.state.readings())).toEqual(state);
    const alerts = await after.getJson<{ alerts: Alert[] }>('/api/v1/alerts?state=all');
    expect(alerts.alerts).toEqual([]);
    // The step it lacked works: sign-ins are counted against the limit again (in the table that step adds).
    const attempt = (password: string) =>
      call(after.url, 'POST', '/api/v1/session', { body: { name: 'lan', password } });
    expect((await attempt('a wrong guess')).status).toBe(401);
    expect((await attempt(TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a database written by a newer release, and leaves it as it was', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-migrate-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, DB_FILE);
    const first = await server(dataDir);
    await first.app.ingest.submit('dvc', onlineRecords(3));
    await first.close();
    servers.length = 0;
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();

    await expect(startHarness({ DATA_DIR: dataDir })).rejects.toThrow(
      `the database is at schema version ${MIGRATIONS.length + 1}, newer than this release knows (${MIGRATIONS.length}); run a newer release`,
    );
    expect(versionOf(file)).toBe(MIGRATIONS.length + 1);
    // Nothing of it was touched: the batch a newer release wrote is still there.
    const db2 = new Database(file, { readonly: true });
    expect((db2.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n).toBe(1);
    db2.close();
  });
});
