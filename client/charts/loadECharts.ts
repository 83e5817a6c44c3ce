type ECharts = typeof import('./echarts');

let loading: Promise<ECharts> | null = null;

/**
 * ECharts, fetched on first use. It is most of the client's code, and the gauges and counters that show a
 * screen's first live figures do not need it: they appear while it loads, and charts draw once it is there.
 * A failed fetch (a deploy in between, a network cut) is tried again by the next chart that asks.
 */
export function loadECharts(): Promise<ECharts> {
  loading ??= import('./echarts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
