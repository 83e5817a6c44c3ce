import { createEffect, createSignal, on, onCleanup } from 'solid-js';

/** How long a counter takes to roll to a new value. */
const ROLL_MS = 700;

const easeOut = (t: number) => 1 - (1 - t) ** 3;

/**
 * A number that rolls smoothly to each new target value. It runs on animation frames only, which the browser
 * pauses while the page is hidden; a jump larger than the screen can show is not worth animating anyway.
 */
export function createTweened(target: () => number | null): () => number | null {
  const [shown, setShown] = createSignal<number | null>(target());
  let frame = 0;
  createEffect(
    on(target, (to) => {
      cancelAnimationFrame(frame);
      const from = shown();
      if (to === null || from === null || document.hidden) {
        setShown(to);
        return;
      }
      const started = performance.now();
      const step = (now: number) => {
        const t = Math.min(1, (now - started) / ROLL_MS);
        setShown(from + (to - from) * easeOut(t));
        if (t < 1) frame = requestAnimationFrame(step);
      };
      frame = requestAnimationFrame(step);
    }),
  );
  onCleanup(() => cancelAnimationFrame(frame));
  return shown;
}
