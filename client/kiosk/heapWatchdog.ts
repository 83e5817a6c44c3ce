import { onCleanup } from 'solid-js';

/** How often the watchdog looks at the heap. */
export const HEAP_CHECK_MS = 60_000;
/**
 * Over the limit this many checks in a row before reloading: one reading may include garbage the collector has
 * not claimed yet.
 */
export const HEAP_STRIKES = 2;
/** Never let the heap come closer than this share of the browser's own hard limit, whatever the setting says. */
export const HEAP_HARD_SHARE = 0.8;
const MB = 1024 * 1024;

/** Chromium's non-standard `performance.memory`; other browsers have none, and the watchdog then sleeps. */
export interface HeapReading {
  usedJSHeapSize: number;
  jsHeapSizeLimit: number;
}

export const browserHeap = (): HeapReading | null =>
  (performance as Performance & { memory?: HeapReading }).memory ?? null;

/** The heap size past which the screen reloads. */
export function heapLimitBytes(limitMb: number, jsHeapSizeLimit: number): number {
  return Math.min(limitMb * MB, jsHeapSizeLimit * HEAP_HARD_SHARE);
}

export interface HeapWatchdog {
  /** Looks at the heap once; calls `onTrip` when it has been over the limit `HEAP_STRIKES` times in a row. */
  check(): void;
}

/** The watchdog's logic, without timers: `read` gives the heap, `onTrip` reloads. */
export function makeHeapWatchdog(options: {
  read: () => HeapReading | null;
  limitMb: () => number;
  onTrip: (usedMb: number, limitMb: number) => void;
}): HeapWatchdog {
  let strikes = 0;
  return {
    check() {
      const heap = options.read();
      if (!heap) return;
      const limit = heapLimitBytes(options.limitMb(), heap.jsHeapSizeLimit);
      strikes = heap.usedJSHeapSize > limit ? strikes + 1 : 0;
      if (strikes >= HEAP_STRIKES) {
        strikes = 0;
        options.onTrip(Math.round(heap.usedJSHeapSize / MB), Math.round(limit / MB));
      }
    },
  };
}

/** Runs the watchdog every `HEAP_CHECK_MS` for the owner's lifetime. */
export function createHeapWatchdog(options: Parameters<typeof makeHeapWatchdog>[0], everyMs = HEAP_CHECK_MS): void {
  const watchdog = makeHeapWatchdog(options);
  const timer = setInterval(() => watchdog.check(), everyMs);
  onCleanup(() => clearInterval(timer));
}
