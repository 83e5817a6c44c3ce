import { createMemo, createSignal, onCleanup } from 'solid-js';

/**
 * A clock signal that ticks every `intervalMs`, for clocks and data ages. One per app is enough; pass it down
 * rather than starting a timer per widget.
 */
export function createNow(intervalMs = 1000): () => number {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}

/**
 * `now` floored to whole steps, for charts: a day-wide time axis cannot show a second's difference, so a chart on
 * this clock is redrawn when its data changes or a step passes, not on every tick of the clock.
 */
export function createSteppedNow(now: () => number, stepMs: number): () => number {
  return createMemo(() => Math.floor(now() / stepMs) * stepMs);
}
