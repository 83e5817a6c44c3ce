import { createSignal, onCleanup } from 'solid-js';

type WakeLockState = 'held' | 'released' | 'unavailable';

/**
 * Marks the page hidden or visible on the root element (`data-hidden`), so the stylesheet pauses every CSS
 * animation while nobody can see it. Animations on animation frames (counters, charts) pause by themselves: the
 * browser runs no frames for a hidden page.
 */
export function createPageVisibility(): void {
  const root = document.documentElement;
  const update = () => root.toggleAttribute('data-hidden', document.visibilityState === 'hidden');
  update();
  document.addEventListener('visibilitychange', update);
  onCleanup(() => document.removeEventListener('visibilitychange', update));
}

/**
 * A screen nobody touches: no cursor, selection, context menu or dragging (the stylesheet hides the cursor,
 * scrollbars and interactive chrome under `.kiosk`); full screen as soon as the browser allows it (at once when
 * it was started in kiosk mode, else at the first touch or key); and a Screen Wake Lock, which the browser
 * releases whenever the page is hidden, taken again each time it becomes visible. Returns the wake lock's state.
 */
export function createKioskChrome(): () => WakeLockState {
  const root = document.documentElement;
  root.classList.add('kiosk');
  const prevent = (event: Event) => event.preventDefault();
  const blocked = ['contextmenu', 'selectstart', 'dragstart'] as const;
  for (const type of blocked) document.addEventListener(type, prevent);

  const fullscreen = () => {
    if (document.fullscreenElement || !document.fullscreenEnabled) return;
    // NOTE: only with a user activation; without one the browser refuses and logs an error for nothing.
    if (!navigator.userActivation?.isActive) return;
    root.requestFullscreen({ navigationUI: 'hide' }).catch(() => {});
  };
  window.addEventListener('pointerdown', fullscreen);
  window.addEventListener('keydown', fullscreen);

  const [wakeLock, setWakeLock] = createSignal<WakeLockState>('released');
  let sentinel: WakeLockSentinel | null = null;
  let disposed = false;
  const acquire = async () => {
    if (disposed || sentinel || document.visibilityState !== 'visible') return;
    if (!('wakeLock' in navigator)) return setWakeLock('unavailable');
    try {
      sentinel = await navigator.wakeLock.request('screen');
      setWakeLock('held');
      sentinel.addEventListener('release', () => {
        sentinel = null;
        setWakeLock('released');
      });
    } catch {
      // Refused (no permission, power saving): the screen's own settings must keep it on.
      setWakeLock('unavailable');
    }
  };
  void acquire();
  document.addEventListener('visibilitychange', acquire);

  onCleanup(() => {
    disposed = true;
    root.classList.remove('kiosk');
    for (const type of blocked) document.removeEventListener(type, prevent);
    window.removeEventListener('pointerdown', fullscreen);
    window.removeEventListener('keydown', fullscreen);
    document.removeEventListener('visibilitychange', acquire);
    void sentinel?.release();
  });
  return wakeLock;
}
