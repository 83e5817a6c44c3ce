import { expect, test } from '@playwright/test';
import { watchConsole } from './support/pageWatch';
import { UNIT_GAUGES } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

const DISTRICTS = 21;

test.describe('overview at 1920x1080', () => {
  test('shows the map, 21 district gauges and headline counters that change live', async ({ page }, testInfo) => {
    const console = watchConsole(page);
    await page.goto('/');

    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('map-regions').locator('li')).toHaveCount(DISTRICTS);
    // The map itself is drawn: one SVG path per district at least, in the main map and the Vinh inset.
    await expect.poll(() => page.getByTestId('map').locator('svg path').count()).toBeGreaterThanOrEqual(DISTRICTS);
    const gauges = page.locator(UNIT_GAUGES);
    await expect(gauges).toHaveCount(DISTRICTS);
    await expect(gauges.first().getByTestId('gauge-value')).toHaveText(/^\d{1,3},\d{2}\s%$/);

    // The ID-card counter speaks Vietnamese: dots between thousands.
    // The shared server's simulator moves the figures as the run goes on: their format here, the figures themselves
    // on a still server (below).
    await expect(page.getByTestId('counter-id-cards-value')).toHaveText(/^\d\.\d{3}\.\d{3}$/);
    await expect(page.getByTestId('counter-online-rate-value')).toHaveText(/^\d{2},\d{2}\s%$/);

    // Live: today's records keep arriving from the simulator.
    const records = page.getByTestId('counter-records-today-value');
    const first = Number(await records.getAttribute('data-value'));
    await expect
      .poll(async () => Number(await records.getAttribute('data-value')), { timeout: 10_000 })
      .toBeGreaterThan(first);
    await expect(records).toHaveText(/^[\d.]+$/);

    await page.screenshot({ path: testInfo.outputPath('overview-1920x1080.png') });
    expect(console.errors).toEqual([]);
  });

  test('the indicator comes from the URL and English comes with ?lang=en', async ({ page }) => {
    const console = watchConsole(page);
    await page.goto('/?indicator=eid-activation-rate&lang=en');
    await expect(page.getByTestId('view-overview')).toHaveAttribute('data-indicator', 'eid-activation-rate');
    await expect(page.getByTestId('map')).toContainText('e-ID activation rate');
    await expect(page.getByTestId('counter-id-cards-value')).toHaveText(/^\d,\d{3},\d{3}$/);
    await expect(page.getByTestId('link-status')).toContainText('Live');
    expect(console.errors).toEqual([]);
  });
});

test.describe('starting figures', () => {
  let server: WallServer;
  test.beforeAll(async () => {
    // The simulator seeds the article's figures and then stays still, so the counter shows them exactly.
    server = await startWallServer({ env: { SIM_RATE: '0' } });
  });
  test.afterAll(async () => server.stop());

  test("the ID-card counter starts at the article's figure, in Vietnamese format", async ({ page }) => {
    await page.goto(server.url);
    await expect(page.getByTestId('counter-id-cards-value')).toHaveText('2.852.992');
    await expect(page.getByTestId('counter-eid-activated-value')).toHaveText('1.899.673');
    await expect(page.getByTestId('counter-online-rate-value')).toHaveText('45,03\u00a0%');
  });

  test('a starting screen draws its gauges with their figures, never empty first', async ({ page }) => {
    // Every gauge figure the page ever inserts, and how many of them came without a value.
    await page.addInitScript(() => {
      const seen = { figures: 0, empty: 0 };
      (window as unknown as { __figures: typeof seen }).__figures = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          for (const node of r.addedNodes) {
            if (!(node instanceof Element)) continue;
            const figures = [
              ...(node.matches('[data-testid="gauge-value"]') ? [node] : []),
              ...node.querySelectorAll('[data-testid="gauge-value"]'),
            ];
            for (const el of figures) {
              seen.figures += 1;
              if (!el.getAttribute('data-value')) seen.empty += 1;
            }
          }
        }
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(server.url);
    await expect(page.locator(UNIT_GAUGES)).toHaveCount(DISTRICTS);
    const seen = await page.evaluate(
      () => (window as unknown as { __figures: { figures: number; empty: number } }).__figures,
    );
    expect(seen.figures).toBeGreaterThanOrEqual(DISTRICTS);
    expect(seen.empty).toBe(0);
  });
});

test('a 4K panel shows the same canvas, scaled up', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toHaveAttribute('data-scale', '2.0000');
  await expect(page.locator(UNIT_GAUGES)).toHaveCount(DISTRICTS);
  await page.screenshot({ path: testInfo.outputPath('overview-3840x2160.png') });
});
