/** The logical canvas every view is designed on; the real screen shows it scaled to fit, letterboxed. */
export const CANVAS_WIDTH = 1920;
export const CANVAS_HEIGHT = 1080;
/**
 * No text on the canvas is smaller than this, in canvas pixels: on the hall's wall (`VIEWING_PRESETS.hall`, 200
 * inch at 4K read from 5 m) its capital letters are over 20 arcminutes tall, the legibility rule's floor.
 */
export const MIN_FONT_PX = 18;

/** One panel of a video wall: the wall has `cols` x `rows` panels; this one is at column `col`, row `row`. */
export interface WallTile {
  cols: number;
  rows: number;
  col: number;
  row: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Fit {
  /** Screen pixels (CSS) per canvas pixel. */
  scale: number;
  /** The part of the canvas this screen shows, in canvas pixels: all of it, or one tile of a wall. */
  region: Box;
  /** Where that part lands in the window, in screen pixels; the rest of the window is letterbox. */
  frame: Box;
}

/**
 * How a logical canvas (or one tile of it) fits a window: scaled as large as it goes without distortion, centred,
 * letterboxed. The frame's position is rounded to whole pixels so that the seams of a wall line up exactly.
 */
export function fitCanvas(
  viewport: { width: number; height: number },
  canvas: { width: number; height: number },
  tile: WallTile | null = null,
): Fit {
  const cols = tile?.cols ?? 1;
  const rows = tile?.rows ?? 1;
  const region = {
    x: ((tile?.col ?? 0) * canvas.width) / cols,
    y: ((tile?.row ?? 0) * canvas.height) / rows,
    width: canvas.width / cols,
    height: canvas.height / rows,
  };
  const scale = Math.min(viewport.width / region.width, viewport.height / region.height);
  const width = region.width * scale;
  const height = region.height * scale;
  return {
    scale,
    region,
    frame: {
      x: Math.floor((viewport.width - width) / 2),
      y: Math.floor((viewport.height - height) / 2),
      width,
      height,
    },
  };
}
