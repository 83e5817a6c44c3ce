/**
 * Legibility as a rule: every text on a wall screen is at least `MIN_ARCMIN` minutes of arc tall where the
 * leaders sit (ISO 9241-303 and HFES 100 ask for 16 at least, 20-22 preferably). A text's height is the height
 * of its capital letters (the font's cap height, about 0.7 of its size), as those standards measure it.
 */
export const MIN_ARCMIN = 20;

/** A screen as the room sees it: its diagonal and how far the farthest reader sits. */
export interface Viewing {
  /** A preset's id, or `custom` for `?screen=&distance=`. */
  id: string;
  diagonalIn: number;
  distanceM: number;
}

/**
 * The rooms a wall is made for. The office TV is a 65-inch panel read from 4 m, the far end of "55-65 inch at
 * 3-4 m"; the hall is a 200-inch video wall (4.4 x 2.5 m) read from 5 m, about one diagonal and a tenth away.
 */
export const VIEWING_PRESETS = {
  hall: { id: 'hall', diagonalIn: 200, distanceM: 5 },
  office: { id: 'office', diagonalIn: 65, distanceM: 4 },
} as const satisfies Record<string, Viewing>;
export type ViewingPresetId = keyof typeof VIEWING_PRESETS;

const MM_PER_INCH = 25.4;
const ARCMIN_PER_RADIAN = (180 * 60) / Math.PI;

/** Millimetres per screen pixel on a screen of this diagonal showing `width` x `height` pixels edge to edge. */
export function mmPerPixel(diagonalIn: number, width: number, height: number): number {
  return (diagonalIn * MM_PER_INCH) / Math.hypot(width, height);
}

/** The angle a height (mm) subtends at a distance (m), in minutes of arc. */
export function arcminutes(heightMm: number, distanceM: number): number {
  return 2 * Math.atan(heightMm / 2 / (distanceM * 1000)) * ARCMIN_PER_RADIAN;
}

/** The smallest cap height (in screen pixels) that reads at `MIN_ARCMIN` from the viewing distance. */
export function minCapHeightPx(viewing: Viewing, screen: { width: number; height: number }): number {
  const mm = 2 * viewing.distanceM * 1000 * Math.tan(MIN_ARCMIN / ARCMIN_PER_RADIAN / 2);
  return mm / mmPerPixel(viewing.diagonalIn, screen.width, screen.height);
}

/**
 * A screen's viewing from its address: `screen=hall` or `screen=office` (a preset), or `screen=65in&distance=4m`
 * (a diagonal in inches, a distance in metres; `distance` also overrides a preset's). Null without `screen`.
 */
export function parseViewing(
  screen: string | null,
  distance: string | null,
): { ok: true; viewing: Viewing | null } | { ok: false; error: string } {
  if (screen === null) {
    return distance === null ? { ok: true, viewing: null } : { ok: false, error: 'distance= needs screen=' };
  }
  const preset = (VIEWING_PRESETS as Record<string, Viewing>)[screen];
  const size = /^(\d+(?:\.\d+)?)in$/.exec(screen);
  if (!preset && !size) return { ok: false, error: `screen=${screen}: expected hall, office or <inches>in` };
  const d = distance === null ? null : /^(\d+(?:\.\d+)?)m$/.exec(distance);
  if (distance !== null && (!d || Number(d[1]) <= 0 || Number(d[1]) > 100)) {
    return { ok: false, error: `distance=${distance}: expected <metres>m, up to 100` };
  }
  if (!preset && d === null) return { ok: false, error: 'screen=<inches>in needs distance=<metres>m' };
  const diagonalIn = preset ? preset.diagonalIn : Number(size?.[1]);
  if (diagonalIn < 10 || diagonalIn > 2000) return { ok: false, error: `screen=${screen}: 10-2000 inches` };
  return {
    ok: true,
    viewing: {
      id: preset && !d ? preset.id : 'custom',
      diagonalIn,
      distanceM: d ? Number(d[1]) : (preset?.distanceM ?? 0),
    },
  };
}

/** The wall's font (Be Vietnam Pro): its capital letters are 0.75 of its size, as measured in the browser. */
export const WALL_FONT_CAP_RATIO = 0.75;

/**
 * The smallest font size, in canvas pixels, whose capitals read at `MIN_ARCMIN` on this screen, for a canvas drawn
 * at `scale` screen pixels per canvas pixel. Layouts compare it with the size their smallest text is drawn at.
 */
export function minFontCanvasPx(
  viewing: Viewing,
  screen: { width: number; height: number },
  scale: number,
  capRatio = WALL_FONT_CAP_RATIO,
): number {
  return minCapHeightPx(viewing, screen) / capRatio / scale;
}
