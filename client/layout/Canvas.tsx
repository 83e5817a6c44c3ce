import { createContext, createSignal, onCleanup, onMount, type ParentProps, useContext } from 'solid-js';
import './canvas.css';

/** The logical canvas every view is designed on; the real screen shows it scaled to fit, letterboxed. */
export const CANVAS_WIDTH = 1920;
export const CANVAS_HEIGHT = 1080;
/** No text on the canvas is smaller than this, in canvas pixels (readable from 3-6 metres on a 1080p panel). */
export const MIN_FONT_PX = 16;

export interface CanvasInfo {
  width: number;
  height: number;
  /** Screen pixels (CSS) per canvas pixel. */
  scale: () => number;
}

const CanvasContext = createContext<CanvasInfo>({ width: CANVAS_WIDTH, height: CANVAS_HEIGHT, scale: () => 1 });

export const useCanvas = () => useContext(CanvasContext);

/**
 * Lays its children out on a fixed logical canvas and scales it, keeping its proportions, to the window. The
 * scale is a CSS transform without `will-change`, so the browser re-rasterises text and SVG at the real pixel
 * size instead of stretching a bitmap.
 */
export function Canvas(props: ParentProps<{ width?: number; height?: number }>) {
  const width = props.width ?? CANVAS_WIDTH;
  const height = props.height ?? CANVAS_HEIGHT;
  const [placement, setPlacement] = createSignal({ scale: 1, x: 0, y: 0 });
  const measure = () => {
    const scale = Math.min(window.innerWidth / width, window.innerHeight / height);
    setPlacement({ scale, x: (window.innerWidth - width * scale) / 2, y: (window.innerHeight - height * scale) / 2 });
  };
  onMount(() => {
    measure();
    window.addEventListener('resize', measure);
    onCleanup(() => window.removeEventListener('resize', measure));
  });
  return (
    <CanvasContext.Provider value={{ width, height, scale: () => placement().scale }}>
      <div class="stage">
        <div
          class="canvas"
          data-testid="canvas"
          data-scale={placement().scale.toFixed(4)}
          style={{
            width: `${width}px`,
            height: `${height}px`,
            transform: `translate(${placement().x}px, ${placement().y}px) scale(${placement().scale})`,
          }}
        >
          {props.children}
        </div>
      </div>
    </CanvasContext.Provider>
  );
}
