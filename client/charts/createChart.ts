import { createEffect, getOwner, on, onCleanup, onMount, runWithOwner } from 'solid-js';
import { useWall } from '../live/context';
import { isEmpty, withData } from './chartData';
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
 *
 * `data`, when given, is the part of the option that follows the figures (series' data, axis ranges), as a
 * partial option whose series carry their ids. It is tracked apart: new figures are merged into the chart as that
 * part alone, so ECharts does not take in the whole option again (axes, tooltips, labels) for one value.
 */
export function createChart(
  element: () => HTMLElement | undefined,
  option: () => ChartOption,
  setup?: (chart: Chart) => void,
  data?: () => ChartOption,
): () => Chart | undefined {
  let chart: Chart | undefined;
  let pending: ChartOption | null = null;
  let pendingData: ChartOption | null = null;
  let frame = 0;
  let lastUpdate = Number.NEGATIVE_INFINITY;
  let disposed = false;
  /** The chart's name in the page's performance timeline (`chart:<test id>`), where a profile finds its cost. */
  let measureName = 'chart';

  let lastOption: ChartOption | null = null;
  let latestData: ChartOption | null = null;

  const flush = (now: number) => {
    frame = 0;
    let update: ChartOption | null = null;
    if (pending) {
      // The whole option goes with the latest figures: a chart drawn anew is drawn complete.
      update = isEmpty(pending) ? pending : withData(pending, latestData);
      lastOption = pending;
    } else if (pendingData && lastOption && !isEmpty(lastOption)) {
      update = pendingData;
    }
    if (chart && update) {
      const calm = now - lastUpdate >= ANIMATE_AFTER_MS;
      const started = performance.now();
      // NOTE: setOption merges, so `animation` is set every time: off while busy, the option's own when calm.
      chart.setOption({ ...update, animation: calm ? (lastOption?.animation ?? true) : false }, { lazyUpdate: false });
      // Seen by a PerformanceObserver (the bench's profile), and not kept: the timeline would grow with uptime.
      performance.measure(measureName, { start: started, end: performance.now() });
      performance.clearMeasures(measureName);
      lastUpdate = now;
    }
    pending = null;
    pendingData = null;
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(flush);
  };

  const wall = useWall();
  const start = (el: HTMLElement, owner: ReturnType<typeof getOwner>) =>
    loadECharts().then(
      ({ echarts }) => {
        if (disposed) return;
        chart = echarts.init(el, null, { renderer: 'svg' });
        measureName = `chart:${el.closest('[data-testid]')?.getAttribute('data-testid') ?? 'unnamed'}`;
        // After drawing, ECharts' renderer keeps asking for animation frames until ten frames have passed with
        // nothing to draw; a chart updated every second or so would keep the page drawing frames for nothing.
        chart.getZr().setSleepAfterStill(1);
        setup?.(chart);
        runWithOwner(owner, () => {
          createEffect(() => {
            pending = option();
            schedule();
          });
          if (data) {
            createEffect(() => {
              latestData = data();
              pendingData = latestData;
              schedule();
            });
          }
        });
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
