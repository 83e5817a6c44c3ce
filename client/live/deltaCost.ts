/**
 * Measures what deltas cost the page's main thread: the script that applies each one, and the frame that draws
 * them (from the frame's first callback to the first task after it: the rest of the frame's callbacks, style,
 * layout, paint). Calls `report` once per frame with the time and the number of deltas it drew. A hidden page
 * draws no frames and reports nothing until it shows again.
 */
export function createDeltaCost(report: (costMs: number, deltas: number) => void): (apply: () => void) => void {
  let scriptMs = 0;
  let deltas = 0;
  let frameAsked = false;
  let frameStart = 0;
  const afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = () => {
    const costMs = scriptMs + (performance.now() - frameStart);
    const count = deltas;
    scriptMs = 0;
    deltas = 0;
    frameAsked = false;
    report(costMs, count);
  };
  return (apply) => {
    const start = performance.now();
    apply();
    scriptMs += performance.now() - start;
    deltas++;
    if (frameAsked) return;
    frameAsked = true;
    requestAnimationFrame(() => {
      frameStart = performance.now();
      afterFrame.port2.postMessage(null);
    });
  };
}
