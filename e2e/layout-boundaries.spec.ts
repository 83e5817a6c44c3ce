import { type Browser, expect, type Page, test } from '@playwright/test';
import { INGEST_ENV, ingest } from './support/ingest';
import { regionSet } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

/**
 * A new figure lays out its own box: Chromium's trace names the roots of every layout, and none of those that
 * follow a figure's change may be the whole page: the document, or on a kiosk screen the canvas that holds it. Nor
 * may it make Chromium work out the page's compositing layers again (a full update of its paint artifact): a figure
 * is a repaint.
 */
const DISTRICTS = regionSet.districts.map((d) => d.code);

interface TraceEvent {
  name: string;
  args?: { endData?: { layoutRoots?: { nodeName: string }[] } };
}

/** The trace events taken while `change` runs and for two frames after it. */
async function traceOf(page: Page, browser: Browser, categories: string[], change: () => Promise<void>) {
  await browser.startTracing(page, { categories });
  await change();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
}

/**
 * The overview's charts redraw on the clock, and a chart's redraw works out the page's compositing layers again: the
 * sparklines take a changed reading on the quarter-minute (by the screen's clock), and every chart's time axis moves
 * on the minute, a second's tick after it at most. A trace that asks whether a figure's change is a repaint starts
 * at least 2 s after one of those moments and no later than 10 s after it: at least 5 s clear of the next, at any hour,
 * and soon enough that the screen's link age ("9 s ago") keeps its width, which a longer wait would change.
 */
const CHART_REDRAW_MS = 15_000;
const CLEAR_OF_CHART_REDRAWS = { from: 2_000, to: 10_000 };

async function clearOfChartRedraws(page: Page) {
  const phase = await page.evaluate((every) => Date.now() % every, CHART_REDRAW_MS);
  if (phase >= CLEAR_OF_CHART_REDRAWS.from && phase < CLEAR_OF_CHART_REDRAWS.to) return;
  const wait = (CLEAR_OF_CHART_REDRAWS.from - phase + CHART_REDRAW_MS) % CHART_REDRAW_MS;
  await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), wait);
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

/**
 * Every district above target and a step apart (50 %, 51 %, …), each on `records(code)` records, so that one can
 * move within its band and rank.
 */
const stepApart = (records: (code: string) => number = () => 1_000_000) =>
  ingest(
    server.url,
    DISTRICTS.map((code, i) => rate(code, 50 + i, records(code))),
  );

/** The overview at 1920x1080, once its charts are drawn (they load after the first figures). */
async function openOverview(page: Page) {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${server.url}/?kiosk=1&indicator=online-record-rate`);
  await expect(page.locator('[data-testid="trend"] svg').first()).toBeVisible();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
}

const wholePage = (roots: string[]) => roots.filter((r) => r === '#document' || r.startsWith("DIV class='canvas'"));

/** The roots of every layout in a trace. */
const layoutRootsIn = (events: TraceEvent[]) =>
  events.filter((e) => e.name === 'Layout').flatMap((e) => (e.args?.endData?.layoutRoots ?? []).map((r) => r.nodeName));

async function layoutRoots(page: Page, browser: Browser, change: () => Promise<void>): Promise<string[]> {
  return layoutRootsIn(await traceOf(page, browser, ['devtools.timeline'], change));
}

test('a district whose figure moves within its band and rank lays out its figures, not the page, and is a repaint', async ({
  page,
  browser,
}) => {
  // Every district above target and a step apart, so that the best one can rise without changing band or rank;
  // the best one counts so few records beside the others that its change does not move the province's figures
  // (the next case moves those).
  const best = DISTRICTS[DISTRICTS.length - 1] as string;
  await stepApart((code) => (code === best ? 1_000 : 1_000_000));
  await openOverview(page);
  const gauge = page.getByTestId(`gauge-${best}`).getByTestId('gauge-value');
  await expect(gauge).toHaveAttribute('data-value', String(50 + DISTRICTS.length - 1));

  // Its gauge's figure and arc, its ranking row's figure and bar, and its region on the map all change.
  const moveTo = async (percent: number, shown: RegExp) => {
    await ingest(server.url, [rate(best, percent, 1_000)]);
    await expect(gauge).toHaveAttribute('data-value', String(percent));
    await expect(page.locator(`.ranking-row[data-code="${best}"] .rank-value`)).toHaveText(shown);
  };
  const roots = await layoutRoots(page, browser, () => moveTo(50 + DISTRICTS.length - 0.5, /,50/));
  expect(roots.some((r) => r.includes('gauge-value'))).toBe(true);
  expect(roots.some((r) => r.includes('fixed-figure'))).toBe(true);
  expect(wholePage(roots)).toEqual([]);

  // Chromium's own trace (its `blink` category, whose layouts name no roots) of a second move, which moves the arc
  // a step of the 225 along its dial (70,5 % is step 159, 71,2 % step 160).
  const arc = page.getByTestId(`gauge-${best}`).locator('.arc-value');
  const dash = () => arc.evaluate((el) => (el as SVGPathElement).style.strokeDasharray);
  expect(await dash()).toMatch(/^159(px)?,? 225/);
  await clearOfChartRedraws(page);
  const events = await traceOf(page, browser, ['devtools.timeline', 'blink'], () =>
    moveTo(50 + DISTRICTS.length + 0.2, /,20/),
  );
  expect(await dash()).toMatch(/^160(px)?,? 225/);
  expect(events.filter((e) => e.name === 'Paint').length).toBeGreaterThan(0);
  expect(events.filter((e) => e.name === 'PaintArtifactCompositor::Update')).toEqual([]);
});

test('a province rate in the line under a headline counter lays out that line, not the page', async ({
  page,
  browser,
}) => {
  // ID card coverage (ID cards issued over citizens eligible) shows on the overview only in the line under the ID
  // cards' counter while the map, gauges and ranking show another indicator; the citizens eligible show nowhere.
  const count = (region: string, indicator: string, value: number) => ({ region, indicator, at: Date.now(), value });
  await ingest(server.url, [
    ...DISTRICTS.map((code) => count(code, 'id-cards-issued', 99_500)),
    ...DISTRICTS.map((code) => count(code, 'eligible-citizens', 100_000)),
  ]);
  await openOverview(page);
  const line = page.getByTestId('counter-id-cards').locator('.counter-sub');
  await expect(line).toContainText('99,50');

  const roots = await layoutRoots(page, browser, async () => {
    await ingest(server.url, [count(DISTRICTS[0] as string, 'eligible-citizens', 99_600)]);
    await expect(line).not.toContainText('99,50');
  });
  expect(roots.some((r) => r.includes('counter-sub-line'))).toBe(true);
  expect(wholePage(roots)).toEqual([]);
});

test('a province rate in the line under the gauges lays out its figure, not the page', async ({ page, browser }) => {
  // Every district a step apart on a million records each: the worst one rises within its band and rank, and moves
  // the province's rate by a fiftieth of a point, which shows in the sentence under the gauges ("20,02 points
  // above target") and in the line under the online rate's counter.
  await stepApart();
  await openOverview(page);
  const note = page.getByTestId('gauge-province').getByTestId('target-note');
  await expect(note).toContainText('20,00');

  const roots = await layoutRoots(page, browser, async () => {
    await ingest(server.url, [rate(DISTRICTS[0] as string, 50.42, 1_000_000)]);
    await expect(note).toContainText('20,02');
  });
  expect(roots.some((r) => r.includes('fixed-figure'))).toBe(true);
  expect(wholePage(roots)).toEqual([]);
});

test('a district that overtakes the best reorders the ranking, which lays out its list, not the page', async ({
  page,
  browser,
}) => {
  await stepApart();
  await openOverview(page);
  const worst = DISTRICTS[0] as string;
  const row = page.locator(`.ranking-row[data-code="${worst}"]`);
  await expect(row).toHaveAttribute('data-rank', String(DISTRICTS.length));

  // The ranking holds its order for a few seconds, then moves the row: the trace runs until it has moved.
  const roots = await layoutRoots(page, browser, async () => {
    await ingest(server.url, [rate(worst, 50 + DISTRICTS.length, 1_000)]);
    await expect(row).toHaveAttribute('data-rank', '1');
    await expect(page.locator('.ranking-row').first()).toHaveAttribute('data-code', worst);
  });
  expect(roots.some((r) => r.includes('ranking-list'))).toBe(true);
  expect(wholePage(roots)).toEqual([]);
});
