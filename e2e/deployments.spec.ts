import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { MIN_FONT_PX } from './support/canvasText';
import { INGEST_ENV, ingest } from './support/ingest';
import { watchConsole } from './support/pageWatch';
import { startWallServer, type WallServer } from './support/server';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/three-units');

/** Visible text set smaller than the wall's minimum, as "font-size text" pairs. */
function smallDomText(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own || el.closest('.visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const px = Number.parseFloat(getComputedStyle(el).fontSize);
      if (px < min) out.push(`${px} ${el.textContent?.trim().slice(0, 40)}`);
    }
    return out;
  }, MIN_FONT_PX);
}

test.describe('nghe-an-2025: 130 communes and wards', () => {
  let server: WallServer;
  test.beforeAll(async () => {
    server = await startWallServer({ env: { DEPLOYMENT: 'nghe-an-2025', SIM_RATE: '20' } });
  });
  test.afterAll(async () => server.stop());

  test('the overview draws a tile per unit in named groups, pages the gauges and ranks the best and worst', async ({
    page,
  }) => {
    const console = watchConsole(page);
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    await expect(page.locator('.tile-grid .tile')).toHaveCount(130);
    await expect(page.getByTestId('tile-group')).toHaveCount(20);
    await expect(page.getByTestId('tile-group').filter({ hasText: 'Kỳ Sơn' })).toBeVisible();
    await expect(page.getByTestId('gauges-page')).toHaveText(/^trang [1-7]\/7$/);
    await expect(page.locator('.gauge-grid .gauge')).toHaveCount(await gaugesOnPage(page));
    await expect(page.getByTestId('ranking-more')).toHaveText('và 110 đơn vị khác');
    await expect(page.getByTestId('ranking').locator('.ranking-row')).toHaveCount(20);
    expect(await smallDomText(page)).toEqual([]);
    expect(console.errors).toEqual([]);
  });

  test('a kiosk screen draws the tiles too: the map is not chrome', async ({ page }) => {
    await page.goto(`${server.url}/?kiosk=1`);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    const tiles = page.locator('.tile-grid .tile');
    await expect(tiles).toHaveCount(130);
    for (const i of [0, 64, 129]) {
      const box = await tiles.nth(i).boundingBox();
      expect(box?.width ?? 0, `tile ${i}`).toBeGreaterThan(8);
      expect(box?.height ?? 0, `tile ${i}`).toBeGreaterThan(8);
    }
  });

  test('the grid holds a page that the address names, and says which', async ({ page }) => {
    await page.goto(`${server.url}/grid?indicator=online-record-rate&page=7`);
    await expect(page.getByTestId('grid-cards')).toHaveAttribute('data-pages', '7');
    await expect(page.getByTestId('grid-cards')).toHaveAttribute('data-page', '7');
    await expect(page.locator('[data-testid^="grid-card-"]')).toHaveCount(130 - 6 * 21);
    await expect(page.getByTestId('view-grid')).toContainText('130 xã, phường · trang 7/7');
  });

  test('the service index ranks the best and worst ten of the communes', async ({ page }) => {
    await page.goto(`${server.url}/ranking`);
    await expect(page.getByTestId('index-more')).toHaveText('và 110 đơn vị khác');
    await expect(page.getByTestId('index-localities').locator('.index-row')).toHaveCount(20);
  });
});

test.describe('the former district as a roll-up level (nghe-an-2025, still figures)', () => {
  let server: WallServer;
  test.beforeAll(async () => {
    server = await startWallServer({ env: { DEPLOYMENT: 'nghe-an-2025', SIM: 'off', INGEST_TOKENS: INGEST_ENV } });
  });
  test.afterAll(async () => server.stop());

  test('the grid by former district shows each one rolled up from its communes', async ({ page }) => {
    // Two of Vinh's wards (group 412): 30/100 and 70/300 roll up to 100/400, 25 %, not the mean of their rates.
    await ingest(server.url, [
      { region: '16681', indicator: 'online-record-rate', at: Date.now(), num: 30, den: 100 },
      { region: '16690', indicator: 'online-record-rate', at: Date.now(), num: 70, den: 300 },
    ]);
    // The first page held: the 130 communes page every 15 s on the server's clock, and a slow machine would see
    // another page (the last holds 4) by the time it counts.
    await page.goto(`${server.url}/grid?indicator=online-record-rate&page=1`);
    await page.getByTestId('level-groups').click();
    await expect(page.getByTestId('view-grid')).toHaveAttribute('data-level', 'groups');
    await expect(page.locator('[data-testid^="grid-card-"]')).toHaveCount(20);
    await expect(page.getByTestId('view-grid')).toContainText('20 huyện cũ');
    const vinh = page.getByTestId('grid-card-412');
    await expect(vinh).toContainText('Vinh');
    await expect(vinh.getByTestId('grid-value')).toHaveText('25,00\u00a0%');
    await page.getByTestId('level-units').click();
    await expect(page.locator('[data-testid^="grid-card-"]')).toHaveCount(21);
  });

  test('the service index by former district ranks each one, its score rolled up from its communes', async ({
    page,
  }) => {
    // Two of Vinh's wards (group 412), alone in scoring: 60 and 80 weigh equally, 70 at the top.
    await ingest(server.url, [
      { region: '16681', indicator: 'service-index', at: Date.now(), value: 60 },
      { region: '16690', indicator: 'service-index', at: Date.now(), value: 80 },
    ]);
    await page.goto(`${server.url}/ranking`);
    await page.getByTestId('level-groups').click();
    await expect(page.getByTestId('view-ranking')).toHaveAttribute('data-level', 'groups');
    await expect(page.getByTestId('view-ranking')).toContainText('20 huyện cũ');
    const localities = page.getByTestId('index-localities');
    await expect(localities.locator('li.index-row')).toHaveCount(20);
    const vinh = localities.locator('li[data-code="412"]');
    await expect(vinh).toHaveAttribute('data-rank', '1');
    await expect(vinh).toContainText('Vinh');
    await expect(vinh).toContainText('70');
    await page.getByTestId('level-units').click();
    await expect(page.getByTestId('index-more')).toBeVisible();
  });
});

test.describe('vietnam-2025: a province page with its communes live', () => {
  let server: WallServer;
  test.beforeAll(async () => {
    server = await startWallServer({ env: { DEPLOYMENT: 'vietnam-2025', SIM: 'off', INGEST_TOKENS: INGEST_ENV } });
  });
  test.afterAll(async () => server.stop());

  test("shows the communes' own figures, fetched apart from the wall's stream, and follows them", async ({ page }) => {
    const console = watchConsole(page);
    // Hà Nội's Phường Ba Đình and Phường Hoàn Kiếm: the ID-card coverage the page shows comes from these counts.
    const counts = (region: string, issued: number, eligible: number) => [
      { region, indicator: 'id-cards-issued', at: Date.now(), value: issued },
      { region, indicator: 'eligible-citizens', at: Date.now(), value: eligible },
    ];
    await ingest(server.url, [...counts('00004', 900, 1000), ...counts('00008', 990, 1000)]);
    await page.goto(`${server.url}/district/P01`);
    await expect(page.getByTestId('subunit-count')).toContainText('126 đơn vị cấp xã');
    const baDinh = page.locator('[data-testid="subunits"] li[data-code="00004"]');
    await expect(baDinh).toHaveAttribute('data-value', '90');
    await expect(page.getByTestId('subunits-more')).toBeVisible();
    await ingest(server.url, counts('00004', 950, 1000));
    await expect(baDinh).toHaveAttribute('data-value', '95');
    expect(console.errors).toEqual([]);
  });
});

/** The gauges the overview shows on the page it is on: 21, or the 4 left on the last of 130. */
async function gaugesOnPage(page: Page): Promise<number> {
  const text = (await page.getByTestId('gauges-page').textContent()) ?? '';
  return text.startsWith('trang 7/') ? 4 : 21;
}

test.describe('a deployment of three units', () => {
  let server: WallServer | undefined;
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'deployment-'));
    cpSync(FIXTURE, dir, { recursive: true });
  });
  test.afterEach(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('shows three units everywhere, with no paging and nothing left out', async ({ page }) => {
    server = await startWallServer({ env: { DEPLOYMENT_DIR: dir, SIM_RATE: '20' } });
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('map-regions').locator('li')).toHaveCount(3);
    await expect(page.locator('.gauge-grid .gauge')).toHaveCount(3);
    await expect(page.getByTestId('gauges-page')).toHaveCount(0);
    await expect(page.getByTestId('ranking').locator('.ranking-row')).toHaveCount(3);
    await expect(page.getByTestId('ranking-more')).toHaveCount(0);
    await expect(page.getByText('Đề án 06 · Tỉnh Thử')).toBeVisible();
    await page.goto(`${server.url}/grid`);
    await expect(page.locator('[data-testid^="grid-card-"]')).toHaveCount(3);
    await expect(page.getByTestId('view-grid')).toContainText('3 đơn vị');
    await page.goto(`${server.url}/district/903`);
    await expect(page.getByTestId('view-title')).toContainText('Thành phố Nam');
  });

  test('a screen on the previous catalogue reloads by itself when the server comes back with one more indicator', async ({
    page,
  }) => {
    server = await startWallServer({ env: { DEPLOYMENT_DIR: dir, SIM_RATE: '5' } });
    const { port, dataDir } = server;
    await page.goto(`${server.url}/?display=hall-1`);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    await expect(page.locator('[data-testid="indicator-picker"] option[value="complaints-today"]')).toHaveCount(0);

    await server.stop();
    const file = path.join(dir, 'indicators.json');
    const catalogue = JSON.parse(readFileSync(file, 'utf8')) as { indicators: Record<string, unknown>[] };
    catalogue.indicators.push({
      id: 'complaints-today',
      kind: 'count',
      label: { vi: 'Phản ánh, kiến nghị hôm nay', en: 'Complaints received today' },
      short: { vi: 'Phản ánh hôm nay', en: 'Complaints today' },
      unit: 'count',
      rollup: { by: 'sum' },
      direction: 'down',
      target: null,
      bands: null,
      targetSource: null,
      appliesTo: ['district'],
      resets: 'daily',
      expectedIntervalSec: 1800,
      listed: true,
      decimals: 0,
    });
    writeFileSync(file, JSON.stringify(catalogue));
    server = await startWallServer({ env: { DEPLOYMENT_DIR: dir, SIM_RATE: '5' }, port, dataDir });

    // No one touches the screen: it reconnects, sees another deployment version in the snapshot and reloads.
    await expect(page.locator('[data-testid="indicator-picker"] option[value="complaints-today"]')).toHaveCount(1, {
      timeout: 30_000,
    });
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    await page.getByTestId('indicator-picker').selectOption('complaints-today');
    await expect(page.getByTestId('map')).toHaveAttribute('data-indicator', 'complaints-today');
  });
});
