import { expect, type Page, test } from '@playwright/test';
import { regionSet } from './support/regions';
import { startWallServer, type WallServer } from './support/server';

/** A box on the page, in CSS pixels. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Each tile's age badge (its `::after`, on the tile's top edge: see kiosk.css), as laid out. */
async function ageBadges(page: Page): Promise<Box[]> {
  return page.locator('.canvas [data-age]').evaluateAll((tiles) =>
    tiles.map((tile) => {
      const box = tile.getBoundingClientRect();
      const badge = getComputedStyle(tile, '::after');
      const scale = box.width / (tile as HTMLElement).offsetWidth || 1;
      const width = Number.parseFloat(badge.width) * scale;
      const height = Number.parseFloat(badge.height) * scale;
      const right = box.right - Number.parseFloat(badge.right) * scale;
      return { x: right - width, y: box.top + Number.parseFloat(badge.top) * scale, width, height };
    }),
  );
}

test.describe('what a screenshot showed wrong', () => {
  test('every ranking row is a hit target at least 24 px tall', async ({ page }) => {
    await page.goto('/');
    const rows = page.getByTestId('ranking').locator('.ranking-row');
    await expect(rows).toHaveCount(regionSet.districts.length);
    const heights = await rows.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(heights.filter((h) => h < 24)).toEqual([]);
  });

  test('the dashed district line is named on a kiosk screen, where its picker is hidden', async ({ page }) => {
    await page.goto('/?kiosk=1');
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    const trend = page.getByTestId('trend');
    await expect(page.getByTestId('trend-district')).toBeHidden();
    await expect(trend.getByTestId('trend-unit-name')).toBeVisible();
    // The line follows the lagging district, which the first figures settle: the label names whichever it shows.
    const labelAndLine = async () => {
      const code = await trend.getAttribute('data-district');
      return [await trend.getByTestId('trend-unit-name').textContent(), regionSet.unit(code ?? '')?.name];
    };
    await expect.poll(async () => new Set(await labelAndLine()).size).toBe(1);
    expect((await labelAndLine())[0]).toBeTruthy();

    // At a desk the picker names it; the name is not said twice.
    await page.goto('/');
    await expect(page.getByTestId('trend-district')).toBeVisible();
    await expect(page.getByTestId('trend-unit-name')).toBeHidden();
  });
});

/**
 * Text cut or spilling on a view: every element that cuts its text with an ellipsis and every panel, whose content
 * is wider than its box (the screen-reader-only texts, 1 px wide on purpose, aside).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.locator('.canvas').evaluate((canvas) =>
    [...canvas.querySelectorAll<HTMLElement>('*')]
      .filter((el) => getComputedStyle(el).textOverflow === 'ellipsis' || el.classList.contains('panel'))
      .filter((el) => !el.classList.contains('visually-hidden') && el.scrollWidth > el.clientWidth)
      .map((el) => `${el.className}: ${el.textContent?.trim().slice(0, 60)} (${el.scrollWidth} > ${el.clientWidth})`),
  );
}

test.describe('English names at 1920x1080', () => {
  test('the whole-province summary stays in its bar and no department name is cut on the index', async ({ page }) => {
    await page.goto('/ranking?lang=en');
    await expect(page.getByTestId('index-departments').locator('li')).toHaveCount(regionSet.departments.length);
    await expect(page.getByTestId('index-province')).toContainText('Whole province');
    expect(await overflowing(page)).toEqual([]);
    const province = await page.getByTestId('index-province').boundingBox();
    expect(province && province.x + province.width).toBeLessThanOrEqual(1920);
  });

  test('the overview on a desk shows the whole province line under the gauges, clear of the picker', async ({
    page,
  }) => {
    // On a desk (not a kiosk) the indicator picker shows; in English the province line takes two lines.
    await page.goto('/?lang=en');
    const panel = page.locator('.district-gauges');
    await expect(page.getByTestId('gauge-province')).toContainText('Whole province');
    const [box, line, picker, title] = await Promise.all([
      panel.boundingBox(),
      page.getByTestId('gauge-province').boundingBox(),
      page.getByTestId('indicator-picker').boundingBox(),
      panel.locator('.panel-title').evaluate((h) => {
        // The title's text, not its flex box, which runs the panel's width.
        const range = document.createRange();
        range.selectNodeContents(h);
        return range.getBoundingClientRect().right;
      }),
    ]);
    expect(box && line && picker).toBeTruthy();
    if (!box || !line || !picker) return;
    expect(line.y + line.height).toBeLessThanOrEqual(box.y + box.height);
    expect(picker.x).toBeGreaterThan(title);
  });

  test('no department name is cut on the services view', async ({ page }) => {
    await page.goto('/services?lang=en');
    await expect(page.getByTestId('departments-table').locator('tbody tr')).toHaveCount(regionSet.departments.length);
    expect(await overflowing(page)).toEqual([]);
  });

  test('no task name is cut on the tasks view', async ({ page }) => {
    await page.goto('/tasks?lang=en');
    await expect(page.getByTestId('tasks-completed')).toHaveText('23/25');
    expect(await overflowing(page)).toEqual([]);
  });
});

test.describe('the link banner', () => {
  let server: WallServer | undefined;
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  test('gives the date with the time, and covers neither the header nor a tile age badge', async ({ page }) => {
    server = await startWallServer({ env: { SIM_RATE: '0' } });
    await page.goto(`${server.url}/?kiosk=1`);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
    const header = await page.locator('.wall-header').boundingBox();
    expect(header).not.toBeNull();

    await server.stop();
    server = undefined;
    const banner = page.getByTestId('link-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(/ \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    await expect(page.locator('.canvas [data-age]').first()).toBeAttached();
    const box = await banner.boundingBox();
    expect(box).not.toBeNull();
    expect(intersects(box as Box, header as Box)).toBe(false);
    const covered = (await ageBadges(page)).filter((strip) => intersects(box as Box, strip));
    expect(covered).toEqual([]);
  });
});
