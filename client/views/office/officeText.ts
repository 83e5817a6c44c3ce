import { minFontCanvasPx, type Viewing } from '../../../shared/kiosk';
import { MIN_FONT_PX } from '../../layout/fit';

/**
 * The largest smallest-text the office layouts are drawn for, in canvas pixels: past it (a tiny window told it is a
 * 65-inch TV, a console's preview) the layout would no longer fit, so it stays at this size.
 */
export const OFFICE_TEXT_MAX_PX = 72;

/**
 * The size, in canvas pixels, the smallest text must have for this screen and viewing distance when the dense
 * layouts (whose smallest text is `MIN_FONT_PX`) do not read there; null when they do, or when the screen does
 * not say how it is viewed.
 */
export function officeTextPx(
  viewing: Viewing | null,
  screen: { width: number; height: number },
  scale: number,
): number | null {
  if (!viewing || scale <= 0) return null;
  const px = minFontCanvasPx(viewing, screen, scale);
  return px > MIN_FONT_PX ? Math.min(OFFICE_TEXT_MAX_PX, Math.ceil(px)) : null;
}
