import { expect, type Page } from '@playwright/test';

/** A figure as an office slide shows it: a number, a share, a count out of a whole, or "none". */
const FIGURE = /\d|Không có|None/;

/**
 * Waits for a view's office layout on one slide and checks it shows figures, not an empty screen: at least one large
 * value with a number, or ranked rows each with a name and a value. Returns how many slides the view has.
 */
export async function expectOfficeSlide(page: Page, view: string, slide: number): Promise<number> {
  const board = page.getByTestId('office-board');
  await expect(board).toHaveAttribute('data-view', view);
  await expect(board).toHaveAttribute('data-slide', String(slide - 1));
  const values = page.getByTestId('office-slide').getByTestId('office-value');
  const rows = page.getByTestId('office-slide').locator('.office-rank');
  await expect.poll(async () => (await values.count()) + (await rows.count())).toBeGreaterThan(0);
  for (const value of await values.all()) await expect(value).toHaveText(FIGURE);
  for (const row of await rows.all()) {
    await expect(row.locator('.office-rank-name')).toHaveText(/\S/);
    await expect(row.locator('.office-rank-value')).toHaveText(/\d/);
  }
  expect(await overflowing(page), 'cut by the alert ticker or the screen').toEqual([]);
  return Number(await board.getAttribute('data-slides'));
}

/** The slide's figures and rows whose box runs past the top of the alert ticker (or off the canvas), by their text. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ticker = document.querySelector('[data-testid="alert-ticker"]')?.getBoundingClientRect();
    const floor = Math.min(ticker?.top ?? window.innerHeight, window.innerHeight);
    const right = window.innerWidth;
    return [...document.querySelectorAll('.office-slide .office-figure, .office-slide .office-rank')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.bottom > floor + 0.5 || box.right > right + 0.5 || el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => (el.textContent ?? '').trim().slice(0, 40));
  });
}
