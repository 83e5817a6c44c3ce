import { describe, expect, it } from 'vitest';
import { HEAP_STRIKES, heapLimitBytes, makeHeapWatchdog } from './heapWatchdog';

const MB = 1024 * 1024;

describe('heap watchdog', () => {
  it('trips only after the heap stays over the limit for several checks in a row', () => {
    const trips: [number, number][] = [];
    let used = 100 * MB;
    const watchdog = makeHeapWatchdog({
      read: () => ({ usedJSHeapSize: used, jsHeapSizeLimit: 4096 * MB }),
      limitMb: () => 200,
      onTrip: (usedMb, limitMb) => trips.push([usedMb, limitMb]),
    });
    watchdog.check();
    used = 250 * MB;
    watchdog.check();
    used = 150 * MB; // the collector caught up
    watchdog.check();
    for (let i = 0; i < HEAP_STRIKES; i++) {
      used = 250 * MB;
      watchdog.check();
    }
    expect(trips).toEqual([[250, 200]]);
  });

  it('never lets the heap near the browser limit, whatever the setting', () => {
    expect(heapLimitBytes(512, 4096 * MB)).toBe(512 * MB);
    expect(heapLimitBytes(4096, 1024 * MB)).toBe(0.8 * 1024 * MB);
  });

  it('sleeps in a browser without performance.memory', () => {
    const trips: number[] = [];
    const watchdog = makeHeapWatchdog({ read: () => null, limitMb: () => 32, onTrip: (u) => trips.push(u) });
    for (let i = 0; i < 5; i++) watchdog.check();
    expect(trips).toEqual([]);
  });
});
