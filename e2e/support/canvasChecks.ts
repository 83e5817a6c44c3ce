import type { Page } from '@playwright/test';

export interface CanvasReport {
  viewport: { width: number; height: number; dpr: number };
  scale: number;
  frame: { left: number; top: number; right: number; bottom: number };
  /** Whether the document can scroll, or shows a scrollbar, in either direction. */
  scrolls: boolean;
  /** Visible text whose size on screen is below the canvas minimum at this scale, with where it is. */
  tooSmall: { text: string; screenPx: number; element: string }[];
  /** How many text elements were measured. */
  measured: number;
}

/**
 * Measures a page from inside: the canvas placement, scrolling, and the on-screen size of every visible text, as
 * its computed font size times the scale its element is drawn at (its own transform, not the canvas's declared
 * scale), so text outside the scaled canvas, or scaled down by an SVG, is caught too.
 */
export function inspectCanvas(page: Page, minFontPx: number): Promise<CanvasReport> {
  return page.evaluate((min) => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
    const frame = document.querySelector<HTMLElement>('[data-testid="canvas-frame"]');
    if (!canvas || !frame) throw new Error('no canvas on the page');
    const scale = Number(canvas.dataset.scale);
    const root = document.documentElement;
    window.scrollTo(10_000, 10_000);
    const scrolls =
      window.scrollX !== 0 ||
      window.scrollY !== 0 ||
      root.scrollWidth > window.innerWidth ||
      root.scrollHeight > window.innerHeight ||
      root.clientWidth !== window.innerWidth ||
      root.clientHeight !== window.innerHeight;

    const drawnScale = (el: Element): number => {
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        return m ? Math.hypot(m.a, m.b) : scale;
      }
      // A probe of a known width inside the element is drawn at the element's scale (offsetWidth is rounded to
      // whole pixels, too coarse for small elements).
      const probe = document.createElement('i');
      probe.style.cssText = 'position:absolute;width:1000px;height:0;visibility:hidden;transform:none';
      el.appendChild(probe);
      const drawn = probe.getBoundingClientRect().width / 1000;
      probe.remove();
      return drawn;
    };
    const tooSmall: { text: string; screenPx: number; element: string }[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement ?? (node.parentNode as Element | null);
      if (!el || seen.has(el) || !node.textContent?.trim()) continue;
      seen.add(el);
      if (el.closest('.visually-hidden, option, script, style, title')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1 || !el.checkVisibility({ visibilityProperty: true })) continue;
      const screenPx = Number.parseFloat(getComputedStyle(el).fontSize) * drawnScale(el);
      if (screenPx < min * scale - 0.05) {
        tooSmall.push({ text: node.textContent.trim().slice(0, 40), screenPx, element: el.tagName });
      }
    }
    const f = frame.getBoundingClientRect();
    return {
      viewport: { width: window.innerWidth, height: window.innerHeight, dpr: window.devicePixelRatio },
      scale,
      frame: { left: f.left, top: f.top, right: f.right, bottom: f.bottom },
      scrolls,
      tooSmall,
      measured: seen.size,
    };
  }, minFontPx);
}
