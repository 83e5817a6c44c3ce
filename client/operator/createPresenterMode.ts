import { type Accessor, createSignal, onCleanup } from 'solid-js';
import { isTyping, presenterStep } from './presenterKeys';

export interface PresenterMode {
  on: Accessor<boolean>;
  /** Turns presenter mode on; the caller asks first when the keys would reach several screens. */
  start(): void;
  stop(): void;
}

/**
 * Presenter mode: only while it is on do a remote's keys (PageUp/PageDown, the left and right arrows) step the
 * selected screens. Off by default, and off again as soon as the console loses the keyboard (the window loses
 * focus, the tab is hidden) or on Escape, so that a key pressed later, elsewhere or by habit never moves a wall.
 * A held key steps once: a remote does not repeat, a key held down to scroll would.
 */
export function createPresenterMode(onStep: (by: 1 | -1) => void): PresenterMode {
  const [on, setOn] = createSignal(false);
  const stop = () => setOn(false);
  const onKey = (event: KeyboardEvent) => {
    if (!on()) return;
    if (event.key === 'Escape') return stop();
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const by = presenterStep(event.key);
    if (by === null) return;
    event.preventDefault();
    if (!event.repeat) onStep(by);
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') stop();
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('blur', stop);
  document.addEventListener('visibilitychange', onVisibility);
  onCleanup(() => {
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('blur', stop);
    document.removeEventListener('visibilitychange', onVisibility);
  });
  return { on, start: () => setOn(true), stop };
}
