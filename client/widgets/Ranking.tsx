import { createMemo, For, Show } from 'solid-js';
import { type IndicatorId, indicatorOf } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { createUnitRows, type LiveUnitRow, type SharedRowsProps } from '../live/createUnitRows';
import type { Wall } from '../live/createWall';
import { topAndBottom } from '../live/paging';
import { targetsOf } from '../live/selectors';
import { BAND_COLOURS, BandIcon } from './bands';
import { FixedFigure } from './FixedFigure';
import { RowLink } from './RowLink';
import './ranking.css';

/**
 * The order holds at least this long, so that the ranking can be read while figures move (and rows are not moved
 * on every delta).
 */
const RANK_HOLD_MS = 5_000;
/** The rows the panel holds (Nghe An's 21 districts), and how many of the best and worst it shows beyond that. */
const RANKING_ROWS = 21;
const RANKING_KEEP = 10;

/**
 * The districts on an indicator as the ranking reads them: their order holds for `RANK_HOLD_MS`. A view that shares
 * rows between the ranking and its other lists makes them with this (the others do not read the order).
 */
export function createRankingRows(wall: Wall, indicator: () => IndicatorId) {
  return createUnitRows(wall, regionSet.districts, indicator, { holdOrderMs: RANK_HOLD_MS });
}

/**
 * The districts ranked on the selected indicator, best first, with the target drawn across the bars. Rows keep
 * their elements: a new figure changes a bar at once, a change of rank moves a row (at most every five seconds).
 * Rows shared with the view's other lists (`rows`) are made by `createRankingRows`.
 */
export function Ranking(
  props: {
    indicator: IndicatorId;
    href?: (code: string) => string;
  } & SharedRowsProps,
) {
  const wall = useWall();
  const { t, fmt } = useI18n();
  const indicator = () => indicatorOf(props.indicator);
  const { ranked, max: largest } = props.rows ?? createRankingRows(wall, () => props.indicator);
  const max = () => (indicator().unit === 'count' ? Math.max(1, largest()) : 100);
  const target = () => targetsOf(wall, props.indicator).target;
  const hasBands = () => targetsOf(wall, props.indicator).bands !== null;
  // More units than rows: the best and the worst, and how many lie between.
  const shown = createMemo(() => topAndBottom(ranked(), RANKING_ROWS, RANKING_KEEP));
  // The figures' column is as wide as the largest value's figure is drawn (figures grow in width with their
  // size): it changes width only when that does, so that a new figure lays out its own box and not the list.
  const widest = createMemo(() => fmt().value(indicator(), largest()));
  const Row = (row: LiveUnitRow) => (
    <li class="ranking-row" data-code={row.unit.code} data-rank={row.rank() ?? ''}>
      <RowLink href={props.href?.(row.unit.code)} label={row.unit.name} />
      <span class="rank">{row.rank() ?? '–'}</span>
      <span class="rank-band">
        <Show when={hasBands()}>
          <BandIcon band={row.band()} size={16} title={t(`band.${row.band() ?? 'none'}`)} />
        </Show>
      </span>
      <span class="rank-name">{row.unit.name}</span>
      <span class="rank-value">
        <FixedFigure sizedFor={widest()}>{fmt().value(indicator(), row.value())}</FixedFigure>
      </span>
      <span
        class="rank-bar"
        aria-hidden="true"
        style={{
          // One box whose background draws the track, the value and the target (ranking.css): a new figure repaints
          // it, and adds no layer, transform or box to the page's paint.
          '--fill': Math.max(0, Math.min(1, (row.value() ?? 0) / max())).toFixed(3),
          '--bar': BAND_COLOURS[row.band() ?? 'ok'],
        }}
      />
    </li>
  );
  return (
    <section class="panel ranking" data-testid="ranking" data-indicators={props.indicator}>
      <h2 class="panel-title">{t('panel.ranking')}</h2>
      {/*
        The list lays out on its own (ranking.css): a reorder moves rows inside it, not the page. The target's place
        is the same on every row's bar: set once, for the list.
      */}
      <div class="ranking-frame">
        <ol
          class="ranking-list"
          style={{
            '--target-at': target() === null ? '-10px' : `${Math.min(100, ((target() ?? 0) / max()) * 100)}%`,
          }}
        >
          <For each={shown().top}>{Row}</For>
          <Show when={shown().hidden > 0}>
            <li class="ranking-more" data-testid="ranking-more">
              {t('panel.more', { n: shown().hidden })}
            </li>
          </Show>
          <For each={shown().bottom}>{Row}</For>
        </ol>
      </div>
    </section>
  );
}
