import type { Box } from '../layout/fit';

/** A name the map could draw, centred on its district's centre, in the chart's pixels. */
export interface LabelCandidate {
  code: string;
  /** Which map draws it: the province's, or the inset's enlarged Vinh area. */
  map: 'main' | 'inset';
  x: number;
  y: number;
  width: number;
  height: number;
  /** How far below its district's centre the name is drawn (negative: above), to clear a neighbour's. */
  offsetY?: number;
}

/** The names each map draws, and how far each is moved off its centre (not listed: not moved). */
export interface Placement {
  main: Set<string>;
  inset: Set<string>;
  offsets: Map<string, number>;
}

/** Space kept between two names, and between a name and the edge of its area, in chart pixels. */
const CLEARANCE = 1;

const boxOf = (c: LabelCandidate): Box => ({
  x: c.x - c.width / 2 - CLEARANCE,
  y: c.y + (c.offsetY ?? 0) - c.height / 2 - CLEARANCE,
  width: c.width + 2 * CLEARANCE,
  height: c.height + 2 * CLEARANCE,
});

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (a: Box, area: Box) =>
  a.x >= area.x && a.y >= area.y && a.x + a.width <= area.x + area.width && a.y + a.height <= area.y + area.height;

/**
 * Which names the map draws so that no two overlap: candidates are taken in order (the most important first), each
 * drawn if its box lies within its map's area, clear of every name already drawn and of what covers its map (the
 * inset's card over the main map), and if its district is not named yet (a district named in the inset is not
 * named again on the main map). A district may come more than once, moved (`offsetY`): the first that fits is
 * drawn. A name that does not fit is left out rather than drawn over another.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  areas: { main: Box; inset: Box | null },
  covering: readonly Box[],
): Placement {
  const shown = { main: new Set<string>(), inset: new Set<string>(), offsets: new Map<string, number>() };
  const placed: Box[] = [];
  for (const c of candidates) {
    if (shown.main.has(c.code) || shown.inset.has(c.code)) continue;
    const area = areas[c.map];
    const box = boxOf(c);
    if (!area || !inside(box, area)) continue;
    if (c.map === 'main' && covering.some((b) => intersects(box, b))) continue;
    if (placed.some((b) => intersects(box, b))) continue;
    placed.push(box);
    shown[c.map].add(c.code);
    if (c.offsetY) shown.offsets.set(c.code, c.offsetY);
  }
  return shown;
}
