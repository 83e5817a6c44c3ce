import { createMemo, type JSX, Show } from 'solid-js';
import { useScreen } from '../../kiosk/KioskScreen';
import { useCanvas } from '../../layout/Canvas';
import { officeTextPx } from './officeText';

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

/** `officeTextPx` for this screen: its `screen=`/`distance=`, its window and its canvas's scale. */
export function createOfficeTextPx(): () => number | null {
  const screen = useScreen();
  const canvas = useCanvas();
  return createMemo(() =>
    // The window is the screen: a kiosk runs full screen, one CSS pixel per device pixel.
    officeTextPx(
      screen?.params.viewing ?? null,
      { width: window.innerWidth, height: window.innerHeight },
      canvas.scale(),
    ),
  );
}
