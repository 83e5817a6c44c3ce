import { createMemo, For, Show } from 'solid-js';
import { type IndicatorId, indicatorOf } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { useI18n } from '../i18n';
import { MIN_FONT_PX } from '../layout/fit';
import { useWall } from '../live/context';
import { createSeries } from '../live/createSeries';
import { targetsOf } from '../live/selectors';
import { holdUntil, type SeriesPoint } from '../live/series';
import { AXIS_LINE, AXIS_TEXT, GRID_LINE, SERIES_COLOURS } from './chartTheme';
import { createChart } from './createChart';
import './trends.css';

const MINUTE_MS = 60_000;
const WINDOW_MS = 24 * 60 * MINUTE_MS;
/** 144 points a day per series. */
const STEP_MS = 10 * MINUTE_MS;
const MIN_SPAN_MS = 15 * MINUTE_MS;
/**
 * A day's line moves by less than a pixel in a minute; only its end follows the live figure (which the counters and
 * gauges show as it comes). The chart takes new readings every fifteen seconds: each update costs the page a few
 * milliseconds of ECharts and a new layout of the chart's SVG.
 */
const PUBLISH_MS = 15_000;
/** Time-axis steps to choose from: the first that gives at most four labels. */
const TICKS_MS = [10, 15, 30, 60, 120, 180, 240, 360].map((m) => m * MINUTE_MS);

/** The y range of the values and the target, with some air, kept within 0-100 for rates and scores. */
function yRange(values: number[], bounded: boolean): { min?: number; max?: number } {
  if (values.length === 0) return {};
  let min = Math.min(...values);
  let max = Math.max(...values);
  const pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.002, bounded ? 0.5 : 1);
  min -= pad;
  max += pad;
  if (bounded) {
    min = Math.max(0, min);
    max = Math.min(100, max);
  } else {
    min = Math.max(0, min);
  }
  return { min, max };
}

/**
 * The selected indicator over the last 24 hours for the province and one unit, with the target across. Operators
 * pick the unit; leaders read two lines told apart by colour and dash.
 */
export function TrendChart(props: {
  indicator: IndicatorId;
  district: string;
  onDistrict: (code: string) => void;
  now: () => number;
}) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  let el: HTMLDivElement | undefined;
  const from = () => props.now() - WINDOW_MS;
  const province = createSeries(wall, {
    region: () => 'province',
    indicator: () => props.indicator,
    from,
    stepMs: STEP_MS,
    publishMs: PUBLISH_MS,
  });
  const unit = createSeries(wall, {
    region: () => props.district,
    indicator: () => props.indicator,
    from,
    stepMs: STEP_MS,
    publishMs: PUBLISH_MS,
  });
  const unitName = () => regionSet.unit(props.district)?.name ?? props.district;
  const target = () => targetsOf(wall, props.indicator).target;
  const empty = () => province().length === 0 && unit().length === 0;
  // While history is shorter than the window (a new installation), the axis starts at the first reading, with
  // an hour at least, rather than leaving most of the chart blank.
  const xMin = () => {
    const first = Math.min(province()[0]?.at ?? Number.POSITIVE_INFINITY, unit()[0]?.at ?? Number.POSITIVE_INFINITY);
    return Math.max(from(), Math.min(first, props.now() - MIN_SPAN_MS));
  };

  const tick = () => TICKS_MS.find((t) => (props.now() - xMin()) / t <= 4) ?? (TICKS_MS.at(-1) as number);

  // What follows the figures goes to the chart on its own (see createChart): the lines and the axes' ranges.
  const figures = createMemo(() => {
    const data = (points: SeriesPoint[]) => holdUntil(points, props.now()).map((p) => [p.at, p.value]);
    const values = [...province(), ...unit()].flatMap((p) => (p.value === null ? [] : [p.value]));
    const goal = target();
    return {
      // Ticks count from the axis's start: starting on a whole tick puts every label on a round time.
      xAxis: { min: Math.floor(xMin() / tick()) * tick(), max: props.now(), interval: tick() },
      yAxis: yRange(goal === null ? values : [...values, goal], indicatorOf(props.indicator).unit !== 'count'),
      series: [
        { id: 'province', data: data(province()) },
        { id: 'unit', data: data(unit()) },
      ],
    };
  });

  const option = createMemo(() => {
    const indicator = indicatorOf(props.indicator);
    const tz = wall.state.timeZone;
    const goal = target();
    return {
      animation: false,
      grid: { left: 92, right: 20, top: 14, bottom: 34 },
      tooltip: {
        trigger: 'axis',
        textStyle: { fontFamily: AXIS_TEXT.fontFamily, fontSize: MIN_FONT_PX },
        valueFormatter: (v: number | null) => fmt().value(indicator, v),
      },
      // NOTE: a value axis of times, not a time axis: it puts labels exactly every `tick`, which a time axis
      // does not promise (it adds labels of finer levels, which overlap on a chart this wide).
      xAxis: {
        type: 'value',
        axisLabel: {
          ...AXIS_TEXT,
          showMaxLabel: false,
          formatter: (v: number) => fmt().time(v, tz),
        },
        axisLine: AXIS_LINE,
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        splitNumber: 3,
        // The range ends are not round numbers: only the round steps between them are labelled.
        axisLabel: {
          ...AXIS_TEXT,
          showMinLabel: false,
          showMaxLabel: false,
          formatter: (v: number) => fmt().value(indicator, v, true),
        },
        splitLine: GRID_LINE,
      },
      series: [
        {
          id: 'province',
          type: 'line',
          name: t('trend.province'),
          showSymbol: false,
          connectNulls: true,
          lineStyle: { width: 4, color: SERIES_COLOURS.province },
          itemStyle: { color: SERIES_COLOURS.province },
          markLine: {
            silent: true,
            symbol: 'none',
            data: goal === null ? [] : [{ yAxis: goal }],
            lineStyle: { color: '#eef3fb', type: 'dotted', width: 2 },
            label: {
              ...AXIS_TEXT,
              color: '#eef3fb',
              position: 'insideStartTop',
              formatter: () => t('trend.target', { value: fmt().value(indicator, goal, true) }),
            },
          },
        },
        {
          id: 'unit',
          type: 'line',
          name: unitName(),
          showSymbol: false,
          connectNulls: true,
          lineStyle: { width: 3, type: 'dashed', color: SERIES_COLOURS.unit },
          itemStyle: { color: SERIES_COLOURS.unit },
        },
      ],
    };
  });
  createChart(() => el, option, undefined, figures);

  return (
    <section
      class="panel trend-panel"
      data-testid="trend"
      data-indicator={props.indicator}
      data-indicators={props.indicator}
      data-district={props.district}
      data-province-points={province().length}
      data-unit-points={unit().length}
    >
      <div class="trend-head">
        <h2 class="panel-title">
          {t('trend.title')}
          <small>{label(indicatorOf(props.indicator), 'short')}</small>
        </h2>
      </div>
      <div class="trend-legend">
        <span class="legend-swatch" style={{ color: SERIES_COLOURS.province }}>
          <i />
          {t('trend.province')}
        </span>
        <label class="legend-swatch dashed trend-picker" style={{ color: SERIES_COLOURS.unit }}>
          <i />
          <span class="visually-hidden">{t('trend.district')}</span>
          <select
            data-testid="trend-district"
            value={props.district}
            onChange={(e) => props.onDistrict(e.currentTarget.value)}
          >
            <For each={regionSet.districts}>{(d) => <option value={d.code}>{d.name}</option>}</For>
          </select>
        </label>
        {/* Kiosk mode hides the picker, which names the dashed line: on a wall the name stands in its place. */}
        <span
          class="legend-swatch dashed trend-unit-name"
          style={{ color: SERIES_COLOURS.unit }}
          data-testid="trend-unit-name"
        >
          <i />
          {unitName()}
        </span>
      </div>
      <div class="trend-chart">
        <div class="chart-fill" ref={el} />
        <Show when={empty()}>
          <p class="trend-empty">{t('trend.noData')}</p>
        </Show>
      </div>
    </section>
  );
}
