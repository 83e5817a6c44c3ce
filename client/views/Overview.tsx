import { useSearchParams } from '@solidjs/router';
import { createMemo, For, Match, Show, Switch, untrack } from 'solid-js';
import { type IndicatorId, indicatorOf, indicators } from '../../shared/catalog';
import { deployment } from '../../shared/deployment';
import { regionSet } from '../../shared/regions';
import { DistrictMap } from '../charts/DistrictMap';
import { HourlyRecordsChart } from '../charts/HourlyRecordsChart';
import { Sparkline } from '../charts/Sparkline';
import { TileMap } from '../charts/TileMap';
import { TrendChart } from '../charts/TrendChart';
import { useI18n } from '../i18n';
import { useCanvas } from '../layout/Canvas';
import { useWall } from '../live/context';
import { createSteppedNow } from '../live/createNow';
import { createSeries } from '../live/createSeries';
import { byRank, unitRows } from '../live/selectors';
import { type SeriesPoint, sumSeries } from '../live/series';
import { DistrictGauges } from '../widgets/DistrictGauges';
import { Header } from '../widgets/Header';
import { HeadlineCounter } from '../widgets/HeadlineCounter';
import { createRankingRows, Ranking } from '../widgets/Ranking';
import { TargetNote } from '../widgets/TargetNote';
import { useViewNavigation } from './links';
import { wallCells } from './wallLayout';
import './overview.css';
import './overviewWall.css';
import { listedIndicator } from './indicatorParam';

/** The indicator the overview shows when the URL names none: the Government's headline Project 06 target. */

/** Sparklines cover the last 24 hours in quarter-hours (96 points at most). */
const SPARK_WINDOW_MS = 24 * 3_600_000;
const SPARK_STEP_MS = 15 * 60_000;
/** A sparkline shows a shape, not a figure (the figure is the counter above it): it takes new readings every 15 s. */
const SPARK_PUBLISH_MS = 15_000;
/** The charts' clock: a pixel of a day-wide chart is more than a minute. */
const CHART_CLOCK_STEP_MS = 60_000;

/**
 * The province at a glance: headline counters with their sparklines, the map, a gauge per district, the trend of
 * the indicator for the province and a unit, today's records per hour, and the ranking.
 */
export function Overview(props: { now: () => number }) {
  const wall = useWall();
  const canvas = useCanvas();
  const { t, fmt, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const { openDistrict, districtHref } = useViewNavigation();
  const indicator = (): IndicatorId => listedIndicator(params.indicator);
  const province = (id: IndicatorId) => wall.reading('province', id)?.value ?? null;
  const count = (v: number | null) => (v === null ? '–' : fmt().number(v));
  // The districts on the indicator, once for the gauges, the map and the ranking: a reading's value and band are
  // worked out once, not once per list.
  const districtRows = createRankingRows(wall, indicator);
  // Readings carry the server's time: trends run on it too, so the newest reading is never past the chart's end.
  const serverNow = () => props.now() + wall.clockOffset();
  const chartNow = createSteppedNow(serverNow, CHART_CLOCK_STEP_MS);
  const spark = (id: IndicatorId) =>
    createSeries(wall, {
      region: () => 'province',
      indicator: () => id,
      from: () => serverNow() - SPARK_WINDOW_MS,
      stepMs: SPARK_STEP_MS,
      publishMs: SPARK_PUBLISH_MS,
    });
  const sparks = {
    idCards: spark('id-cards-issued'),
    eidActivated: spark('eid-activated'),
    onlineRate: spark('online-record-rate'),
    online: spark('records-today-online'),
    offline: spark('records-today-offline'),
  };
  const recordsSpark = createMemo(() => sumSeries(sparks.online(), sparks.offline()));
  const sparkline = (points: () => SeriesPoint[], colour: string, name: string) => (
    <Sparkline points={points()} now={chartNow()} colour={colour} testId={`spark-${name}`} label={t('trend.spark')} />
  );
  // The unit on the trend: the URL's, else the one ranked last on the indicator when it was chosen (kept steady
  // while figures move, so the chart does not jump from unit to unit).
  const lagging = createMemo(() => {
    const id = indicator();
    wall.state.epoch; // re-chosen on a new connection, when the figures are first there
    const rows = untrack(() => byRank(unitRows(wall, regionSet.districts, id)).filter((r) => r.rank !== null));
    return rows.at(-1)?.unit.code ?? (regionSet.districts[0]?.code as string);
  });
  const district = () => {
    const code = params.district;
    return typeof code === 'string' && regionSet.districts.some((d) => d.code === code) ? code : lagging();
  };
  const recordsToday = () => {
    const online = province('records-today-online');
    const offline = province('records-today-offline');
    return online === null && offline === null ? null : (online ?? 0) + (offline ?? 0);
  };

  // Each widget once; the layout (one screen, or a wall's panels) places them.
  const counters = () => (
    <div class="counters">
      <HeadlineCounter
        testId="counter-id-cards"
        indicators={['id-cards-issued', 'id-card-coverage']}
        label={t('counter.idCards')}
        value={province('id-cards-issued')}
        format={count}
        whole
        accent="#56b4e9"
        trend={sparkline(sparks.idCards, '#56b4e9', 'id-cards')}
      >
        <span>
          {label(indicatorOf('id-card-coverage'))}{' '}
          <b>{fmt().value(indicatorOf('id-card-coverage'), province('id-card-coverage'))}</b>
        </span>
      </HeadlineCounter>
      <HeadlineCounter
        testId="counter-eid-activated"
        indicators={['eid-activated', 'eid-activation-rate']}
        label={t('counter.eidActivated')}
        value={province('eid-activated')}
        format={count}
        whole
        accent="#009e73"
        trend={sparkline(sparks.eidActivated, '#009e73', 'eid-activated')}
      >
        <span>
          {t('counter.eidActivatedOf', {
            rate: fmt().value(indicatorOf('eid-activation-rate'), province('eid-activation-rate')),
            collected: count(province('eid-collected')),
          })}
        </span>
      </HeadlineCounter>
      <HeadlineCounter
        testId="counter-online-rate"
        indicators={['online-record-rate']}
        label={t('counter.onlineRate')}
        value={province('online-record-rate')}
        format={(v) => fmt().value(indicatorOf('online-record-rate'), v)}
        accent="#e69f00"
        trend={sparkline(sparks.onlineRate, '#e69f00', 'online-rate')}
      >
        <TargetNote indicator="online-record-rate" value={province('online-record-rate')} />
      </HeadlineCounter>
      <HeadlineCounter
        testId="counter-records-today"
        indicators={['records-today-online', 'records-today-offline']}
        label={t('counter.recordsToday')}
        value={recordsToday()}
        format={count}
        whole
        accent="#cc79a7"
        trend={sparkline(recordsSpark, '#cc79a7', 'records-today')}
      >
        <span>
          {t('counter.online')} <b>{count(province('records-today-online'))}</b>
        </span>
        <span>
          {t('counter.offline')} <b>{count(province('records-today-offline'))}</b>
        </span>
      </HeadlineCounter>
    </div>
  );
  const map = () => (
    <>
      {deployment().drawing.kind === 'tiles' ? (
        <TileMap indicator={indicator()} onSelect={openDistrict} rows={districtRows} />
      ) : (
        <DistrictMap indicator={indicator()} onSelect={openDistrict} rows={districtRows} />
      )}
    </>
  );
  const indicatorBar = () => (
    <div class="indicator-bar">
      <label class="indicator-picker">
        <span class="muted">{t('panel.indicator')}</span>
        <select
          data-testid="indicator-picker"
          value={indicator()}
          onChange={(e) => setParams({ indicator: e.currentTarget.value })}
        >
          {indicators
            .filter((i) => i.listed)
            .map((i) => (
              <option value={i.id}>{label(i)}</option>
            ))}
        </select>
      </label>
    </div>
  );
  const gauges = () => (
    <DistrictGauges
      indicator={indicator()}
      href={districtHref}
      serverNow={serverNow}
      tools={indicatorBar()}
      rows={districtRows}
    />
  );
  const trend = () => (
    <TrendChart
      indicator={indicator()}
      district={district()}
      onDistrict={(code) => setParams({ district: code })}
      now={chartNow}
    />
  );
  const hourly = () => <HourlyRecordsChart now={chartNow} />;
  const ranking = () => <Ranking indicator={indicator()} href={districtHref} rows={districtRows} />;
  const cells = createMemo(() => wallCells(canvas.panels()));

  return (
    <Show
      when={cells()}
      fallback={
        <div class="overview compact-gauges" data-testid="view-overview" data-indicator={indicator()}>
          <Header now={props.now} />
          {counters()}
          <div class="overview-main">
            {map()}
            <div class="overview-centre">
              {gauges()}
              <div class="trends">
                {trend()}
                {hourly()}
              </div>
            </div>
            {ranking()}
          </div>
        </div>
      }
    >
      {(layout) => (
        <div
          class="overview overview-wall"
          classList={{ 'compact-gauges': canvas.panels().rows > 1 }}
          data-testid="view-overview"
          data-indicator={indicator()}
          data-layout={`${canvas.panels().cols}x${canvas.panels().rows}`}
        >
          <Header now={props.now} />
          <For each={layout()}>
            {(cell) => (
              <div
                class={`wall-cell wall-cell-${cell.kind}`}
                data-testid={`wall-cell-${cell.kind}`}
                style={{
                  left: `${cell.left}px`,
                  top: `${cell.top}px`,
                  width: `${cell.width}px`,
                  ...(cell.height === null ? { bottom: '12px' } : { height: `${cell.height}px` }),
                }}
              >
                <Switch>
                  <Match when={cell.kind === 'counters-map-ranking'}>
                    {counters()}
                    {map()}
                    {ranking()}
                  </Match>
                  <Match when={cell.kind === 'gauges-trends'}>
                    {gauges()}
                    <div class="trends">
                      {trend()}
                      {hourly()}
                    </div>
                  </Match>
                  <Match when={cell.kind === 'counters'}>{counters()}</Match>
                  <Match when={cell.kind === 'map'}>{map()}</Match>
                  <Match when={cell.kind === 'ranking'}>{ranking()}</Match>
                  <Match when={cell.kind === 'gauges'}>{gauges()}</Match>
                  <Match when={cell.kind === 'trends'}>
                    {trend()}
                    {hourly()}
                  </Match>
                  <Match when={cell.kind === 'trend'}>{trend()}</Match>
                  <Match when={cell.kind === 'hourly'}>{hourly()}</Match>
                </Switch>
              </div>
            )}
          </For>
        </div>
      )}
    </Show>
  );
}
