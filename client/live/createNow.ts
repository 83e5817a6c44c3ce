import { createSignal, onCleanup } from 'solid-js';

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
