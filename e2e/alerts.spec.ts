import { expect, test } from '@playwright/test';
import type { Alert } from '../shared/protocol';
import { INGEST_ENV, ingest, onlineRates } from './support/ingest';
import { regionSet } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

const DISTRICTS = regionSet.districts.map((d) => d.code);
const departments = new Set<string | null>(['departments', ...regionSet.departments.map((d) => d.code)]);

test('a fresh start shows standing shortfalls as states, with a handful of critical alerts at most', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  const active = async () =>
    ((await (await request.get('/api/v1/alerts?state=active&limit=1000')).json()) as { alerts: Alert[] }).alerts;
  const alerts = await active();
  expect(alerts.filter((a) => a.severity === 'critical').length).toBeLessThanOrEqual(5);
  expect(alerts.filter((a) => departments.has(a.region))).toEqual([]);
  const ticker = page.getByTestId('alert-ticker');
  // Both sides asked again at each poll: the simulator may raise or end an alert meanwhile, and one round takes
  // seconds on a busy machine: the bound leaves room for several.
  await expect
    .poll(async () => `${(await active()).length} ${await ticker.getAttribute('data-active')}`, { timeout: 60_000 })
    .toMatch(/^(\d+) \1$/);
  // The units under their targets are on the map and the gauges, not on the ticker.
  const under = page.getByTestId('map-regions').locator('li[data-band="warning"], li[data-band="critical"]');
  await expect(under.first()).toBeAttached();
});

test.describe('the ticker tells what changed', () => {
  let server: WallServer;
  test.beforeAll(async () => {
    server = await startWallServer({ env: { SIM: 'off', INGEST_TOKENS: INGEST_ENV } });
  });
  test.afterAll(async () => server.stop());

  test('units that fall below target together are one line, and a recovery comes first as the newest', async ({
    page,
  }) => {
    // Every district on target: the state the changes start from.
    await ingest(server.url, onlineRates(DISTRICTS, 60));
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    const ticker = page.getByTestId('alert-ticker');
    await expect(ticker.locator('.ticker-calm')).toBeVisible();

    const [a, b, c] = DISTRICTS as [string, string, string];
    await ingest(server.url, onlineRates([a, b, c], 35));
    const fell = ticker.locator('li[data-event="below"]').first();
    await expect(fell).toHaveAttribute('data-count', '3');
    await expect(fell).toContainText('3 huyện xuống dưới chỉ tiêu Hồ sơ trực tuyến');
    await expect(ticker).toHaveAttribute('data-active', '3');

    await ingest(server.url, onlineRates([a], 45));
    const first = ticker.locator('li[data-event]').first();
    await expect(first).toHaveAttribute('data-event', 'back');
    await expect(first).toContainText('trở lại đạt chỉ tiêu Hồ sơ trực tuyến');
    await expect(ticker.locator('li[data-event="below"]').first()).toHaveAttribute('data-count', '2');

    await page.goto(`${server.url}/?lang=en`);
    await expect(ticker.locator('li[data-event="below"]').first()).toContainText(
      'fell below the Online records target',
    );
  });
});
