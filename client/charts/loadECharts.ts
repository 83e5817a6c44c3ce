type ECharts = typeof import('./echarts');

/** A page that is not shown gets no animation frames: it still loads its charts, a little later. */
const HIDDEN_PAGE_WAIT_MS = 200;

/**
 * Resolves once the browser has painted what the current task changed: after the next animation frame, in the
 * task that follows it (or after a short wait, for a page that is not shown and so gets no frames).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, HIDDEN_PAGE_WAIT_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

let loading: Promise<ECharts> | null = null;

/**
 * ECharts, fetched on first use. It is most of the client's code, and the gauges and counters that show a
 * screen's first live figures do not need it: it is fetched once they are painted (the charts ask for it in the
 * same update that puts the first snapshot on screen), and charts draw once it is there. A failed fetch (a deploy
 * in between, a network cut) is tried again by the next chart that asks.
 */
export function loadECharts(): Promise<ECharts> {
  loading ??= afterPaint()
    .then(() => import('./echarts'))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
