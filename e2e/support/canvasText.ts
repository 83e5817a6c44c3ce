import type { Page } from '@playwright/test';

/** The smallest text the canvas allows, in canvas pixels: `MIN_FONT_PX` of client/layout/Canvas.tsx. */
export const MIN_FONT_PX = 16;

/** A piece of text on the canvas and the size it is drawn at, in canvas pixels. */
export interface CanvasText {
  text: string;
  fontPx: number;
}

/**
 * Every visible piece of text on the canvas (HTML and SVG, chart labels included), with its font size in canvas
 * pixels (the CSS size, before the canvas is scaled to the screen).
 */
export function canvasTexts(page: Page): Promise<CanvasText[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="canvas"]');
    if (!canvas) return [];
    const out: { text: string; fontPx: number }[] = [];
    const walker = document.createTreeWalker(canvas, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent) continue;
      // Text for screen readers only, and the second copy of the scrolling ticker, are not drawn for the eye.
      if (parent.closest('.visually-hidden, [aria-hidden="true"]:not(svg)')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const rect = parent.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // Chart labels are SVG text with a font-size attribute or style.
      out.push({ text, fontPx: Number.parseFloat(style.fontSize) });
    }
    return out;
  });
}

/** Letters that only Vietnamese uses (tone marks and ă, â, đ, ê, ô, ơ, ư), lower and upper case. */
export const VIETNAMESE_LETTERS = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
