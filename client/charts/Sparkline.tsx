import { createMemo } from 'solid-js';
import { holdUntil, type SeriesPoint } from '../live/series';
import { createChart } from './createChart';
import './trends.css';

/**
 * A small line of a headline figure's recent course, without axes: the shape matters, the figure itself is the
 * big number above it.
 */
export function Sparkline(props: {
  points: SeriesPoint[];
  /** The line reaches this time with the last value. */
  now: number;
  colour: string;
  testId: string;
  label: string;
}) {
  let el: HTMLDivElement | undefined;
  // The line and the height it spans go to the chart on their own (see createChart); the rest is set once.
  const option = createMemo(() => ({
    animation: false,
    grid: { left: 4, right: 4, top: 4, bottom: 4 },
    xAxis: { type: 'value', show: false, min: 'dataMin', max: 'dataMax' },
    yAxis: { type: 'value', show: false },
    series: [
      {
        id: 'spark',
        type: 'line',
        showSymbol: false,
        connectNulls: true,
        silent: true,
        lineStyle: { width: 3, color: props.colour },
        areaStyle: { color: props.colour, opacity: 0.16 },
      },
    ],
  }));
  const figures = createMemo(() => {
    const points = holdUntil(props.points, props.now);
    // One reading is drawn as a level line, not a dot.
    const only = points.length === 1 ? points[0] : undefined;
    if (only) points.push({ at: only.at + 1, value: only.value });
    const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
    // The height spans the values, but never less than a fifth of a percent of them (or 0.2): three ID cards on
    // 2.85 million must not look like a surge. A flat line sits in the middle.
    const low = Math.min(...values);
    const high = Math.max(...values);
    const pad = Math.max((high - low) * 0.1, (Math.max(Math.abs(high) * 0.002, 0.2) - (high - low)) / 2);
    return {
      yAxis: values.length ? { min: low - pad, max: high + pad } : { min: null, max: null },
      series: [{ id: 'spark', data: points.map((p) => [p.at, p.value]) }],
    };
  });
  createChart(() => el, option, undefined, figures);
  return (
    <div
      class="sparkline"
      data-testid={props.testId}
      data-points={props.points.length}
      role="img"
      aria-label={props.label}
    >
      <div class="chart-fill" ref={el} />
    </div>
  );
}
