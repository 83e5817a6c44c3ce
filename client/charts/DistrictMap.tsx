import { createMemo, createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { type IndicatorId, indicatorOf } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { useI18n } from '../i18n';
import { MIN_FONT_PX } from '../layout/fit';
import { activeAlerts, pressingRegions } from '../live/alerts';
import { useWall } from '../live/context';
import { createUnitRows } from '../live/createUnitRows';
import { targetsOf } from '../live/selectors';
import { BAND_COLOURS, BandIcon, sequentialColour } from '../widgets/bands';
import { HATCH } from './chartTheme';
import { createChart } from './createChart';
import { aspectAt, BOUNDARIES_URL, boundaries } from './drawing';
import type { Chart } from './echarts';
import { loadECharts } from './loadECharts';
import { type LabelCandidate, type Placement, placeLabels } from './mapLabels';
import './districtMap.css';

const MAIN = 'deployment';
/**
 * The inset's box, in the empty corner of the province's bounding box north of the coast (above Nghĩa Đàn and east
 * of Quế Phong), small enough to stay clear of every district of the main map, so it never reads as their neighbour.
 */
const INSET_SIZE = 196;
const INSET = 'deployment-inset';

interface Feature {
  properties: { code: string };
  geometry: { coordinates: unknown };
}

interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** A feature's bounding box in degrees of longitude and latitude. */
function bounds(feature: Feature): { west: number; east: number; south: number; north: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  const walk = (c: unknown) => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      xs.push(c[0]);
      ys.push(c[1]);
    } else for (const inner of c) walk(inner);
  };
  walk(feature.geometry.coordinates);
  return { west: Math.min(...xs), east: Math.max(...xs), south: Math.min(...ys), north: Math.max(...ys) };
}

/** A feature's extent in square degrees (its bounding box): enough to tell a town from a rural district. */
function extent(feature: Feature): number {
  const b = bounds(feature);
  return Number.isFinite(b.west) ? (b.east - b.west) * (b.north - b.south) : 0;
}

/** The province's width over its height as drawn (east-west degrees shortened at its latitude). */
let provinceAspect = 1;

/**
 * The inset's districts it names itself: those under half the extent of its largest. The larger ones (Nghi Lộc,
 * Nam Đàn) are named on the main map, where their names fit; the inset names the towns too small for theirs.
 */
let insetNamed = new Set<string>();
/** Every district's extent, and the inset's districts: the larger districts' names come first on the main map. */
let extents = new Map<string, number>();
let insetDistricts: string[] = [];

/** ECharts with the province's maps registered. */
async function loadMaps() {
  const [geo, { echarts }] = await Promise.all([
    fetch(BOUNDARIES_URL).then((res) => res.json() as Promise<FeatureCollection>),
    loadECharts(),
  ]);
  // biome-ignore lint/suspicious/noExplicitAny: ECharts types GeoJSON loosely; the file is validated by its source
  echarts.registerMap(MAIN, geo as any);
  // Units that crowd together at this scale (Vinh and its neighbours in Nghe An): an inset shows them larger, where
  // the smallest is big enough to read and to click.
  const insetCodes = new Set(boundaries()?.inset);
  const inset = { ...geo, features: geo.features.filter((f) => insetCodes.has(f.properties.code)) };
  const all = geo.features.map(bounds).filter((b) => Number.isFinite(b.west));
  const [west, east] = [Math.min(...all.map((b) => b.west)), Math.max(...all.map((b) => b.east))];
  const [south, north] = [Math.min(...all.map((b) => b.south)), Math.max(...all.map((b) => b.north))];
  if (north > south) provinceAspect = ((east - west) * aspectAt(boundaries()?.latitude ?? 0)) / (north - south);
  const largest = Math.max(0, ...inset.features.map(extent));
  insetNamed = new Set(inset.features.filter((f) => extent(f) < largest / 2).map((f) => f.properties.code));
  extents = new Map(geo.features.map((f) => [f.properties.code, extent(f)]));
  insetDistricts = inset.features.map((f) => f.properties.code);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  echarts.registerMap(INSET, inset as any);
  return echarts;
}

let mapsLoaded: ReturnType<typeof loadMaps> | null = null;

/**
 * The main map's margins in its chart, with the inset in the top-right corner: above the map (room on top, and on
 * the right for coastal names), or beside it, which suits a wide chart (a wall's cell) better.
 */
const MARGINS = [
  { left: 8, right: 40, top: 70, bottom: 8 },
  { left: 8, right: INSET_SIZE + 16, top: 8, bottom: 8 },
];

/**
 * Where the main map lies in a chart of this size: as large as it goes at the province's own proportions within
 * either set of margins, centred. Until the chart is measured, the first margins alone.
 */
function mainPlacement(box: { width: number; height: number } | null) {
  if (!box) return MARGINS[0];
  const fits = MARGINS.map((m) => {
    const room = {
      width: Math.max(1, box.width - m.left - m.right),
      height: Math.max(1, box.height - m.top - m.bottom),
    };
    const width = Math.min(room.width, room.height * provinceAspect);
    return { m, room, width, height: width / provinceAspect };
  });
  const best = fits.reduce((a, b) => (b.width > a.width ? b : a));
  return {
    left: Math.round(best.m.left + (best.room.width - best.width) / 2),
    top: Math.round(best.m.top + (best.room.height - best.height) / 2),
    width: Math.round(best.width),
    height: Math.round(best.height),
  };
}

/** A district with a pressing alert: a thick yellow outline and a boxed label, seen from across the room. */
const ALERT_OUTLINE = '#f0e442';
/** The names' type, and the room an alert label's box takes around its letters. */
const LABEL_FONT = `600 ${MIN_FONT_PX}px "Be Vietnam Pro"`;
/** A name's line box over its font size: its letters' extent, outline aside (two outlines may touch). */
const LINE_HEIGHT = 1.2;
const ALERT_PADDING = { x: 8, y: 3 };
/** The inset card's title above its districts, in chart pixels. */
const INSET_TITLE_PX = 36;
const ALERT_LABEL = {
  backgroundColor: ALERT_OUTLINE,
  color: '#0a1020',
  textBorderWidth: 0,
  padding: [ALERT_PADDING.y, ALERT_PADDING.x],
  borderRadius: 4,
};

interface Look {
  code: string;
  colour: string;
  critical: boolean;
  alert: boolean;
}

const sameLook = (a: Look, b: Look | undefined) =>
  a.code === b?.code && a.colour === b.colour && a.critical === b.critical && a.alert === b.alert;

const sameCodes = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((c) => b.has(c));

/** The province map coloured by the selected indicator's bands, with an inset for the Vinh area. */
export function DistrictMap(props: { indicator: IndicatorId; onSelect?: (code: string) => void }) {
  const wall = useWall();
  const { t, fmt, label, lang } = useI18n();
  // Loaded once the screen has its first figures, like every chart (see createChart).
  const [ready] = createResource(
    () => wall.state.epoch,
    () => {
      mapsLoaded ??= loadMaps();
      return mapsLoaded;
    },
  );
  let el: HTMLDivElement | undefined;
  // The chart's box in canvas pixels: the map keeps the province's proportions in a box of any shape (a wall's
  // wide cell), rather than stretching to fill it.
  const [box, setBox] = createSignal<{ width: number; height: number } | null>(null);
  onMount(() => {
    if (!el) return;
    const chartEl = el;
    const measure = () => setBox({ width: chartEl.clientWidth, height: chartEl.clientHeight });
    // Measured at once, so the map's first drawing is already in place (labels hidden where they would overlap are
    // chosen for that drawing).
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(chartEl);
    onCleanup(() => observer.disconnect());
  });

  const { rows, max } = createUnitRows(wall, regionSet.districts, () => props.indicator);
  const hasBands = () => targetsOf(wall, props.indicator).bands !== null;
  const alerted = createMemo(() => pressingRegions(activeAlerts(wall)));
  // The names each map draws, chosen once the chart is drawn (null until then), so that no two overlap.
  const [named, setNamed] = createSignal<Placement | null>(null, {
    equals: (a, b) =>
      a !== null &&
      b !== null &&
      sameCodes(a.main, b.main) &&
      sameCodes(a.inset, b.inset) &&
      a.offsets.size === b.offsets.size &&
      [...a.offsets].every(([code, dy]) => b.offsets.get(code) === dy),
  });
  // What the map draws of each district: its colour, hatching and alert outline, not its figure (the tooltip reads
  // that when asked). A new figure redraws the map only when it changes how a district looks.
  const looks = createMemo(
    () =>
      rows.map(
        (r): Look => ({
          code: r.unit.code,
          colour: hasBands()
            ? BAND_COLOURS[r.band() ?? 'none']
            : sequentialColour((r.value() ?? 0) / Math.max(1, max())),
          critical: r.band() === 'critical',
          alert: alerted().has(r.unit.code),
        }),
      ),
    [],
    { equals: (a, b) => a.length === b.length && a.every((x, i) => sameLook(x, b[i])) },
  );

  // How the districts look goes to the chart on its own (see createChart): a district changing band costs the
  // map's series data, not the whole option.
  const regionData = createMemo(() => {
    const offsets = named()?.offsets;
    const data = (map: 'main' | 'inset') =>
      looks().map((look) => ({
        name: look.code,
        itemStyle: {
          areaColor: look.colour,
          // Hatching marks the critical band without relying on colour.
          ...(look.critical && { decal: HATCH }),
          ...(look.alert && { borderColor: ALERT_OUTLINE, borderWidth: 3.5 }),
        },
        label: {
          ...(look.alert && ALERT_LABEL),
          offset: [0, map === 'inset' ? (offsets?.get(look.code) ?? 0) : 0],
        },
      }));
    return {
      series: [
        { id: 'main', data: data('main') },
        { id: 'inset', data: data('inset') },
      ],
    };
  });

  /**
   * Chooses the names to draw from where the chart puts them (each district's centre) and how wide they are in
   * the wall's type: the inset's small towns first, then alerted districts and the larger ones on the main map,
   * then, in the inset, any of its districts the main map had no room to name (Hưng Nguyên beside Vinh).
   */
  const placeNames = (chart: Chart) => {
    const width = el?.clientWidth ?? 0;
    const height = el?.clientHeight ?? 0;
    const context = document.createElement('canvas').getContext('2d');
    // Nothing to place before the chart has its maps (ECharts reports a first, empty drawing as finished too).
    if (!context || width === 0 || !ready() || !chart.getOption()) return;
    context.font = LABEL_FONT;
    const alerts = alerted();
    const candidate = (code: string, map: 'main' | 'inset'): LabelCandidate | null => {
      const at = chart.convertToPixel({ seriesId: map }, code) as unknown as number[] | undefined;
      if (!at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) return null;
      const padding = alerts.has(code) ? ALERT_PADDING : { x: 0, y: 0 };
      const name = regionSet.unit(code)?.name ?? code;
      return {
        code,
        map,
        x: at[0] as number,
        y: at[1] as number,
        width: context.measureText(name).width + 2 * padding.x,
        height: MIN_FONT_PX * LINE_HEIGHT + 2 * padding.y,
      };
    };
    // Alerted districts first, then the larger (on the main map) or the smaller (in the inset, which is there to
    // name the districts too small for the main map).
    const byImportance = (codes: string[], smallFirst = false) =>
      [...codes].sort(
        (a, b) =>
          Number(alerts.has(b)) - Number(alerts.has(a)) ||
          ((extents.get(b) ?? 0) - (extents.get(a) ?? 0)) * (smallFirst ? -1 : 1),
      );
    const districts = regionSet.districts.map((d) => d.code);
    const candidates = [
      ...byImportance(insetDistricts.filter((c) => insetNamed.has(c))).map((c) => candidate(c, 'inset')),
      ...byImportance(districts).map((c) => candidate(c, 'main')),
      ...byImportance(insetDistricts, true).flatMap((c) => {
        // In the inset, a name that its neighbour's covers may go just below or above its district's centre.
        const at = candidate(c, 'inset');
        return at ? [at, { ...at, offsetY: at.height }, { ...at, offsetY: -at.height }] : [];
      }),
    ].filter((c): c is LabelCandidate => c !== null);
    const card = { x: width - INSET_SIZE, y: 0, width: INSET_SIZE, height: INSET_SIZE };
    const hasInset = insetDistricts.length > 0;
    const insetArea = { ...card, y: INSET_TITLE_PX, height: INSET_SIZE - INSET_TITLE_PX };
    const placed = placeLabels(
      candidates,
      { main: { x: 0, y: 0, width, height }, inset: hasInset ? insetArea : null },
      hasInset ? [card] : [],
    );
    setNamed(placed);
  };

  const option = createMemo(() => {
    const echarts = ready();
    if (!echarts) return {};
    const indicator = indicatorOf(props.indicator);
    const figureOf = (code: string) => wall.reading(code, indicator.id)?.value ?? null;
    const nameOf = (code: string) => regionSet.unit(code)?.name ?? code;
    // No names until the chart is drawn and placeNames has chosen them, so that none is ever drawn over another.
    const names = named();
    const nameIn = (map: 'main' | 'inset') => (p: { name: string }) => (names?.[map].has(p.name) ? nameOf(p.name) : '');
    const aspectScale = aspectAt(boundaries()?.latitude ?? 0);
    const common = {
      type: 'map' as const,
      nameProperty: 'code',
      roam: false,
      selectedMode: false as const,
      itemStyle: { borderColor: '#0a1020', borderWidth: 1.2 },
      emphasis: { itemStyle: { areaColor: '#f0e442' }, label: { color: '#0a1020' } },
      label: {
        show: true,
        color: '#f4f8ff',
        fontSize: MIN_FONT_PX,
        fontFamily: 'Be Vietnam Pro',
        fontWeight: 600,
        textBorderColor: 'rgba(5,8,15,0.85)',
        textBorderWidth: 3,
      },
    };
    return {
      animationDurationUpdate: 400,
      tooltip: {
        trigger: 'item',
        triggerOn: 'mousemove|click',
        textStyle: { fontSize: MIN_FONT_PX, fontFamily: 'Be Vietnam Pro' },
        formatter: (p: { name: string }) =>
          `${echarts.format.encodeHTML(nameOf(p.name))}<br/><b>${echarts.format.encodeHTML(fmt().value(indicator, figureOf(p.name)))}</b>`,
      },
      // The inset's card: a solid frame around the enlarged Vinh area, and its name.
      graphic: [
        {
          type: 'group',
          right: 0,
          top: 0,
          z: 3,
          children: [
            {
              type: 'rect',
              shape: { width: INSET_SIZE, height: INSET_SIZE, r: 8 },
              style: { fill: '#0b1324', stroke: '#7f93b8', lineWidth: 2 },
            },
            {
              type: 'text',
              left: 12,
              top: 8,
              style: { text: t('panel.inset'), fill: '#a9b8d0', fontSize: MIN_FONT_PX, fontFamily: 'Be Vietnam Pro' },
            },
          ],
        },
      ],
      series: [
        {
          ...common,
          id: 'main',
          map: MAIN,
          aspectScale,
          ...mainPlacement(box()),
          // Every district names itself where its name fits clear of the others (placeNames); the inset names the smallest.
          label: { ...common.label, formatter: nameIn('main') },
        },
        {
          ...common,
          id: 'inset',
          map: INSET,
          // Above the card that separates it from the main map (see graphic).
          z: 4,
          aspectScale,
          // Room on the right, inside the frame, for the names of the districts on the coast (Cửa Lò).
          right: 50,
          top: 38,
          width: INSET_SIZE - 64,
          height: INSET_SIZE - 48,
          label: {
            ...common.label,
            formatter: nameIn('inset'),
          },
        },
      ],
    };
  });

  createChart(
    () => el,
    option,
    (chart) => {
      chart.on('click', (p) => props.onSelect?.(String(p.name)));
      // Names are chosen where the chart put the districts, and again once the wall's type has loaded.
      // After the update that drew the chart is through: names placed within it would be dropped with its option.
      chart.on('finished', () => queueMicrotask(() => placeNames(chart)));
      void document.fonts.ready.then(() => placeNames(chart));
    },
    regionData,
  );

  return (
    <section
      class="panel district-map"
      data-testid="map"
      data-labels={named() ? 'placed' : 'pending'}
      data-indicator={props.indicator}
      data-indicators={props.indicator}
      data-lang={lang()}
    >
      <h2 class="panel-title">
        {label(indicatorOf(props.indicator))}
        <small>{t('panel.map', { count: regionSet.districts.length })}</small>
      </h2>
      <div class="map-area">
        <div class="map-chart" ref={el} />
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
