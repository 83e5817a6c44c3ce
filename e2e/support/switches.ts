import type { Page } from '@playwright/test';

/** A change of the overview's indicator, at the page's time. */
export interface Switch {
  at: number;
  indicator: string | null;
}

/** Records, in the page, the time and indicator of every change of the overview's indicator from now on. */
export async function recordSwitches(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { switches: { at: number; indicator: string | null }[] };
    const current = () =>
      document.querySelector('[data-testid="view-overview"]')?.getAttribute('data-indicator') ?? null;
    let last = current();
    w.switches = [];
    new MutationObserver(() => {
      const indicator = current();
      if (indicator !== last) w.switches.push({ at: Date.now(), indicator });
      last = indicator;
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-indicator'],
      childList: true,
    });
  });
}

/** The switches recorded so far. */
export const switches = (page: Page): Promise<Switch[]> =>
  page.evaluate(() => (window as unknown as { switches: { at: number; indicator: string | null }[] }).switches);
