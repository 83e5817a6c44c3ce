import { useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { type IndicatorId, indicatorOf } from '../../../shared/catalog';
import { regionSet } from '../../../shared/regions';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { groupRows } from '../../live/groupRows';
import { createPaging } from '../../live/paging';
import { byRank, targetsOf, unitRows } from '../../live/selectors';
import { ArcGauge } from '../../widgets/ArcGauge';
import { BandIcon, sequentialColour } from '../../widgets/bands';
import { Header } from '../../widgets/Header';
import { IndicatorPicker } from '../../widgets/IndicatorPicker';
import { LevelSwitch, useHrefWith, useUnitLevel } from '../../widgets/LevelSwitch';
import { RowLink } from '../../widgets/RowLink';
import { TargetNote } from '../../widgets/TargetNote';
import { ViewTitle } from '../../widgets/ViewTitle';
import { useViewNavigation } from '../links';
import { gridShape } from './gridShape';
import './grid.css';
import './gridWall.css';
import { listedIndicator } from '../indicatorParam';

export type GridOrder = 'region' | 'rank';

/** Seven by three cards: Nghe An's 21 districts on one page. */
const CARDS_PER_PAGE = 21;

/**
 * The units as large gauges, 21 to a page, on one indicator (`?indicator=`), in the region set's order or by rank
 * (`?order=rank`); where the region set has groups, the groups instead (`?level=groups`), each rolled up from its
 * units. A district below target is outlined, hatched when critical, and says so in words.
 */
export default function GridView(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const { districtHref } = useViewNavigation();
  const indicator = (): IndicatorId => listedIndicator(params.indicator);
  const order = (): GridOrder => (params.order === 'rank' ? 'rank' : 'region');
  const level = useUnitLevel();
  const hrefWith = useHrefWith();
  const rows = createMemo(() => {
    const all =
      level() === 'groups'
        ? groupRows(regionSet, indicator(), wall.reading, targetsOf(wall, indicator()))
        : unitRows(wall, regionSet.districts, indicator());
    return order() === 'rank' ? byRank(all) : all;
  });
  const max = createMemo(() =>
    indicatorOf(indicator()).unit === 'count' ? Math.max(1, ...rows().map((r) => r.value ?? 0)) : 100,
  );
  const targets = () => targetsOf(wall, indicator());
  const meeting = () => rows().filter((r) => r.band === 'ok').length;
  // More units than cards: the grid pages through them on the server's clock (every screen on the same page), or
  // holds the page `?page=` names.
  const paging = createPaging({
    all: rows,
    perPage: CARDS_PER_PAGE,
    serverNow: () => props.now() + wall.clockOffset(),
    pinned: () => (typeof params.page === 'string' ? Number(params.page) : undefined),
  });
  const subtitle = () => {
    const units =
      level() === 'groups'
        ? t('grid.groups', { count: rows().length })
        : t('panel.gauges', { count: regionSet.districts.length });
    return paging.pages() > 1
      ? `${units} · ${t('panel.page', { page: paging.page() + 1, pages: paging.pages() })}`
      : units;
  };
  const province = () => wall.reading('province', indicator())?.value ?? null;

  return (
    <div
      class="view grid-view"
      data-testid="view-grid"
      data-indicator={indicator()}
      data-order={order()}
      data-level={level()}
    >
      <Header now={props.now} />
      <ViewTitle title={label(indicatorOf(indicator()))} subtitle={subtitle()}>
        <nav class="order-switch" aria-label={t('grid.order')} data-chrome>
          <For each={['region', 'rank'] as const}>
            {(o) => (
              <a
                href={hrefWith('order', o)}
                aria-current={order() === o ? 'true' : undefined}
                data-testid={`order-${o}`}
              >
                {t(o === 'rank' ? 'grid.byRank' : 'grid.byRegion')}
              </a>
            )}
          </For>
        </nav>
        <LevelSwitch level={level()} />
        <IndicatorPicker value={indicator()} onChange={(id) => setParams({ indicator: id })} testId="grid-picker" />
      </ViewTitle>
      <ol
        class="grid-cards"
        data-testid="grid-cards"
        data-page={paging.page() + 1}
        data-pages={paging.pages()}
        data-roomy={gridShape(rows().length).rows < 3 ? '' : undefined}
        style={{
          '--grid-columns': String(gridShape(rows().length).columns),
          '--grid-rows': String(gridShape(rows().length).rows),
        }}
      >
        <For each={paging.items()}>
          {(row) => (
            <li
              class="grid-card flag-band"
              data-testid={`grid-card-${row.unit.code}`}
              data-tile
              data-region={row.unit.code}
              data-indicators={indicator()}
              data-band={row.band ?? 'none'}
              data-rank={row.rank ?? ''}
            >
              <Show when={level() === 'units'}>
                <RowLink href={districtHref(row.unit.code)} label={row.unit.name} />
              </Show>
              <div class="grid-card-head">
                <span class="grid-name">{row.unit.name}</span>
                <span class="grid-rank">{row.rank ? `#${row.rank}` : '–'}</span>
              </div>
              <div class="grid-dial">
                <ArcGauge
                  value={row.value}
                  max={max()}
                  target={targets().target}
                  band={row.band}
                  colour={sequentialColour(0.75)}
                />
                <span class="grid-value" data-testid="grid-value">
                  {fmt().value(indicatorOf(indicator()), row.value)}
                </span>
              </div>
              <Show when={targets().bands}>
                <span class={`grid-band band-${row.band ?? 'none'}`}>
                  <BandIcon band={row.band} size={20} />
                  {t(`band.${row.band ?? 'none'}`)}
                </span>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <div class="grid-foot">
        <span class="grid-province">
          {t('region.province')} <b>{fmt().value(indicatorOf(indicator()), province())}</b>
        </span>
        <TargetNote indicator={indicator()} value={province()} />
        <Show when={targets().target !== null}>
          <b class="grid-meeting" data-testid="grid-meeting">
            {t('view.unitsMeeting', { n: meeting(), total: rows().length })}
          </b>
          <span class="muted">{t(`grid.source.${indicatorOf(indicator()).targetSource ?? 'default'}`)}</span>
        </Show>
      </div>
    </div>
  );
}
