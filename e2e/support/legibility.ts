import type { Page } from '@playwright/test';
import { arcminutes, MIN_ARCMIN, mmPerPixel, type Viewing } from '../../shared/kiosk';
import { canvasTexts } from './canvasText';

/** A text too small for the screen's viewing, named by its element. */
export interface Illegible {
  where: string;
  text: string;
  arcmin: number;
}

/**
 * Every text on the page whose capital letters subtend less than `MIN_ARCMIN` at the viewing distance. The cap
 * height is the wall font's own (measured in the page: the ascent of "H" at 1000 px), the pixel size the screen's
 * (its diagonal over the window's diagonal in CSS pixels: a full-screen kiosk, one CSS pixel per device pixel).
 */
export async function illegibleTexts(page: Page, viewing: Viewing): Promise<Illegible[]> {
  const { capRatio, width, height } = await page.evaluate(async () => {
    await document.fonts.ready;
    const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    ctx.font = `400 1000px ${getComputedStyle(document.body).fontFamily}`;
    return {
      capRatio: ctx.measureText('H').actualBoundingBoxAscent / 1000,
      width: window.innerWidth,
      height: window.innerHeight,
    };
  });
  const mm = mmPerPixel(viewing.diagonalIn, width, height);
  return (await canvasTexts(page))
    .map((t) => ({
      where: t.where,
      text: t.text.slice(0, 40),
      arcmin: arcminutes(t.screenPx * capRatio * mm, viewing.distanceM),
    }))
    .filter((t) => t.arcmin < MIN_ARCMIN)
    .map((t) => ({ ...t, arcmin: Math.round(t.arcmin * 10) / 10 }));
}
