import { expect, test } from '@playwright/test';
import { INGEST_ENV, ingest, onlineRates } from './support/ingest';
import { regionSet } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

const DISTRICTS = regionSet.districts.map((d) => d.code);
/** The band colours of client/widgets/bands.tsx, as the browser reports a fill. */
const OK = 'rgb(86, 180, 233)';
const WARNING = 'rgb(230, 159, 0)';
const CRITICAL = 'rgb(232, 85, 59)';

let server: WallServer;
test.beforeAll(async () => {
  server = await startWallServer({ env: { SIM: 'off', INGEST_TOKENS: INGEST_ENV } });
});
test.afterAll(async () => server.stop());

test('a district changing band recolours its own path, and the rest of the map is left as drawn', async ({ page }) => {
  await ingest(server.url, onlineRates(DISTRICTS, 60));
  await page.goto(`${server.url}/?indicator=online-record-rate&lang=en`);
  const map = page.getByTestId('map');
  const region = (code: string) => map.locator(`path.map-region[data-code="${code}"]`).first();
  const [code, other] = ['417', '413'];
  await expect.poll(() => region(code).evaluate((el) => getComputedStyle(el).fill)).toBe(OK);

  // Every change to the map's drawing from here on, by the district it belongs to.
  await map.locator('.map-chart svg').evaluate((svg) => {
    const changed: string[] = [];
    (window as unknown as { mapChanges: string[] }).mapChanges = changed;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        changed.push(el?.closest('[data-code]')?.getAttribute('data-code') ?? el?.tagName ?? '?');
      }
    }).observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
  });
  const before = await map.locator('path.map-region').elementHandles();

  // Below target, not far below: a new colour and no alert (an alert adds to the legend, and the map is laid out
  // again for its new size).
  await ingest(server.url, onlineRates([code], 35));
  await expect.poll(() => region(code).evaluate((el) => getComputedStyle(el).fill)).toBe(WARNING);
  expect(await region(other).evaluate((el) => getComputedStyle(el).fill)).toBe(OK);

  // The same path elements, and no other district's path touched.
  const after = await map.locator('path.map-region').elementHandles();
  expect(after.length).toBe(before.length);
  for (const [i, el] of after.entries()) expect(await el.evaluate((a, b) => a === b, before[i])).toBe(true);
  const changed = await page.evaluate(() => (window as unknown as { mapChanges: string[] }).mapChanges);
  expect(changed.filter((c) => /^\d+$/.test(c) && c !== code)).toEqual([]);

  // Far below target: red and hatched, so the band does not rest on colour alone.
  await ingest(server.url, onlineRates([code], 20));
  await expect(map.getByTestId('map-regions').locator(`li[data-code="${code}"]`)).toHaveAttribute(
    'data-band',
    'critical',
  );
  await expect.poll(() => region(code).evaluate((el) => getComputedStyle(el).fill)).toBe(CRITICAL);
  await expect(map.locator('path.map-hatch')).toHaveCount(1);
  await page.getByTestId('map').screenshot({ path: test.info().outputPath('map-critical.png') });
});
