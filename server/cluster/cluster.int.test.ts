import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/protocol';
import { TEST_TOKENS } from '../test/ingestClient';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test/postgres';
import { watchInBrowser } from './browserWatch';
import { source, watch } from './chaosClients';
import { startTestCluster, type TestCluster } from './testCluster';

const root = path.resolve(import.meta.dirname, '../..');
/** How many times a server is killed with SIGKILL (every other time the writer), then restarted. */
const KILLS = Number(process.env.CLUSTER_KILLS ?? 20);
const LEASE_MS = 1000;
/** The bound on a writer's handover stated in docs/cluster.md: the lease, plus a renewal tick and a catch-up. */
const HANDOVER_BOUND_MS = 2 * LEASE_MS + 2000;
const env = {
  SIM: 'off',
  INGEST_TOKENS: TEST_TOKENS,
  INGEST_RATE_LIMIT: '1000000',
  LOG_LEVEL: 'error',
  LEASE_MS: String(LEASE_MS),
  CLIENT_DIR: path.join(root, 'dist/client'),
};

const waitFor = async (what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('three servers on PostgreSQL behind HAProxy', () => {
  // A PostgreSQL of this test's own, since the test restarts it under load.
  let postgres: ThrowawayPostgres | null = null;
  let cluster: TestCluster | null = null;
  let browser: Awaited<ReturnType<typeof watchInBrowser>> | null = null;
  beforeAll(() => {
    // The browser's wall is the built client (the end-to-end tests build it too; a fresh build is reused there).
    const built = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('client build failed');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
    postgres?.stop();
  });

  it(`lose no acknowledged batch and show screens no gap or step back through ${KILLS} kill -9 and a PostgreSQL crash`, {
    timeout: 600_000,
  }, async () => {
    postgres = await startThrowawayPostgres();
    const db = postgres;
    cluster = await startTestCluster(db.url, env);
    const c = cluster;
    const writer = async () => {
      for (let i = 0; i < c.ports.length; i++) if ((await c.status(i))?.role === 'writer') return i;
      return -1;
    };
    await waitFor('a writer', async () => (await writer()) >= 0);
    const screens = Array.from({ length: 6 }, () => watch(c.url));
    // The district's page, whose figures include the count the sources add to.
    browser = await watchInBrowser(c.url, '/district/417');
    const page = browser;
    const sources = [source(c.url, 'a'), source(c.url, 'b')];
    const handovers: number[] = [];
    const t0 = Date.now();

    // Kills come every ~2 s while killed servers restart in the background; the next kill waits only until at
    // least two servers are up, so the wall always has a server to take screens and one to take the lease.
    const restarts = new Map<number, Promise<unknown>>();
    for (let round = 0; round < KILLS; round++) {
      await new Promise((r) => setTimeout(r, 2000));
      await waitFor('two servers up', () => c.servers.filter(Boolean).length >= 2, 60_000);
      const up = c.servers.flatMap((s, i) => (s ? [i] : []));
      const current = await writer();
      const victim = round % 2 === 0 && current >= 0 ? current : (up[Math.floor(Math.random() * up.length)] as number);
      const killedAt = Date.now();
      await c.servers[victim]?.kill();
      c.servers[victim] = null;
      if (victim === current) {
        await waitFor('a new writer', async () => {
          const w = await writer();
          return w >= 0 && w !== victim;
        });
        handovers.push(Date.now() - killedAt);
      }
      restarts.set(victim, c.start(victim));
      console.log(
        `round ${round}: killed s${victim}${victim === current ? ' (writer)' : ''} at +${Date.now() - t0} ms`,
      );
    }
    await Promise.all(restarts.values());

    // PostgreSQL crashes under load (immediate mode: no checkpoint, WAL replay at start) and stays down until each
    // source has been refused; then it comes back and the servers' pools and log listeners reconnect.
    const ackedBefore = () => sources.map((s) => s.acked.size);
    const before = ackedBefore();
    await waitFor('both sources acknowledged', () => ackedBefore().every((n, i) => n > (before[i] as number)));
    const refusedBefore = sources.map((s) => s.refusals.get(503) ?? 0);
    db.crash();
    const crashedAt = Date.now();
    await waitFor('both sources refused with 503', () =>
      sources.every((s, i) => (s.refusals.get(503) ?? 0) > (refusedBefore[i] as number)),
    );
    await db.start();
    const during = ackedBefore();
    await waitFor(
      'both sources acknowledged after PostgreSQL came back',
      () => ackedBefore().every((n, i) => n > (during[i] as number)),
      60_000,
    );
    console.log(`PostgreSQL crashed and back: writes again after ${Date.now() - crashedAt} ms`);

    await Promise.all(sources.map((s) => s.stop()));
    // The writer holds the last seq stored; every server and every screen must reach it.
    const w = await writer();
    const final = (await (await fetch(`http://127.0.0.1:${c.ports[w]}/api/v1/snapshot`)).json()) as Snapshot;
    await waitFor('every server at the final seq', async () => {
      const seqs = await Promise.all(c.ports.map((_, i) => c.status(i)));
      return seqs.every((s) => s !== null && s.seq === final.seq);
    });
    await waitFor('every screen at the final seq', () => screens.every((s) => s.screen.seq >= final.seq));
    await waitFor('the browser at the final seq', async () => (await page.seq()) === final.seq);
    const acked = new Map(sources.flatMap((s) => [...s.acked]));
    const count = final.values.find((r) => r.region === '417' && r.indicator === 'records-today-online')?.value;
    for (const { screen, close } of screens) {
      close();
      expect(screen.problems).toEqual([]);
      expect(screen.epoch).toBe(final.epoch);
      expect(screen.values.get('417|records-today-online')?.value).toBe(count);
    }
    // The browser showed seqs in order only, never back, and ends on the final one with its link up.
    const shown = await page.seqsShown();
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.filter((seq, i) => i > 0 && seq < (shown[i - 1] as number))).toEqual([]);
    expect(shown.at(-1)).toBe(final.seq);
    expect(await page.linkDown()).toBe(false);
    // What it shows is the final count: the district's online records today, as the page writes the number.
    const online = await page.text('[data-testid="district-records-today"] .figure-sub b');
    await page.screenshot(path.join(root, 'test-results/cluster-chaos-browser.png'));
    expect(Number(online.replace(/\D/g, ''))).toBe(count);
    // Every acknowledged batch counted once: the count is the number of distinct keys acknowledged.
    expect(count).toBe(acked.size);
    expect(new Set(acked.values()).size).toBe(acked.size);
    expect(Math.max(...handovers)).toBeLessThan(HANDOVER_BOUND_MS);

    // Nothing half applied: each stored batch has its key and each key its batch, the log has no hole, and the
    // stored seq and count agree with it.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const one = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
      expect(await one("SELECT count(*) AS n FROM batches WHERE source = 'dvc'")).toBe(acked.size);
      expect(await one("SELECT count(*) AS n FROM idempotency WHERE source = 'dvc'")).toBe(acked.size);
      expect(
        await one("SELECT count(*) AS n FROM batches b JOIN idempotency k ON k.seq = b.seq WHERE b.source = 'dvc'"),
      ).toBe(acked.size);
      expect(await one('SELECT max(seq) - min(seq) + 1 - count(*) AS n FROM batches')).toBe(0);
      expect(await one('SELECT seq AS n FROM wall_state')).toBe(final.seq);
      expect(
        await one("SELECT value AS n FROM current WHERE region = '417' AND indicator = 'records-today-online'"),
      ).toBe(acked.size);
    } finally {
      await client.end();
    }
    console.log(
      `cluster: ${acked.size} batches acknowledged, ${KILLS} kills, browser saw ${shown.length} seqs, writer handover ms ${handovers.sort((a, b) => a - b).join(', ')}; refusals ${JSON.stringify(sources.map((s) => Object.fromEntries(s.refusals)))}`,
    );
  });
});
