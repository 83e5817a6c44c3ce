import type { Page } from '@playwright/test';
import type { Box } from '../../client/layout/fit';

/**
 * What a leader reads as one thing on any view: every tile and panel, gauge, counter, card, ranking row, figure
 * tile, and the header's texts. None may cross a seam between two panels of a wall.
 */
export const WIDGETS = [
  '.panel',
  '[data-tile]',
  '.gauge',
  '.gauge-summary',
  '.headline-counter',
  '.ranking-row',
  '.index-row',
  '.grid-card',
  '.stat-gauge',
  '.figure-tile',
  '.wall-header .brand',
  '[data-testid="clock"]',
  '[data-testid="link-status"]',
].join(', ');

export interface Measured {
  size: string;
  panels: string;
  layout: string | null;
  scale: number;
  /** The canvas x and y at this screen's top-left corner, in canvas pixels. */
  origin: { x: number; y: number };
  /** Where the canvas shows in the window. */
  frame: Box;
  /** The alert ticker's top edge, in canvas pixels. */
  tickerTop: number;
  widgets: (Box & { name: string })[];
}

/** The screen's canvas and every widget's box on it, in canvas pixels (whether or not this tile shows it). */
export function measureWidgets(page: Page): Promise<Measured> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
    const frame = document.querySelector<HTMLElement>('[data-testid="canvas-frame"]');
    const ticker = document.querySelector('.alert-ticker');
    if (!canvas || !frame || !ticker) throw new Error('no canvas');
    const scale = Number(canvas.dataset.scale);
    const c = canvas.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    const onCanvas = (r: DOMRect) => ({
      x: (r.left - c.left) / scale,
      y: (r.top - c.top) / scale,
      width: r.width / scale,
      height: r.height / scale,
    });
    return {
      size: canvas.dataset.size ?? '',
      panels: canvas.dataset.panels ?? '',
      layout: document.querySelector('[data-testid="view-overview"]')?.getAttribute('data-layout') ?? null,
      scale,
      origin: { x: (f.left - c.left) / scale, y: (f.top - c.top) / scale },
      frame: { x: f.left, y: f.top, width: f.width, height: f.height },
      tickerTop: onCanvas(ticker.getBoundingClientRect()).y,
      // The tickers along the foot scroll their lines within them; view-walls checks that each lies in its panel.
      widgets: [...canvas.querySelectorAll(selector)]
        .filter((el) => !el.closest('.alert-ticker'))
        .map((el) => ({
          name: `${el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''} ${el.className}`,
          ...onCanvas(el.getBoundingClientRect()),
        })),
    };
  }, WIDGETS);
}

/** The widgets that do not lie wholly within one panel: across a seam, under a frame, or off the canvas. */
export function straddling(m: Measured, panels: Box[]): string[] {
  const within = (w: Box, p: Box) =>
    w.x >= p.x - 0.5 &&
    w.y >= p.y - 0.5 &&
    w.x + w.width <= p.x + p.width + 0.5 &&
    w.y + w.height <= p.y + p.height + 0.5;
  return m.widgets
    .filter((w) => w.width > 0 && w.height > 0)
    .filter((w) => !panels.some((p) => within(w, p)) || w.y + w.height > m.tickerTop + 0.5)
    .map((w) => `${w.name} at ${Math.round(w.x)},${Math.round(w.y)} ${Math.round(w.width)}x${Math.round(w.height)}`);
}
