import { createRoot, createSignal } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTweened } from './createTweened';

/** Animation frames run by hand, at times the test chooses. */
let frames: ((now: number) => void)[] = [];
const runFrame = (now: number) => {
  const due = frames;
  frames = [];
  for (const f of due) f(now);
};

beforeEach(() => {
  frames = [];
  vi.stubGlobal('document', { hidden: false });
  vi.stubGlobal('requestAnimationFrame', (f: (now: number) => void) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => {
    frames = [];
  });
});
afterEach(() => vi.unstubAllGlobals());

/** A counter showing 100 at first. */
const mount = () =>
  createRoot((dispose) => {
    const [target, setTarget] = createSignal<number | null>(100);
    return { shown: createTweened(target), setTarget, dispose };
  });

describe('createTweened', () => {
  it('rolls to a value that comes after a calm spell', () => {
    const clock = vi.spyOn(performance, 'now').mockReturnValue(10_000);
    const { shown, setTarget, dispose } = mount();
    setTarget(200);
    expect(shown()).toBe(100);
    runFrame(10_350);
    expect(shown()).toBeGreaterThan(100);
    expect(shown()).toBeLessThan(200);
    runFrame(10_700);
    expect(shown()).toBe(200);
    dispose();
    clock.mockRestore();
  });

  it('shows at once a value that comes before the last roll would have ended', () => {
    const clock = vi.spyOn(performance, 'now').mockReturnValue(10_000);
    const { shown, setTarget, dispose } = mount();
    setTarget(200);
    clock.mockReturnValue(10_100);
    setTarget(300);
    expect(shown()).toBe(300);
    expect(frames).toHaveLength(0);
    dispose();
    clock.mockRestore();
  });
});
