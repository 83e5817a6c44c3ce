import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { quietTargetsFile } from './support/quietTargets';
import { UNIT_GAUGES } from './support/regions';
import { startWallServer, type WallServer } from './support/server';
import { recordSwitches, slotOf, switches } from './support/switches';

/** Two 1080p panels side by side show one 3840x1080 canvas; each shows its half at scale 1. */
const PANEL = { width: 1920, height: 1080 };
const WALL = 'canvas=3840x1080&wall=2x1&kiosk=1';
/** Below the header, whose clock ticks between screenshots. */
const BODY_TOP = 100;
/** How many columns either side of the seam are compared with the whole canvas. */
const STRIP = 40;

let server: WallServer;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-tiles-'));
  // Still figures, so three pages opened a moment apart draw exactly the same picture; no targets, so no standing
  // critical alert holds the playlist.
  server = await startWallServer({ env: { SIM_RATE: '0', TARGETS_FILE: quietTargetsFile(dir) } });
});
test.afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function openTile(page: Page, col: number, extra = ''): Promise<void> {
  await page.setViewportSize(PANEL);
  await page.goto(`${server.url}/?${WALL}&tile=${col},0${extra}`);
  await expect(page.locator(UNIT_GAUGES)).toHaveCount(21);
}

/** Each gauge's box on screen. */
const gaugeBoxes = (page: Page) =>
  page.locator(UNIT_GAUGES).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-testid'), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

test('a 2x1 wall: two tiles show one continuous canvas', async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const [left, right, whole] = [await context.newPage(), await context.newPage(), await context.newPage()];
  await openTile(left, 0);
  await openTile(right, 1);
  await whole.setViewportSize({ width: 3840, height: 1080 });
  await whole.goto(`${server.url}/?canvas=3840x1080&kiosk=1`);
  await expect(whole.locator(UNIT_GAUGES)).toHaveCount(21);

  // Same state at the same seq on both tiles.
  await expect(left.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  await expect(right.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
  expect(await right.getByTestId('screen').getAttribute('data-seq')).toBe(
    await left.getByTestId('screen').getAttribute('data-seq'),
  );

  // Geometry: both frames fill their panel at scale 1; every element sits exactly one panel width apart.
  for (const page of [left, right]) {
    await expect(page.getByTestId('canvas')).toHaveAttribute('data-scale', '1.0000');
    expect(await page.getByTestId('canvas-frame').boundingBox()).toEqual({ x: 0, y: 0, ...PANEL });
  }
  const [l, r, w] = [await gaugeBoxes(left), await gaugeBoxes(right), await gaugeBoxes(whole)];
  expect(r).toEqual(l.map((b) => ({ ...b, x: b.x - PANEL.width })));
  expect(w).toEqual(l);
  // The wall's layout keeps every gauge on one panel: none lies across the seam.
  expect(l.filter((b) => b.x < PANEL.width && b.x + b.width > PANEL.width)).toEqual([]);
  expect(l.filter((b) => b.x >= PANEL.width)).toHaveLength(21);

  // Pixels: each side of the seam is what the whole canvas shows there.
  await Promise.all([left, right, whole].map((p) => p.waitForTimeout(1_500)));
  const shots = {
    left: (await left.screenshot({ path: testInfo.outputPath('wall-tile-0-0.png') })).toString('base64'),
    right: (await right.screenshot({ path: testInfo.outputPath('wall-tile-1-0.png') })).toString('base64'),
    whole: (await whole.screenshot({ path: testInfo.outputPath('wall-whole-3840x1080.png') })).toString('base64'),
  };
  // Compared on a blank page: the wall's Content-Security-Policy rightly refuses data it did not serve.
  const blank = await context.newPage();
  const compare = await blank.evaluate(
    async ({ shots, seam, strip, top }) => {
      const pixels = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [l, r, w] = [await pixels(shots.left), await pixels(shots.right), await pixels(shots.whole)];
      let differing = 0;
      let total = 0;
      const at = (img: ImageData, x: number, y: number) => (y * img.width + x) * 4;
      for (let y = top; y < w.height; y++) {
        for (let dx = -strip; dx < strip; dx++) {
          const tile = dx < 0 ? l : r;
          const tx = dx < 0 ? seam + dx : dx;
          const a = at(tile, tx, y);
          const b = at(w, seam + dx, y);
          let diff = 0;
          for (let c = 0; c < 3; c++) diff = Math.max(diff, Math.abs((tile.data[a + c] ?? 0) - (w.data[b + c] ?? 0)));
          if (diff > 24) differing++;
          total++;
        }
      }
      return { differing, total };
    },
    { shots, seam: PANEL.width, strip: STRIP, top: BODY_TOP },
  );
  expect(compare.total).toBe(2 * STRIP * (PANEL.height - BODY_TOP));
  expect(compare.differing / compare.total).toBeLessThan(0.005);
  await context.close();
});

test('the tiles of a wall switch views together', async ({ browser }) => {
  const SLOT_MS = 3_000;
  const context = await browser.newContext();
  const [left, right] = [await context.newPage(), await context.newPage()];
  const playlist = '&playlist=/@3;/?indicator=eid-activation-rate@3';
  await openTile(left, 0, playlist);
  await openTile(right, 1, playlist);
  await Promise.all([recordSwitches(left), recordSwitches(right)]);
  await expect.poll(async () => (await switches(left)).length, { timeout: 5 * SLOT_MS }).toBeGreaterThanOrEqual(4);
  await expect.poll(async () => (await switches(right)).length, { timeout: SLOT_MS }).toBeGreaterThanOrEqual(4);
  // Both tiles follow the server's clock: each switch is to the same view in the same slot (the slot it lands in,
  // however late each page is by its own latency), the view of that slot. The two recorders start a moment apart,
  // so the slots both saw are compared.
  const slotsOf = async (page: Page) =>
    new Map((await switches(page)).map((s) => [slotOf(s.at, SLOT_MS), s.indicator] as const));
  const [l, r] = [await slotsOf(left), await slotsOf(right)];
  const both = [...l.keys()].filter((slot) => r.has(slot));
  expect(both.length).toBeGreaterThanOrEqual(3);
  expect(both.map((slot) => r.get(slot))).toEqual(both.map((slot) => l.get(slot)));
  expect(both.map((slot) => l.get(slot))).toEqual(
    both.map((slot) => (slot % 2 === 0 ? 'online-record-rate' : 'eid-activation-rate')),
  );
  // Every switch of one tile has its twin on the other: none happened in a slot of its own.
  expect([...r.keys()].filter((slot) => slot > Math.min(...both) && slot < Math.max(...both))).toEqual(
    both.slice(1, -1),
  );
  await context.close();
});
