import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../test/support';
import { connectorHealth, operator, useConnectorsFile } from './test/connectorsHarness';
import { startTestMysql, type TestMysql } from './test/mysql';

const POLL = { timeout: 10_000, interval: 50 };
/** A reporting table in Vietnam's time: DATETIME with no zone, read as +07:00. */
const connector = (overrides: Record<string, unknown> = {}) => ({
  id: 'police-eid',
  kind: 'sql',
  source: 'police',
  schedule: { every: '1s' },
  backoff: '20ms',
  database: { driver: 'mysql', url: { env: 'POLICE_DB_URL' }, timeZone: '+07:00' },
  query: 'SELECT district_code, cards_issued, updated_at FROM eid_by_district WHERE updated_at > ? ORDER BY updated_at',
  since: { initial: '2024-01-01T00:00:00+07:00' },
  mapping: {
    expression:
      "$.{ 'region': district_code, 'indicator': 'id-cards-issued', 'at': updated_at, 'value': cards_issued }",
  },
  ...overrides,
});

let db: TestMysql;
beforeAll(async () => {
  db = await startTestMysql();
  await db.sql(`CREATE TABLE eid_by_district (district_code varchar(8), cards_issued bigint, updated_at datetime);
    CREATE SEQUENCE probe`);
});
afterAll(async () => {
  await db?.close();
});

describe('a SQL pull connector on MySQL or MariaDB', () => {
  const start = useHarness();
  const connectorsFile = useConnectorsFile();

  it('reads the rows after the last seen time, DATETIME in the given time zone', async () => {
    await db.sql("INSERT INTO eid_by_district VALUES ('417', 50288, '2024-01-19 08:30:00')");
    const h = await start({ CONNECTORS_FILE: connectorsFile([connector()]), POLICE_DB_URL: db.url });
    const cookie = await operator(h);
    await expect
      .poll(() => h.app.state.get('417', 'id-cards-issued'), POLL)
      .toMatchObject({
        value: 50_288,
        at: Date.UTC(2024, 0, 19, 1, 30),
      });
    await db.sql("INSERT INTO eid_by_district VALUES ('412', 240112, '2024-01-19 08:45:00')");
    await expect.poll(() => h.app.state.get('412', 'id-cards-issued')?.value, POLL).toBe(240_112);
    // One row, then one: the last seen time moved on, and nothing was read twice.
    expect((await connectorHealth(h, cookie))['police-eid']).toMatchObject({ state: 'ok', accepted: 2 });
  });

  it('cannot write: the read-only transaction refuses a query that moves a sequence on', async () => {
    await db.sql("INSERT INTO eid_by_district VALUES ('413', 1, '2024-01-19 09:00:00')");
    const query = 'SELECT district_code, NEXTVAL(probe) AS n FROM eid_by_district WHERE updated_at > ?';
    const file = connectorsFile([connector({ query, retries: 0 })]);
    const h = await start({ CONNECTORS_FILE: file, POLICE_DB_URL: db.url });
    const cookie = await operator(h);
    await expect.poll(async () => (await connectorHealth(h, cookie))['police-eid']?.state, POLL).toBe('failing');
    expect((await connectorHealth(h, cookie))['police-eid']?.lastError).toMatchObject({
      kind: 'query',
      message: expect.stringMatching(/read-only|READ ONLY/),
    });
  });
});
