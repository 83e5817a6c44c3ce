import {
  createMemo,
  createResource,
  createSelector,
  createSignal,
  createUniqueId,
  For,
  onCleanup,
  onMount,
  Show,
} from 'solid-js';
import { type IndicatorId, indicatorOf } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { useI18n } from '../i18n';
import { activeAlerts, pressingRegions } from '../live/alerts';
import { useWall } from '../live/context';
import { createUnitRows } from '../live/createUnitRows';
import { targetsOf } from '../live/selectors';
import { BAND_COLOURS, BandIcon, sequentialColour } from '../widgets/bands';
import { boundaries } from './drawing';
import { MapLayer, type RegionLook } from './MapLayer';
import { loadFeatures, project } from './projection';
import './districtMap.css';

/** The inset's box, in the empty north-east corner of the province's bounding box. */
const INSET_SIZE = 290;
/** Room around the main map: the title row above, the inset's corner to the right. */
const MAIN_BOX = { left: 8, right: 40, top: 70, bottom: 8 };
/** The inset's map inside its card: below the card's title. */
const INSET_BOX = { right: 12, top: 36, width: INSET_SIZE - 24, height: INSET_SIZE - 48 };

/**
 * The province map coloured by the selected indicator's bands, with an inset for the Vinh area. Drawn as plain SVG,
 * projected once per size: a district changing band sets its own path's fill, and nothing else on the map is
 * redrawn.
 */
export function DistrictMap(props: { indicator: IndicatorId; onSelect?: (code: string) => void }) {
  const wall = useWall();
  const { t, fmt, label, lang } = useI18n();
  // Loaded once the screen has its first figures, like every chart: loading and drawing first would hold those back.
  const [features] = createResource(() => wall.state.epoch, loadFeatures);
  const [size, setSize] = createSignal({ width: 0, height: 0 });
  let area: HTMLDivElement | undefined;
  onMount(() => {
    if (!area) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(area);
    onCleanup(() => observer.disconnect());
  });

  const { rows, max } = createUnitRows(wall, regionSet.districts, () => props.indicator);
  const hasBands = () => targetsOf(wall, props.indicator).bands !== null;
  const alerted = createMemo(() => pressingRegions(activeAlerts(wall)));
  const looks = new Map<string, RegionLook>(
    rows.map((r) => [
      r.unit.code,
      {
        colour: createMemo(() =>
          hasBands() ? BAND_COLOURS[r.band() ?? 'none'] : sequentialColour((r.value() ?? 0) / Math.max(1, max())),
        ),
        critical: createMemo(() => r.band() === 'critical'),
        alert: createMemo(() => alerted().has(r.unit.code)),
      },
    ]),
  );
  const lookOf = (code: string) => looks.get(code);

  const insetCodes = new Set(boundaries()?.inset);
  const nameOf = (code: string) => regionSet.unit(code)?.name ?? code;
  const drawing = createMemo(() => {
    const all = features();
    const { width, height } = size();
    if (!all || width <= 0 || height <= 0) return null;
    const main = project(all, {
      x: MAIN_BOX.left,
      y: MAIN_BOX.top,
      width: Math.max(1, width - MAIN_BOX.left - MAIN_BOX.right),
      height: Math.max(1, height - MAIN_BOX.top - MAIN_BOX.bottom),
    });
    const insetFeatures = all.filter((f) => insetCodes.has(f.properties.code));
    const inset = insetFeatures.length
      ? project(insetFeatures, { x: width - INSET_BOX.right - INSET_BOX.width, y: INSET_BOX.top, ...INSET_BOX })
      : [];
    return { width, height, main, inset };
  });

  // The pointed district: lit, and its name and figure in a tooltip (on a click too, for touch screens).
  const [pointed, setPointed] = createSignal<{ code: string; x: number; y: number } | null>(null);
  const isHovered = createSelector(() => pointed()?.code);
  const onPoint = (code: string, e: MouseEvent) => {
    if (!area) return;
    const box = area.getBoundingClientRect();
    // The canvas may be scaled to the screen (layout/Canvas): the tooltip is placed in the map's own pixels.
    const scale = area.offsetWidth > 0 ? box.width / area.offsetWidth : 1;
    setPointed({ code, x: (e.clientX - box.left) / scale, y: (e.clientY - box.top) / scale });
  };
  const onSelect = (code: string) => props.onSelect?.(code);
  const hatch = `map-hatch-${createUniqueId()}`;
  /** What the main map and the inset share: how a district looks, and what pointing at it does. */
  const layer = { lookOf, hatch, isHovered, onPoint, onLeave: () => setPointed(null), onSelect };

  return (
    <section
      class="panel district-map"
      data-testid="map"
      data-indicator={props.indicator}
      data-indicators={props.indicator}
      data-lang={lang()}
    >
      <h2 class="panel-title">
        {label(indicatorOf(props.indicator))}
        <small>{t('panel.map', { count: regionSet.districts.length })}</small>
      </h2>
      <div class="map-area" ref={area}>
        <Show when={drawing()}>
          {(d) => (
            <svg
              class="map-chart"
              width={d().width}
              height={d().height}
              role="img"
              aria-label={t('panel.map', { count: regionSet.districts.length })}
            >
              <defs>
                <pattern id={hatch} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
                  <rect width="3" height="8" fill="rgba(10, 16, 32, 0.6)" />
                </pattern>
              </defs>
              {/* The inset's card, under both maps as the wall has always drawn it: the main map's tip that reaches
                  into the corner shows through, and the inset's larger districts are drawn over it. */}
              <Show when={d().inset.length > 0}>
                <rect
                  class="map-inset-card"
                  x={d().width - INSET_SIZE + 0.5}
                  y={0.5}
                  width={INSET_SIZE - 1}
                  height={INSET_SIZE - 1}
                  rx={8}
                />
                <text class="map-inset-title" x={d().width - INSET_SIZE + 12} y={8}>
                  {t('panel.inset')}
                </text>
              </Show>
              <MapLayer {...layer} shapes={d().main} nameOf={(code) => (insetCodes.has(code) ? '' : nameOf(code))} />
              <MapLayer {...layer} shapes={d().inset} nameOf={nameOf} />
            </svg>
          )}
        </Show>
        <Show when={pointed()}>
          {(p) => (
            <div class="map-tooltip" style={{ left: `${p().x + 16}px`, top: `${p().y + 16}px` }}>
              {nameOf(p().code)}
              <br />
              <b>{fmt().value(indicatorOf(props.indicator), wall.reading(p().code, props.indicator)?.value ?? null)}</b>
            </div>
          )}
        </Show>
      </div>
      <MapLegend indicator={props.indicator} alerted={alerted().size > 0} />
      {/* The same figures as text, for screen readers, tests and outside monitors. */}
      <ul class="visually-hidden" data-testid="map-regions">
        <For each={rows}>
          {(r) => (
            <li
              data-code={r.unit.code}
              data-band={r.band() ?? 'none'}
              data-value={r.value() ?? ''}
              data-alert={alerted().has(r.unit.code) ? 'pressing' : undefined}
            >
              {r.unit.name}: {fmt().value(indicatorOf(props.indicator), r.value())}
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

export function MapLegend(props: { indicator: IndicatorId; alerted: boolean }) {
  const wall = useWall();
  const { t, fmt, lang } = useI18n();
  const targets = () => targetsOf(wall, props.indicator);
  const indicator = () => indicatorOf(props.indicator);
  return (
    <div class="map-legend">
      <Show
        when={targets().bands}
        fallback={
          <span class="legend-scale">
            {t('scale.low')} <i class="scale-bar" /> {t('scale.high')}
          </span>
        }
      >
        {(bands) => (
          <>
            <span class="legend-item band-ok">
              <BandIcon band="ok" /> {t('band.ok')} ≥ {fmt().value(indicator(), bands().warning, true)}
            </span>
            <span class="legend-item band-warning">
              <BandIcon band="warning" /> {t('band.warning')}
            </span>
            <span class="legend-item band-critical">
              <BandIcon band="critical" /> {t('band.critical')} &lt; {fmt().value(indicator(), bands().critical, true)}
            </span>
          </>
        )}
      </Show>
      <Show when={props.alerted}>
        <span class="legend-item legend-alert" data-testid="map-alert-legend">
          <i aria-hidden="true" /> {t('alert.mapLegend')}
        </span>
      </Show>
      <span class="legend-credit muted">{boundaries()?.attribution[lang()]}</span>
    </div>
  );
}
