/** The logical canvas every view is designed on; the real screen shows it scaled to fit, letterboxed. */
export const CANVAS_WIDTH = 1920;
export const CANVAS_HEIGHT = 1080;
/**
 * No text on the canvas is smaller than this, in canvas pixels: on the hall's wall (`VIEWING_PRESETS.hall`, 200
 * inch at 4K read from 5 m) its capital letters are over 20 arcminutes tall, the legibility rule's floor.
 */
export const MIN_FONT_PX = 18;
/** The design's own shape, 16:9. */
const DESIGN_ASPECT = CANVAS_WIDTH / CANVAS_HEIGHT;
/** A lone screen within 2 % of 16:9 (1366x768, 1280x720) shows the design as it is. */
const SAME_SHAPE = 0.02;

/** One panel of a video wall: the wall has `cols` x `rows` panels; this one is at column `col`, row `row`. */
export interface WallTile {
  cols: number;
  rows: number;
  col: number;
  row: number;
}

export interface Size {
  width: number;
  height: number;
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
 * The whole picture a screen or wall shows, in screen pixels: one window, or `cols` x `rows` panels of this
 * window's size with the frames between them (`bezelPx`, the width of the frame between two panels' pictures).
 */
function wallSize(viewport: Size, tile: WallTile | null, bezelPx: number): Size {
  const cols = tile?.cols ?? 1;
  const rows = tile?.rows ?? 1;
  return {
    width: cols * viewport.width + (cols - 1) * bezelPx,
    height: rows * viewport.height + (rows - 1) * bezelPx,
  };
}

/**
 * The canvas a screen gets when its address names none. A wall gets the shape of the whole wall (frames
 * included): the design's 1080 px height on a wall wider than 16:9 (3840x1080 for two 1080p panels side by
 * side), the design's 1920 px width on a narrower one, so no panel shows bars. A lone screen wider than 16:9
 * (32:9, 7680x2160) is laid out on its full width; one of 16:9 or narrower keeps the 1920x1080 design.
 */
export function defaultCanvas(viewport: Size, tile: WallTile | null = null, bezelPx = 0): Size {
  const whole = wallSize(viewport, tile, bezelPx);
  const aspect = whole.width / whole.height;
  if (tile === null && (aspect < DESIGN_ASPECT || Math.abs(aspect / DESIGN_ASPECT - 1) <= SAME_SHAPE)) {
    return { width: CANVAS_WIDTH, height: CANVAS_HEIGHT };
  }
  return aspect > DESIGN_ASPECT
    ? { width: Math.round(CANVAS_HEIGHT * aspect), height: CANVAS_HEIGHT }
    : { width: CANVAS_WIDTH, height: Math.round(CANVAS_WIDTH / aspect) };
}

/**
 * The part of the canvas each panel of a wall shows, in canvas pixels, row by row. Between neighbours lies the
 * strip their frames hide (`bezel`, in canvas pixels): the picture runs on behind the frame, as a window's
 * mullion hides what is behind it, so straight lines stay straight across the seam.
 */
export function tileRegions(canvas: Size, cols: number, rows: number, bezel = 0): Box[] {
  const width = (canvas.width - (cols - 1) * bezel) / cols;
  const height = (canvas.height - (rows - 1) * bezel) / rows;
  const boxes: Box[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      boxes.push({ x: col * (width + bezel), y: row * (height + bezel), width, height });
    }
  }
  return boxes;
}

/**
 * How a logical canvas (or one tile of it) fits a window: scaled as large as it goes without distortion, centred,
 * letterboxed. On a wall, `bezelPx` screen pixels of the canvas lie hidden behind each frame between panels. The
 * frame's position is rounded to whole pixels so that the seams of a wall line up exactly.
 */
export function fitCanvas(viewport: Size, canvas: Size, tile: WallTile | null = null, bezelPx = 0): Fit {
  const cols = tile?.cols ?? 1;
  const rows = tile?.rows ?? 1;
  const whole = wallSize(viewport, tile, bezelPx);
  const scale = Math.min(whole.width / canvas.width, whole.height / canvas.height);
  const regions = tileRegions(canvas, cols, rows, bezelPx / scale);
  const region = regions[(tile?.row ?? 0) * cols + (tile?.col ?? 0)] as Box;
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

/**
 * The panels a layout keeps its widgets within: a wall's, or, on a lone screen twice as wide as 16:9 or more
 * (32:9, 7680x2160), 16:9 halves (or thirds) of it, so the wide layouts serve both.
 */
export function layoutPanels(canvas: Size, tile: WallTile | null): { cols: number; rows: number } {
  if (tile) return { cols: tile.cols, rows: tile.rows };
  return { cols: Math.max(1, Math.round(canvas.width / canvas.height / DESIGN_ASPECT)), rows: 1 };
}
