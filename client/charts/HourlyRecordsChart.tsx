import { createMemo, Index, Show } from 'solid-js';
import { localCalendar } from '../../shared/time';
import { useI18n } from '../i18n';
import { MIN_FONT_PX } from '../layout/fit';
import { useWall } from '../live/context';
import { createSeries } from '../live/createSeries';
import { perHour } from '../live/series';
import { AXIS_LINE, AXIS_TEXT, GRID_LINE, HATCH, SERIES_COLOURS } from './chartTheme';
import { createChart } from './createChart';
import './trends.css';

const HOUR_MS = 3_600_000;
const HOURS = 24;

/** Today's records received in each hour, online and in person, stacked; hours to come stay empty. */
export function HourlyRecordsChart(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt } = useI18n();
  let el: HTMLDivElement | undefined;
  const calendar = createMemo(() => localCalendar(wall.state.timeZone));
  const dayStart = createMemo(() => calendar().startOfDay(props.now()));
  const series = (indicator: 'records-today-online' | 'records-today-offline') =>
    createSeries(wall, { region: () => 'province', indicator: () => indicator, from: dayStart, stepMs: HOUR_MS });
  const online = series('records-today-online');
  const offline = series('records-today-offline');
  const hours = createMemo(() => ({
    online: perHour(online(), dayStart(), props.now(), HOURS),
    offline: perHour(offline(), dayStart(), props.now(), HOURS),
  }));
  const hourLabel = (h: number) => fmt().time(dayStart() + h * HOUR_MS, wall.state.timeZone);

  const option = createMemo(() => {
    const labels = Array.from({ length: HOURS }, (_, h) => hourLabel(h));
    const bar = (id: 'online' | 'offline', name: string, extra: object = {}) => ({
      id,
      type: 'bar',
      name,
      stack: 'records',
      barCategoryGap: '18%',
      itemStyle: { color: SERIES_COLOURS[id], ...extra },
    });
    return {
      animation: false,
      grid: { left: 76, right: 12, top: 14, bottom: 34 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        textStyle: { fontFamily: AXIS_TEXT.fontFamily, fontSize: MIN_FONT_PX },
        valueFormatter: (v: number | null) => (v === null ? '–' : fmt().number(v)),
      },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { ...AXIS_TEXT, interval: 5 },
        axisLine: AXIS_LINE,
        axisTick: { show: false },
      },
      yAxis: {
        type: 'value',
        splitNumber: 3,
        minInterval: 1,
        // The zero line needs no label, which would crowd the first hour's.
        axisLabel: { ...AXIS_TEXT, showMinLabel: false, formatter: (v: number) => fmt().number(v) },
        splitLine: GRID_LINE,
      },
      series: [bar('online', t('hourly.online')), bar('offline', t('hourly.offline'), { decal: HATCH })],
    };
  });
  // The bars' heights go to the chart on their own (see createChart): the axes, labels and tooltip stay as set.
  const figures = createMemo(() => ({
    series: [
      { id: 'online', data: hours().online },
      { id: 'offline', data: hours().offline },
    ],
  }));
  createChart(() => el, option, undefined, figures);

  const total = (values: (number | null)[]) => values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return (
    <section
      class="panel trend-panel"
      data-testid="hourly-records"
      data-indicators="records-today-online records-today-offline"
      data-online={total(hours().online)}
      data-offline={total(hours().offline)}
    >
      <div class="trend-head">
        <h2 class="panel-title">{t('hourly.title')}</h2>
      </div>
      <div class="trend-legend">
        <span class="legend-swatch bar" style={{ color: SERIES_COLOURS.online }}>
          <i />
          {t('hourly.online')}
        </span>
        <span class="legend-swatch bar hatched" style={{ color: SERIES_COLOURS.offline }}>
          <i />
          {t('hourly.offline')}
        </span>
      </div>
      <div class="trend-chart">
        <div class="chart-fill" ref={el} />
        <Show when={total(hours().online) + total(hours().offline) === 0}>
          <p class="trend-empty">{t('hourly.none')}</p>
        </Show>
      </div>
      {/* The same figures as text, for screen readers, tests and outside monitors. */}
      <ol class="visually-hidden" data-testid="hourly-values">
        {/* By hour, not by value: a new count changes its hour's item in place. */}
        <Index each={hours().online}>
          {(v, h) => (
            <li data-hour={h} data-online={v() ?? ''} data-offline={hours().offline[h] ?? ''}>
              {t('hourly.hour', { hour: h })}: {v() ?? '–'} / {hours().offline[h] ?? '–'}
            </li>
          )}
        </Index>
      </ol>
    </section>
  );
}
