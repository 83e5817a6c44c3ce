import { expect, type Page, test } from '@playwright/test';
import { tileRegions } from '../client/layout/fit';
import { VIEWS } from './support/views';

/**
 * On walls two panels high, the lists longer than the band below the seam (the identity view's units' table, the
 * tasks view's task list, open tasks and pilot models) are never cut: every row shown lies wholly inside one panel,
 * clear of the seams and the ticker, and wholly inside every box that clips it. Each page of each list is checked.
 */
const PANEL = { width: 1920, height: 1080 };
const WALLS = [
  { wall: '2x2', cols: 2, rows: 2, canvas: { width: 1920, height: 1080 } },
  { wall: '3x2', cols: 3, rows: 2, canvas: { width: 2880, height: 1080 } },
];
const LISTS = [
  { view: 'identity', rows: '[data-testid="identity-table"] tbody tr', min: 21 },
  {
    view: 'tasks',
    rows: '[data-testid="task-list"] li, [data-testid="open-task-list"] li, [data-testid="pilot-models"] .model-themes > li',
    min: 25,
  },
];
/** More than any list here pages: `?page=` past the last holds the last. */
const PAGES = 3;

interface Row {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The boxes of the ancestors that clip it (overflow other than visible), in canvas pixels. */
  clips: { x: number; y: number; width: number; height: number }[];
}

function measureRows(page: Page, selector: string): Promise<{ tickerTop: number; rows: Row[] }> {
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
    const ticker = document.querySelector('.alert-ticker');
    if (!canvas || !ticker) throw new Error('no canvas');
    const scale = Number(canvas.dataset.scale);
    const c = canvas.getBoundingClientRect();
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return {
        x: (r.left - c.left) / scale,
        y: (r.top - c.top) / scale,
        width: r.width / scale,
        height: r.height / scale,
      };
    };
    const clipsOf = (el: Element) => {
      const out = [];
      for (let a = el.parentElement; a && a !== canvas; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') out.push(box(a));
      }
      return out;
    };
    return {
      tickerTop: box(ticker).y,
      rows: [...canvas.querySelectorAll(sel)].map((el) => ({
        name: `${el.closest('[data-testid]')?.getAttribute('data-testid')}: ${el.getAttribute('data-code') ?? (el.textContent ?? '').trim().slice(0, 40)}`,
        ...box(el),
        clips: clipsOf(el),
      })),
    };
  }, selector);
}

for (const list of LISTS) {
  const view = VIEWS.find((v) => v.name === list.view);
  if (!view) throw new Error(`no view ${list.view}`);
  for (const w of WALLS) {
    test(`${list.view} on a ${w.wall} wall: every row shown lies whole inside one panel, on every page`, async ({
      page,
    }) => {
      const panels = tileRegions(w.canvas, w.cols, w.rows);
      const inside = (r: Omit<Row, 'clips' | 'name'>, p: Omit<Row, 'clips' | 'name'>) =>
        r.x >= p.x - 0.5 &&
        r.y >= p.y - 0.5 &&
        r.x + r.width <= p.x + p.width + 0.5 &&
        r.y + r.height <= p.y + p.height + 0.5;
      await page.setViewportSize(PANEL);
      const seen = new Set<string>();
      for (const lang of ['vi', 'en']) {
        for (let n = 1; n <= PAGES; n++) {
          await page.goto(`${view.path}?kiosk=1&wall=${w.wall}&tile=${w.cols - 1},1&page=${n}&lang=${lang}`);
          if (lang === 'vi') await view.ready(page);
          await expect(page.getByTestId('link-status')).toHaveAttribute('data-state', 'live');
          await page.evaluate(() => document.fonts.ready);
          const m = await measureRows(page, list.rows);
          expect(m.rows.length, `${lang} page ${n}`).toBeGreaterThan(0);
          for (const row of m.rows) {
            const label = `${row.name} (${lang}, page ${n}) at ${Math.round(row.x)},${Math.round(row.y)} ${Math.round(row.width)}x${Math.round(row.height)}`;
            expect(row.height, label).toBeGreaterThan(0);
            expect(
              panels.some((p) => inside(row, p)),
              `${label}: across a seam or off the panels`,
            ).toBe(true);
            expect(row.y + row.height, `${label}: under the ticker`).toBeLessThanOrEqual(m.tickerTop + 0.5);
            for (const clip of row.clips) expect(inside(row, clip), `${label}: cut by its box`).toBe(true);
            if (lang === 'vi') seen.add(row.name);
          }
        }
      }
      // Across the pages, every row is shown at some time.
      expect(seen.size).toBeGreaterThanOrEqual(list.min);
    });
  }
}
