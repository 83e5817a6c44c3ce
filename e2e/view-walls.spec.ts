import { expect, type Page, test } from '@playwright/test';
import { type Size, tileRegions } from '../client/layout/fit';
import { inspectCanvas } from './support/canvasChecks';
import { MIN_FONT_PX } from './support/canvasText';
import { offCentreDials } from './support/dials';
import { showInPlace } from './support/inPlace';
import { measureWidgets, straddling } from './support/seams';
import { kioskAddress, VIEWS, type View } from './support/views';

/**
 * Every view other than the overview (whose wall layouts `wall-layouts.spec.ts` checks) on walls of 1080p panels
 * side by side, on walls of two rows (2x2, 3x2) and on a lone 7680x2160 screen: whole widgets on each panel, the width used, a
 * ticker along each panel's foot, no text under the minimum. With SHOTS_DIR set, each screen is also saved there as a picture to look at.
 */
const PANEL = { width: 1920, height: 1080 };
const WALLS = [
  { wall: '2x1', cols: 2, rows: 1, canvas: { width: 3840, height: 1080 } },
  { wall: '3x1', cols: 3, rows: 1, canvas: { width: 5760, height: 1080 } },
  { wall: '2x2', cols: 2, rows: 2, canvas: { width: 1920, height: 1080 } },
  { wall: '3x2', cols: 3, rows: 2, canvas: { width: 2880, height: 1080 } },
];
const SHOTS_DIR = process.env.SHOTS_DIR;

/** Opens a screen of this size and these parameters on a view, and waits until it is live. */
async function openScreen(page: Page, viewport: Size, query: string, view: View) {
  await page.setViewportSize(viewport);
  await page.goto(kioskAddress(view.path, query));
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
}

/**
 * Shows a view in place on the screen, as a playlist on a wall does (a wall tile's parameters are read once, when
 * the page opens), and waits until it is drawn.
 */
async function show(page: Page, view: View) {
  await showInPlace(page, kioskAddress(view.path));
  await view.ready(page);
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Checks one screen: its canvas, every widget within one panel, the text at the minimum, rows of a bounded width,
 * gauges' dials centred in their cards.
 */
async function checkScreen(page: Page, label: string, canvas: Size, cols: number, panelRows = 1) {
  const m = await measureWidgets(page);
  expect(m.size, label).toBe(`${canvas.width}x${canvas.height}`);
  expect(m.panels, label).toBe(`${cols}x${panelRows}`);
  expect(m.widgets.length, label).toBeGreaterThan(5);
  expect(straddling(m, tileRegions(canvas, cols, panelRows)), label).toEqual([]);
  // A ranking row's bar sits next to its name: rows are laid out in columns, none wider than half a panel.
  const rows = m.widgets.filter((w) => w.name.includes('index-row'));
  for (const row of rows) expect(row.width, `${label}: ${row.name}`).toBeLessThanOrEqual(canvas.width / cols / 2);
  // A gauge card's title and target line are centred: its dial too, however wide the card.
  expect(await offCentreDials(page), label).toEqual([]);
  // A ticker along the foot of each panel of the bottom row, whole within it.
  const tickers = await page.locator('.alert-ticker').evaluateAll((els) => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
    const c = canvas?.getBoundingClientRect();
    const scale = Number(canvas?.dataset.scale);
    return els.map((el) => {
      const r = el.getBoundingClientRect();
      const x = (r.left - (c?.left ?? 0)) / scale;
      return { x, right: x + r.width / scale, bottom: (r.bottom - (c?.top ?? 0)) / scale };
    });
  });
  const foot = tileRegions(canvas, cols, panelRows).slice((panelRows - 1) * cols);
  expect(tickers.length, `${label}: tickers`).toBe(cols);
  tickers.forEach((ticker, i) => {
    const panel = foot[i] ?? { x: 0, y: 0, width: 0, height: 0 };
    expect(ticker.x, `${label}: ticker ${i}`).toBeGreaterThanOrEqual(panel.x - 0.5);
    expect(ticker.right, `${label}: ticker ${i}`).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
    expect(ticker.bottom, `${label}: ticker ${i}`).toBeLessThanOrEqual(panel.y + panel.height + 0.5);
  });
  const report = await inspectCanvas(page, MIN_FONT_PX);
  expect(report.scrolls, label).toBe(false);
  expect(report.tooSmall, label).toEqual([]);
}

async function shoot(page: Page, name: string) {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
}

// Each screen is opened once and shows every view in turn: a page load per screen, not per view and screen.
const views = VIEWS.filter((v) => v.name !== 'overview');
const first = views[0] as View;
for (const w of WALLS) {
  test(`every view: whole widgets on the first and last panels of a ${w.wall} wall`, async ({ page }) => {
    for (const tile of ['0,0', `${w.cols - 1},${w.rows - 1}`]) {
      await openScreen(page, PANEL, `wall=${w.wall}&tile=${tile}`, first);
      for (const view of views) {
        await show(page, view);
        await shoot(page, `wall${w.wall}-${view.name}-tile${tile}`);
        await checkScreen(page, `${view.name} on ${w.wall}, tile ${tile}`, w.canvas, w.cols, w.rows);
      }
    }
  });
}

test('every view: whole widgets on both halves of a lone 7680x2160 screen', async ({ page }) => {
  await openScreen(page, { width: 7680, height: 2160 }, '', first);
  for (const view of views) {
    await show(page, view);
    await shoot(page, `7680x2160-${view.name}`);
    await checkScreen(page, `${view.name} at 7680x2160`, { width: 3840, height: 1080 }, 2);
  }
});
