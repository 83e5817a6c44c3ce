import {
  type Accessor,
  createContext,
  createMemo,
  createSignal,
  type JSX,
  onCleanup,
  type ParentProps,
  useContext,
} from 'solid-js';
import {
  type Box,
  CANVAS_HEIGHT,
  CANVAS_WIDTH,
  fitCanvas,
  layoutPanels,
  type Size,
  tileRegions,
  type WallTile,
} from './fit';
import './canvas.css';

export { CANVAS_HEIGHT, CANVAS_WIDTH, MIN_FONT_PX } from './fit';
export type { Box, Size, WallTile };

export interface CanvasInfo {
  width: number;
  height: number;
  /** Screen pixels (CSS) per canvas pixel. */
  scale: () => number;
  /**
   * The panels a layout keeps its widgets within, in canvas pixels, row by row: the wall's tiles (without the
   * strips their frames hide), the halves of a lone 32:9 screen, or the whole canvas.
   */
  panels: () => { cols: number; rows: number; boxes: Box[] };
}

const CanvasContext = createContext<CanvasInfo>({
  width: CANVAS_WIDTH,
  height: CANVAS_HEIGHT,
  scale: () => 1,
  panels: () => ({ cols: 1, rows: 1, boxes: [{ x: 0, y: 0, width: CANVAS_WIDTH, height: CANVAS_HEIGHT }] }),
});

export const useCanvas = () => useContext(CanvasContext);

/** The window's size in CSS pixels, as it changes (full screen, a resized window). */
export function createViewport(): Accessor<Size> {
  const read = () => ({ width: window.innerWidth, height: window.innerHeight });
  const [viewport, setViewport] = createSignal(read(), {
    equals: (a, b) => a.width === b.width && a.height === b.height,
  });
  const measure = () => setViewport(read());
  window.addEventListener('resize', measure);
  onCleanup(() => window.removeEventListener('resize', measure));
  return viewport;
}

export interface CanvasProps {
  /** The logical size: 1920x1080, or the wall's or wide screen's own shape (`defaultCanvas`). */
  width: number;
  height: number;
  /** This screen's window size. */
  viewport: Accessor<Size>;
  /** On a video wall, the panel this screen is: it shows only its part of the one canvas. */
  tile?: WallTile | null;
  /** On a video wall, the frame between two panels' pictures, in screen pixels: the canvas runs on behind it. */
  bezelPx?: () => number;
  /** Moves the whole canvas by a few canvas pixels (burn-in protection). */
  shift?: () => { x: number; y: number };
  /**
   * Drawn over this screen's part of the canvas, in canvas pixels, on every tile of a wall: what each physical
   * screen must say for itself (its link banner, its night dimming).
   */
  overlay?: JSX.Element;
  ref?: (el: HTMLDivElement) => void;
}

/**
 * Lays its children out on a fixed logical canvas and scales it, keeping its proportions, to the window. The
 * scale is a CSS transform without `will-change`, so the browser re-rasterises text and SVG at the real pixel
 * size instead of stretching a bitmap. On a wall, the frame clips the canvas to this screen's tile, so that
 * neighbouring tiles never show through the letterbox.
 */
export function Canvas(props: ParentProps<CanvasProps>) {
  const size = () => ({ width: props.width, height: props.height });
  const bezel = () => (props.tile ? (props.bezelPx?.() ?? 0) : 0);
  const placement = createMemo(() => fitCanvas(props.viewport(), size(), props.tile ?? null, bezel()));
  const panels = createMemo(() => {
    const { cols, rows } = layoutPanels(size(), props.tile ?? null);
    return { cols, rows, boxes: tileRegions(size(), cols, rows, bezel() / placement().scale) };
  });
  const transform = () => {
    const { scale, region } = placement();
    const shift = props.shift?.() ?? { x: 0, y: 0 };
    return `translate(${(shift.x - region.x) * scale}px, ${(shift.y - region.y) * scale}px) scale(${scale})`;
  };
  return (
    <CanvasContext.Provider
      value={{
        get width() {
          return props.width;
        },
        get height() {
          return props.height;
        },
        scale: () => placement().scale,
        panels,
      }}
    >
      <div class="stage">
        <div
          class="canvas-frame"
          data-testid="canvas-frame"
          style={{
            left: `${placement().frame.x}px`,
            top: `${placement().frame.y}px`,
            width: `${placement().frame.width}px`,
            height: `${placement().frame.height}px`,
          }}
        >
          <div
            class="canvas"
            data-testid="canvas"
            data-scale={placement().scale.toFixed(4)}
            data-size={`${props.width}x${props.height}`}
            data-panels={`${panels().cols}x${panels().rows}`}
            ref={props.ref}
            style={{ width: `${props.width}px`, height: `${props.height}px`, transform: transform() }}
          >
            {props.children}
          </div>
          <div
            class="canvas-overlay"
            style={{
              width: `${placement().region.width}px`,
              height: `${placement().region.height}px`,
              transform: `scale(${placement().scale})`,
            }}
          >
            {props.overlay}
          </div>
        </div>
      </div>
    </CanvasContext.Provider>
  );
}
