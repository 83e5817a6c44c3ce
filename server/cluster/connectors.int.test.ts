import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectorList } from '../../shared/connectors';
import type { Snapshot } from '../../shared/protocol';
import { Accounts } from '../access/accounts';
import { systemClock } from '../clock';
import { type FixtureApi, json, startFixtureApi } from '../connectors/test/fixtureApi';
import { openPostgresStore, type PostgresStore } from '../store/postgres/store';
import { call, cookieOf, TEST_PASSWORD } from '../test/operatorClient';
import { testDatabaseUrl, testSchema } from '../test/postgres';
import { schemaUrl, startTestCluster, type TestCluster } from './testCluster';

/** The servers' clock starts at 10:30 in Vinh, whatever the hour: the counts below stay on one local day. */
const CLOCK_START = '2026-12-02T10:30:00+07:00';
/** The source's events are stamped from 09:00 that day, one a second: earlier than any server's clock. */
const FIRST_EVENT_AT = Date.parse('2026-12-02T09:00:00+07:00');
const HEADER = 'x-wall-server';

interface SourceEvent {
  unit: string;
  at: number;
  delta: number;
}

const waitFor = async (what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** The servers that polled, in order, with repeats folded: [s0, s2] is "s0, then s2 only". */
const pollers = (api: FixtureApi) =>
  api.requests.map((r) => String(r.headers[HEADER])).filter((id, i, all) => i === 0 || all[i - 1] !== id);

describe('pull connectors in a cluster', () => {
  let cluster: TestCluster | null = null;
  let api: FixtureApi | null = null;
  let store: PostgresStore | null = null;
  const dirs: string[] = [];
  afterAll(async () => {
    await cluster?.stop();
    await api?.close();
    await store?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('run on the writer only, and a new writer goes on from the stored cursor: every event once', {
    timeout: 300_000,
  }, async () => {
    // A real HTTP source that answers the events after `since`, and notes which server asked (a header the
    // connectors file fills from each server's SERVER_ID).
    const events: SourceEvent[] = [];
    api = await startFixtureApi();
    api.route('/events', (req, res, url) => {
      const since = Date.parse(url.searchParams.get('since') ?? '1970-01-01T00:00:00Z');
      json(events.filter((e) => e.at > since))(req, res, url);
    });
    const add = (n: number) => {
      for (let i = 0; i < n; i++) {
        const k = events.length;
        events.push({ unit: k % 2 === 0 ? '417' : '412', at: FIRST_EVENT_AT + k * 1000, delta: k + 1 });
      }
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-cluster-connectors-'));
    dirs.push(dir);
    const file = path.join(dir, 'connectors.json');
    writeFileSync(
      file,
      JSON.stringify({
        connectors: [
          {
            id: 'events',
            kind: 'http',
            source: 'events',
            schedule: { every: '1s' },
            backoff: '50ms',
            request: { url: `${api.url}/events`, sinceParam: 'since', headers: { [HEADER]: { env: 'SERVER_ID' } } },
            since: { initial: FIRST_EVENT_AT - 1 },
            mapping: {
              expression: "$.{ 'region': unit, 'indicator': 'records-today-online', 'at': at, 'delta': delta }",
            },
          },
        ],
      }),
    );
    const url = await schemaUrl(testDatabaseUrl(), testSchema('cluster_connectors'));
    cluster = await startTestCluster(url, {
      SIM: 'off',
      LOG_LEVEL: 'error',
      LEASE_MS: '1000',
      CLIENT_DIR: '/nonexistent',
      CLOCK_START,
      CONNECTORS_FILE: file,
    });
    const c = cluster;
    store = await openPostgresStore({ url, poolSize: 2 });
    const db = store;
    const writer = async () => {
      for (let i = 0; i < c.ports.length; i++) if ((await c.status(i))?.role === 'writer') return i;
      return -1;
    };
    /** The wall's count of each unit, and how many of the source's observations it stored. */
    const wall = async (port: number) => {
      const snapshot = (await (await fetch(`http://127.0.0.1:${port}/api/v1/snapshot`)).json()) as Snapshot;
      const count = (unit: string) =>
        snapshot.values.find((r) => r.region === unit && r.indicator === 'records-today-online')?.value ?? 0;
      const { rows } = await db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM observations WHERE source = 'events'",
      );
      return { '417': count('417'), '412': count('412'), stored: rows[0]?.n ?? 0 };
    };
    const expected = () => ({
      '417': events.filter((e) => e.unit === '417').reduce((sum, e) => sum + e.delta, 0),
      '412': events.filter((e) => e.unit === '412').reduce((sum, e) => sum + e.delta, 0),
      stored: events.length,
    });
    const caughtUp = async (port: number) => JSON.stringify(await wall(port)) === JSON.stringify(expected());

    await waitFor('a writer', async () => (await writer()) >= 0);
    const first = await writer();
    add(5);
    await waitFor('the first events on the wall', () => caughtUp(c.ports[first] as number));
    // Events keep coming while the writer is killed: some may be pulled, committed, or both, when it dies.
    add(5);
    // Killed as the writer's next poll, the one that gets these events, arrives at the source.
    const asked = api.requests.length;
    await waitFor('a poll after the new events', () => (api?.requests.length ?? 0) > asked);
    await c.servers[first]?.kill();
    c.servers[first] = null;
    await waitFor('a new writer', async () => (await writer()) >= 0);
    const second = await writer();
    add(5);
    await waitFor('every event on the wall', () => caughtUp(c.ports[second] as number));
    // A few more polls with nothing new change nothing.
    const polled = api.requests.length;
    await waitFor('two more polls', () => (api?.requests.length ?? 0) >= polled + 2);
    expect(await wall(c.ports[second] as number)).toEqual(expected());
    expect(pollers(api)).toEqual([`s${first}`, `s${second}`]);
    console.log(
      `cluster connectors: ${events.length} events, ${api.requests.length} polls, writer s${first} killed, s${second} went on`,
    );

    // Health and metrics on a server that does not run the connectors, from the store.
    const follower = [0, 1, 2].find((i) => i !== first && i !== second) as number;
    const followerUrl = `http://127.0.0.1:${c.ports[follower]}`;
    await new Accounts(db.accounts, systemClock, 3_600_000).addUser('duty', 'operator', TEST_PASSWORD);
    const login = await call(followerUrl, 'POST', '/api/v1/session', {
      body: { name: 'duty', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    const health = await call<ConnectorList>(followerUrl, 'GET', '/api/v1/connectors', {
      cookie: cookieOf(login.headers),
    });
    expect(health.status).toBe(200);
    expect(health.body.connectors[0]).toMatchObject({ id: 'events', state: 'ok', lastError: null });
    expect(health.body.connectors[0]?.lastSuccessAt).not.toBeNull();
    expect(health.body.connectors[0]?.accepted).toBeGreaterThan(0);
    const metrics = (await call<string>(followerUrl, 'GET', '/metrics')).body;
    expect(metrics).toContain('ioc_connector_state{connector="events",kind="http",state="ok"} 1');
    expect(metrics).toMatch(/ioc_connector_last_success_timestamp_seconds\{connector="events"\} \d+/);
  });
});
