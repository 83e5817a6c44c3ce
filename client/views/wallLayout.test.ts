import { describe, expect, it } from 'vitest';
import { tileRegions } from '../layout/fit';
import { wallCells } from './wallLayout';

const panels = (width: number, height: number, cols: number, rows: number, bezel = 0) => ({
  cols,
  rows,
  boxes: tileRegions({ width, height }, cols, rows, bezel),
});

describe('wallCells', () => {
  it('keeps every cell within its own panel, clear of the seams', () => {
    for (const [w, h, c, r] of [
      [3840, 1080, 2, 1],
      [5760, 1080, 3, 1],
      [1920, 1080, 2, 2],
      [2880, 1080, 3, 2],
    ] as const) {
      const wall = panels(w, h, c, r, 20);
      const cells = wallCells(wall) ?? [];
      expect(cells).toHaveLength(c * r);
      cells.forEach((cell, i) => {
        const box = wall.boxes[i];
        if (!box) throw new Error('no panel');
        expect(cell.left).toBeGreaterThanOrEqual(box.x);
        expect(cell.left + cell.width).toBeLessThanOrEqual(box.x + box.width);
        expect(cell.top).toBeGreaterThanOrEqual(box.y);
        if (cell.height !== null) expect(cell.top + cell.height).toBeLessThanOrEqual(box.y + box.height);
      });
    }
  });

  it('has no layout for walls it was not designed for', () => {
    expect(wallCells(panels(1920, 1080, 1, 1))).toBeNull();
    expect(wallCells(panels(1920, 1080, 4, 4))).toBeNull();
  });
});
