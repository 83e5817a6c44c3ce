import { expect, test } from '@playwright/test';
import { canvasTexts, MIN_FONT_PX } from './support/canvasText';
import { INGEST_ENV, ingest } from './support/ingest';
import { watchConsole } from './support/pageWatch';
import { unitA, unitC } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

test.describe('source systems feed the wall', () => {
  let server: WallServer;
  test.beforeAll(async () => {
    server = await startWallServer({ env: { SIM: 'off', INGEST_TOKENS: INGEST_ENV } });
  });
  test.afterAll(async () => server.stop());

  test('a value ingested for Kỳ Sơn appears within 2 seconds, and survives a restart with its trend', async ({
    page,
  }, testInfo) => {
    const console = watchConsole(page);
    await page.goto(`${server.url}/?district=${unitA.code}`);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');

    const now = Date.now();
    await ingest(server.url, [
      { region: unitA.code, indicator: 'online-record-rate', at: now - 3_600_000, num: 30, den: 100 },
      { region: unitC.code, indicator: 'online-record-rate', at: now - 3_600_000, num: 50, den: 100 },
    ]);
    // The delta window keeps the latest reading per unit and indicator: an hour-old reading and a newer one sent
    // within one window reach the screen as the newer alone. Let the first reach the screen before the second.
    const kySon = page.getByTestId(`gauge-${unitA.code}`).getByTestId('gauge-value');
    await expect(kySon).toHaveText('30,00\u00a0%');
    await ingest(server.url, [
      { region: unitA.code, indicator: 'online-record-rate', at: now, num: 42, den: 100 },
      { region: unitA.code, indicator: 'records-today-online', at: now, delta: 25 },
      { region: unitA.code, indicator: 'records-today-offline', at: now, delta: 10 },
    ]);
    await expect(kySon).toHaveText('42,00\u00a0%', { timeout: 2_000 });
    await expect(page.getByTestId('counter-records-today-value')).toHaveAttribute('data-value', '35');
    await expect(page.getByTestId('hourly-records')).toHaveAttribute('data-online', '25');
    await expect(page.getByTestId('hourly-records')).toHaveAttribute('data-offline', '10');
    await expect(page.getByTestId('trend')).toHaveAttribute('data-district', unitA.code);
    await expect.poll(async () => Number(await page.getByTestId('trend').getAttribute('data-unit-points'))).toBe(2);

    // Restart on the same data directory and port: the screen reconnects by itself and shows the same figures.
    const { dataDir, port } = server;
    await server.kill();
    await expect(page.getByTestId('link-status')).not.toHaveAttribute('data-state', 'live');
    server = await startWallServer({ dataDir, port, env: { SIM: 'off', INGEST_TOKENS: INGEST_ENV } });
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    await expect(kySon).toHaveText('42,00\u00a0%');
    await expect.poll(async () => Number(await page.getByTestId('trend').getAttribute('data-unit-points'))).toBe(2);
    await expect(page.getByTestId('hourly-records')).toHaveAttribute('data-online', '25');

    await ingest(server.url, [
      { region: unitA.code, indicator: 'online-record-rate', at: Date.now(), num: 45, den: 100 },
    ]);
    await expect(kySon).toHaveText('45,00\u00a0%', { timeout: 2_000 });
    await page.screenshot({ path: testInfo.outputPath('ingested-after-restart.png') });
    expect(console.errors.filter((e) => !e.includes('WebSocket') && !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});

test.describe('trends on the overview', () => {
  test('every counter has a sparkline, and the trend and per-hour charts are drawn', async ({ page }) => {
    const console = watchConsole(page);
    await page.goto('/');
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    for (const id of ['spark-id-cards', 'spark-eid-activated', 'spark-online-rate', 'spark-records-today']) {
      const spark = page.getByTestId(id);
      await expect.poll(async () => Number(await spark.getAttribute('data-points'))).toBeGreaterThan(0);
      await expect.poll(() => spark.locator('svg path').count()).toBeGreaterThan(0);
    }
    await expect
      .poll(async () => Number(await page.getByTestId('trend').getAttribute('data-province-points')))
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('trend').locator('svg path').count()).toBeGreaterThan(2);
    // The simulator seeds today's records hour by hour, so the per-hour chart has the day so far.
    await expect
      .poll(async () => Number(await page.getByTestId('hourly-records').getAttribute('data-online')))
      .toBeGreaterThan(0);
    await page.getByTestId('trend-district').selectOption(unitA.code);
    await expect(page).toHaveURL(new RegExp(`district=${unitA.code}`));
    await expect(page.getByTestId('trend')).toHaveAttribute('data-district', unitA.code);
    expect(console.errors).toEqual([]);
  });

  test('no text on the overview is smaller than 16 canvas pixels', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    await expect.poll(() => page.getByTestId('trend').locator('svg text').count()).toBeGreaterThan(0);
    // The overview's own check runs before the charts have drawn; this one waits for their labels.
    const small = (await canvasTexts(page)).filter((t) => t.fontPx < MIN_FONT_PX);
    expect(small).toEqual([]);
  });

  test('the overview at 3840x2160 keeps the trends', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.goto('/');
    await expect(page.getByTestId('canvas')).toHaveAttribute('data-scale', '2.0000');
    await expect.poll(() => page.getByTestId('hourly-records').locator('svg path').count()).toBeGreaterThan(0);
    await page.screenshot({ path: testInfo.outputPath('trends-3840x2160.png') });
  });
});
