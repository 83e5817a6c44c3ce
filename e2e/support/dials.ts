import type { Page } from '@playwright/test';

/**
 * The gauge cards whose dial is not centred under their title, more than `tolerance` canvas pixels off the middle
 * of the card's content box, named by their test id with how far off they are.
 */
export function offCentreDials(page: Page, tolerance = 3): Promise<string[]> {
  return page.evaluate((tolerance) => {
    const scale = Number(document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.scale ?? 1);
    return [...document.querySelectorAll<HTMLElement>('.stat-gauge')].flatMap((card) => {
      const dial = card.querySelector('.stat-dial')?.getBoundingClientRect();
      if (!dial || dial.width === 0) return [];
      const box = card.getBoundingClientRect();
      const style = getComputedStyle(card);
      const left = box.left + (Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.paddingLeft)) * scale;
      const right =
        box.right - (Number.parseFloat(style.borderRightWidth) + Number.parseFloat(style.paddingRight)) * scale;
      const off = ((dial.left + dial.right) / 2 - (left + right) / 2) / scale;
      return Math.abs(off) > tolerance ? [`${card.dataset.testid}: ${Math.round(off)} px off centre`] : [];
    });
  }, tolerance);
}
