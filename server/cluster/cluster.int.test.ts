import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type Reading,
  type Snapshot,
  WALL_NAMESPACE,
  type WallClientToServer,
  type WallServerToClient,
} from '../../shared/protocol';
import { DVC_TOKEN, TEST_TOKENS } from '../test/ingestClient';
import { testDatabaseUrl, testSchema } from '../test/postgres';
import { schemaUrl, startTestCluster, type TestCluster } from './testCluster';

/** How many times a server is killed with SIGKILL (every other time the writer), then restarted. */
const KILLS = Number(process.env.CLUSTER_KILLS ?? 6);
const LEASE_MS = 1000;
/** The bound on a writer's handover stated in docs/cluster.md: the lease, plus a renewal tick and a catch-up. */
const HANDOVER_BOUND_MS = 2 * LEASE_MS + 2000;
const env = {
  SIM: 'off',
  INGEST_TOKENS: TEST_TOKENS,
  INGEST_RATE_LIMIT: '1000000',
  LOG_LEVEL: 'error',
  LEASE_MS: String(LEASE_MS),
  CLIENT_DIR: '/nonexistent',
};

/** A screen through the balancer: it keeps its cursor, and notes any gap, step back or change of epoch. */
function watch(url: string) {
  const screen = {
    epoch: null as string | null,
    seq: -1,
    values: new Map<string, Reading>(),
    problems: [] as string[],
    snapshots: 0,
  };
  const socket: Socket<WallServerToClient, WallClientToServer> = io(`${url}${WALL_NAMESPACE}`, {
    auth: (send: (auth: object) => void) =>
      send({
        protocol: PROTOCOL_VERSION,
        ...(screen.epoch && { cursor: { epoch: screen.epoch, seq: screen.seq } }),
      }),
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
  });
  socket.on('snapshot', (s: Snapshot) => {
    if (screen.epoch !== null && s.epoch !== screen.epoch) screen.problems.push(`epoch ${screen.epoch} -> ${s.epoch}`);
    if (s.seq < screen.seq) screen.problems.push(`stepped back from ${screen.seq} to ${s.seq}`);
    screen.epoch = s.epoch;
    screen.seq = s.seq;
    screen.values = new Map(s.values.map((r) => [`${r.region}|${r.indicator}`, r]));
    screen.snapshots += 1;
  });
  socket.on('delta', (d) => {
    if (d.fromSeq > screen.seq) screen.problems.push(`gap: at ${screen.seq}, delta from ${d.fromSeq}`);
    if (d.seq < screen.seq) screen.problems.push(`delta ${d.seq} older than ${screen.seq}`);
    for (const r of d.changes) screen.values.set(`${r.region}|${r.indicator}`, r);
    screen.seq = Math.max(screen.seq, d.seq);
  });
  // A server behind this screen refuses it for a moment: it tries again (through the balancer, maybe elsewhere).
  socket.on('connect_error', () => {
    setTimeout(() => socket.connect(), 100);
  });
  return { screen, close: () => socket.disconnect() };
}

/** A source posting one batch after another through the balancer, each with its own key, retrying until stored. */
function source(url: string, prefix: string) {
  const acked = new Map<string, number>();
  let running = true;
  let k = 0;
  const post = async (key: string) => {
    // A retry sends the very same request: the same key with another body would be a conflict (409), not a retry.
    const body = JSON.stringify({
      source: 'dvc',
      idempotencyKey: key,
      observations: [{ region: '417', indicator: 'records-today-online', at: Date.now(), delta: 1 }],
    });
    for (;;) {
      let status = 0;
      try {
        const res = await fetch(`${url}/api/v1/ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${DVC_TOKEN}` },
          body,
          signal: AbortSignal.timeout(5000),
        });
        status = res.status;
        if (status === 200) return ((await res.json()) as { seq: number }).seq;
        await res.body?.cancel();
      } catch {
        // The server died mid-request: the same key again, which answers once it is stored.
      }
      // 502/503 while a writer is away (and 429) are for retrying; any other refusal is a fault of the wall's.
      if (status >= 400 && status < 500 && status !== 429) throw new Error(`batch ${key} refused with ${status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const done = (async () => {
    while (running) {
      const key = `${prefix}-${++k}`;
      acked.set(key, await post(key));
    }
  })();
  return {
    acked,
    async stop() {
      running = false;
      await done;
    },
  };
}

const waitFor = async (what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('three servers on PostgreSQL behind HAProxy', () => {
  let cluster: TestCluster | null = null;
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`lose no acknowledged batch and show screens no gap or step back through ${KILLS} kill -9`, {
    timeout: 600_000,
  }, async () => {
    cluster = await startTestCluster(await schemaUrl(testDatabaseUrl(), testSchema('cluster')), env);
    const c = cluster;
    const writer = async () => {
      for (let i = 0; i < c.ports.length; i++) if ((await c.status(i))?.role === 'writer') return i;
      return -1;
    };
    await waitFor('a writer', async () => (await writer()) >= 0);
    const screens = Array.from({ length: 6 }, () => watch(c.url));
    const sources = [source(c.url, 'a'), source(c.url, 'b')];
    const handovers: number[] = [];
    const t0 = Date.now();

    // Kills come every ~2 s while killed servers restart in the background; at least two servers stay up before
    // each kill, so the wall always has a server to take screens and one to take the lease.
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

    await Promise.all(sources.map((s) => s.stop()));
    // The writer holds the last seq stored; every screen must reach it, through whichever server it watches.
    const w = await writer();
    const final = (await (await fetch(`http://127.0.0.1:${c.ports[w]}/api/v1/snapshot`)).json()) as Snapshot;
    await waitFor('every screen at the final seq', () => screens.every((s) => s.screen.seq >= final.seq));
    const acked = new Map(sources.flatMap((s) => [...s.acked]));
    const count = final.values.find((r) => r.region === '417' && r.indicator === 'records-today-online')?.value;
    for (const { screen, close } of screens) {
      close();
      expect(screen.problems).toEqual([]);
      expect(screen.epoch).toBe(final.epoch);
      expect(screen.values.get('417|records-today-online')?.value).toBe(count);
    }
    // Every acknowledged batch counted once: the count is the number of distinct keys acknowledged.
    expect(count).toBe(acked.size);
    expect(new Set(acked.values()).size).toBe(acked.size);
    expect(Math.max(...handovers)).toBeLessThan(HANDOVER_BOUND_MS);
    console.log(
      `cluster: ${acked.size} batches acknowledged, ${KILLS} kills, writer handover ms ${handovers.sort((a, b) => a - b).join(', ')}`,
    );
  });
});
