import type { Page } from '@playwright/test';

/** The smallest text the canvas allows, in canvas pixels. */
export { MIN_FONT_PX } from '../../client/layout/fit';

/** A piece of text on the screen and the size it is drawn at. */
export interface CanvasText {
  text: string;
  /** Its CSS font size: canvas pixels for text on the canvas, before the canvas is scaled to the screen. */
  fontPx: number;
  /**
   * The size it is drawn at on the screen, in CSS pixels: the font size times the scale its element is drawn at
   * (its own transforms, not the canvas's declared scale), so text outside the scaled canvas is measured too.
   */
  screenPx: number;
  /** The element that holds it, named for a failure message: its nearest test id, then its tag and class. */
  where: string;
}

/**
 * Every visible piece of text on the screen (the canvas and what is drawn over it; HTML and SVG, chart labels
 * included), with its font size.
 */
export function canvasTexts(page: Page): Promise<CanvasText[]> {
  return page.evaluate(() => {
    const root = document.querySelector('.stage') ?? document.querySelector('[data-testid="canvas"]');
    if (!root) return [];
    const scales = new Map<Element, number>();
    const drawnScale = (el: Element): number => {
      const known = scales.get(el);
      if (known !== undefined) return known;
      let scale = 1;
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        scale = m ? Math.hypot(m.a, m.b) : 1;
      } else {
        // A probe of a known width inside the element is drawn at the element's scale (offsetWidth is rounded to
        // whole pixels, too coarse for small elements).
        const probe = document.createElement('i');
        probe.style.cssText = 'position:absolute;width:1000px;height:0;visibility:hidden;transform:none';
        el.appendChild(probe);
        scale = probe.getBoundingClientRect().width / 1000;
        probe.remove();
      }
      scales.set(el, scale);
      return scale;
    };
    const out: { text: string; fontPx: number; screenPx: number; where: string }[] = [];
    const nameOf = (el: Element) => {
      const own = `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
      const id = el.closest('[data-testid]')?.getAttribute('data-testid');
      return id ? `[data-testid=${id}] ${own}` : own;
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent) continue;
      // Text for screen readers only, and the second copy of the scrolling ticker, are not drawn for the eye.
      if (parent.closest('.visually-hidden, [aria-hidden="true"]:not(svg), option')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden' || !parent.checkVisibility()) continue;
      const rect = parent.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // Chart labels are SVG text with a font-size attribute or style.
      const fontPx = Number.parseFloat(style.fontSize);
      out.push({ text, fontPx, screenPx: fontPx * drawnScale(parent), where: nameOf(parent) });
    }
    return out;
  });
}

/** Letters that only Vietnamese uses (tone marks and ă, â, đ, ê, ô, ơ, ư), lower and upper case. */
export const VIETNAMESE_LETTERS = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
