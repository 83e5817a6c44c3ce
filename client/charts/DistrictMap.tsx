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
import { MIN_FONT_PX } from '../layout/fit';
import { activeAlerts, pressingRegions } from '../live/alerts';
import { useWall } from '../live/context';
import { createUnitRows, type SharedRowsProps } from '../live/createUnitRows';
import { targetsOf } from '../live/selectors';
import { BAND_COLOURS, BandIcon, sequentialColour } from '../widgets/bands';
import { boundaries } from './drawing';
import { MapLayer, type RegionLook } from './MapLayer';
import { chooseNames } from './mapNames';
import { type Box, extentOf, loadFeatures, project, projectedAspect } from './projection';
import './districtMap.css';

/**
 * The inset's box, in the empty corner of the province's bounding box north of the coast (above Nghĩa Đàn and east
 * of Quế Phong), small enough to stay clear of every district of the main map, so it never reads as their neighbour.
 */
const INSET_SIZE = 196;
/** The inset's map inside its frame: below its title, with room on the right for the coast's names (Cửa Lò). */
const INSET_BOX = { right: 50, top: 38, width: INSET_SIZE - 64, height: INSET_SIZE - 48 };
/** The inset card's title above its districts: the inset's names stay below it. */
const INSET_TITLE_PX = 36;
/** The names' type (districtMap.css), to measure them before they are drawn. */
const LABEL_FONT = `600 ${MIN_FONT_PX}px "Be Vietnam Pro", sans-serif`;
/**
 * The main map's margins, with the inset in the top-right corner: above the map (room on top, and on the right for
 * coastal names), or beside it, which suits a wide box (a wall's cell) better. The one that draws the map larger
 * at the province's own proportions is used.
 */
const MARGINS = [
  { left: 8, right: 40, top: 70, bottom: 8 },
  { left: 8, right: INSET_SIZE + 16, top: 8, bottom: 8 },
];

function mainBox(width: number, height: number, aspect: number): Box {
  const fits = MARGINS.map((m) => {
    const room = { width: Math.max(1, width - m.left - m.right), height: Math.max(1, height - m.top - m.bottom) };
    return { m, room, drawn: Math.min(room.width, room.height * aspect) };
  });
  const best = fits.reduce((a, b) => (b.drawn > a.drawn ? b : a));
  return { x: best.m.left, y: best.m.top, ...best.room };
}

/**
 * The province map coloured by the selected indicator's bands, with an inset for the Vinh area. Drawn as plain SVG,
 * projected once per size: a district changing band sets its own path's fill, and nothing else on the map is
 * redrawn.
 */
export function DistrictMap(
  props: {
    indicator: IndicatorId;
    onSelect?: (code: string) => void;
  } & SharedRowsProps,
) {
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

  const { rows, max } = props.rows ?? createUnitRows(wall, regionSet.districts, () => props.indicator);
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
    const main = project(all, mainBox(width, height, projectedAspect(all)));
    const insetFeatures = all.filter((f) => insetCodes.has(f.properties.code));
    const inset = insetFeatures.length
      ? project(insetFeatures, { x: width - INSET_BOX.right - INSET_BOX.width, y: INSET_BOX.top, ...INSET_BOX })
      : [];
    // The inset names the districts too small for their names on the main map: those under half the extent of its
    // largest. The larger ones (Nghi Lộc, Nam Đàn) name themselves on the main map, where their names fit.
    const largest = Math.max(0, ...insetFeatures.map(extentOf));
    const insetNamed = new Set(insetFeatures.filter((f) => extentOf(f) < largest / 2).map((f) => f.properties.code));
    return { width, height, main, inset, insetNamed };
  });

  // Names are measured in the wall's type, so they are chosen once it has loaded (other fonts have other widths).
  const [fontsLoaded, setFontsLoaded] = createSignal(false);
  void document.fonts.ready.then(() => setFontsLoaded(true));
  const measure = document.createElement('canvas').getContext('2d');
  // The names each map draws, chosen once per size and per change of alerts, never per figure: none is drawn over
  // another name or the inset's card, and any left out is named by its gauge and ranking row.
  const names = createMemo(() => {
    const d = drawing();
    if (!d || !fontsLoaded() || !measure) return null;
    measure.font = LABEL_FONT;
    const card = { x: d.width - INSET_SIZE, y: 0, width: INSET_SIZE, height: INSET_SIZE };
    const hasInset = d.inset.length > 0;
    return chooseNames({
      main: d.main,
      inset: d.inset,
      insetNamed: d.insetNamed,
      alerted: alerted(),
      nameOf,
      widthOf: (name) => measure.measureText(name).width,
      fontPx: MIN_FONT_PX,
      areas: {
        main: { x: 0, y: 0, width: d.width, height: d.height },
        inset: hasInset ? { ...card, y: INSET_TITLE_PX, height: INSET_SIZE - INSET_TITLE_PX } : null,
      },
      covering: hasInset ? [card] : [],
    });
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
      data-labels={names() ? 'placed' : 'pending'}
      data-indicator={props.indicator}
      data-indicators={props.indicator}
      data-lang={lang()}
    >
      <h2 class="panel-title">
        {label(indicatorOf(props.indicator))}
        <small>{t('panel.map', { count: regionSet.districts.length })}</small>
      </h2>
      <div class="map-area" ref={area}>
        <div class="map-chart">
          <Show when={drawing()}>
            {(d) => (
              <svg
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
                {/* Every district names itself where its name fits clear of the others; the inset names the smallest. */}
                <MapLayer {...layer} shapes={d().main} names={names()?.main ?? []} nameOf={nameOf} />
                {/* The inset's frame: a solid card around the enlarged Vinh area, and its name. */}
                <Show when={d().inset.length > 0}>
                  <rect
                    class="map-inset-card"
                    x={d().width - INSET_SIZE + 1}
                    y={1}
                    width={INSET_SIZE - 2}
                    height={INSET_SIZE - 2}
                    rx={8}
                  />
                  <text class="map-inset-title" x={d().width - INSET_SIZE + 12} y={8}>
                    {t('panel.inset')}
                  </text>
                </Show>
                <MapLayer {...layer} shapes={d().inset} names={names()?.inset ?? []} nameOf={nameOf} />
              </svg>
            )}
          </Show>
        </div>
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
