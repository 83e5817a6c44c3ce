import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sqliteDb, startHarness, useHarness } from '../test/support';
import { startTestBroker, type TestBroker } from './test/broker';
import { connectorHealth, operator, useConnectorsFile } from './test/connectorsHarness';

const POLL = { timeout: 10_000, interval: 50 };
const AT = Date.UTC(2024, 0, 19, 1, 30);

let broker: TestBroker;
beforeAll(async () => {
  broker = await startTestBroker();
});
afterAll(async () => {
  await broker?.close();
});

/** The client ids the tests' connectors used: their sessions are ended on the shared broker afterwards. */
const sessions: string[] = [];
/** Topics of this test only, on a broker other tests may share. */
const prefix = () => `ioc-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
/** A connector on `<prefix>/+/cards`: the unit in the topic, the figure in the payload, keyed by the payload's id. */
const cardsConnector = (url: string, topicPrefix: string, overrides: Record<string, unknown> = {}) => {
  sessions.push(`ioc-wall-${topicPrefix}`);
  return {
    id: 'id-card-kiosks',
    kind: 'mqtt',
    source: 'kiosks',
    broker: { url, clientId: `ioc-wall-${topicPrefix}` },
    topics: [`${topicPrefix}/+/cards`],
    messageKey: 'payload.id',
    mapping: {
      expression: "{ 'region': levels[1], 'indicator': 'id-cards-issued', 'at': payload.at, 'value': payload.issued }",
    },
    ...overrides,
  };
};
const stored = (h: Harness) =>
  (sqliteDb(h.app).prepare("SELECT count(*) AS n FROM observations WHERE source = 'kiosks'").get() as { n: number }).n;

describe('an MQTT connector', () => {
  const start = useHarness();
  const connectorsFile = useConnectorsFile();
  afterAll(async () => {
    for (const id of sessions.splice(0)) await broker.forget(id);
  });

  it('maps messages on a wildcard topic, applies a redelivered one once, and names a wrong one', async () => {
    const topics = prefix();
    const h = await start({ CONNECTORS_FILE: connectorsFile([cardsConnector(broker.url, topics)]) });
    const cookie = await operator(h);
    await expect.poll(async () => (await connectorHealth(h, cookie))['id-card-kiosks']?.state, POLL).toBe('ok');

    await broker.publish(`${topics}/417/cards`, { id: 'k-1', at: AT, issued: 50_288 });
    await expect.poll(() => h.app.state.get('417', 'id-cards-issued')?.value, POLL).toBe(50_288);
    // The same message again (as a redelivery would bring it): applied once.
    await broker.publish(`${topics}/417/cards`, { id: 'k-1', at: AT, issued: 50_288 });
    await broker.publish(`${topics}/412/cards`, { id: 'k-2', at: AT, issued: 240_112 });
    await expect.poll(() => h.app.state.get('412', 'id-cards-issued')?.value, POLL).toBe(240_112);
    expect(stored(h)).toBe(2);

    // A unit the wall does not know and a payload that is not JSON: refused, named, and never applied.
    await broker.publish(`${topics}/999/cards`, { id: 'k-3', at: AT, issued: 1 });
    await expect
      .poll(async () => (await connectorHealth(h, cookie))['id-card-kiosks']?.lastError?.issues, POLL)
      .toEqual([{ path: ['records', 0, 'region'], message: expect.stringContaining('"999"') }]);
    expect((await connectorHealth(h, cookie))['id-card-kiosks']).toMatchObject({ state: 'failing', accepted: 2 });
    expect(stored(h)).toBe(2);
  });

  it('acknowledges a message only once it is committed: one waiting while storage refuses is not lost', async () => {
    const topics = prefix();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-mqtt-'));
    const env = { CONNECTORS_FILE: connectorsFile([cardsConnector(broker.url, topics)]), DATA_DIR: dataDir };
    try {
      const first = await startHarness(env);
      const cookie = await operator(first);
      await expect.poll(async () => (await connectorHealth(first, cookie))['id-card-kiosks']?.state, POLL).toBe('ok');
      // The disk refuses writes, as when it is full: the message waits, unacknowledged.
      sqliteDb(first.app).pragma('query_only = ON');
      await broker.publish(`${topics}/417/cards`, { id: 'k-1', at: AT, issued: 50_288 });
      await expect
        .poll(async () => (await connectorHealth(first, cookie))['id-card-kiosks']?.lastError?.kind, POLL)
        .toBe('storage');
      expect(first.app.state.get('417', 'id-cards-issued')).toBeUndefined();
      // The wall stops with the message in hand; another arrives while it is away.
      await first.app.connectors.stop();
      sqliteDb(first.app).pragma('query_only = OFF');
      await first.close();
      await broker.publish(`${topics}/412/cards`, { id: 'k-2', at: AT, issued: 240_112 });

      // Back: the broker delivers both again from the persistent session, each applied once.
      const second = await startHarness(env);
      try {
        await expect.poll(() => second.app.state.get('412', 'id-cards-issued')?.value, POLL).toBe(240_112);
        expect(second.app.state.get('417', 'id-cards-issued')?.value).toBe(50_288);
        expect(stored(second)).toBe(2);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('an MQTT connector whose broker goes away', () => {
  const start = useHarness();
  const connectorsFile = useConnectorsFile();
  let own: TestBroker;
  beforeAll(async () => {
    own = await startTestBroker({ own: true });
  });
  afterAll(async () => {
    await own?.close();
  });

  it('shows the lost connection, reconnects, and takes messages again', async () => {
    const topics = prefix();
    const h = await start({ CONNECTORS_FILE: connectorsFile([cardsConnector(own.url, topics)]) });
    const cookie = await operator(h);
    await expect.poll(async () => (await connectorHealth(h, cookie))['id-card-kiosks']?.state, POLL).toBe('ok');
    await own.stop();
    await expect.poll(async () => (await connectorHealth(h, cookie))['id-card-kiosks']?.state, POLL).toBe('failing');
    expect((await connectorHealth(h, cookie))['id-card-kiosks']?.lastError).toMatchObject({ kind: 'broker' });
    await own.restart();
    await expect.poll(async () => (await connectorHealth(h, cookie))['id-card-kiosks']?.state, POLL).toBe('ok');
    await own.publish(`${topics}/417/cards`, { id: 'k-9', at: AT, issued: 7 });
    await expect.poll(() => h.app.state.get('417', 'id-cards-issued')?.value, POLL).toBe(7);
  });
});
