import { describe, expect, it } from 'vitest';
import type { District } from '../../shared/regions';
import { tileLayout } from './tileLayout';

const unit = (code: string, group: string): District => ({
  code,
  name: code,
  fullName: code,
  slug: code,
  kind: 'commune',
  group,
  weight: 1,
});

describe('tileLayout', () => {
  it("fills each group's block row by row below its name, and gives the name the free column beside it", () => {
    const units = ['a1', 'a2', 'a3', 'a4', 'b1'].map((c) => unit(c, c[0] ?? ''));
    const layout = tileLayout(
      {
        kind: 'tiles',
        groups: [
          { group: 'a', col: 0, row: 0, cols: 3 },
          { group: 'b', col: 4, row: 1, cols: 3 },
        ],
      },
      units,
    );
    expect(layout.tiles).toEqual([
      { code: 'a1', col: 1, row: 2 },
      { code: 'a2', col: 2, row: 2 },
      { code: 'a3', col: 3, row: 2 },
      { code: 'a4', col: 1, row: 3 },
      { code: 'b1', col: 5, row: 3 },
    ]);
    expect([layout.cols, layout.rows]).toEqual([7, 3]);
    expect(layout.groups).toEqual([
      { group: 'a', col: 1, row: 1, cols: 4 },
      { group: 'b', col: 5, row: 2, cols: 3 },
    ]);
  });
});
