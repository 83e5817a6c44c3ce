import { describe, expect, it } from 'vitest';
import { fitCanvas } from './fit';

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
