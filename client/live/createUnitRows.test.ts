import { batch, createComputed, createRoot } from 'solid-js';
import { createStore } from 'solid-js/store';
import { describe, expect, it, vi } from 'vitest';
import type { Reading } from '../../shared/protocol';
import { regionSet } from '../../shared/regions';
import { createUnitRows } from './createUnitRows';
import type { Wall, WallState } from './createWall';

const UNITS = regionSet.districts.slice(0, 3);
const [A, B, C] = UNITS.map((u) => u.code) as [string, string, string];

/** A wall holding the readings of the online record rate, set by hand. */
function fakeWall() {
  const [state, setState] = createStore<WallState>({
    values: {},
    targets: {},
    alerts: {},
    alertTickerMin: 30,
    epoch: 'e',
    seq: 0,
    buildId: null,
    deployment: null,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLang: null,
    simulated: false,
  });
  const set = (region: string, value: number) => {
    const reading: Reading = { region, indicator: 'online-record-rate', value, at: 0, source: 's' };
    if (!state.values[region]) setState('values', region, {});
    setState('values', region, 'online-record-rate', reading);
  };
  const wall = { state, reading: (r: string, i: string) => state.values[r]?.[i as 'online-record-rate'] } as Wall;
  return { wall, set };
}

describe('createUnitRows', () => {
  it('keeps its rows while figures move, and ranks them best first (units without a value last)', () => {
    createRoot((dispose) => {
      const { wall, set } = fakeWall();
      const { rows, ranked, max } = createUnitRows(wall, UNITS, () => 'online-record-rate');
      set(A, 30);
      set(B, 50);
      expect(ranked().map((r) => r.unit.code)).toEqual([B, A, C]);
      expect(rows.map((r) => [r.value(), r.rank(), r.band()])).toEqual([
        [30, 2, 'warning'],
        [50, 1, 'ok'],
        [null, null, null],
      ]);
      expect(max()).toBe(50);
      const first = rows[0];
      set(A, 60);
      expect(rows[0]).toBe(first);
      expect(ranked().map((r) => r.unit.code)).toEqual([A, B, C]);
      expect(ranked()[0]).toBe(first);
      dispose();
    });
  });

  it('tells the ranked list only when the order changes', () => {
    createRoot((dispose) => {
      const { wall, set } = fakeWall();
      const { ranked } = createUnitRows(wall, UNITS, () => 'online-record-rate');
      set(A, 30);
      set(B, 50);
      let updates = 0;
      createComputed(() => {
        ranked();
        updates += 1;
      });
      set(A, 31);
      set(B, 52);
      expect(updates).toBe(1);
      set(A, 53);
      expect(updates).toBe(2);
      dispose();
    });
  });
});

describe('createUnitRows with a held order', () => {
  it('passes the first change at once, then at most one order per hold, the latest', () => {
    vi.useFakeTimers();
    const { set, ranked, rows, dispose } = createRoot((dispose) => {
      const { wall, set } = fakeWall();
      return { set, dispose, ...createUnitRows(wall, UNITS, () => 'online-record-rate', { holdOrderMs: 2000 }) };
    });
    try {
      const order = () => ranked().map((r) => r.unit.code);
      // A snapshot: every figure in one step.
      batch(() => {
        set(A, 30);
        set(B, 50);
      });
      expect(order()).toEqual([B, A, C]);
      set(A, 60);
      expect(order()).toEqual([B, A, C]);
      // The figures follow at once; the order waits for the hold to end.
      expect(rows[0]?.value()).toBe(60);
      set(C, 70);
      vi.advanceTimersByTime(1999);
      expect(order()).toEqual([B, A, C]);
      vi.advanceTimersByTime(1);
      expect(order()).toEqual([C, A, B]);
      expect(rows[2]?.rank()).toBe(1);
    } finally {
      dispose();
      vi.useRealTimers();
    }
  });
});
