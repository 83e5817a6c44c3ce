import { expect, type Page, test } from '@playwright/test';
import { tileRegions } from '../client/layout/fit';
import { inspectCanvas } from './support/canvasChecks';
import { MIN_FONT_PX } from './support/canvasText';
import { showInPlace } from './support/inPlace';
import { measureWidgets as measure, straddling } from './support/seams';
import { kioskAddress, VIEWS } from './support/views';

async function openOverview(page: Page, viewport: { width: number; height: number }, query: string) {
  await page.setViewportSize(viewport);
  await page.goto(`/?kiosk=1&${query}`);
  await expect(page.locator('[data-testid^="gauge-4"]')).toHaveCount(21);
  await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  await page.evaluate(() => document.fonts.ready);
}

const PANEL = { width: 1920, height: 1080 };

/** Walls of 1080p panels, the canvas each gets without `canvas=`, and its panels' boxes on that canvas. */
const WALLS = [
  { wall: '2x1', cols: 2, rows: 1, canvas: { width: 3840, height: 1080 } },
  { wall: '3x1', cols: 3, rows: 1, canvas: { width: 5760, height: 1080 } },
  { wall: '2x2', cols: 2, rows: 2, canvas: { width: 1920, height: 1080 } },
  { wall: '3x2', cols: 3, rows: 2, canvas: { width: 2880, height: 1080 } },
];

for (const w of WALLS) {
  test(`a ${w.wall} wall: the wall's own shape, no bars, no widget across a seam, no text under the minimum`, async ({
    page,
  }) => {
    const last = `${w.cols - 1},${w.rows - 1}`;
    for (const tile of ['0,0', last]) {
      await openOverview(page, PANEL, `wall=${w.wall}&tile=${tile}`);
      const m = await measure(page);
      expect(m.size).toBe(`${w.canvas.width}x${w.canvas.height}`);
      expect(m.layout).toBe(w.wall);
      // The panel is filled: its part of the canvas is drawn edge to edge, without letterbox.
      expect(m.frame).toEqual({ x: 0, y: 0, ...PANEL });
      expect(straddling(m, tileRegions(w.canvas, w.cols, w.rows))).toEqual([]);
      const report = await inspectCanvas(page, MIN_FONT_PX);
      expect(report.measured).toBeGreaterThan(10);
      expect(report.tooSmall).toEqual([]);
    }
  });
}

test('bezel compensation: the canvas runs on behind the frames, and widgets keep clear of them', async ({ page }) => {
  // Two 1080p panels whose pictures lie 40 px apart (two 20 px frames): the canvas is 40 px wider, and the right
  // panel starts 40 canvas px past the left panel's end, so a line crossing the seam stays straight.
  await openOverview(page, PANEL, 'wall=2x1&tile=1,0&bezel=40px');
  const m = await measure(page);
  expect(m.size).toBe('3880x1080');
  expect(m.origin).toEqual({ x: 1960, y: 0 });
  expect(m.frame).toEqual({ x: 0, y: 0, ...PANEL });
  expect(straddling(m, tileRegions({ width: 3880, height: 1080 }, 2, 1, 40))).toEqual([]);

  // In millimetres, with the panel's diagonal: 7 mm on a 55-inch 1080p panel is 11 pixels (0.63 mm each).
  await openOverview(page, PANEL, 'wall=2x1&tile=1,0&bezel=7mm&panel=55in');
  const mm = await measure(page);
  expect(mm.size).toBe('3851x1080');
  expect(mm.origin.x).toBeCloseTo(1920 + 11.04, 1);
});

test('a lone 7680x2160 screen is laid out on its full width, with no bars', async ({ page }) => {
  const viewport = { width: 7680, height: 2160 };
  await openOverview(page, viewport, '');
  const m = await measure(page);
  expect(m.size).toBe('3840x1080');
  expect(m.scale).toBe(2);
  expect(m.frame).toEqual({ x: 0, y: 0, ...viewport });
  expect(m.layout).toBe('2x1');
  expect(straddling(m, tileRegions({ width: 3840, height: 1080 }, 2, 1))).toEqual([]);
  expect((await inspectCanvas(page, MIN_FONT_PX)).tooSmall).toEqual([]);
});

test('every view fills a 32:9 screen and keeps its text at the minimum', async ({ page }) => {
  await page.setViewportSize({ width: 3840, height: 1080 });
  // One page load: each view is shown in place, as a playlist shows it.
  await page.goto(kioskAddress('/'));
  for (const view of VIEWS) {
    await showInPlace(page, kioskAddress(view.path));
    await view.ready(page);
    const report = await inspectCanvas(page, MIN_FONT_PX);
    expect(report.frame, view.name).toEqual({ left: 0, top: 0, right: 3840, bottom: 1080 });
    expect(report.scrolls, view.name).toBe(false);
    expect(report.tooSmall, view.name).toEqual([]);
  }
});
