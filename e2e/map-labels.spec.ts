import { expect, type Page, test } from '@playwright/test';
import { regionSet } from './support/regions';

/**
 * The overview's map names its districts without any two names overlapping, in a map of every size a screen or a
 * wall cell gives it: names that do not fit are left out (their gauges and ranking rows name them), never drawn
 * over each other. Measured from the drawn text's boxes in the browser.
 */
interface Label {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function mapLabels(page: Page): Promise<Label[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="map"] svg text')]
      .filter((el) => (el.textContent ?? '').trim() !== '' && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => Number(el.getAttribute('opacity') ?? 1) > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
  );
}

/** Pairs of labels whose boxes overlap by more than a pixel each way (glyph boxes include the line's leading). */
function overlapping(labels: Label[]): string[] {
  const pairs: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) {
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) pairs.push(`${a.text} / ${b.text}`);
    }
  });
  return pairs;
}

const SCREENS = [
  { name: 'one screen', viewport: { width: 1920, height: 1080 }, query: '' },
  { name: 'a lone 7680x2160 screen', viewport: { width: 7680, height: 2160 }, query: '' },
  { name: 'a 2x1 wall', viewport: { width: 1920, height: 1080 }, query: 'wall=2x1&tile=0,0' },
  { name: 'a 3x1 wall', viewport: { width: 1920, height: 1080 }, query: 'wall=3x1&tile=0,0' },
  { name: 'a 2x2 wall', viewport: { width: 1920, height: 1080 }, query: 'wall=2x2&tile=1,0' },
  { name: 'a 3x2 wall', viewport: { width: 1920, height: 1080 }, query: 'wall=3x2&tile=1,0' },
];

for (const s of SCREENS) {
  test(`map labels never overlap on ${s.name}, and Hưng Nguyên is named`, async ({ page }) => {
    await page.setViewportSize(s.viewport);
    await page.goto(`/?kiosk=1${s.query ? `&${s.query}` : ''}`);
    await expect(page.getByTestId('map-regions').locator('li')).toHaveCount(regionSet.districts.length);
    await page.evaluate(() => document.fonts.ready);
    await expect(page.getByTestId('map')).toHaveAttribute('data-labels', 'placed');
    await expect.poll(async () => (await mapLabels(page)).length).toBeGreaterThan(12);
    const labels = await mapLabels(page);
    expect(overlapping(labels)).toEqual([]);
    expect(labels.map((l) => l.text)).toContain('Hưng Nguyên');
  });
}
