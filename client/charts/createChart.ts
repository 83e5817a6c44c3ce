import { createEffect, onCleanup, onMount } from 'solid-js';
import { type Chart, type ChartOption, echarts } from './echarts';

/**
 * One ECharts instance on an element, for the element's lifetime. `option` is tracked reactively; its result is
 * applied at most once per animation frame, merged into the chart (never re-created), so a burst of deltas costs
 * one chart update.
 */
export function createChart(
  element: () => HTMLElement | undefined,
  option: () => ChartOption,
  setup?: (chart: Chart) => void,
): () => Chart | undefined {
  let chart: Chart | undefined;
  let pending: ChartOption | null = null;
  let frame = 0;

  const flush = () => {
    frame = 0;
    if (chart && pending) chart.setOption(pending, { lazyUpdate: false });
    pending = null;
  };

  onMount(() => {
    const el = element();
    if (!el) return;
    chart = echarts.init(el, null, { renderer: 'svg' });
    setup?.(chart);
    createEffect(() => {
      pending = option();
      if (!frame) frame = requestAnimationFrame(flush);
    });
  });

  onCleanup(() => {
    if (frame) cancelAnimationFrame(frame);
    chart?.dispose();
    chart = undefined;
  });

  return () => chart;
}
