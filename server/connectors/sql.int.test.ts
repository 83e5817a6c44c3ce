import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlConnectorSchema } from '../../shared/connectors';
import { regionSet } from '../../shared/regions';
import { systemClock } from '../clock';
import { createLogger } from '../logger';
import { type Harness, sqliteDb, useHarness } from '../test/support';
import type { ResolvedConnector } from './connectorsFile';
import { ConnectorHealthTracker } from './health';
import { makeMapper } from './mapping';
import { postgresSource } from './postgresSource';
import { type PullState, runPull } from './pullConnector';
import { connectorHealth, operator, useConnectorsFile } from './test/connectorsHarness';
import { startTestPostgres, type TestPostgres } from './test/postgres';

const POLL = { timeout: 10_000, interval: 50 };
const example = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/connectors-sql.json'), 'utf8'),
).connectors[0];
/** The documentation's SQL connector, its URL from an environment variable, pulling every second. */
const policeConnector = (overrides: Record<string, unknown> = {}) => ({
  ...example,
  schedule: { every: '1s' },
  backoff: '20ms',
  database: { driver: 'postgres', url: { env: 'POLICE_DB_URL' } },
  ...overrides,
});

let db: TestPostgres;
beforeAll(async () => {
  db = await startTestPostgres();
  await db.sql(`CREATE SCHEMA report;
    CREATE TABLE report.eid_by_district (
      district_code text NOT NULL, cards_issued bigint NOT NULL, eid_activated bigint NOT NULL,
      updated_at timestamptz NOT NULL)`);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

/** A row of the police's reporting table, stamped at a fixed minute of 19 January 2024 (UTC+7). */
const addRow = (code: string, cards: number, eid: number, minute: number) =>
  db.sql('INSERT INTO report.eid_by_district VALUES ($1, $2, $3, $4)', [
    code,
    cards,
    eid,
    `2024-01-19T08:${String(minute).padStart(2, '0')}:00+07:00`,
  ]);
const stored = (h: Harness) =>
  (sqliteDb(h.app).prepare("SELECT count(*) AS n FROM observations WHERE source = 'police'").get() as { n: number }).n;

describe('a SQL pull connector on PostgreSQL', () => {
  const start = useHarness();
  const connectorsFile = useConnectorsFile();

  it('reads only the rows after the last seen time, in a read-only transaction', async () => {
    await db.sql('TRUNCATE report.eid_by_district');
    await addRow('417', 50_288, 31_000, 0);
    await addRow('412', 240_112, 180_500, 1);
    const file = connectorsFile([policeConnector()]);
    const h = await start({ CONNECTORS_FILE: file, POLICE_DB_URL: db.url });
    const cookie = await operator(h);
    await expect.poll(() => h.app.state.get('412', 'eid-activated')?.value, POLL).toBe(180_500);
    expect(h.app.state.get('417', 'id-cards-issued')).toMatchObject({ value: 50_288, source: 'police' });

    await addRow('417', 50_301, 31_020, 2);
    await expect.poll(() => h.app.state.get('417', 'id-cards-issued')?.value, POLL).toBe(50_301);
    // Two rows, then one: each observation was read and stored once, as the last seen time moved on.
    expect(stored(h)).toBe(6);
    expect((await connectorHealth(h, cookie))['police-eid']).toMatchObject({ state: 'ok', accepted: 6, kind: 'sql' });
  });

  it('cannot write: a query that tries is refused by the read-only transaction, and says so', async () => {
    // nextval() writes (it moves a sequence on): refused in a read-only transaction.
    await db.sql('CREATE SEQUENCE IF NOT EXISTS report.probe');
    const writing = "SELECT *, nextval('report.probe') AS n FROM report.eid_by_district WHERE updated_at > $1";
    const file = connectorsFile([policeConnector({ query: writing, retries: 0 })]);
    const sequence = async () => (await db.sql('SELECT last_value, is_called FROM report.probe')).rows[0];
    const before = await sequence();
    const h = await start({ CONNECTORS_FILE: file, POLICE_DB_URL: db.url });
    const cookie = await operator(h);
    await expect.poll(async () => (await connectorHealth(h, cookie))['police-eid']?.state, POLL).toBe('failing');
    expect((await connectorHealth(h, cookie))['police-eid']?.lastError).toMatchObject({
      kind: 'query',
      message: expect.stringMatching(/read-only/),
    });
    expect(await sequence()).toEqual(before);
  });

  it('fails with the reason when the database refuses the connection', async () => {
    const file = connectorsFile([policeConnector({ retries: 0, timeout: '2s' })]);
    const h = await start({ CONNECTORS_FILE: file, POLICE_DB_URL: 'postgres://nobody@127.0.0.1:9/none' });
    const cookie = await operator(h);
    await expect.poll(async () => (await connectorHealth(h, cookie))['police-eid']?.state, POLL).toBe('failing');
    expect((await connectorHealth(h, cookie))['police-eid']?.lastError).toMatchObject({
      kind: 'query',
      message: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('a stop between the commit and saving the cursor applies nothing twice and loses nothing', async () => {
    await db.sql('TRUNCATE report.eid_by_district');
    await addRow('417', 50_288, 31_000, 0);
    const h = await start();
    const config: ResolvedConnector = {
      ...SqlConnectorSchema.parse(policeConnector()),
      secrets: { databaseUrl: db.url },
    };
    const logger = createLogger('silent');
    if (config.kind !== 'sql' || config.database.driver !== 'postgres') throw new Error('a PostgreSQL connector');
    const source = postgresSource({ ...config, database: config.database }, logger);
    const health = new ConnectorHealthTracker(
      {
        id: 'police-eid',
        kind: 'sql',
        source: 'police',
        schedule: { every: 1000 },
        enabled: true,
        staleAfterMs: 1e9,
        startedAt: 0,
      },
      { observations() {}, error() {} },
    );
    /** Saves like the real store, but "crashes" on the first cursor saved after a commit. */
    const states = h.app.store.connectors;
    let crashNext = true;
    const crashing = {
      cursor: states.cursor.bind(states),
      async saveCursor(id: string, value: unknown) {
        if (crashNext && !(value as PullState).pending) {
          crashNext = false;
          throw new Error('power cut');
        }
        await states.saveCursor(id, value);
      },
    };
    const deps = {
      id: 'police-eid',
      source: 'police',
      pull: source,
      mapper: makeMapper(config.mapping, regionSet),
      ingest: h.app.ingest,
      states: crashing,
      health,
      clock: systemClock,
      logger,
      retries: 0,
      backoffMs: 10,
      initialSince: 0,
    };
    const signal = new AbortController().signal;
    await expect(runPull(deps, signal)).rejects.toThrow('power cut');
    // Committed, but the cursor still stands before the answer, which waits as pending.
    expect(stored(h)).toBe(2);
    expect((await states.cursor<PullState>('police-eid'))?.pending?.observations).toHaveLength(2);

    // Meanwhile the source changed: a new row. The next run (after the restart) applies only the new row.
    await addRow('412', 240_112, 180_500, 5);
    await runPull(deps, signal);
    expect(await states.cursor<PullState>('police-eid')).toMatchObject({ since: Date.UTC(2024, 0, 19, 1, 5) });
    expect(stored(h)).toBe(4);
    expect(h.app.state.get('412', 'eid-activated')?.value).toBe(180_500);
    await runPull(deps, signal);
    expect(stored(h)).toBe(4);
    await source.close();
  });
});
