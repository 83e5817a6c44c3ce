import type { ParentProps } from 'solid-js';
import { AlertTicker } from '../widgets/AlertTicker';
import './wallFrame.css';

/** What every view sits in: the view above (the page's main landmark), the alert ticker along the canvas's foot. */
export function WallFrame(props: ParentProps) {
  return (
    <div class="wall-frame">
      <main class="wall-frame-view">{props.children}</main>
      <AlertTicker />
    </div>
  );
}
