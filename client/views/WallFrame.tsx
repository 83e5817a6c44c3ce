import { createMemo, For, type ParentProps, Show } from 'solid-js';
import { useCanvas } from '../layout/Canvas';
import { AlertTicker } from '../widgets/AlertTicker';
import './wallFrame.css';

/**
 * What every view sits in: the view above (the page's main landmark), the alert ticker along the canvas's foot. On
 * a wall of panels side by side (and a lone wide screen, laid out as two), each panel of the bottom row has a ticker
 * of its own, whole within it: a ticker run across the seams would leave a panel's foot empty whenever its lines fit
 * on the first, and a line scrolling across a seam would break at each frame.
 */
export function WallFrame(props: ParentProps) {
  const canvas = useCanvas();
  // Each panel's width, and the strip before it (the frames between two panels, hidden behind them).
  const footPanels = createMemo(() => {
    const { cols, rows, boxes } = canvas.panels();
    return boxes.slice((rows - 1) * cols, rows * cols).map((box, i, row) => ({
      width: box.width,
      before: box.x - (i > 0 ? (row[i - 1]?.x ?? 0) + (row[i - 1]?.width ?? 0) : 0),
    }));
  });
  return (
    <div class="wall-frame">
      <main class="wall-frame-view">{props.children}</main>
      <Show when={footPanels().length > 1} fallback={<AlertTicker />}>
        <div class="ticker-row">
          <For each={footPanels()}>
            {(box, i) => (
              <AlertTicker copy={i() > 0} style={{ width: `${box.width}px`, 'margin-left': `${box.before}px` }} />
            )}
          </For>
        </div>
      </Show>
    </div>
  );
}
