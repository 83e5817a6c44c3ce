import { describe, expect, it } from 'vitest';
import { gridShape } from './gridShape';

describe('gridShape', () => {
  it('keeps seven by three for 21 cards and for pages of more', () => {
    expect(gridShape(21)).toEqual({ columns: 7, rows: 3 });
    expect(gridShape(130)).toEqual({ columns: 7, rows: 3 });
    expect(gridShape(20)).toEqual({ columns: 7, rows: 3 });
  });

  it('fills the page with a few: seven regions in two rows of four, three units in one row', () => {
    expect(gridShape(7)).toEqual({ columns: 4, rows: 2 });
    expect(gridShape(3)).toEqual({ columns: 3, rows: 1 });
  });

  it('always has room for every card of a page', () => {
    for (let n = 0; n <= 40; n += 1) {
      const { columns, rows } = gridShape(n);
      expect(columns * rows).toBeGreaterThanOrEqual(Math.min(Math.max(n, 1), 21));
      expect(columns).toBeLessThanOrEqual(7);
      expect(rows).toBeLessThanOrEqual(3);
    }
  });
});
