import { expect, test } from '@playwright/test';

test.describe('the tasks view', () => {
  for (const lang of ['vi', 'en']) {
    test(`${lang}: every pilot model's chip lies inside its panel, the last row too`, async ({ page }) => {
      await page.goto(`/tasks?kiosk=1&lang=${lang}`);
      await expect(page.getByTestId('tasks-completed')).toHaveText('23/25');
      await page.evaluate(() => document.fonts.ready);
      const cut = await page.getByTestId('pilot-models').evaluate((panel) => {
        const box = panel.getBoundingClientRect();
        // The panel's inner edge: a chip over its padding touches the frame, past the frame it is cut.
        const bottom =
          box.bottom -
          Number.parseFloat(getComputedStyle(panel).paddingBottom) * (box.height / (panel as HTMLElement).offsetHeight);
        return [...panel.querySelectorAll('.model-chip, .theme-name')]
          .filter((el) => el.getBoundingClientRect().bottom > bottom + 0.5)
          .map((el) => el.textContent?.trim());
      });
      expect(cut).toEqual([]);
      expect(await page.locator('[data-testid="pilot-models"] .model-chip').count()).toBe(38);
    });
  }
});

/**
 * For each district gauge, the points of its value's text (the line box around the digits and the "%", sampled
 * every pixel) that fall on the arc's stroke: its track, which spans the whole sweep, with its round caps.
 */
function valuesOnArc(page: import('@playwright/test').Page) {
  return page.locator('[data-testid^="gauge-4"]').evaluateAll((gauges) =>
    gauges.flatMap((gauge) => {
      const track = gauge.querySelector<SVGPathElement>('.arc-track');
      const value = gauge.querySelector('[data-testid="gauge-value"]');
      const matrix = track?.getScreenCTM()?.inverse();
      if (!track || !value || !matrix) return [`${gauge.getAttribute('data-testid')}: no dial`];
      const range = document.createRange();
      range.selectNodeContents(value);
      const text = range.getBoundingClientRect();
      let hits = 0;
      for (let y = Math.ceil(text.top); y <= Math.floor(text.bottom); y++) {
        for (let x = Math.ceil(text.left); x <= Math.floor(text.right); x++) {
          if (track.isPointInStroke(new DOMPoint(x, y).matrixTransform(matrix))) hits++;
        }
      }
      return hits > 0 ? [`${gauge.getAttribute('data-testid')} "${value.textContent}": ${hits} px on the arc`] : [];
    }),
  );
}

test.describe("the district gauges' arcs", () => {
  for (const screen of [
    { name: 'the overview', query: '', viewport: { width: 1920, height: 1080 } },
    { name: 'a 2x2 wall', query: '&wall=2x2&tile=0,1', viewport: { width: 1920, height: 1080 } },
    { name: 'a 2x1 wall', query: '&wall=2x1&tile=1,0', viewport: { width: 1920, height: 1080 } },
  ]) {
    test(`${screen.name}: no arc runs through a value's digits or its "%"`, async ({ page }) => {
      await page.setViewportSize(screen.viewport);
      await page.goto(`/?kiosk=1${screen.query}`);
      await expect(page.locator('[data-testid^="gauge-4"] [data-testid="gauge-value"]').first()).toHaveText(/%$/);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.locator('[data-testid^="gauge-4"]').count()).toBe(21);
      expect(await valuesOnArc(page)).toEqual([]);
    });
  }
});

test.describe("the overview map's Vinh-area inset", () => {
  /** The inset's card: the map chart's top-right corner (DistrictMap's INSET_SIZE), in page pixels. */
  const CARD = 196;

  test('stands clear of every district of the main map, and Nghi Lộc names itself there', async ({ page }) => {
    await page.goto('/?kiosk=1');
    await expect(page.getByTestId('map-regions').locator('li')).toHaveCount(21);
    await expect.poll(() => page.getByTestId('map').locator('svg text').count()).toBeGreaterThan(15);
    const found = await page.getByTestId('map').evaluate((map, card) => {
      const chart = map.querySelector('.map-chart') as HTMLElement;
      const svg = chart.querySelector('svg') as SVGSVGElement;
      const c = chart.getBoundingClientRect();
      const box = { left: c.right - card, top: c.top, right: c.right, bottom: c.top + card };
      // Every drawn shape but the chart's own background: districts of both maps, the card.
      const shapes = [...svg.querySelectorAll('path')].filter((p) => {
        const b = p.getBoundingClientRect();
        return p.getAttribute('fill') !== 'none' && b.width < c.width * 0.9;
      });
      const filled = (x: number, y: number) =>
        shapes.some((p) => {
          const m = p.getScreenCTM()?.inverse();
          return m ? p.isPointInFill(new DOMPoint(x, y).matrixTransform(m)) : false;
        });
      // A ring 6-10 px outside the card's left and bottom edges: empty map background, no district.
      const touching: string[] = [];
      for (let gap = 6; gap <= 10; gap += 2) {
        for (let y = box.top; y <= box.bottom + gap; y += 2) if (filled(box.left - gap, y)) touching.push(`left ${y}`);
        for (let x = box.left - gap; x <= box.right; x += 2)
          if (filled(x, box.bottom + gap)) touching.push(`below ${x}`);
      }
      const inCard = (r: DOMRect) => r.left >= box.left && r.top <= box.bottom && r.right <= box.right + 1;
      const labels = [...svg.querySelectorAll('text')].map((t) => ({
        text: t.textContent?.trim() ?? '',
        inset: inCard(t.getBoundingClientRect()),
      }));
      return { touching, labels };
    }, CARD);
    expect(found.touching).toEqual([]);
    expect(found.labels).toContainEqual({ text: 'Nghi Lộc', inset: false });
    expect(found.labels).toContainEqual({ text: 'Khu vực TP. Vinh', inset: true });
    expect(found.labels).toContainEqual({ text: 'Vinh', inset: true });
  });
});
