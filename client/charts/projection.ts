import { aspectAt, BOUNDARIES_URL, boundaries } from './drawing';

/** A unit's boundary as the server serves it (GeoJSON, longitude then latitude). */
export interface Feature {
  properties: { code: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** A unit's boundary projected into a box: its SVG path, where its name goes, and its size on screen. */
export interface Shape {
  code: string;
  d: string;
  /** The centroid of its largest polygon, where its name sits. */
  labelX: number;
  labelY: number;
  /** Its area in square pixels, so larger units keep their names when names would overlap. */
  area: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

let features: Promise<Feature[]> | null = null;

/** The deployment's boundaries, fetched once per page. */
export function loadFeatures(): Promise<Feature[]> {
  features ??= fetch(BOUNDARIES_URL)
    .then((res) => res.json() as Promise<{ features: Feature[] }>)
    .then((geo) => geo.features);
  return features;
}

const polygonsOf = (f: Feature): number[][][][] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;

/** Shoelace area (signed) and centroid of a ring of projected points. */
function ringCentroid(ring: [number, number][]): { area: number; x: number; y: number } {
  let twice = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    twice += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twice === 0) {
    const [x = 0, y = 0] = ring[0] ?? [];
    return { area: 0, x, y };
  }
  return { area: twice / 2, x: cx / (3 * twice), y: cy / (3 * twice) };
}

/** The bounding box of the features' points in projected units (longitude narrowed at the latitude, north up). */
function boundsOf(all: Feature[], aspect: number) {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const f of all)
    for (const polygon of polygonsOf(f))
      for (const ring of polygon)
        for (const [lon = 0, lat = 0] of ring) {
          minX = Math.min(minX, lon * aspect);
          maxX = Math.max(maxX, lon * aspect);
          minY = Math.min(minY, -lat);
          maxY = Math.max(maxY, -lat);
        }
  return { minX, maxX, minY, maxY };
}

/** The features' width over their height as drawn. */
export function projectedAspect(all: Feature[], latitude = boundaries()?.latitude ?? 0): number {
  const { minX, maxX, minY, maxY } = boundsOf(all, aspectAt(latitude));
  return maxY > minY ? (maxX - minX) / (maxY - minY) : 1;
}

/** A feature's extent in square degrees (its bounding box): enough to tell a town from a rural district. */
export function extentOf(f: Feature): number {
  const { minX, maxX, minY, maxY } = boundsOf([f], 1);
  return Number.isFinite(minX) ? (maxX - minX) * (maxY - minY) : 0;
}

/**
 * The features projected as the wall draws its maps (longitude scaled by the cosine of the deployment's latitude, so
 * the province keeps its proportions), fitted into the box and centred in it. Computed once per size, never per
 * figure: a new figure changes a path's colour, not its shape.
 */
export function project(all: Feature[], box: Box, latitude = boundaries()?.latitude ?? 0): Shape[] {
  const aspect = aspectAt(latitude);
  const { minX, maxX, minY, maxY } = boundsOf(all, aspect);
  const scale = Math.min(box.width / Math.max(1e-9, maxX - minX), box.height / Math.max(1e-9, maxY - minY));
  const offsetX = box.x + (box.width - (maxX - minX) * scale) / 2;
  const offsetY = box.y + (box.height - (maxY - minY) * scale) / 2;
  const at = ([lon = 0, lat = 0]: number[]): [number, number] => [
    offsetX + (lon * aspect - minX) * scale,
    offsetY + (-lat - minY) * scale,
  ];
  return all.map((f) => {
    let d = '';
    let area = 0;
    let largest = { area: -1, x: 0, y: 0 };
    for (const polygon of polygonsOf(f)) {
      polygon.forEach((ring, index) => {
        const points = ring.map(at);
        d += `M${points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
        if (index > 0) return; // holes neither name a unit nor add to its size
        const c = ringCentroid(points);
        area += Math.abs(c.area);
        if (Math.abs(c.area) > largest.area) largest = { ...c, area: Math.abs(c.area) };
      });
    }
    return { code: f.properties.code, d, labelX: largest.x, labelY: largest.y, area };
  });
}
