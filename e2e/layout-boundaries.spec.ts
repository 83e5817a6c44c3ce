import { expect, test } from '@playwright/test';
import { INGEST_ENV, ingest } from './support/ingest';
import { regionSet } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

/**
 * A new figure lays out its own box: Chromium's trace names the roots of every layout, and none of those that
 * follow a figure's change may be the document (a layout of the whole page).
 */
const DISTRICTS = regionSet.districts.map((d) => d.code);

interface TraceEvent {
  name: string;
  args?: { endData?: { layoutRoots?: { nodeName: string }[] } };
}

let server: WallServer;
test.beforeAll(async () => {
  server = await startWallServer({ env: { SIM: 'off', INGEST_TOKENS: INGEST_ENV } });
});
test.afterAll(async () => server.stop());

/** A district's online record rate, with the number of records its rate counts. */
const rate = (region: string, percent: number, records: number) => ({
  region,
  indicator: 'online-record-rate',
  at: Date.now(),
  num: (percent * records) / 100,
  den: records,
});

test('a district whose figure moves within its band and rank lays out its figures, not the page', async ({
  page,
  browser,
}) => {
  // Every district above target and a step apart, so that the best one can rise without changing band or rank;
  // the best one counts so few records beside the others that its change does not move the province's figures
  // (their text, a sentence in the target note, is not a box of its own).
  const best = DISTRICTS[DISTRICTS.length - 1] as string;
  await ingest(
    server.url,
    DISTRICTS.map((code, i) => rate(code, 50 + i, code === best ? 1_000 : 1_000_000)),
  );
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${server.url}/?kiosk=1&indicator=online-record-rate`);
  const gauge = page.getByTestId(`gauge-${best}`).getByTestId('gauge-value');
  await expect(gauge).toHaveAttribute('data-value', String(50 + DISTRICTS.length - 1));
  // The charts load after the first figures; the trace starts once they are drawn.
  await expect(page.locator('[data-testid="trend"] svg').first()).toBeVisible();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));

  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await ingest(server.url, [rate(best, 50 + DISTRICTS.length - 0.5, 1_000)]);
  await expect(gauge).toHaveAttribute('data-value', String(50 + DISTRICTS.length - 0.5));
  await expect(page.locator(`.ranking-row[data-code="${best}"] .rank-value`)).toHaveText(/,50/);
  // Two frames: whatever the change made the page lay out is in the trace.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };

  const roots = trace.traceEvents
    .filter((e) => e.name === 'Layout')
    .flatMap((e) => (e.args?.endData?.layoutRoots ?? []).map((r) => r.nodeName));
  expect(roots.some((r) => r.includes('gauge-value'))).toBe(true);
  expect(roots.some((r) => r.includes('fixed-figure'))).toBe(true);
  expect(roots.filter((r) => r === '#document')).toEqual([]);
});
