import { createEffect, onCleanup, onMount } from 'solid-js';
import { type Chart, type ChartOption, echarts } from './echarts';

/**
 * Updates closer together than this are not animated: an animation the next update would cut short only keeps the
 * screen redrawing (and the chart's own animation settings apply again once updates slow down).
 */
export const ANIMATE_AFTER_MS = 1_000;

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
  let lastUpdate = Number.NEGATIVE_INFINITY;

  const flush = (now: number) => {
    frame = 0;
    if (chart && pending) {
      const calm = now - lastUpdate >= ANIMATE_AFTER_MS;
      // NOTE: setOption merges, so `animation` is set every time: off while busy, the option's own when calm.
      chart.setOption({ ...pending, animation: calm ? (pending.animation ?? true) : false }, { lazyUpdate: false });
      lastUpdate = now;
    }
    pending = null;
  };

  onMount(() => {
    const el = element();
    if (!el) return;
    chart = echarts.init(el, null, { renderer: 'svg' });
    // After drawing, ECharts' renderer keeps asking for animation frames until ten frames have passed with nothing
    // to draw; a chart updated every second or so would keep the page drawing frames for nothing. One is enough.
    chart.getZr().setSleepAfterStill(1);
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
