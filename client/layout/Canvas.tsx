import {
  createContext,
  createMemo,
  createSignal,
  type JSX,
  onCleanup,
  onMount,
  type ParentProps,
  useContext,
} from 'solid-js';
import { CANVAS_HEIGHT, CANVAS_WIDTH, fitCanvas, type WallTile } from './fit';
import './canvas.css';

export { CANVAS_HEIGHT, CANVAS_WIDTH, MIN_FONT_PX } from './fit';
export type { WallTile };

export interface CanvasInfo {
  width: number;
  height: number;
  /** Screen pixels (CSS) per canvas pixel. */
  scale: () => number;
}

const CanvasContext = createContext<CanvasInfo>({ width: CANVAS_WIDTH, height: CANVAS_HEIGHT, scale: () => 1 });

export const useCanvas = () => useContext(CanvasContext);

export interface CanvasProps {
  /** The logical size, 1920x1080 by default (for example 3840x1080 for an ultra-wide wall). */
  width?: number;
  height?: number;
  /** On a video wall, the panel this screen is: it shows only its part of the one canvas. */
  tile?: WallTile | null;
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
  const width = () => props.width ?? CANVAS_WIDTH;
  const height = () => props.height ?? CANVAS_HEIGHT;
  const [viewport, setViewport] = createSignal({ width: window.innerWidth, height: window.innerHeight });
  const placement = createMemo(() => fitCanvas(viewport(), { width: width(), height: height() }, props.tile ?? null));
  const measure = () => setViewport({ width: window.innerWidth, height: window.innerHeight });
  onMount(() => {
    measure();
    window.addEventListener('resize', measure);
    onCleanup(() => window.removeEventListener('resize', measure));
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
          return width();
        },
        get height() {
          return height();
        },
        scale: () => placement().scale,
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
            ref={props.ref}
            style={{ width: `${width()}px`, height: `${height()}px`, transform: transform() }}
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
