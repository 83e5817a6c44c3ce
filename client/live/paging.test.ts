import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createPaging, PAGE_MS, pageAt, topAndBottom } from './paging';

describe('pageAt', () => {
  it('shows one page when all units fit', () => {
    expect(pageAt(123_456_789, 1)).toBe(0);
  });

  it('turns pages on the server clock, the same page on every screen at the same moment', () => {
    const t0 = 1_000 * PAGE_MS;
    expect(pageAt(t0, 7)).toBe(1_000 % 7);
    expect(pageAt(t0 + PAGE_MS - 1, 7)).toBe(1_000 % 7);
    expect(pageAt(t0 + PAGE_MS, 7)).toBe(1_001 % 7);
    expect(pageAt(t0 + 7 * PAGE_MS, 7)).toBe(pageAt(t0, 7));
  });

  it('holds a pinned page, the last one when the pin is past the end', () => {
    expect(pageAt(0, 7, 3)).toBe(2);
    expect(pageAt(0, 7, 99)).toBe(6);
    expect(pageAt(5 * PAGE_MS, 7, 0)).toBe(5);
  });
});

describe('createPaging', () => {
  it('slices 130 units into 7 pages of 21, the last holding 4', () => {
    createRoot((dispose) => {
      const units = Array.from({ length: 130 }, (_, i) => i);
      const [now, setNow] = createSignal(0);
      const paging = createPaging({ all: () => units, perPage: 21, serverNow: now });
      expect(paging.pages()).toBe(7);
      expect(paging.items()).toEqual(units.slice(0, 21));
      setNow(6 * PAGE_MS);
      expect(paging.page()).toBe(6);
      expect(paging.items()).toEqual([126, 127, 128, 129]);
      dispose();
    });
  });

  it('keeps 21 units on one page, and 3 units too', () => {
    createRoot((dispose) => {
      for (const n of [21, 3]) {
        const units = Array.from({ length: n }, (_, i) => i);
        const paging = createPaging({ all: () => units, perPage: 21, serverNow: () => 99 * PAGE_MS });
        expect([paging.pages(), paging.items().length]).toEqual([1, n]);
      }
      dispose();
    });
  });
});

describe('topAndBottom', () => {
  it('shows every row that fits, and otherwise the top and bottom with the count between', () => {
    const rows = Array.from({ length: 130 }, (_, i) => i + 1);
    expect(topAndBottom(rows.slice(0, 21), 21, 6)).toEqual({ top: rows.slice(0, 21), bottom: [], hidden: 0 });
    expect(topAndBottom(rows, 21, 6)).toEqual({ top: [1, 2, 3, 4, 5, 6], bottom: rows.slice(-6), hidden: 118 });
  });
});
