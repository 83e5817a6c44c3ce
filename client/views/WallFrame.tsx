import type { ParentProps } from 'solid-js';
import { AlertTicker } from '../widgets/AlertTicker';
import './wallFrame.css';

/** What every view sits in: the view above, the alert ticker along the foot of the canvas. */
export function WallFrame(props: ParentProps) {
  return (
    <div class="wall-frame">
      <div class="wall-frame-view">{props.children}</div>
      <AlertTicker />
    </div>
  );
}
