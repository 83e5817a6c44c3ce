import type { Page } from '@playwright/test';

/**
 * Shows another address of the wall in the same page, without a reload, as a playlist, an operator's command or the
 * language switch does: the router sees the new URL through `popstate`. A spec that walks several views, slides or
 * languages on one screen does so in one page (a page load costs seconds on a busy machine). The screen's own
 * parameters (`kiosk`, `screen`, `wall`, `tile`, ...) are read once, from the address the page was opened with.
 */
export async function showInPlace(page: Page, address: string): Promise<void> {
  await page.evaluate((next) => {
    window.history.pushState(null, '', next);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, address);
}

/** Changes `?lang=` in place, so a spec tests that every label follows the language reactively. */
export async function switchLanguage(page: Page, lang: 'vi' | 'en'): Promise<void> {
  const url = new URL(page.url());
  url.searchParams.set('lang', lang);
  await showInPlace(page, `${url.pathname}${url.search}`);
}
