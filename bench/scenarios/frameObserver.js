// Runs in a screen (evaluated, as gaugeObserver.js): records the page's long animation frames (Chromium's Long
// Animation Frames API: every frame that took more than 50 ms from its first task to its paint), so that a run can
// count the frames a slow screen dropped without adding a frame loop of its own. `window.__frames()` gives
// [count, frames dropped, longest ms]; a frame of d ms stands for ceil(d / 16.7) - 1 frames not drawn at 60 Hz.
// Plain JavaScript on purpose: the bench's TypeScript is compiled with helpers the page would not have.
(() => {
  const FRAME_MS = 1000 / 60;
  const long = { count: 0, dropped: 0, longestMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      long.count += 1;
      long.dropped += Math.ceil(e.duration / FRAME_MS) - 1;
      long.longestMs = Math.max(long.longestMs, e.duration);
    }
  }).observe({ type: 'long-animation-frame' });
  window.__frames = () => [long.count, long.dropped, long.longestMs];
})();
