import { expect, type Page } from '@playwright/test';

/** A figure as an office slide shows it: a number, a share, a count out of a whole, or "none". */
const FIGURE = /\d|Không có|None/;

/**
 * Waits for a view's office layout on one slide and checks it shows figures, not an empty screen: at least one large
 * value with a number, or ranked rows each with a name and a value. Checks too that it reads as one designed screen:
 * nothing under the ticker, the head's items on one line, the figures of a row of cards level, each figure with its
 * unit on one line, and every label capitalised. Returns how many slides the view has.
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
  await page.evaluate(() => document.fonts.ready);
  const at = `${view}, slide ${slide}`;
  // Soft: a slide's report names every fault it has, not only the first.
  expect.soft(await overflowing(page), `${at}: cut by the alert ticker or the screen`).toEqual([]);
  expect.soft(await headOffLine(page), `${at}: the head's items beside the title's line`).toEqual([]);
  expect.soft(await unlevelFigures(page), `${at}: figures of one row of cards at different heights`).toEqual([]);
  expect.soft(await brokenNotes(page), `${at}: a figure split from its unit or its name`).toEqual([]);
  expect.soft(await lowerCaseLabels(page), `${at}: labels that start lower-case`).toEqual([]);
  return Number(await board.getAttribute('data-slides'));
}

/**
 * What on the board runs past the top of the alert ticker or off the canvas, by its text: every line of text
 * (a ranking's foot line, a note), the slide's figures and rows, and any figure or row wider than its box.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ticker = document.querySelector('[data-testid="alert-ticker"]')?.getBoundingClientRect();
    const floor = Math.min(ticker?.top ?? window.innerHeight, window.innerHeight);
    const right = window.innerWidth;
    const past = (box: DOMRect) => box.height > 0 && (box.bottom > floor + 0.5 || box.right > right + 0.5);
    const boxes = [...document.querySelectorAll('.office-slide .office-figure, .office-slide .office-rank')]
      .filter((el) => past(el.getBoundingClientRect()) || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent ?? '');
    const board = document.querySelector('[data-testid="office-board"]');
    // A line as drawn: cut by every box that clips what overflows it (a list kept for screen readers is clipped to
    // nothing).
    const drawn = (line: DOMRect, from: Element | null) => {
      let { left, top, right, bottom } = line;
      for (let el = from; el && el !== board; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = el.getBoundingClientRect();
        left = Math.max(left, box.left);
        top = Math.max(top, box.top);
        right = Math.min(right, box.right);
        bottom = Math.min(bottom, box.bottom);
      }
      return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    };
    const walker = board ? document.createTreeWalker(board, NodeFilter.SHOW_TEXT) : null;
    const lines: string[] = [];
    for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const parent = node.parentElement;
      if ([...range.getClientRects()].some((line) => line.width > 0 && past(drawn(line, parent)))) {
        lines.push(node.textContent);
      }
    }
    return [...new Set([...boxes, ...lines].map((text) => text.trim().slice(0, 40)))];
  });
}

/**
 * The head's items (badge, slide number, clock, link state) whose middle is more than 4 px from the middle of the
 * title's first line: a title that wraps must not leave some items on its first line and others between its lines.
 */
function headOffLine(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const title = document.querySelector('.office-head .office-title');
    const range = document.createRange();
    if (title) range.selectNodeContents(title);
    const line = title ? range.getClientRects()[0] : undefined;
    if (!title || !line) return ['no title'];
    const middle = (r: DOMRect) => (r.top + r.bottom) / 2;
    return [...(title.parentElement?.children ?? [])]
      .filter((el) => el !== title)
      .map((el) => ({ text: el.textContent?.trim() ?? '', off: middle(el.getBoundingClientRect()) - middle(line) }))
      .filter((item) => Math.abs(item.off) > 4)
      .map((item) => `${item.text}: ${Math.round(item.off)} px`);
  });
}

/** Figures in one row of cards whose values do not start at the same height (more than 2 px apart), by their text. */
function unlevelFigures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll('.office-slide .office-figure')];
    const rows = new Map<number, { text: string; top: number }[]>();
    for (const card of cards) {
      const value = card.querySelector('[data-testid="office-value"]');
      if (!value) continue;
      const row = Math.round(card.getBoundingClientRect().top);
      rows.set(row, [
        ...(rows.get(row) ?? []),
        { text: value.textContent?.trim() ?? '', top: value.getBoundingClientRect().top },
      ]);
    }
    return [...rows.values()].flatMap((values) => {
      const tops = values.map((v) => v.top);
      return Math.max(...tops) - Math.min(...tops) > 2
        ? [values.map((v) => `${v.text} at ${Math.round(v.top)}`).join(', ')]
        : [];
    });
  });
}

/**
 * Parts of a figure's note ("Hạng 16/21", "Chỉ tiêu 80 %", between its "·") broken over two lines though they fit on
 * one: a figure apart from its name or its unit.
 */
function brokenNotes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.office-slide .office-figure-note')].flatMap((note) => {
      const node = note.firstChild;
      const text = node?.textContent ?? '';
      if (!node || node.nodeType !== Node.TEXT_NODE) return [];
      const broken: string[] = [];
      for (const part of text.matchAll(/[^·]+/g)) {
        const range = document.createRange();
        const start = part.index + (part[0].length - part[0].trimStart().length);
        range.setStart(node, start);
        range.setEnd(node, start + part[0].trim().length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.top))).size;
        const width = rects.reduce((sum, r) => sum + r.width, 0);
        if (lines > 1 && width <= note.getBoundingClientRect().width) broken.push(part[0].trim());
      }
      return broken;
    }),
  );
}

/**
 * The figures' labels whose first word is all lower-case, where the others are capitalised (a name written with a
 * small first letter, "e-ID", has capitals further on).
 */
function lowerCaseLabels(page: Page): Promise<string[]> {
  return page
    .locator('.office-slide .office-figure-label')
    .allTextContents()
    .then((labels) => labels.map((l) => l.trim()).filter((l) => /^\p{Ll}[^\s\p{Lu}]*(\s|$)/u.test(l)));
}
