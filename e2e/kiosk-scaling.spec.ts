import { expect, type Page, test } from '@playwright/test';
import { inspectCanvas } from './support/canvasChecks';
import { MIN_FONT_PX } from './support/canvasText';
import { watchConsole } from './support/pageWatch';
import { UNIT_GAUGES } from './support/regions';

const DISTRICTS = 21;
const SIZES = [
  { width: 1366, height: 768, dpr: 1 },
  { width: 1920, height: 1080, dpr: 1 },
  { width: 3840, height: 2160, dpr: 1 },
  { width: 1920, height: 1080, dpr: 2 },
];

/** The screens of one pixel ratio: the first size opens the page, each next one resizes it, as a window is resized. */
interface Screen {
  page: Page;
  console: { errors: string[] };
}

test.describe('the canvas at every screen size', () => {
  // One page per pixel ratio, shared by its sizes (a pixel ratio is the context's, fixed when it is made): a page
  // load and a browser context for each ratio, not for each size. A test that fails ends its worker; the next opens
  // a fresh screen.
  const screens = new Map<number, Screen>();
  test.afterAll(async () => {
    for (const { page } of screens.values()) await page.context().close();
  });

  for (const size of SIZES) {
    const name = `${size.width}x${size.height}@${size.dpr}x`;
    test(`${name}: fits, no scrollbars, no text below the minimum`, async ({ browser }, testInfo) => {
      const viewport = { width: size.width, height: size.height };
      const fit = Math.min(size.width / 1920, size.height / 1080);
      let screen = screens.get(size.dpr);
      if (screen) {
        await screen.page.setViewportSize(viewport);
      } else {
        const context = await browser.newContext({ viewport, deviceScaleFactor: size.dpr });
        const page = await context.newPage();
        screen = { page, console: watchConsole(page) };
        screens.set(size.dpr, screen);
        await page.goto('/');
      }
      const { page, console } = screen;
      await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
      await expect(page.locator(UNIT_GAUGES)).toHaveCount(DISTRICTS);
      await expect.poll(() => page.getByTestId('map').locator('svg text').count()).toBeGreaterThan(DISTRICTS / 2);
      // A resized screen fits its canvas again on the next frame: measure once it has.
      const canvas = page.getByTestId('canvas');
      await expect.poll(async () => Number(await canvas.getAttribute('data-scale'))).toBeCloseTo(fit, 4);

      const report = await inspectCanvas(page, MIN_FONT_PX);
      expect(report.viewport).toEqual({ ...viewport, dpr: size.dpr });
      expect(report.scale).toBeCloseTo(fit, 4);
      // The canvas lies inside the window and fills it in one direction at least: letterboxed, never cropped.
      expect(report.frame.left).toBeGreaterThanOrEqual(0);
      expect(report.frame.top).toBeGreaterThanOrEqual(0);
      expect(report.frame.right).toBeLessThanOrEqual(size.width + 0.5);
      expect(report.frame.bottom).toBeLessThanOrEqual(size.height + 0.5);
      const fillsWidth = report.frame.right - report.frame.left >= size.width - 1;
      const fillsHeight = report.frame.bottom - report.frame.top >= size.height - 1;
      expect(fillsWidth || fillsHeight).toBe(true);
      expect(report.scrolls).toBe(false);
      expect(report.measured).toBeGreaterThan(100);
      expect(report.tooSmall).toEqual([]);

      await page.screenshot({ path: testInfo.outputPath(`overview-${name}.png`) });
      expect(console.errors).toEqual([]);
    });
  }

  test('an ultra-wide canvas letterboxes into a 4K panel and scales up on a 7680x2160 wall', async ({ page }) => {
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.goto('/?canvas=3840x1080&kiosk=1');
    await expect(page.getByTestId('canvas')).toHaveAttribute('data-scale', '1.0000');
    const frame = await page.getByTestId('canvas-frame').boundingBox();
    expect(frame).toEqual({ x: 0, y: 540, width: 3840, height: 1080 });
    await page.setViewportSize({ width: 7680, height: 2160 });
    await expect(page.getByTestId('canvas')).toHaveAttribute('data-scale', '2.0000');
    expect((await inspectCanvas(page, MIN_FONT_PX)).tooSmall).toEqual([]);
  });
});

test.describe('kiosk mode', () => {
  test('has no cursor, selection, context menu or interactive chrome', async ({ page }, testInfo) => {
    const console = watchConsole(page);
    await page.goto('/?kiosk=1&display=hall-1');
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    await expect(page.getByTestId('screen')).toHaveAttribute('data-display', 'hall-1');
    await expect(page.getByTestId('indicator-picker')).toBeHidden();
    const styles = await page.evaluate(() => {
      const counter = document.querySelector('[data-testid="counter-id-cards-value"]') as HTMLElement;
      const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      counter.dispatchEvent(menu);
      return {
        cursor: getComputedStyle(counter).cursor,
        gaugeCursor: getComputedStyle(document.querySelector('.gauge') as HTMLElement).cursor,
        userSelect: getComputedStyle(counter).userSelect,
        menuBlocked: menu.defaultPrevented,
      };
    });
    expect(styles).toEqual({ cursor: 'none', gaugeCursor: 'none', userSelect: 'none', menuBlocked: true });
    // The wake lock is asked for; a headless browser may refuse it, but the screen says which.
    await expect(page.getByTestId('screen')).toHaveAttribute('data-wake-lock', /^(held|unavailable)$/);
    await page.screenshot({ path: testInfo.outputPath('kiosk-1920x1080.png') });
    expect(console.errors).toEqual([]);
  });

  test('a plain tab keeps its chrome', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('indicator-picker')).toBeVisible();
    await expect(page.getByTestId('screen')).not.toHaveAttribute('data-kiosk', /.*/);
  });
});
