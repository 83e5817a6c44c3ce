import { createResource, For, Show } from 'solid-js';
import { aspectAt, BOUNDARIES_URL, boundaries } from '../../charts/drawing';
import { useI18n } from '../../i18n';

interface Feature {
  properties: { code: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

const WIDTH = 1000;

interface Shapes {
  height: number;
  paths: { code: string; d: string; cx: number; cy: number }[];
}

/** Every district as an SVG path, projected like the overview's map, WIDTH wide. */
async function loadShapes(): Promise<Shapes> {
  const geo = (await (await fetch(BOUNDARIES_URL)).json()) as { features: Feature[] };
  const ASPECT = aspectAt(boundaries()?.latitude ?? 0);
  const rings = (f: Feature) =>
    f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
  const points = geo.features.flatMap((f) => rings(f).flat());
  const xs = points.map(([lon = 0]) => lon * ASPECT);
  const ys = points.map(([, lat = 0]) => -lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = WIDTH / (maxX - minX);
  const at = ([lon = 0, lat = 0]: number[]) =>
    `${((lon * ASPECT - minX) * scale).toFixed(1)} ${((-lat - minY) * scale).toFixed(1)}`;
  return {
    height: Math.ceil((maxY - minY) * scale),
    paths: geo.features.map((f) => {
      const own = rings(f).flat();
      const fx = own.map(([lon = 0]) => (lon * ASPECT - minX) * scale);
      const fy = own.map(([, lat = 0]) => (-lat - minY) * scale);
      return {
        code: f.properties.code,
        d: rings(f)
          .map((ring) => `M${ring.map(at).join('L')}Z`)
          .join(''),
        // The middle of its bounding box, for the ring that finds small units (Cửa Lò, Vinh).
        cx: (Math.min(...fx) + Math.max(...fx)) / 2,
        cy: (Math.min(...fy) + Math.max(...fy)) / 2,
      };
    }),
  };
}

let shapes: Promise<Shapes> | null = null;

/** Where the district lies in the province: its shape lit among the others. */
export function DistrictLocator(props: { code: string }) {
  const { t, lang } = useI18n();
  const [paths] = createResource(() => {
    shapes ??= loadShapes();
    return shapes;
  });
  return (
    <section class="panel district-locator">
      <h2 class="panel-title">{t('district.where')}</h2>
      <Show when={paths()}>
        {(all) => (
          <svg
            viewBox={`-8 -8 ${WIDTH + 16} ${all().height + 16}`}
            class="locator-map"
            data-testid="district-locator"
            aria-hidden="true"
          >
            <For each={all().paths}>
              {(p) => <path d={p.d} class={p.code === props.code ? 'locator-this' : 'locator-other'} />}
            </For>
            {/* The district again on top, so its whole outline shows over its neighbours'. */}
            <For each={all().paths.filter((p) => p.code === props.code)}>
              {(p) => (
                <>
                  <path d={p.d} class="locator-this" />
                  <circle cx={p.cx} cy={p.cy} r={70} class="locator-ring" />
                </>
              )}
            </For>
          </svg>
        )}
      </Show>
      <p class="legend-credit muted">{boundaries()?.attribution[lang()]}</p>
    </section>
  );
}
