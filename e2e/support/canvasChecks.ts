import type { Page } from '@playwright/test';
import { type CanvasText, canvasTexts } from './canvasText';

export interface CanvasReport {
  viewport: { width: number; height: number; dpr: number };
  scale: number;
  frame: { left: number; top: number; right: number; bottom: number };
  /** Whether the document can scroll, or shows a scrollbar, in either direction. */
  scrolls: boolean;
  /** Visible text drawn smaller on screen than the canvas minimum at this scale. */
  tooSmall: CanvasText[];
  /** How many pieces of text were measured. */
  measured: number;
}

/** Measures a screen from inside: where its canvas lies, whether it scrolls, and the drawn size of all its text. */
export async function inspectCanvas(page: Page, minFontPx: number): Promise<CanvasReport> {
  const placement = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
    const frame = document.querySelector<HTMLElement>('[data-testid="canvas-frame"]');
    if (!canvas || !frame) throw new Error('no canvas on the page');
    const root = document.documentElement;
    window.scrollTo(10_000, 10_000);
    const scrolls =
      window.scrollX !== 0 ||
      window.scrollY !== 0 ||
      root.scrollWidth > window.innerWidth ||
      root.scrollHeight > window.innerHeight ||
      root.clientWidth !== window.innerWidth ||
      root.clientHeight !== window.innerHeight;
    const f = frame.getBoundingClientRect();
    return {
      viewport: { width: window.innerWidth, height: window.innerHeight, dpr: window.devicePixelRatio },
      scale: Number(canvas.dataset.scale),
      frame: { left: f.left, top: f.top, right: f.right, bottom: f.bottom },
      scrolls,
    };
  });
  const texts = await canvasTexts(page);
  return {
    ...placement,
    tooSmall: texts.filter((t) => t.screenPx < minFontPx * placement.scale - 0.05),
    measured: texts.length,
  };
}
