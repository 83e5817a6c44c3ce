import { createMemo, For, Show } from 'solid-js';
import { type IndicatorId, indicatorOf } from '../../shared/catalog';
import { deployment } from '../../shared/deployment';
import { regionSet } from '../../shared/regions';
import { useI18n } from '../i18n';
import { activeAlerts, pressingRegions } from '../live/alerts';
import { useWall } from '../live/context';
import { createUnitRows, type SharedRowsProps } from '../live/createUnitRows';
import { targetsOf } from '../live/selectors';
import { BAND_COLOURS, sequentialColour } from '../widgets/bands';
import { MapLegend } from './DistrictMap';
import { tileLayout } from './tileLayout';
import './tileMap.css';

/**
 * The units as equal tiles where no open boundaries exist (the communes since July 2025): grouped in blocks placed
 * roughly where the groups lie, each block named. A tile names its unit only when the name fits at the screen's
 * minimum text size; every tile is a link to the unit, and its figure is in its tooltip and in the list below.
 */
export function TileMap(
  props: {
    indicator: IndicatorId;
    onSelect?: (code: string) => void;
  } & SharedRowsProps,
) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  const drawing = deployment().drawing;
  const layout = drawing.kind === 'tiles' ? tileLayout(drawing, regionSet.districts) : null;
  const { rows, max } = props.rows ?? createUnitRows(wall, regionSet.districts, () => props.indicator);
  const byCode = new Map(rows.map((r) => [r.unit.code, r]));
  const hasBands = () => targetsOf(wall, props.indicator).bands !== null;
  const alerted = createMemo(() => pressingRegions(activeAlerts(wall)));
  const colourOf = (code: string) => {
    const row = byCode.get(code);
    if (!row) return BAND_COLOURS.none;
    return hasBands() ? BAND_COLOURS[row.band() ?? 'none'] : sequentialColour((row.value() ?? 0) / Math.max(1, max()));
  };
  return (
    <section class="panel district-map tile-map" data-testid="map" data-indicator={props.indicator}>
      <h2 class="panel-title">
        {label(indicatorOf(props.indicator))}
        <small>{t('panel.map', { count: regionSet.districts.length })}</small>
      </h2>
      <Show when={layout}>
        {(l) => (
          <div
            class="map-area tile-grid"
            style={{
              'grid-template-columns': `repeat(${l().cols}, minmax(0, 1fr))`,
              'grid-template-rows': `repeat(${l().rows}, minmax(0, 1fr))`,
            }}
          >
            <For each={l().groups}>
              {(g) => (
                <span
                  class="tile-group"
                  data-testid="tile-group"
                  style={{ 'grid-column': `${g.col} / span ${g.cols}`, 'grid-row': `${g.row}` }}
                >
                  {regionSet.groups.get(g.group) ?? g.group}
                </span>
              )}
            </For>
            <For each={l().tiles}>
              {(tile) => {
                const row = byCode.get(tile.code);
                const name = row?.unit.name ?? tile.code;
                return (
                  <button
                    type="button"
                    class="tile"
                    data-testid={`tile-${tile.code}`}
                    data-band={row?.band() ?? 'none'}
                    data-alert={alerted().has(tile.code) ? 'pressing' : undefined}
                    title={`${name}: ${fmt().value(indicatorOf(props.indicator), row?.value() ?? null)}`}
                    style={{ 'grid-column': `${tile.col}`, 'grid-row': `${tile.row}`, background: colourOf(tile.code) }}
                    onClick={() => props.onSelect?.(tile.code)}
                  >
                    <span class="tile-name">{name}</span>
                  </button>
                );
              }}
            </For>
          </div>
        )}
      </Show>
      <MapLegend indicator={props.indicator} alerted={alerted().size > 0} />
      <ul class="visually-hidden" data-testid="map-regions">
        <For each={rows}>
          {(r) => (
            <li data-code={r.unit.code} data-band={r.band() ?? 'none'} data-value={r.value() ?? ''}>
              {r.unit.name}: {fmt().value(indicatorOf(props.indicator), r.value())}
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
