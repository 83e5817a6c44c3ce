import { createMemo, For, Show } from 'solid-js';
import { bandOf, indicatorOf } from '../../../shared/catalog';
import { serviceIndexPeriods } from '../../../shared/project06';
import { regionSet, type Unit } from '../../../shared/regions';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { topAndBottom } from '../../live/paging';
import { targetsOf } from '../../live/selectors';
import { BarCell } from '../../widgets/BarCell';
import { Change } from '../../widgets/Change';
import { Header } from '../../widgets/Header';
import { LevelSwitch, useUnitLevel } from '../../widgets/LevelSwitch';
import { RowLink } from '../../widgets/RowLink';
import { SampleBadge, ViewTitle } from '../../widgets/ViewTitle';
import { useViewNavigation } from '../links';
import { groupServiceIndexRows } from './groupServiceIndex';
import { type ServiceIndexRow, serviceIndexRows } from './serviceIndexRows';
import './ranking.css';
import './rankingWall.css';

const INDEX = indicatorOf('service-index');
/** How many of the largest rises and falls the changes panel lists. */
const MOVERS = 3;
/** The rows the localities' panel holds (Nghe An's 21 districts), and how many of the best and worst beyond that. */
const RANKING_ROWS = 22;
const RANKING_KEEP = 10;

/** The rank's move since the previous period: up is better (a smaller rank number). */
function RankMove(props: { row: ServiceIndexRow }) {
  const move = () =>
    props.row.rank !== null && props.row.previousRank !== null ? props.row.previousRank - props.row.rank : null;
  return (
    <span class="rank-move">
      <Show when={move() !== null}>
        <Change value={move()} decimals={0} />
      </Show>
    </span>
  );
}

/**
 * The service index for citizens and businesses, published per period by the People's Committee Office: localities
 * and departments ranked, each with its change in score and rank since the previous period, and the largest moves.
 */
export default function RankingView(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt, lang, unitName } = useI18n();
  const { districtHref } = useViewNavigation();
  const periods = serviceIndexPeriods;
  const score = (code: string) => wall.reading(code, 'service-index')?.value ?? null;
  const rowsOf = (units: readonly Unit[]) => serviceIndexRows(units, score, periods.previous.scores);
  // The units, or where the region set has groups and `?level=groups` asks, the groups rolled up from them.
  const level = useUnitLevel();
  const localities = createMemo(() =>
    level() === 'groups'
      ? groupServiceIndexRows(regionSet, wall.reading, periods.previous.scores)
      : rowsOf(regionSet.districts),
  );
  const departments = createMemo(() => rowsOf(regionSet.departments));
  const movers = createMemo(() => {
    const moved = [...localities(), ...departments()].filter((r) => r.change !== null);
    const byChange = moved.sort((a, b) => (b.change ?? 0) - (a.change ?? 0));
    return { up: byChange.slice(0, MOVERS), down: byChange.slice(-MOVERS).reverse() };
  });
  const targets = () => targetsOf(wall, 'service-index');

  const Row = (p: { row: ServiceIndexRow; links?: boolean }) => {
    const row = p.row;
    return (
      <li class="index-row" data-code={row.unit.code} data-rank={row.rank ?? ''}>
        <Show when={p.links}>
          <RowLink href={districtHref(row.unit.code)} label={row.unit.name} />
        </Show>
        <span class="index-rank">{row.rank ?? '–'}</span>
        <RankMove row={row} />
        <span class="index-name">{unitName(row.unit)}</span>
        <BarCell indicator="service-index" value={row.score} band={bandOf(INDEX, targets(), row.score)} />
        <Change value={row.change} decimals={1} />
      </li>
    );
  };
  // More units than rows: the best and the worst, and how many lie between.
  const Rows = (p: { rows: ServiceIndexRow[]; testId: string; links?: boolean }) => {
    const shown = createMemo(() => topAndBottom(p.rows, RANKING_ROWS, RANKING_KEEP));
    return (
      <ol class="index-rows" data-testid={p.testId}>
        <For each={shown().top}>{(row) => <Row row={row} links={p.links} />}</For>
        <Show when={shown().hidden > 0}>
          <li class="ranking-more" data-testid="index-more">
            {t('panel.more', { n: shown().hidden })}
          </li>
        </Show>
        <For each={shown().bottom}>{(row) => <Row row={row} links={p.links} />}</For>
      </ol>
    );
  };

  const Mover = (p: { row: ServiceIndexRow }) => (
    <li>
      <span class="index-name">{unitName(p.row.unit)}</span>
      <span class="muted">
        {fmt().value(INDEX, p.row.previous)} → <b>{fmt().value(INDEX, p.row.score)}</b>
      </span>
      <Change value={p.row.change} decimals={1} suffix={t('view.points')} />
    </li>
  );

  return (
    <div class="view ranking-view" data-testid="view-ranking" data-level={level()}>
      <Header now={props.now} />
      <ViewTitle
        title={t('serviceIndex.title')}
        subtitle={t('serviceIndex.periods', {
          current: periods.current.label[lang()],
          previous: periods.previous.label[lang()],
        })}
      >
        <span class="index-province" data-testid="index-province">
          {t('region.province')} <b>{fmt().value(INDEX, wall.reading('province', 'service-index')?.value)}</b>
        </span>
        <LevelSwitch level={level()} />
        <Show when={periods.sample}>
          <SampleBadge />
        </Show>
      </ViewTitle>
      <div class="ranking-main">
        <section class="panel">
          <h2 class="panel-title">
            {level() === 'groups'
              ? t('grid.groups', { count: localities().length })
              : t('panel.gauges', { count: regionSet.districts.length })}
            <small>{t('serviceIndex.columns')}</small>
          </h2>
          <Rows rows={localities()} testId="index-localities" links={level() === 'units'} />
        </section>
        <div class="ranking-side">
          <section class="panel">
            <h2 class="panel-title">{t('region.departments')}</h2>
            <Rows rows={departments()} testId="index-departments" />
          </section>
          <section class="panel index-movers" data-testid="index-movers">
            <h2 class="panel-title">
              {t('serviceIndex.movers')}
              <small>{t('serviceIndex.since', { previous: periods.previous.label[lang()] })}</small>
            </h2>
            <div class="movers">
              <ul>
                <For each={movers().up}>{(row) => <Mover row={row} />}</For>
              </ul>
              <ul>
                <For each={movers().down}>{(row) => <Mover row={row} />}</For>
              </ul>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
