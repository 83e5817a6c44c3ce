import { createEffect, getOwner, on, onCleanup, onMount, runWithOwner } from 'solid-js';
import { useWall } from '../live/context';
import type { Chart, ChartOption } from './echarts';
import { loadECharts } from './loadECharts';

/**
 * Updates closer together than this are not animated: an animation the next update would cut short only keeps the
 * screen redrawing (and the chart's own animation settings apply again once updates slow down).
 */
export const ANIMATE_AFTER_MS = 1_000;

/**
 * One ECharts instance on an element, for the element's lifetime. It is created once the screen has its first
 * figures and ECharts has loaded: loading and drawing charts first would hold those figures back. `option` is
 * tracked reactively; its result is applied at most once per animation frame, merged into the chart (never
 * re-created), so a burst of deltas costs one chart update.
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
  let disposed = false;

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

  const wall = useWall();
  const start = (el: HTMLElement, owner: ReturnType<typeof getOwner>) =>
    loadECharts().then(
      ({ echarts }) => {
        if (disposed) return;
        chart = echarts.init(el, null, { renderer: 'svg' });
        // After drawing, ECharts' renderer keeps asking for animation frames until ten frames have passed with
        // nothing to draw; a chart updated every second or so would keep the page drawing frames for nothing.
        chart.getZr().setSleepAfterStill(1);
        setup?.(chart);
        runWithOwner(owner, () =>
          createEffect(() => {
            pending = option();
            if (!frame) frame = requestAnimationFrame(flush);
          }),
        );
      },
      (error: unknown) => console.error('wall: the chart library did not load', error),
    );

  onMount(() => {
    const el = element();
    const owner = getOwner();
    if (!el) return;
    createEffect(
      on(
        () => wall.state.epoch !== null,
        (figures, before) => {
          if (figures && !before) void start(el, owner);
        },
      ),
    );
  });

  onCleanup(() => {
    disposed = true;
    if (frame) cancelAnimationFrame(frame);
    chart?.dispose();
    chart = undefined;
  });

  return () => chart;
}
