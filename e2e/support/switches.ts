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

/** How early a switch may come: the page's estimate of the server's clock may run a little ahead of it. */
const EARLY_MS = 100;

/**
 * The playlist slot a switch lands in (slots of `slotMs` from the epoch, as the server's clock runs them). A switch
 * that comes late, by its page's latency, still lands in the slot it starts; one that comes early (by more than the
 * estimate's error) lands in the slot before, and one a whole slot late in the next: either way, in a slot whose
 * item is not the one it shows.
 */
export const slotOf = (at: number, slotMs: number): number => Math.floor((at + EARLY_MS) / slotMs);
