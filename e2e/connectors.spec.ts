import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTestBroker, type TestBroker } from '../server/connectors/test/broker';
import { type FixtureApi, json, startFixtureApi, status } from '../server/connectors/test/fixtureApi';
import { startTestPostgres, type TestPostgres } from '../server/connectors/test/postgres';
import { addUser, signInConsole } from './support/operator';
import { watchConsole } from './support/pageWatch';
import { startWallServer, type WallServer } from './support/server';

/**
 * The wall fed by configured connectors only (simulator off): an HTTP API shaped like the public-service portal's
 * statistics, a PostgreSQL reporting table and an MQTT topic, with a fourth source that answers 500. The figures
 * reach the screens, the console shows each connector's health, and the broken one fails with its reason while
 * the others keep updating.
 */
const examples = path.resolve(import.meta.dirname, '../docs/examples');
const example = (name: string) => JSON.parse(readFileSync(path.join(examples, name), 'utf8'));
const portal = example('dvc-portal-answer.json');
const topics = `ioc-e2e-${process.pid}-${Date.now()}`;
const mqttClientId = `ioc-wall-${topics}`;

let api: FixtureApi;
let db: TestPostgres;
let broker: TestBroker;
let wall: WallServer;
let dir: string;

/** A row of the police's reporting table, at a fixed minute of 19 January 2024 (UTC+7). */
const addRow = (code: string, cards: number, eid: number, minute: number) =>
  db.sql('INSERT INTO report.eid_by_district VALUES ($1, $2, $3, $4)', [
    code,
    cards,
    eid,
    `2024-01-19T08:${String(minute).padStart(2, '0')}:00+07:00`,
  ]);

test.beforeAll(async () => {
  api = await startFixtureApi();
  api.route('/dvc/stats', json(portal));
  api.route('/payments/stats', status(500, 'payment gateway unavailable'));
  db = await startTestPostgres();
  await db.sql(`CREATE SCHEMA report; CREATE TABLE report.eid_by_district (district_code text, cards_issued bigint,
    eid_activated bigint, updated_at timestamptz)`);
  await addRow('417', 50_288, 31_000, 0);
  broker = await startTestBroker();

  const http = example('connectors-http.json').connectors[0];
  const sql = example('connectors-sql.json').connectors[0];
  const connectors = [
    { ...http, schedule: { every: '1s' }, request: { ...http.request, url: `${api.url}/dvc/stats` } },
    { ...sql, schedule: { every: '1s' }, database: { driver: 'postgres', url: { env: 'POLICE_DB_URL' } } },
    {
      id: 'id-card-kiosks',
      kind: 'mqtt',
      source: 'kiosks',
      broker: { url: broker.url, clientId: mqttClientId },
      topics: [`${topics}/+/cards`],
      mapping: { expression: "{ 'region': levels[1], 'indicator': 'id-cards-issued', 'value': payload.issued }" },
    },
    {
      ...http,
      id: 'payments',
      source: 'payments',
      schedule: { every: '1s' },
      retries: 0,
      request: { ...http.request, url: `${api.url}/payments/stats` },
    },
  ];
  dir = mkdtempSync(path.join(tmpdir(), 'ioc-e2e-connectors-'));
  const file = path.join(dir, 'connectors.json');
  writeFileSync(file, JSON.stringify({ connectors }));
  wall = await startWallServer({
    env: { SIM: 'off', CONNECTORS_FILE: file, DVC_PORTAL_TOKEN: 'e2e-token', POLICE_DB_URL: db.url },
  });
  await addUser(wall.dataDir, 'lan', 'operator');
});

test.afterAll(async () => {
  await wall?.stop();
  await broker?.forget(mqttClientId);
  await broker?.close();
  await db?.close();
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('figures from an HTTP API, a database and an MQTT topic reach the screens; the console shows each connector', async ({
  browser,
}, info) => {
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const screenErrors = watchConsole(screen);
  await screen.goto(`${wall.url}/district/417`);
  await expect(screen.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  // The portal's 1,341 online of 3,350 records; the police's 50,288 cards.
  await expect(screen.getByTestId('district-gauge-online-record-rate')).toHaveAttribute('data-value', /^40\.02/);
  await expect(screen.getByTestId('district-count-id-cards-issued').locator('.figure-value')).toHaveAttribute(
    'data-value',
    '50288',
  );
  await broker.publish(`${topics}/418/cards`, { issued: 21_940 });

  const consolePage = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  const consoleErrors = watchConsole(consolePage);
  await signInConsole(consolePage, wall.url, 'lan');
  await consolePage.getByTestId('tab-connectors').click();
  const row = (id: string) => consolePage.getByTestId(`connector-${id}`);
  await expect(row('dvc-portal')).toHaveAttribute('data-state', 'ok');
  await expect(row('police-eid')).toHaveAttribute('data-state', 'ok');
  await expect(row('id-card-kiosks')).toHaveAttribute('data-state', 'ok');
  // The broken source fails with its reason...
  await expect(row('payments')).toHaveAttribute('data-state', 'failing');
  await expect(row('payments').getByTestId('connector-error')).toContainText(
    'HTTP 500 Internal Server Error: payment gateway unavailable',
  );
  await consolePage.screenshot({ path: info.outputPath('console-connectors.png') });

  // ...while the others keep updating the screens.
  await screen.goto(`${wall.url}/district/418`);
  await expect(screen.getByTestId('district-count-id-cards-issued').locator('.figure-value')).toHaveAttribute(
    'data-value',
    '21940',
  );
  await screen.goto(`${wall.url}/district/417`);
  await addRow('417', 50_410, 31_100, 3);
  const changed = structuredClone(portal);
  changed.capNhatLuc = '2024-01-19T09:00:00+07:00';
  changed.duLieu[1].tongHoSoTiepNhan = 3400;
  changed.duLieu[1].hoSoTrucTuyen = 1400;
  api.route('/dvc/stats', json(changed));
  await expect(screen.getByTestId('district-count-id-cards-issued').locator('.figure-value')).toHaveAttribute(
    'data-value',
    '50410',
  );
  await expect(screen.getByTestId('district-gauge-online-record-rate')).toHaveAttribute('data-value', /^41\.17/);
  await expect(row('payments')).toHaveAttribute('data-state', 'failing');
  await expect(row('dvc-portal')).toContainText('6 / 0');
  await screen.screenshot({ path: info.outputPath('district-417-from-connectors.png') });

  expect(screenErrors.errors).toEqual([]);
  // The sign-in page asks who is signed in before anyone is: that 401 only.
  expect(consoleErrors.errors.filter((e) => !e.includes('401'))).toEqual([]);
  // Contexts made here outlive the test unless closed: left open, the screen would keep retrying its stopped
  // server, and both would keep drawing frames, through every spec after this one.
  for (const page of [screen, consolePage]) await page.context().close();
});
