import { type JSX, Show } from 'solid-js';
import { createOfficeTextPx } from './officeText';

/**
 * A view's dense layout where its smallest text reads at the screen's viewing distance, else its office layout,
 * drawn with text of the size that viewing needs. The choice follows the screen's size and distance
 * (`screen=`, `distance=`) and the canvas's scale, not a preset's name.
 */
export function ForViewing(props: { dense: () => JSX.Element; office: (textPx: () => number) => JSX.Element }) {
  const textPx = createOfficeTextPx();
  return (
    <Show when={textPx()} fallback={props.dense()}>
      {(px) => props.office(px)}
    </Show>
  );
}
