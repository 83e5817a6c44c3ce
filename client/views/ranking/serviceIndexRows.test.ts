import { describe, expect, it } from 'vitest';
import { regionSet } from '../../../shared/regions';
import { serviceIndexRows } from './serviceIndexRows';

const [a, b, c] = regionSet.departments;
if (!a || !b || !c) throw new Error('the region set needs three departments');

describe('serviceIndexRows', () => {
  it('ranks this period best first, with the change and the rank of the previous period', () => {
    const current: Record<string, number> = { [a.code]: 70, [b.code]: 90, [c.code]: 80 };
    const rows = serviceIndexRows([a, b, c], (code) => current[code] ?? null, {
      [a.code]: 75,
      [b.code]: 85,
      [c.code]: 88,
    });
    expect(rows.map((r) => [r.unit.code, r.rank, r.previousRank])).toEqual([
      [b.code, 1, 2],
      [c.code, 2, 1],
      [a.code, 3, 3],
    ]);
    expect(rows.map((r) => r.change)).toEqual([5, -8, -5]);
  });

  it('puts units without a score last, and has no change without a previous score', () => {
    const rows = serviceIndexRows([a, b], (code) => (code === a.code ? null : 60), {});
    expect(rows.map((r) => [r.unit.code, r.rank, r.change])).toEqual([
      [b.code, 1, null],
      [a.code, null, null],
    ]);
  });

  it('gives tied scores the same rank', () => {
    const rows = serviceIndexRows([a, b, c], (code) => (code === c.code ? 50 : 80), {});
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 3]);
  });
});
