import type { Box } from '../layout/fit';
import { type LabelCandidate, placeLabels } from './mapLabels';
import type { Shape } from './projection';

/** The room an alerted district's label box takes around its letters, in pixels. */
export const ALERT_PADDING = { x: 8, y: 3 };
/** A name's line box over its font size: its letters' extent, outline aside (two outlines may touch). */
const LINE_HEIGHT = 1.2;

/**
 * Chooses the names both maps draw so that no two overlap (placeLabels): the inset's small towns first, then
 * alerted districts and the larger ones on the main map, then, in the inset, any of its districts the main map had
 * no room to name (Hưng Nguyên beside Vinh), at its centre or just below or above it.
 */
export function chooseNames(input: {
  main: Shape[];
  inset: Shape[];
  /** The inset's districts named there before the main map's (the towns too small for it). */
  insetNamed: ReadonlySet<string>;
  alerted: ReadonlySet<string>;
  nameOf: (code: string) => string;
  /** A name's width in the map's type, in pixels. */
  widthOf: (name: string) => number;
  fontPx: number;
  areas: { main: Box; inset: Box | null };
  /** What covers the main map (the inset's card). */
  covering: Box[];
}): { main: LabelCandidate[]; inset: LabelCandidate[] } {
  const candidate = (s: Shape, map: 'main' | 'inset'): LabelCandidate => {
    const padding = input.alerted.has(s.code) ? ALERT_PADDING : { x: 0, y: 0 };
    return {
      code: s.code,
      map,
      x: s.labelX,
      y: s.labelY,
      width: input.widthOf(input.nameOf(s.code)) + 2 * padding.x,
      height: input.fontPx * LINE_HEIGHT + 2 * padding.y,
    };
  };
  // Alerted districts first, then the larger (on the main map) or the smaller (in the inset, which is there to name
  // the districts too small for the main map).
  const byImportance = (shapes: Shape[], smallFirst = false) =>
    [...shapes].sort(
      (a, b) =>
        Number(input.alerted.has(b.code)) - Number(input.alerted.has(a.code)) ||
        (b.area - a.area) * (smallFirst ? -1 : 1),
    );
  const candidates = [
    ...byImportance(input.inset.filter((s) => input.insetNamed.has(s.code))).map((s) => candidate(s, 'inset')),
    ...byImportance(input.main).map((s) => candidate(s, 'main')),
    ...byImportance(input.inset, true).flatMap((s) => {
      const at = candidate(s, 'inset');
      return [at, { ...at, offsetY: at.height }, { ...at, offsetY: -at.height }];
    }),
  ];
  const placed = placeLabels(candidates, input.areas, input.covering);
  // A district comes more than once among the candidates: the first at the place chosen for it is drawn.
  const drawn = (map: 'main' | 'inset') => {
    const names = new Map<string, LabelCandidate>();
    for (const c of candidates)
      if (c.map === map && placed[map].has(c.code) && (c.offsetY ?? 0) === (placed.offsets.get(c.code) ?? 0))
        if (!names.has(c.code)) names.set(c.code, c);
    return [...names.values()];
  };
  return { main: drawn('main'), inset: drawn('inset') };
}
