import { createEffect, createSignal, on, onCleanup } from 'solid-js';

/** How long a counter takes to roll to a new value. */
const ROLL_MS = 700;

const easeOut = (t: number) => 1 - (1 - t) ** 3;

/**
 * A number that rolls smoothly to each new target value. It runs on animation frames only, which the browser
 * pauses while the page is hidden. A value that comes before the last roll has ended is shown at once: under a
 * busy feed the figure keeps up with its source, and the screen is not redrawn on every frame for a roll nobody
 * sees end.
 */
export function createTweened(target: () => number | null): () => number | null {
  const [shown, setShown] = createSignal<number | null>(target());
  let frame = 0;
  let lastChange = Number.NEGATIVE_INFINITY;
  createEffect(
    on(
      target,
      (to) => {
        cancelAnimationFrame(frame);
        const from = shown();
        const started = performance.now();
        const busy = started - lastChange < ROLL_MS;
        lastChange = started;
        if (to === null || from === null || document.hidden || busy) {
          setShown(to);
          return;
        }
        const step = (now: number) => {
          const t = Math.min(1, (now - started) / ROLL_MS);
          setShown(from + (to - from) * easeOut(t));
          if (t < 1) frame = requestAnimationFrame(step);
        };
        frame = requestAnimationFrame(step);
      },
      { defer: true },
    ),
  );
  onCleanup(() => cancelAnimationFrame(frame));
  return shown;
}
