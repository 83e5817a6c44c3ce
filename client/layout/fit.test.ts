import { describe, expect, it } from 'vitest';
import { defaultCanvas, fitCanvas, layoutPanels, tileRegions } from './fit';

const HD = { width: 1920, height: 1080 };

describe('fitCanvas', () => {
  it('fills a window of the same shape at any size', () => {
    expect(fitCanvas({ width: 3840, height: 2160 }, HD)).toEqual({
      scale: 2,
      region: { x: 0, y: 0, width: 1920, height: 1080 },
      frame: { x: 0, y: 0, width: 3840, height: 2160 },
    });
    expect(fitCanvas({ width: 1366, height: 768 }, HD).scale).toBeCloseTo(768 / 1080, 6);
  });

  it('letterboxes a window of another shape, centred', () => {
    const fit = fitCanvas({ width: 7680, height: 2160 }, HD);
    expect(fit.scale).toBe(2);
    expect(fit.frame).toEqual({ x: 1920, y: 0, width: 3840, height: 2160 });
    const tall = fitCanvas({ width: 1920, height: 1200 }, HD);
    expect(tall.frame).toEqual({ x: 0, y: 60, width: 1920, height: 1080 });
  });

  it('shows one tile of a wall, the tiles side by side covering the whole canvas', () => {
    const canvas = { width: 3840, height: 1080 };
    const left = fitCanvas(HD, canvas, { cols: 2, rows: 1, col: 0, row: 0 });
    const right = fitCanvas(HD, canvas, { cols: 2, rows: 1, col: 1, row: 0 });
    expect(left).toEqual({ scale: 1, region: { x: 0, y: 0, width: 1920, height: 1080 }, frame: { x: 0, y: 0, ...HD } });
    expect(right.region).toEqual({ x: 1920, y: 0, width: 1920, height: 1080 });
    expect(right.frame).toEqual(left.frame);
  });

  it('scales a tile of a 3x2 wall of the default canvas to its panel', () => {
    const fit = fitCanvas(HD, HD, { cols: 3, rows: 2, col: 2, row: 1 });
    expect(fit.region).toEqual({ x: 1280, y: 540, width: 640, height: 540 });
    expect(fit.scale).toBe(2);
    expect(fit.frame).toEqual({ x: 320, y: 0, width: 1280, height: 1080 });
  });
});

describe('defaultCanvas', () => {
  it('gives a wall the shape of the whole wall, at the design height', () => {
    expect(defaultCanvas(HD, { cols: 2, rows: 1, col: 0, row: 0 })).toEqual({ width: 3840, height: 1080 });
    expect(defaultCanvas(HD, { cols: 3, rows: 1, col: 2, row: 0 })).toEqual({ width: 5760, height: 1080 });
    expect(defaultCanvas(HD, { cols: 3, rows: 2, col: 0, row: 1 })).toEqual({ width: 2880, height: 1080 });
    expect(defaultCanvas(HD, { cols: 2, rows: 2, col: 1, row: 1 })).toEqual(HD);
    // A 1x2 stack is taller than 16:9: the design's width, and the height the stack's shape asks.
    expect(defaultCanvas(HD, { cols: 1, rows: 2, col: 0, row: 0 })).toEqual({ width: 1920, height: 2160 });
  });

  it('counts the frames between panels in the wall shape', () => {
    expect(defaultCanvas(HD, { cols: 2, rows: 1, col: 0, row: 0 }, 40)).toEqual({ width: 3880, height: 1080 });
  });

  it('lays a lone wide screen out on its full width, and keeps the design on a 16:9 or narrower one', () => {
    expect(defaultCanvas({ width: 7680, height: 2160 })).toEqual({ width: 3840, height: 1080 });
    expect(defaultCanvas({ width: 3840, height: 1080 })).toEqual({ width: 3840, height: 1080 });
    expect(defaultCanvas({ width: 1366, height: 768 })).toEqual(HD);
    expect(defaultCanvas({ width: 3840, height: 2160 })).toEqual(HD);
    expect(defaultCanvas({ width: 1920, height: 1200 })).toEqual(HD);
  });
});

describe('bezel compensation', () => {
  it('hides the frame strip between two tiles: the right tile starts past it', () => {
    const wall = { cols: 2, rows: 1, col: 1, row: 0 };
    const canvas = defaultCanvas(HD, wall, 40);
    const fit = fitCanvas(HD, canvas, wall, 40);
    expect(fit.scale).toBe(1);
    expect(fit.region).toEqual({ x: 1960, y: 0, width: 1920, height: 1080 });
    expect(fit.frame).toEqual({ x: 0, y: 0, ...HD });
  });

  it('scales the hidden strip with the canvas on a wall of 4K panels', () => {
    const uhd = { width: 3840, height: 2160 };
    const wall = { cols: 2, rows: 2, col: 1, row: 1 };
    const canvas = defaultCanvas(uhd, wall, 80);
    const fit = fitCanvas(uhd, canvas, wall, 80);
    expect(fit.region.x).toBeCloseTo(fit.region.width + 80 / fit.scale, 6);
    // The canvas is whole pixels: at most a pixel or two of the panel is left over.
    expect(uhd.width - fit.frame.width).toBeLessThan(2);
    expect(uhd.height - fit.frame.height).toBeLessThan(2);
  });

  it('lists every tile region, row by row', () => {
    expect(tileRegions({ width: 2880, height: 1080 }, 3, 2, 0).map((b) => [b.x, b.y])).toEqual([
      [0, 0],
      [960, 0],
      [1920, 0],
      [0, 540],
      [960, 540],
      [1920, 540],
    ]);
  });
});

describe('layoutPanels', () => {
  it('takes a wall as it is, and splits a lone 32:9 screen into two 16:9 halves', () => {
    expect(layoutPanels(HD, { cols: 3, rows: 2, col: 0, row: 0 })).toEqual({ cols: 3, rows: 2 });
    expect(layoutPanels({ width: 3840, height: 1080 }, null)).toEqual({ cols: 2, rows: 1 });
    expect(layoutPanels({ width: 2520, height: 1080 }, null)).toEqual({ cols: 1, rows: 1 });
  });
});
